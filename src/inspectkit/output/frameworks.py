"""Text and JSON views of frameworks for ``inspectkit frameworks list`` and ``show``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from inspectkit.framework.models import Framework
from inspectkit.framework.registry import Entry
from inspectkit.textfile import display_path


def list_text(entries: Sequence[Entry]) -> str:
    """A fixed-width table: id, version, status, origin, title."""
    rows = [("ID", "VERSION", "STATUS", "ORIGIN", "TITLE")]
    rows += [(e.id, e.version, e.status, e.origin, e.title) for e in entries]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join([*(r[i].ljust(widths[i]) for i in range(4)), r[4]]).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


def list_json(entries: Sequence[Entry]) -> str:
    """The list as JSON with a schema version."""
    data = {
        "schema_version": 1,
        "frameworks": [
            {
                "id": e.id,
                "version": e.version,
                "ref": e.ref,
                "title": e.title,
                "status": e.status,
                "origin": e.origin,
                "path": display_path(e.path),
            }
            for e in entries
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def show_text(fw: Framework) -> str:
    """A readable outline: scale, key questions, indicators, lines of enquiry, evidence."""
    out = [f"{fw.title}", f"{fw.ref}  status: {fw.status}  publisher: {fw.publisher}"]
    if fw.base:
        out.append(f"builds on: {fw.base}")
    if fw.scale:
        out += ["", f"Scale ({fw.scale.name})"]
        out += [f"  {p.value}  {p.label:<15} {p.meaning}" for p in fw.scale.points]
    if fw.key_questions:
        out += ["", "Key questions"]
        out += [f"  {q.id:<4} {q.title}{_prov(q.provisional)}" for q in fw.key_questions]
    out += ["", "Quality indicators (* graded in this programme)"]
    for ind in fw.indicators:
        mark = "*" if ind.id in fw.graded else " "
        out.append(f"  {mark} {ind.id:<5} {ind.title}{_prov(ind.provisional)}")
    if fw.lines_of_enquiry:
        out += [
            "",
            f"{fw.enquiry_term[0].upper()}{fw.enquiry_term[1:]} ({len(fw.lines_of_enquiry)})",
        ]
        for loe in fw.lines_of_enquiry:
            out.append(f"  {loe.id:<5} {loe.text}")
            if loe.indicators:
                out.append(f"        indicators: {', '.join(loe.indicators)}")
    out += ["", "Evidence"]
    width = max((len(s.id) for s in fw.evidence_sources), default=0)
    out += [f"  {s.id:<{width}}  {s.kind:<12} {s.label}" for s in fw.evidence_sources]
    if fw.record_reading:
        rr = fw.record_reading
        out.append(
            f"  record reading: {len(rr.questions)} questions, at least "
            f"{rr.minimum_records} records"
        )
    for survey in fw.surveys:
        out.append(f"  survey '{survey.id}' ({survey.audience}): {len(survey.questions)} questions")
    graded = ", ".join(fw.graded) if fw.graded else "none"
    out += ["", f"Graded: {graded}"]
    return "\n".join(out) + "\n"


def show_json(fw: Framework) -> str:
    """The merged framework as JSON."""
    data = {"schema_version": 1, "framework": fw.model_dump(mode="json")}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _prov(flag: bool) -> str:
    return "  (provisional)" if flag else ""


def write_list_text(entries: Sequence[Entry]) -> bytes:
    """:func:`list_text` as bytes."""
    return list_text(entries).encode("utf-8")


def write_list_json(entries: Sequence[Entry]) -> bytes:
    """:func:`list_json` as bytes."""
    return list_json(entries).encode("utf-8")


def write_show_text(fw: Framework) -> bytes:
    """:func:`show_text` as bytes."""
    return show_text(fw).encode("utf-8")


def write_show_json(fw: Framework) -> bytes:
    """:func:`show_json` as bytes."""
    return show_json(fw).encode("utf-8")
