"""``inspectkit evaluate --lock``: write each moderated evaluation's ``moderated_on`` block.

Only that block is written: the rest of evaluations.yaml (comments, spacing, quoting, the
order of fields) is left as the team wrote it. An existing block is replaced; the new one goes
at the end of its entry, indented as the entry's fields are. The file is replaced atomically.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from inspectkit.errors import InputError
from inspectkit.evidence.fingerprint import Evidence, evidence_for
from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.files import write_atomic
from inspectkit.framework.models import Framework
from inspectkit.textfile import display_path

KEY = "moderated_on"


@dataclass(frozen=True)
class Locked:
    """What ``lock_text`` did: the new text and the indicators it locked."""

    text: str
    indicators: tuple[str, ...]


def block(evidence: Evidence, when: dt.date, indent: int) -> list[str]:
    """The ``moderated_on`` block's lines, indented to the entry's fields."""
    pad = " " * indent
    lines = [f"{pad}{KEY}:\n", f"{pad}  date: {when.isoformat()}\n"]
    lines.append(f"{pad}  fingerprint: {json.dumps(evidence.fingerprint)}\n")
    for kind, hashes in evidence.hashes().items():
        if not hashes:
            lines.append(f"{pad}  {kind}: {{}}\n")
            continue
        lines.append(f"{pad}  {kind}:\n")
        lines += [f"{pad}    {json.dumps(k)}: {json.dumps(v)}\n" for k, v in hashes.items()]
    return lines


def _content(line: str) -> bool:
    text = line.strip()
    return bool(text) and not text.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _replace(lines: list[str], placed: Placed, end: int, new: list[str]) -> None:
    """Put ``new`` in place of the entry's old block, or after its last line."""
    start, column = placed.doc.place(placed.path)
    first, indent = start - 1, column - 1
    if placed.model.moderated_on is not None:
        at = placed.doc.place((*placed.path, KEY), key=True)[0] - 1
        stop = at + 1
        # The block runs on while lines are blank or deeper than the entry's fields; a
        # comment at the fields' depth or shallower is the team's and stays.
        while stop < end and (not lines[stop].strip() or _indent(lines[stop]) > indent):
            stop += 1
        while stop > at + 1 and not lines[stop - 1].strip():
            stop -= 1  # keep the blank lines between entries
        lines[at:stop] = new
        return
    last = max(i for i in range(first, end) if _content(lines[i]))
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines[last + 1 : last + 1] = new


def lock_text(
    folder: EvidenceFolder,
    fw: Framework,
    text: str,
    when: dt.date,
    indicators: Collection[str] = (),
) -> Locked:
    """evaluations.yaml's text with a fresh ``moderated_on`` block in each moderated entry.

    Args:
        folder: The loaded folder (its evaluations carry their places in ``text``).
        fw: Its framework.
        text: The current text of evaluations.yaml.
        when: The date of moderation to record.
        indicators: Only these indicators (all moderated ones when empty).
    """
    lines = text.splitlines(keepends=True)
    entries = sorted(folder.evaluations, key=lambda p: p.doc.place(p.path)[0])
    starts = [p.doc.place(p.path)[0] - 1 for p in entries] + [len(lines)]
    done = []
    for index in range(len(entries) - 1, -1, -1):  # from the end: earlier places stay right
        placed = entries[index]
        ev = placed.model
        if ev.grade is None or (indicators and ev.indicator not in indicators):
            continue
        column = placed.doc.place(placed.path)[1]
        new = block(evidence_for(folder, fw, ev.indicator), when, column - 1)
        _replace(lines, placed, starts[index + 1], new)
        done.append(ev.indicator)
    return Locked("".join(lines), tuple(reversed(done)))


def lock_file(
    folder: EvidenceFolder,
    fw: Framework,
    when: dt.date,
    indicators: Collection[str] = (),
) -> Locked:
    """Write the ``moderated_on`` blocks into the folder's evaluations.yaml, atomically.

    Raises:
        InputError: the folder has no evaluations.yaml.
    """
    doc = folder.evaluations_doc
    if doc is None:
        raise InputError(f"'{display_path(folder.root)}' has no evaluations.yaml to lock.")
    path = folder.root / Path(doc.display).name
    raw = path.read_bytes()
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    locked = lock_text(folder, fw, raw[len(bom) :].decode("utf-8"), when, indicators)
    write_atomic(path, bom + locked.text.encode("utf-8"))
    return locked
