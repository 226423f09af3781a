"""Id and version types shared by framework and evidence models.

YAML turns an unquoted ``2.1`` into a number; the reader keeps the text it was written as,
and these types take that text back, so ``indicators: [2.1, 5.10]`` means ids "2.1" and
"5.10" as the user wrote them.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
VERSION_PATTERN = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$"
_VERSION = re.compile(VERSION_PATTERN)


def as_text(value: Any) -> Any:
    """Numbers written in YAML become the text they were written as; other values pass."""
    if type(value) is str:  # nearly every id: the quickest test first
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return getattr(value, "text", str(value))
    return value


# Editors may see an unquoted 2.1 as a number, so the schema admits numbers for ids.
Id = Annotated[
    str,
    BeforeValidator(as_text, json_schema_input_type=str | int | float),
    Field(pattern=ID_PATTERN, max_length=80),
]
Version = Annotated[str, BeforeValidator(as_text), Field(pattern=VERSION_PATTERN)]


def version_key(version: str) -> tuple[int, int, int, int, str]:
    """Sort key for semantic versions: a pre-release sorts before its release."""
    match = _VERSION.match(version)
    if not match:
        return (-1, -1, -1, -1, version)
    major, minor, patch, pre = match.groups()
    return (int(major), int(minor), int(patch), 0 if pre else 1, pre or "")


def version_matches(version: str, wanted: str) -> bool:
    """True if ``version`` is ``wanted`` or within it (``1.0`` matches ``1.0.3``)."""
    return version == wanted or version.startswith(wanted + ".")


def split_ref(ref: str) -> tuple[str, str | None]:
    """Split ``id@version`` into its parts; the version may be absent."""
    ident, _, version = ref.partition("@")
    return ident.strip(), (version.strip() or None)
