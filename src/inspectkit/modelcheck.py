"""Validate loaded YAML against a Pydantic model and rewrite its errors as plain sentences.

Each error is placed at the line and column of the offending key or value, with a
"did you mean" hint where a near match exists.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from inspectkit.diagnostics import Diagnostic
from inspectkit.suggest import did_you_mean
from inspectkit.yamlread import Path_, YamlDocument

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ErrorCodes:
    """Which diagnostic code each kind of model error gets."""

    unknown: str
    missing: str
    invalid: str
    date: str = ""
    missing_by_field: tuple[tuple[str, str], ...] = ()


def validate(
    model: type[M],
    doc: YamlDocument,
    codes: ErrorCodes,
    *,
    data: Any = None,
    base_path: Path_ = (),
    prune: bool = False,
) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``data`` (default: the whole document) as ``model``.

    With ``prune``, list items that fail are left out and validation is tried again, so that
    checks which need a model (cross-references) can still run on the rest.

    Returns:
        The model instance, or None, and the diagnostics found.
    """
    payload = doc.data if data is None else data
    try:
        return model.model_validate(payload), []
    except ValidationError as exc:
        errors = exc.errors()
    problems = [_rewrite(err, model, doc, codes, base_path) for err in errors]
    if not prune:
        return None, problems
    pruned = _copy(payload)
    for _ in range(20):
        if not all(_mark(pruned, err["loc"]) for err in errors):
            return None, problems
        _sweep(pruned)
        try:
            return model.model_validate(pruned), problems
        except ValidationError as exc:
            errors = exc.errors()
    return None, problems


def _mark(data: Any, loc: Sequence[Any]) -> bool:
    """Mark for removal the innermost list item ``loc`` passes through; False if none."""
    indexes = [i for i, part in enumerate(loc) if isinstance(part, int)]
    if not indexes:
        return False
    container = data
    for part in loc[: indexes[-1]]:
        in_dict = isinstance(container, dict) and part in container
        in_list = isinstance(container, list) and isinstance(part, int) and part < len(container)
        if in_dict or in_list:
            container = container[part]
        else:
            return True  # already removed with an outer item
    index = loc[indexes[-1]]
    if isinstance(container, list) and index < len(container):
        container[index] = _PRUNED
    return True


