"""Find the built-in frameworks/, templates/ and schemas/ folders.

In an installed wheel they live inside the package (``inspectkit/_data/...``); in a source
checkout or an editable install they are at the repository root. One function finds them,
installed package first.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_KINDS = ("frameworks", "templates", "schemas")


@cache
def data_dir(kind: str) -> Path:
    """The folder of built-in ``frameworks``, ``templates`` or ``schemas``.

    Raises:
        FileNotFoundError: neither the installed data nor a checkout holds it.
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown data kind {kind!r}")
    packaged = Path(str(resources.files("inspectkit"))) / "_data" / kind
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / kind
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"inspectkit's built-in {kind} folder is missing from this install")
