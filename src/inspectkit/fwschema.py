"""JSON Schemas made for one framework, so that editors complete and check its ids.

The generic schemas of :mod:`inspectkit.schemas` take any id; here the evidence sources,
indicators (their titles as descriptions), themes, lines of enquiry, graded indicators and
scale points of one framework become the allowed values, each with its description. The
models' own names (``EvidenceItem``, ``Manifest``) would show in completion lists, so every
``$ref`` is inlined and the titles pydantic gives to models and fields are dropped; only the
file's own title stays.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from inspectkit.framework.models import Framework
from inspectkit.schemas import json_schema

__all__ = ["EDITOR_SCHEMAS", "framework_schema", "framework_schema_text", "inline"]

#: The kinds of file a framework-specific schema exists for.
EDITOR_SCHEMAS = ("manifest", "evidence", "evaluations")
_NESTED = ("items", "additionalProperties", "not", "if", "then", "else")
_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")


def inline(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every ``$ref`` to its ``$defs`` replaced by the definition, the
    ``$defs`` removed, and every title but the root's dropped."""
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            merged = {
                **defs[ref.removeprefix("#/$defs/")],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
            return walk(merged)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("title", "$defs"):
                continue
            if key == "properties":
                out[key] = {name: walk(sub) for name, sub in value.items()}
            elif key in _NESTED:
                out[key] = walk(value)
            elif key in _LISTS:
                out[key] = [walk(sub) for sub in value]
            else:
                out[key] = value
        return out

    root = walk(copy.deepcopy(schema))
    if "title" in schema:
        root = {"$schema": schema.get("$schema"), "title": schema["title"], **root}
    return {k: v for k, v in root.items() if v is not None}


def _choices(pairs: list[tuple[str, str]], what: str) -> dict[str, Any]:
    """A string that must be one of ``pairs`` (value, description)."""
    if not pairs:
        return {"type": "string", "description": f"No {what} is defined by the framework."}
    return {"oneOf": [{"const": value, "description": text} for value, text in pairs]}


def _list_of(choice: dict[str, Any], description: str) -> dict[str, Any]:
    """A list of ``choice``, or one such value alone (as the files accept)."""
    return {
        "description": description,
        "anyOf": [{"type": "array", "items": choice, "minItems": 1}, choice],
    }


def _any_case(text: str) -> str:
    """An ECMA regular expression matching ``text`` in any letter case."""
    return "".join(
        f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c).replace("\\ ", " ")
        for c in text
    )


def _grades(fw: Framework) -> dict[str, Any]:
    """A point of the scale: its number or its label (in any case, as the files accept)."""
    points = fw.scale.points if fw.scale else []
    labels = "|".join(_any_case(p.label) for p in points)
    return {
        "anyOf": [
            *({"const": p.value, "description": p.label} for p in points),
            *({"const": p.label, "description": f"{p.value}"} for p in points),
            *([{"type": "string", "pattern": f"^\\s*({labels})\\s*$"}] if points else []),
        ]
    }


def _evidence(schema: dict[str, Any], fw: Framework) -> dict[str, Any]:
    item = schema["anyOf"][1]
    props = item["properties"]
    sources = [(s.id, s.label) for s in fw.evidence_sources]
    indicators = _choices([(i.id, i.title) for i in fw.indicators], "indicator")
    props["source"] = {"description": props["source"]["description"], **_choices(sources, "source")}
    props["indicators"] = _list_of(indicators, props["indicators"]["description"])
    loes = _choices([(e.id, e.text) for e in fw.lines_of_enquiry], "line of enquiry")
    props["lines_of_enquiry"] = _list_of(loes, props["lines_of_enquiry"]["description"])
    themes = _choices([(t.id, t.title) for t in fw.themes], "theme")
    props["themes"] = _list_of(themes, props["themes"]["description"])
    schema["anyOf"] = [{"type": "array", "items": item}, item]
    return schema


def _evaluations(schema: dict[str, Any], fw: Framework) -> dict[str, Any]:
    props = schema["items"]["properties"]
    titles = {i.id: i.title for i in fw.indicators}
    graded = [(i, titles.get(i, "")) for i in fw.graded]
    props["indicator"] = {
        "description": props["indicator"]["description"],
        **_choices([(i, t) for i, t in graded], "graded indicator"),
    }
    props["grade"] = {"description": props["grade"]["description"], **_grades(fw)}
    independent = props["independent"]["items"]["properties"]
    independent["grade"] = {"description": independent["grade"]["description"], **_grades(fw)}
    return schema


def _manifest(schema: dict[str, Any], fw: Framework) -> dict[str, Any]:
    parts = str(fw.version).split(".")
    versions = [".".join(parts[: n + 1]) for n in range(len(parts))]
    refs = [fw.id, *(f"{fw.id}@{v}" for v in versions)]
    schema["properties"]["framework"] = {
        "description": f"{fw.title}: this folder was made for {fw.ref}.",
        "enum": refs,
    }
    return schema


def framework_schema(name: str, fw: Framework) -> dict[str, Any]:
    """The schema of a kind of file (:data:`EDITOR_SCHEMAS`) for folders of ``fw``.

    Raises:
        KeyError: ``name`` is not one of :data:`EDITOR_SCHEMAS`.
    """
    special = {"manifest": _manifest, "evidence": _evidence, "evaluations": _evaluations}[name]
    schema = inline(json_schema(name))
    schema["description"] = f"{schema.get('description', '')} For {fw.ref}: {fw.title}."
    return special(schema, fw)


def framework_schema_text(name: str, fw: Framework) -> str:
    """:func:`framework_schema` as stable, indented JSON text ending in a newline."""
    return json.dumps(framework_schema(name, fw), indent=2, ensure_ascii=False) + "\n"
