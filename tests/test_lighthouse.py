"""Lighthouse, offline, on four kinds of page: the title page, a section of the paper, a profile and
the bibliography, with its mobile preset. Accessibility, best practices and SEO must score 100: these
categories do not depend on timing, so one run of each page decides.

Performance is not tested here: its score depends on how busy the machine is (on this two-core
machine the same page scored from 0.83 to 0.99), so it is measured side by side with a baseline by
the benchmark (`python -m tests.benchmark lighthouse`), which prints figures and asserts nothing.
Every report is kept, as JSON and HTML, in test-results/lighthouse/.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import RESULTS
from tests.lighthouse_runner import LighthouseError, run_lighthouse
from tests.site_html import BuiltSite

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REPORTS = RESULTS / "lighthouse"
PAGES = {
    "title-page": "",
    "paper": "paper/dearth-of-activity/",
    "profile": "organizations/icmc/",
    "bibliography": "bibliography/",
}
CATEGORIES = ["accessibility", "best-practices", "seo"]
# Two Lighthouse runs at a time: each spends most of its time waiting (for the page to load, for
# the network and the processor to be quiet), and these categories do not depend on timing.
AT_ONCE = 2


def shortfalls(lhr: dict) -> list[str]:
    """Each category below 100, with the audits that cost it points and where on the page."""
    lines: list[str] = []
    for key in CATEGORIES:
        category = lhr["categories"][key]
        if category["score"] == 1:
            continue
        lines.append(f"{category['title']}: {category['score']} (needs 1)")
        for ref in category["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            lines.append(f"  - {ref['id']}: {audit['title']}: score {audit['score']}")
            for item in (audit.get("details") or {}).get("items", [])[:5]:
                node = item.get("node") if isinstance(item, dict) else None
                where = (node or {}).get("snippet") or (item.get("url") if isinstance(item, dict) else None)
                if where:
                    lines.append(f"      {str(where)[:200]}")
    return lines


@pytest.fixture(scope="module")
def reports(site: BuiltSite) -> dict[str, dict | LighthouseError]:
    """Each page's Lighthouse report, or the error that kept Lighthouse from making it."""

    def audit(name: str) -> dict | LighthouseError:
        try:
            return run_lighthouse(site.page_url(PAGES[name]), REPORTS / f"mobile-{name}", CATEGORIES)
        except LighthouseError as error:
            return error

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        return dict(zip(PAGES, pool.map(audit, PAGES)))


@pytest.mark.parametrize("name", list(PAGES))
def test_lighthouse_finds_nothing_to_fix_in_accessibility_best_practices_and_seo(
    name: str, reports: dict[str, dict | LighthouseError]
) -> None:
    lhr = reports[name]
    if isinstance(lhr, LighthouseError):
        pytest.fail(str(lhr))
    problems = shortfalls(lhr)
    # Lighthouse's warnings (a slow processor, most often, on a busy machine) are about timing,
    # which these categories do not depend on: shown with a failure, never one of their own.
    warnings = [f"Lighthouse warned: {warning}" for warning in lhr.get("runWarnings", [])]
    assert not problems, (
        f"Lighthouse (mobile) on /{PAGES[name]}:\n" + "\n".join(problems + warnings)
        + f"\nReport: {REPORTS}/mobile-{name}.report.html"
    )
