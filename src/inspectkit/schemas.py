"""JSON Schemas exported from the models, for editors (yaml-language-server) and CI."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

SCHEMA_NAMES = ("framework", "manifest", "evidence", "evaluations", "grade-results")
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file: framework, manifest, evidence or evaluations.

    Raises:
        KeyError: the name is not one of :data:`SCHEMA_NAMES`.
    """
    if name == "grade-results":  # written by hand: it describes output, not a model
        from inspectkit.resources import data_dir

        data: dict[str, Any] = json.loads(
            (data_dir("schemas") / schema_filename(name)).read_text(encoding="utf-8")
        )
        return data
    from inspectkit.evidence.models import Evaluation, EvidenceItem, Manifest
    from inspectkit.framework.models import Framework

    adapters: dict[str, tuple[TypeAdapter[Any], str, str]] = {
        "framework": (
            TypeAdapter(Framework),
            "inspectkit framework",
            "A quality framework or inspection programme.",
        ),
        "manifest": (
            TypeAdapter(Manifest),
            "inspectkit inspection.yaml",
            "The manifest of an evidence folder.",
        ),
        "evidence": (
            TypeAdapter(list[EvidenceItem] | EvidenceItem),
            "inspectkit evidence file",
            "A list of qualitative evidence items (evidence/*.yaml).",
        ),
        "evaluations": (
            TypeAdapter(list[Evaluation]),
            "inspectkit evaluations.yaml",
            "The team's evaluations, one entry per graded indicator.",
        ),
    }
    adapter, title, description = adapters[name]
    schema = adapter.json_schema()
    # The file's own title and description win over the model's ("Manifest"), which editors
    # would otherwise show in completion lists.
    return {"$schema": DIALECT, **schema, "title": title, "description": description}


def schema_text(name: str) -> str:
    """The schema as stable, indented JSON text ending in a newline."""
    return json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n"


def schema_filename(name: str) -> str:
    """The file name the schema ships under, e.g. ``framework.schema.json``."""
    return f"{name}.schema.json"
