"""``inspectkit diff``: what changed between two inspections of the same partnership.

The flow: two paths -> :func:`load_snapshot` (an evidence folder is validated and graded; a
saved ``grade --format json`` file is read and checked) -> :func:`build_diff` (pure) -> a
renderer (:func:`render_text`, :func:`render_markdown`, :func:`render_json`).
"""

from __future__ import annotations

from inspectkit.compare.diff import STRAND_THRESHOLD, Diff, build_diff
from inspectkit.compare.load import load_snapshot
from inspectkit.compare.markdown import render_markdown
from inspectkit.compare.render import drops_line, render_json, render_text, to_data
from inspectkit.compare.snapshot import Inventory, Snapshot
from inspectkit.errors import NotGradable

__all__ = [
    "STRAND_THRESHOLD",
    "Diff",
    "Inventory",
    "NotGradable",
    "Snapshot",
    "build_diff",
    "drops_line",
    "load_snapshot",
    "render_json",
    "render_markdown",
    "render_text",
    "to_data",
]
