"""The edition against the installed Material for MkDocs: every block, partial, script API, class,
attribute and colour variable the edition relies on (tests/theme_dependencies.py) is still in the
theme, each test failing with the names the theme lacks; and the list names everything of the
theme's that the edition's styles, scripts and templates use."""

from __future__ import annotations

import hashlib
import importlib.util
import re
from functools import cache
from pathlib import Path

import material
import yaml

from tests import theme_dependencies as theme
from tests.benchmark.baseline import IgnoreTags
from tests.site_host import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
# The edition's own files that may name the theme's things (not the library it ships as it is).
EDITION_FILES = [
    *(ROOT / "docs" / "assets").rglob("*.css"),
    *(path for path in (ROOT / "docs" / "assets").rglob("*.js") if "vendor" not in path.parts),
    *OVERRIDES.rglob("*.html"),
    *(ROOT / "hooks").rglob("*.py"),
    *(ROOT / "hooks").rglob("*.html"),
    *(ROOT / "hooks").rglob("*.css"),
]


@cache
def theme_text(*suffixes: str) -> str:
    """Every template, stylesheet or script of the installed theme with one of `suffixes`."""
    return "\n".join(
        path.read_text(encoding="utf-8") for path in sorted(THEME.rglob("*")) if path.suffix in suffixes and path.is_file()
    )


def bundle() -> str:
    bundles = sorted((THEME / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(bundles) == 1, f"expected one script bundle in the theme, found {[path.name for path in bundles]}"
    return bundles[0].read_text(encoding="utf-8")


def mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def test_the_theme_has_every_template_block_the_edition_fills() -> None:
    base = (THEME / "base.html").read_text(encoding="utf-8")
    missing = [name for name in theme.TEMPLATE_BLOCKS if not re.search(rf"{{%-?\s*block\s+{name}\s*-?%}}", base)]
    assert missing == [], f"base.html of the installed theme has no block {missing}"
    filled = set(re.findall(r"{%-?\s*block\s+(\w+)", (OVERRIDES / "main.html").read_text(encoding="utf-8")))
    assert filled == set(theme.TEMPLATE_BLOCKS), "overrides/main.html fills other blocks than tests/theme_dependencies.py lists"


def test_the_theme_still_has_every_partial_the_edition_replaces() -> None:
    replaced = {str(path.relative_to(OVERRIDES)) for path in OVERRIDES.rglob("*.html") if path.name != "main.html"}
    assert replaced == set(theme.PARTIALS), "overrides/ replaces other partials than tests/theme_dependencies.py lists"
    missing = [name for name in theme.PARTIALS if not (THEME / name).is_file()]
    assert missing == [], f"the installed theme no longer has {missing}: the edition's replacement would go unused"


def test_the_partials_the_edition_rewrote_are_those_it_followed() -> None:
    changed = [
        name for name, digest in theme.FOLLOWED_PARTIALS.items()
        if hashlib.sha256((THEME / name).read_bytes()).hexdigest() != digest
    ]
    assert changed == [], (
        f"the installed theme's {changed} changed since the edition's replacement was written: read the "
        "edition's version against it, then update FOLLOWED_PARTIALS in tests/theme_dependencies.py"
    )


def without_comments(template: str) -> str:
    return re.sub(r"{#.*?#}\s*", "", template, flags=re.DOTALL).strip()


def test_the_search_partial_starts_none_of_the_themes_search() -> None:
    ours = without_comments((OVERRIDES / "partials" / "search.html").read_text(encoding="utf-8"))
    installed = (THEME / "partials" / "search.html").read_text(encoding="utf-8")
    assert [hook for hook in theme.THEME_SEARCH_HOOKS if hook in ours] == []
    assert all(hook in installed for hook in theme.THEME_SEARCH_HOOKS), (
        "the installed theme's search partial has other hooks than tests/theme_dependencies.py lists: read its "
        "script for what starts its search"
    )


def test_the_theme_still_has_the_toggles_the_editions_scripts_use() -> None:
    base = (THEME / "base.html").read_text(encoding="utf-8")
    missing = [name for name in theme.TOGGLES if not re.search(rf'type="checkbox" id="{name}"', base)]
    assert missing == [], f"the installed theme's base.html has no toggle {missing}"


def test_the_themes_script_still_offers_what_the_editions_scripts_call() -> None:
    script = bundle()
    missing = [name for name in theme.SCRIPT_API if f"window.{name}=" not in script]
    assert missing == [], f"the installed theme's script no longer offers {missing}"


def test_the_storage_helpers_are_those_the_theme_defines_and_calls() -> None:
    inline = (THEME / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    defined = set(re.findall(r"(__md_\w+)=", inline))
    assert defined == theme.STORAGE_HELPERS, f"the theme's base partial defines {sorted(defined)}"
    called = set(re.findall(r"__md_\w+", bundle()))
    assert called <= theme.STORAGE_HELPERS, f"the theme's script calls {sorted(called - theme.STORAGE_HELPERS)}, which the edition does not define"
    ours = (ROOT / "docs" / "assets" / "javascripts" / "theme-storage.js").read_text(encoding="utf-8")
    assert set(re.findall(r"window\.(__md_\w+) =", ours)) == theme.STORAGE_HELPERS
    missing = [key for key in theme.STORAGE_KEYS if f'"{key}"' not in bundle()]
    assert missing == [], f"the theme's script no longer stores {missing}"


def test_the_theme_has_every_class_and_attribute_the_edition_selects() -> None:
    markup = theme_text(".html", ".css", ".js")
    missing = [f".{name}" for name in theme.CLASSES if not mentions(markup, name)]
    for name, values in theme.ATTRIBUTES.items():
        if not mentions(markup, name):
            missing.append(f"[{name}]")
        missing += [f"[{name}={value}]" for value in sorted(values) if not re.search(rf"{name}=['\"]?{value}\b", markup)]
    assert missing == [], f"the installed theme has no {missing}"


def test_the_theme_defines_every_colour_variable_the_edition_uses() -> None:
    styles = theme_text(".css")
    missing = [name for name in sorted(theme.CUSTOM_PROPERTIES) if not re.search(rf"{re.escape(name)}\s*:", styles)]
    assert missing == [], f"the installed theme's stylesheets define no {missing}"


def test_the_themes_preview_extension_still_marks_links() -> None:
    for module, mark in theme.MARKDOWN_EXTENSIONS.items():
        spec = importlib.util.find_spec(module)
        assert spec is not None and spec.origin is not None, f"the installed theme has no {module}"
        assert f'"{mark}"' in Path(spec.origin).read_text(encoding="utf-8"), f"{module} no longer sets {mark}"


def test_the_edition_enables_no_extension_whose_script_it_leaves_out() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=IgnoreTags)
    names = {next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["markdown_extensions"]}
    assert names & theme.NOT_ENABLED == set()


# --- the list is whole ---------------------------------------------------------------------------

NAMES = {
    "custom property": (re.compile(r"--md-[a-z0-9-]+"), theme.CUSTOM_PROPERTIES),
    "class": (re.compile(r"(?<![\w-])md-[a-z0-9_-]*[a-z0-9]"), set(theme.CLASSES)),
    "attribute": (re.compile(r"data-md-[a-z]+(?:-[a-z]+)*"), set(theme.ATTRIBUTES)),
    "storage helper": (re.compile(r"__md_[a-z]+"), theme.STORAGE_HELPERS),
    "script API": (re.compile(r"\b(?:document|location|viewport|keyboard|target|component|alert|progress|screen|tablet|print)\$"), set(theme.SCRIPT_API)),
}


def test_the_list_names_everything_of_the_themes_that_the_edition_uses() -> None:
    unlisted: dict[str, set[str]] = {}
    for path in EDITION_FILES:
        text = path.read_text(encoding="utf-8")
        for kind, (pattern, listed) in NAMES.items():
            for name in set(pattern.findall(text)) - listed:
                unlisted.setdefault(f"{kind} {name}", set()).add(str(path.relative_to(ROOT)))
        if path.suffix != ".py":
            for key in set(re.findall(r"[\"'](__[a-z]+)[\"']", text)) - set(theme.STORAGE_KEYS) - set(theme.TOGGLES):
                unlisted.setdefault(f"storage key {key}", set()).add(str(path.relative_to(ROOT)))
    assert unlisted == {}, "add these to tests/theme_dependencies.py, or stop using them:\n" + "\n".join(
        f"  {name}: {', '.join(sorted(files))}" for name, files in sorted(unlisted.items())
    )
