"""Findings the team has checked and accepted: a council switchboard, an office postcode.

An ``accepted-findings.yaml`` in the evidence folder (for that folder), or in the folder
that holds evidence folders (for all of them), lists each accepted finding by its code and
the SHA-256 of its normal form (see :func:`inspectkit.privacy.fingerprint`), never the
identifier itself, with the reason it was accepted and optionally the one file and field
where it is accepted::

    - code: IK504
      sha256: 4f1c...e9          # 64 hex digits
      reason: The council's public switchboard, printed on every letter.
      file: evidence/documents.yaml   # optional: only in this file (inside the folder)
      field: reference                # optional: only in this field or CSV column

An accepted finding is not flagged and not redacted; every other finding still is. The
number accepted is reported (IK508) so that nothing is hidden silently. The hash keeps the
value out of plain sight (diffs, searches, logs) but is no secret: a phone number can be
found again from its hash by trying them all, so accept only what is public anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from inspectkit.diagnostics import Diagnostic
from inspectkit.evidence.models import Model, Text
from inspectkit.modelcheck import ErrorCodes, validate
from inspectkit.privacy import Hit
from inspectkit.textfile import display_path
from inspectkit.yamlread import YamlDocument

ACCEPTED_NAMES = ("accepted-findings.yaml", "accepted-findings.yml")
_CODES = ErrorCodes(unknown="IK202", missing="IK203", invalid="IK204")
PersonalCode = Literal["IK501", "IK502", "IK503", "IK504", "IK505", "IK506", "IK507"]


class AcceptedFinding(Model):
    """One finding the team checked and accepted."""

    code: PersonalCode = Field(description="The finding's code, e.g. 'IK504'.")
    sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="The SHA-256 (64 lower-case hex digits) of the identifier's normal form.",
    )
    reason: Text = Field(description="Why it may stay: who checked it and what it is.")
    file: str = Field("", description="Accept it only in this file (its path in the folder).")
    field: str = Field("", description="Accept it only in this field or CSV column.")


@dataclass
class Acceptances:
    """The accepted findings that apply to one evidence folder, and the files they came from."""

    entries: list[AcceptedFinding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def match(self, hit: Hit, file: str, where: str) -> int | None:
        """The index of the entry that accepts ``hit``, found in ``file`` (its path inside
        the folder) in the field or column ``where``; None when no entry does."""
        if not self.entries:
            return None
        digest = hit.fingerprint
        for index, entry in enumerate(self.entries):
            if (
                entry.code == hit.code
                and entry.sha256 == digest
                and entry.file in ("", file)
                and entry.field in ("", where)
            ):
                return index
        return None

    def summary(self, used: dict[int, int]) -> Diagnostic | None:
        """The IK508 note: how many findings were accepted (``used``: uses by entry), and
        how many entries matched nothing."""
        if not self.entries:
            return None
        count = sum(used.values())
        unused = len(self.entries) - len(used)
        message = f"{count} accepted finding{'' if count == 1 else 's'} ({', '.join(self.files)})"
        if unused:
            message += f"; {unused} accepted entr{'y' if unused == 1 else 'ies'} matched nothing"
        return Diagnostic(
            "IK508",
            message + ".",
            self.files[-1],
            hint="Accepted findings are not flagged or redacted; remove an entry to flag it again.",
        )


def accepted_files(root: Path) -> list[Path]:
    """The accepted-findings files that apply to ``root``: the project's, then the folder's."""
    out = []
    real = root.resolve()
    for base in (real.parent, root) if real.parent != real else (root,):
        for name in ACCEPTED_NAMES:
            candidate = base / name
            if candidate.is_file() and not candidate.is_symlink():
                out.append(candidate)
                break
    return out


def load_acceptances(
    root: Path,
    problems: list[Diagnostic],
    extra: Sequence[AcceptedFinding] = (),
    extra_source: str = "",
) -> Acceptances:
    """Read every accepted-findings file of ``root``; problems are added to ``problems``.

    Args:
        root: The evidence folder.
        problems: Where problems with the files are added.
        extra: Entries from the project configuration, which apply before the files'.
        extra_source: The configuration file they came from, as shown to users.
    """
    from inspectkit.evidence.folder import load_yaml

    found = Acceptances(list(extra), [extra_source] if extra and extra_source else [])
    for path in accepted_files(root):
        doc = load_yaml(path, problems)
        if doc is None:
            continue
        found.files.append(display_path(path))
        found.entries += _entries(doc, problems)
    return found


def _entries(doc: YamlDocument, problems: list[Diagnostic]) -> list[AcceptedFinding]:
    if not isinstance(doc.data, list):
        problems.append(
            doc.diagnostic(
                "IK014",
                "accepted-findings.yaml should be a list, one entry per accepted finding "
                "(each starting with '- code: ').",
                (),
            )
        )
        return []
    out = []
    for index, data in enumerate(doc.data):
        entry, found = validate(AcceptedFinding, doc, _CODES, data=data, base_path=(index,))
        problems += found
        if entry is not None:
            out.append(entry)
    return out
