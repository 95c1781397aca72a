"""Everything of Material for MkDocs that the edition relies on: the template blocks it fills, the
partials it replaces, the script's API it calls, the classes, attributes and ids its styles and
scripts select, and the colour variables they use. tests/test_theme_dependencies.py checks each
against the installed theme, and fails naming what the theme no longer has, so that an upgrade of
the theme says what broke; it also fails when the edition uses a name of the theme's that is not
listed here, so the list stays whole.

Each is something the theme documents (its customization guide's blocks, partials and `document$`;
the colour variables of its `_colors.scss`, which its colour guide points to) or markup the
edition's styles and scripts select by name. What the edition does with each is said beside it.
"""

from __future__ import annotations

# Blocks of the theme's base.html, filled by overrides/main.html.
TEMPLATE_BLOCKS = {
    "site_meta": "the Content-Security-Policy, before any script or style",
    "htmltitle": "the page's title, escaped again after the theme strips tags",
    "extrahead": "the paper's and the profiles' metadata, the print page's stylesheet",
}

# Partials replaced by overrides/partials/: a replaced partial the theme no longer includes would be
# silently unused. Each is the theme's, save what is said.
PARTIALS = {
    "partials/search.html": "the edition's own search, in the theme's classes and without its search hooks",
    "partials/progress.html": "the loading bar hidden from assistive technology",
    "partials/palette.html": "the colour scheme toggle, run by the edition's stored-scheme.js, not the theme's script",
    "partials/javascripts/base.html": "the storage helpers, from a file (theme-storage.js)",
    "partials/javascripts/palette.html": "the stored colour scheme, from a file (stored-scheme.js)",
    "partials/javascripts/content.html": "nothing: it opens content tabs, which the edition has none of",
}
# The theme's version of each partial that the edition rewrote rather than copied, by its SHA-256:
# when the theme changes one, the test names it, and the edition's version must be read against
# the new one (and this hash updated).
FOLLOWED_PARTIALS = {
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    "partials/progress.html": "f7596002950a7d9f415e1d10d6da4e87af6039f854911875b680ea70522360f4",
    "partials/palette.html": "fb935107ae7d3d7475965019eec36c1ad72bf1d154254dab2474921fcd2710e3",
    "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    "partials/javascripts/palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
    "partials/javascripts/content.html": "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
}
# The theme's search hooks, which the edition's search partial must not carry: with any of them
# the theme's search script would start (and fetch the index on every page).
THEME_SEARCH_HOOKS = ('data-md-component="search', 'name="search"')
# The theme's toggles (checkboxes in base.html, by id) that the edition's scripts open and close.
TOGGLES = {"__search": "search open or closed: search.js opens it with its keys and closes it"}

# What the theme's script offers to other scripts, as `window.<name>`.
SCRIPT_API = {
    "document$": "each page, loaded or brought in by instant navigation: the edition's scripts run on it",
}
# The storage helpers the theme's script calls and its base partial defines inline; the edition
# defines them in theme-storage.js. The test fails if the theme's partial defines others.
STORAGE_HELPERS = {"__md_scope", "__md_hash", "__md_get", "__md_set"}

# Classes of the theme's markup that the edition's styles and scripts select.
CLASSES = {
    "md-typeset": "the text's typography; tooltips' content is set in it",
    "md-content": "where tooltips are looked for",
    "md-content__inner": "the article",
    "md-main__inner": "print: no margins",
    "md-header": "print: left out",
    "md-tabs": "print: left out",
    "md-tabs__link": "contrast of the tabs",
    "md-sidebar": "print: left out",
    "md-footer": "print: left out",
    "md-top": "print: left out",
    "md-search": "print: left out",
    "md-dialog": "print: left out",
    "md-source": "print: left out",
    "md-content__button": "print: left out",
    "md-copyright": "contrast of the footer's line",
    "md-search-result__meta": "contrast of the count of results; search.js writes the count in it",
    "md-search__overlay": "the edition's search: the overlay that closes it",
    "md-search__inner": "the edition's search: its box and results",
    "md-search__form": "the edition's search: the form of its box",
    "md-search__input": "the edition's search: the box",
    "md-search__icon": "the edition's search: the magnifier and the clear button",
    "md-search__options": "the edition's search: the clear button",
    "md-search__output": "the edition's search: where results show",
    "md-search__scrollwrap": "the edition's search: results scroll",
    "md-search-result": "the edition's search: the results",
    "md-search-result__list": "the edition's search: the list of hits (search.js)",
    "md-search-result__item": "the edition's search: a hit (search.js)",
    "md-search-result__link": "the edition's search: a hit's link (search.js)",
    "md-search-result__article": "the edition's search: a hit's label and excerpt (search.js)",
    "md-icon": "the edition's search and colour scheme toggle: their icons",
    "md-header__option": "the colour scheme toggle's place in the header",
    "no-js": "the page before the theme's script starts: the colour scheme toggle hidden, as its search button is",
    "md-option": "the colour scheme toggle's options (hidden radio buttons)",
    "md-header__button": "the colour scheme toggle's button",
    "md-nav__link": "height of navigation links (target size)",
    "md-button": "not underlined as a link in text",
    "md-tag": "not underlined as a link in text",
    "md-progress": "the loading bar (the edition's progress.html)",
}
# Attributes of the theme's markup, with the values selected.
ATTRIBUTES = {
    "data-md-component": {"progress"},
    "data-md-color-switching": set(),
    "data-md-scrollfix": set(),
    "data-md-color-scheme": {"default", "slate"},
    "data-md-color-primary": set(),
    "data-md-color-accent": set(),
    "data-md-color-media": set(),
}
# Keys the theme stores the reader's choices under (with its storage helpers).
STORAGE_KEYS = {
    "__palette": "the colour scheme chosen with the toggle",
}
# The theme's colour variables (its _colors.scss) the edition's styles use or set.
CUSTOM_PROPERTIES = {
    "--md-default-fg-color",
    "--md-default-fg-color--light",
    "--md-default-fg-color--lighter",
    "--md-default-fg-color--lightest",
    "--md-default-bg-color",
    "--md-accent-fg-color",
    "--md-accent-fg-color--transparent",
    "--md-accent-bg-color",
    "--md-accent-bg-color--light",
    "--md-typeset-a-color",
    "--md-typeset-table-color",
    "--md-code-bg-color",
    "--md-footer-fg-color--light",
    "--md-shadow-z2",
}
# A Markdown extension of the theme's, and the mark it sets that the edition's own renames
# (thouez_edition.extensions.lazy_previews).
MARKDOWN_EXTENSIONS = {"material.extensions.preview": "data-preview"}
# Markdown extensions whose scripts the edition leaves out (partials/javascripts/content.html).
NOT_ENABLED = {"pymdownx.tabbed"}
