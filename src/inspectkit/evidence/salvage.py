"""What can still be read from an entry whose model failed.

When an evidence item or an evaluation fails validation for one field, its other fields
still say something the user needs to hear in the same run: an unknown indicator, a grade
that is not on the scale. Each field is read here on its own, with the model's own type, so
a value that is wrong in itself (already reported by the model) is left out rather than
reported twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError

from inspectkit.evidence.models import Grade, listify
from inspectkit.ids import Id
from inspectkit.yamlread import Path_, YamlDocument

# The evidence models strip surrounding spaces; read lone fields the same way.
_CONFIG = ConfigDict(str_strip_whitespace=True)
_ID: TypeAdapter[str] = TypeAdapter(Id, config=_CONFIG)
_GRADE: TypeAdapter[int | str] = TypeAdapter(Grade, config=_CONFIG)
_DATE: TypeAdapter[dt.date] = TypeAdapter(dt.date)


@dataclass(frozen=True)
class Rejected:
    """An entry that failed validation: its raw fields and where it is."""

    data: dict[str, Any]
    doc: YamlDocument
    path: Path_


def _read(adapter: TypeAdapter[Any], value: Any) -> Any:
    if value is None:
        return None
    try:
        return adapter.validate_python(value)
    except ValidationError:
        return None


def raw_id(value: Any) -> str | None:
    """``value`` as an id, or None when it is missing or not a valid id."""
    result: str | None = _read(_ID, value)
    return result


def raw_ids(value: Any) -> list[str | None]:
    """A list field of ids, item by item (None where an item is not a valid id).

    Positions are kept, so that each id can be placed at its own item.
    """
    listed = listify(value)
    return [raw_id(item) for item in listed] if isinstance(listed, list) else []


def raw_grade(value: Any) -> int | str | None:
    """``value`` as a grade as written (a number or a label), or None."""
    result: int | str | None = _read(_GRADE, value)
    return result


def raw_date(value: Any) -> dt.date | None:
    """``value`` as a date, or None when it is missing or not a real date."""
    result: dt.date | None = _read(_DATE, value)
    return result


def raw_independent(value: Any) -> list[int | str | None]:
    """The grades of an evaluation's ``independent`` list, by position."""
    if not isinstance(value, list):
        return []
    return [raw_grade(entry.get("grade")) if isinstance(entry, dict) else None for entry in value]
