"""Allow ``python -m inspectkit``."""

from __future__ import annotations

from inspectkit.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
