"""A test run writes nothing that git tracks: screenshots and reports go to test-results/."""

from __future__ import annotations

import pytest

from tests.checkout import TreeState, changes, working_tree
from tests.conftest import TREE_CHECK


def test_the_run_leaves_the_working_tree_as_it_found_it(tree_at_start: TreeState | None) -> None:
    # Sorted to run last (tests/conftest.py), so it sees what every other test wrote.
    if tree_at_start is None:
        pytest.skip("not a git checkout")
    now = working_tree()
    assert now is not None
    assert changes(tree_at_start, now) == [], "the test run changed the working tree"


def test_the_tree_check_has_the_name_the_suite_sorts_last() -> None:
    assert test_the_run_leaves_the_working_tree_as_it_found_it.__name__ == TREE_CHECK
