"""The CSL styles shipped with the edition: exactly the ones the code asks for, each a CSL style
that parses, carries its licence in its own `<info>` and is credited in the folder's README."""

from __future__ import annotations

import ast
import fnmatch
import tomllib

import pytest
from lxml import etree
from thouez_edition.citations.references import (
    STYLES,
    FormattingError,
    shipped_styles,
    style_path,
)

from tests.conftest import ROOT

CSL = "{http://purl.org/net/xbiblio/csl}"
CC_BY_SA_3 = "http://creativecommons.org/licenses/by-sa/3.0/"
PACKAGE = ROOT / "hooks"


def styles_asked_for() -> set[str]:
    """Every style named in a `style_path("…")` call in the edition's code."""
    names = set()
    for source in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), str(source))):
            if not isinstance(node, ast.Call):
                continue
            called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if called != "style_path":
                continue
            # A name computed at run time could ask for a style this test cannot see.
            assert len(node.args) == 1 and isinstance(node.args[0], ast.Constant), (
                f"{source.relative_to(ROOT)}:{node.lineno}: style_path takes a literal name")
            names.add(node.args[0].value)
    return names


def test_the_shipped_styles_are_the_ones_the_code_asks_for() -> None:
    asked = styles_asked_for()
    assert asked, "the code asks for no CSL style"
    assert set(shipped_styles()) == asked
    assert sorted(path.name for path in STYLES.iterdir()) == sorted([*(f"{name}.csl" for name in asked), "README.md"])


@pytest.mark.parametrize("name", shipped_styles())
def test_a_shipped_style_is_an_independent_csl_style_under_its_licence(name: str) -> None:
    root = etree.parse(style_path(name)).getroot()
    assert root.tag == f"{CSL}style" and root.get("version") == "1.0"
    info = root.find(f"{CSL}info")
    assert info is not None
    # A dependent style only points to another, which would have to be shipped too.
    assert not info.findall(f"{CSL}link[@rel='independent-parent']")
    assert info.findtext(f"{CSL}id") == f"http://www.zotero.org/styles/{name}"
    rights = info.find(f"{CSL}rights")
    assert rights is not None and rights.get("license") == CC_BY_SA_3
    # The README credits the style as its <info> does: its authors, contributors and date.
    readme = (STYLES / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## `{name}.csl`", 1)[1].split("\n## ", 1)[0]
    assert "CC BY-SA 3.0" in section and CC_BY_SA_3.replace("http:", "https:") in section
    assert "https://github.com/citation-style-language/styles" in section
    people = [person.findtext(f"{CSL}name") for person in [*info.iter(f"{CSL}author"), *info.iter(f"{CSL}contributor")]]
    assert people and all(person and person in section for person in people), people
    updated = info.findtext(f"{CSL}updated")
    assert updated and updated in section and updated[:10] in section


def test_an_unknown_style_is_an_error_naming_it_and_the_shipped_ones() -> None:
    with pytest.raises(FormattingError) as raised:
        style_path("chicago-fullnote-bibliography")
    assert "'chicago-fullnote-bibliography'" in str(raised.value)
    assert all(name in str(raised.value) for name in shipped_styles())
    # Only names are looked up, never paths.
    with pytest.raises(FormattingError):
        style_path("../styles/apa")


def test_the_styles_are_package_data() -> None:
    """Installed (not only in the checkout), the package still has its styles."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    patterns = setuptools["package-data"]["thouez_edition"]
    package = PACKAGE / "thouez_edition"
    for path in STYLES.iterdir():
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative
