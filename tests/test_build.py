"""The site builds with `mkdocs build --strict`, link and anchor validation included."""

from tests.site_html import BuiltSite


def test_strict_build_passes_without_warnings(site: BuiltSite) -> None:
    # The fixture fails the session if the build aborts; no warning may be left standing either.
    assert "WARNING" not in site.log
    assert (site.dir / "index.html").exists()


def test_mkdocs_yml_validates_links_and_anchors() -> None:
    import yaml

    from tests.conftest import ROOT

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert config["validation"] == {
        "omitted_files": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
        "anchors": "warn",
    }
    assert config["theme"]["font"] is False
