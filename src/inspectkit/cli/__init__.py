"""The command line: parse options, call one library function, format, return an exit code.

One module per group of commands (``check``, ``grading``, ``reporting``, ``start``,
``compare``, ``frameworks``) over the shared machinery: the application and its session
options (``app``), options several commands take (``options``), and what every command does
around its library call (``run``). Heavy modules are imported inside the commands so that
``--help`` and ``--version`` start fast. Every error is handled in
:func:`inspectkit.cli.run.run_command`; no traceback reaches the user.
"""

from __future__ import annotations

from inspectkit.cli import check, compare, frameworks, grading, reporting, start
from inspectkit.cli.app import app, finalise, frameworks_app

__all__ = ["app", "check", "compare", "frameworks", "grading", "reporting", "start"]

finalise(app, frameworks_app)
