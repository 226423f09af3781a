"""The console-script entry point, kept tiny so that ``--version`` starts at once.

Only ``inspectkit --version`` is answered here; everything else loads the full CLI.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Run inspectkit with ``argv`` (default: the process arguments)."""
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):
        from inspectkit import __version__

        sys.stdout.write(f"inspectkit {__version__}\n")
        raise SystemExit(0)
    from inspectkit.cli import app

    app(args=args, prog_name="inspectkit")