def _copy(data: Any) -> Any:
    """Copy the containers (the reader limits depth); scalars are immutable."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(item) for item in data]
    return data


def _sweep(data: Any) -> None:
    """Remove every marked item, at any depth."""
    if isinstance(data, dict):
        for value in data.values():
            _sweep(value)
    elif isinstance(data, list):
        data[:] = [item for item in data if item is not _PRUNED]
        for item in data:
            _sweep(item)


_PRUNED = object()


def _rewrite(
    err: Any, model: type[BaseModel], doc: YamlDocument, codes: ErrorCodes, base_path: Path_
) -> Diagnostic:
    loc = _data_loc(err["loc"], doc.data if not base_path else None, base_path, doc)
    path = (*base_path, *loc)
    where = _dotted(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else ""
        allowed = _allowed_fields(model, loc[:-1])
        hint = did_you_mean(name, allowed)
        return doc.diagnostic(
            codes.unknown,
            f"Unknown field '{name}'{_in(loc[:-1])}.",
            path,
            key=True,
            hint=hint or _list_hint("Allowed fields", allowed),
        )
    if kind == "missing":
        code = dict(codes.missing_by_field).get(str(loc[-1]), codes.missing)
        return doc.diagnostic(
            code, f"The required field '{loc[-1]}' is missing{_in(loc[:-1])}.", path[:-1], key=True
        )
    value = err.get("input")
    shown = _show(value)
    if value is None and kind.endswith("_type"):
        return doc.diagnostic(codes.missing, f"'{where}' is empty: give it a value.", path)
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(str(value), choices)
        return doc.diagnostic(
            codes.invalid,
            f"{shown} is not allowed for '{where}': use one of {', '.join(choices)}.",
            path,
            hint=hint,
        )
    if kind == "model_type" or kind == "dict_type":
        return doc.diagnostic(
            codes.invalid,
            f"'{where or 'the file'}' should be a mapping of fields, not {_kind(value)}.",
            path,
        )
    if kind == "list_type":
        return doc.diagnostic(
            codes.invalid,
            f"'{where}' should be a list, not {_kind(value)}.",
            path,
            hint="Write a list as [a, b] or as lines starting '- '.",
        )
    if kind == "string_pattern_mismatch":
        return doc.diagnostic(
            codes.invalid,
            f"{shown} is not a valid value for '{where}'.",
            path,
            hint=_pattern_hint(where),
        )
    if kind.startswith("date") and codes.date:
        return doc.diagnostic(
            codes.date,
            f"{shown} is not a real date for '{where}': write it as YYYY-MM-DD, e.g. 2026-01-28.",
            path,
        )
    message = str(err.get("msg", "invalid value")).rstrip(".")
    message = message.removeprefix("Value error, ")
    return doc.diagnostic(
        codes.invalid,
        f"The value {shown} of '{where}' is not valid: "
        f"{message[0].lower() + message[1:] if message else message}.",
        path,
    )


def _data_loc(
    loc: Sequence[Any], _unused: Any, base_path: Path_, doc: YamlDocument
) -> tuple[Any, ...]:
    """Drop pydantic's union-member tags from ``loc``, keeping only real keys and indexes.

    A part is kept while it leads through the data; a name that the data lacks is kept only
    as the last part (a missing or unknown field); anything after a plain value is a tag.
    """
    current: Any = doc.data
    for part in base_path:
        current = current[part] if isinstance(current, (dict, list)) else None  # type: ignore[index]
    kept: list[Any] = []
    for position, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str):
            if part in current:
                current = current[part]
            elif position == len(loc) - 1 or not _is_tag(part):
                current = None
            else:
                continue
            kept.append(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
            kept.append(part)
        elif not (isinstance(part, str) and (current is None or _is_tag(part))):
            kept.append(part)
    return tuple(kept)


def _is_tag(part: str) -> bool:
    return (
        "[" in part
        or part.startswith("function-")
        or part in ("int", "str", "float", "bool", "date", "none", "list", "dict")
    )


def _dotted(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _in(loc: Sequence[Any]) -> str:
    return f" in '{_dotted(loc)}'" if loc else ""


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "an empty value"
    text = str(getattr(value, "text", value))
    text = re.sub(r"[^\x20-\x7e\u00a0-\uffff]", "?", text)
    return f"'{text[:60]}{'...' if len(text) > 60 else ''}'"


def _kind(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the value {_show(value)}"


def _pattern_hint(where: str) -> str:
    if where.endswith("version"):
        return "Versions are semantic: MAJOR.MINOR.PATCH, e.g. '1.0.0', in quotes."
    return "Ids use letters, digits, '.', '_' and '-', and start with a letter or digit."


def _list_hint(label: str, names: Sequence[str]) -> str:
    return f"{label}: {', '.join(names)}." if names else ""


def _allowed_fields(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """The field names of the model found at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        current = _unwrap(current, int if isinstance(part, int) else str)
        if isinstance(part, str):
            if not (isinstance(current, type) and issubclass(current, BaseModel)):
                return []
            field = current.model_fields.get(part)
            if field is None:
                return []
            current = field.annotation
    current = _unwrap(current, str)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any, step: type) -> Any:
    """Strip Optional/Annotated, and for an index step, the list around the item type."""
    for _ in range(6):
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            lists = [a for a in args if typing.get_origin(a) is list]
            annotation = (
                models[0]
                if models and step is str
                else (lists[0] if lists else next(a for a in args if a is not type(None)))
            )
        elif origin is list and step is int:
            return _unwrap(args[0], str)
        else:
            return annotation
    return annotation
