"""The Content-Security-Policy every page of the site carries, as a `<meta http-equiv>` in its head
(a static host may send no headers of the site's choosing).

Scripts, styles, pages fetched for previews, the search index and its worker all come from the
site itself; no inline script runs (the theme's few are files here: overrides/partials/javascripts/),
and nothing is asked of another host. Images may also be `data:` addresses, which the theme's
stylesheet draws its icons with. Directives a `<meta>` cannot carry (`frame-ancestors`,
`report-uri`, `sandbox`) are left out: the browser would only warn of them.
"""

from __future__ import annotations

DIRECTIVES: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}

CONTENT_SECURITY_POLICY = "; ".join(f"{name} {sources}" for name, sources in DIRECTIVES.items())
