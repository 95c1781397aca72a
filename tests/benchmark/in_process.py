"""A build run in this process that fails says why.

MkDocs ends a failed build with `Abort` ("Aborted with a BuildError!"), having logged the reason
(the edition logs its problems, then raises PluginError). Outside MkDocs' command line nothing
prints that log: MkDocs' own handler, which counts warnings for --strict, keeps Python's
last-resort handler from printing it, and `Abort` is also a `SystemExit`, so the process would end
with status 1 and no word. The messages are kept here and raised with the failure instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from tests.site_host import BuildFailed


class LoggedMessages(logging.Handler):
    """Keeps what MkDocs and the edition log at WARNING or above (as far as the logger's level lets through)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


@contextmanager
def reported_failure(what: str) -> Iterator[None]:
    """Turn a failure of the build run inside into `BuildFailed`, its message `what` failed and
    everything MkDocs and the edition logged."""
    logger = logging.getLogger("mkdocs")
    messages = LoggedMessages()
    logger.addHandler(messages)
    try:
        yield
    except Exception as error:  # MkDocs' Abort, or an error of a plugin that MkDocs let through
        lines = [*messages.lines, f"{type(error).__name__}: {error}"]
        raise BuildFailed(f"{what} failed:\n" + "\n".join(lines)) from None
    finally:
        logger.removeHandler(messages)
