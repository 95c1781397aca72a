"""Everything the benchmarks take from the edition's own code (the package `thouez_edition` and the
state of hooks/edition.py), in this one module, so that when the package's modules move, only
this file follows them."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import thouez_edition
from thouez_edition.data import files as datafiles
from thouez_edition.outputs.pdf import PDF_PATH, QUIET_CHROMIUM_FLAGS

__all__ = ["DATA_FILE_BYTES", "PDF_PATH", "QUIET_CHROMIUM_FLAGS", "counts", "edition_modules", "unbounded_data_files"]

# The most bytes the edition reads from one data file.
DATA_FILE_BYTES: int = datafiles.MAX_FILE_BYTES


def edition_modules() -> Iterator[ModuleType]:
    """Every module of the package, those of its sub-packages included."""
    for info in pkgutil.walk_packages(thouez_edition.__path__, prefix=f"{thouez_edition.__name__}."):
        yield importlib.import_module(info.name)


def counts(hooks: Any) -> dict[str, int]:
    """How much data a finished build had, read from the edition that hooks/edition.py (`hooks`)
    holds: bodies (organisations and processes, a profile each), works, passages of the text
    (paragraphs and notes) and mentions (each body once a passage)."""
    return dict(hooks._edition.sizes)


@contextmanager
def unbounded_data_files() -> Iterator[None]:
    """Builds in this process read data files of any size and number of values.

    The edition stops at a data file over 5 MB or 200,000 values, bounds meant to stop a runaway
    or hostile file with a message; the synthetic data at 100x passes them (organizations.yml is
    about 8 MB), and what the scale benchmark measures is how the build's time grows, not where
    the edition refuses to go."""
    bounds = datafiles.MAX_FILE_BYTES, datafiles.MAX_VALUES
    datafiles.MAX_FILE_BYTES = datafiles.MAX_VALUES = 10**12
    try:
        yield
    finally:
        datafiles.MAX_FILE_BYTES, datafiles.MAX_VALUES = bounds
