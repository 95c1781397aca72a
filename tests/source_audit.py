"""Print the audit of the edition's sources by kind, as a Markdown table for MAINTAINING.md.

    .venv/bin/python -m tests.source_audit

Counts every source of `data/organizations.yml`, `data/rcpms.yml` and `data/citations.yml` by
kind: the body's own pages, intergovernmental and government documents, reference works,
archived copies, other sites, the paper's own passages and sources without an address
(`thouez_edition.data.source_audit`). `tests/test_facts.py` checks the counts add up.
"""

from __future__ import annotations

from thouez_edition.data.source_audit import audit_table, load_audit

from tests.site_host import ROOT


def main() -> None:
    print(audit_table(load_audit(ROOT / "data")))


if __name__ == "__main__":
    main()
