"""Allow ``python -m inspectkit``."""

from __future__ import annotations

from inspectkit.launch import main

if __name__ == "__main__":  # pragma: no cover
    main()
