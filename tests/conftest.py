"""Shared fixtures: the repository root, the examples, and a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files from the current output."
    )


@pytest.fixture(autouse=True, scope="session")
def template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache of compiled templates for the whole run, never the user's own."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("INSPECTKIT_CACHE_DIR")
    os.environ["INSPECTKIT_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("INSPECTKIT_CACHE_DIR", None)
    else:
        os.environ["INSPECTKIT_CACHE_DIR"] = before


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def root() -> Path:
    return ROOT
