"""Which question each column of a table answers: ids, question text, a mapping file, notes.

A header names a question by its id (any case, spaces or hyphens for underscores), by its id
in square brackets at the end (``How good is the plan? [plan-quality]``, as the template
writes it), or by the question's text as survey tools export it, compared after normalising
letter case, spaces, quotes and punctuation. A mapping file beside the table
(``surveys/<survey-id>.columns.yaml``, ``records/columns.yaml``) maps any other header to a
question id, to ``note`` or to ``ignore``. Columns whose header starts with ``note``,
``comment`` or ``agency`` are notes: kept, scanned for personal data, never counted. A
survey's metadata columns (start, completion and last modified times) are ignored; its e-mail
and name columns are personal data, reported and never kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

IGNORE = "ignore"
NOTE = "note"
NOTE_PREFIXES = ("note", "comment", "agency")
METADATA = frozenset({"start time", "completion time", "last modified time", "submitted"})
#: Survey-tool columns that hold who answered, with what they hold in words.
PERSONAL = {
    "email": "e-mail addresses",
    "e mail": "e-mail addresses",
    "email address": "e-mail addresses",
    "name": "names",
    "full name": "names",
    "respondent name": "names",
}
#: What survey tools write in those columns for an anonymous response.
ANONYMOUS = frozenset({"", "anonymous", "anon"})
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_BRACKETED = re.compile(r"\[\s*([^\[\]]+?)\s*\]\s*$")


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Text as compared with question text: letter case, spaces, quotes and punctuation
    do not count ("I feel safe at home." and "i feel safe at home" are the same).

    Remembered: every table compares the same question texts again."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = "".join(c if c.isalnum() else " " for c in text.replace("'", ""))
    return " ".join(text.split())


@dataclass(frozen=True)
class Question:
    """What a column can name: a question's id and its text."""

    id: str
    text: str


@dataclass
class Matcher:
    """Matches headers to one table's questions.

    Attributes:
        questions: The questions, in the framework's order.
        other: Column ids the framework accepts besides questions (its ``other_columns``).
        mapping: A mapping file's entries, by normalised header: a question id, note or ignore.
        survey: True for survey tables (metadata and personal columns are recognised).
    """

    questions: Sequence[Question]
    other: Sequence[str] = ()
    mapping: Mapping[str, str] = field(default_factory=dict)
    survey: bool = False

    def __post_init__(self) -> None:
        from inspectkit.framework.models import column_key

        self._key = column_key
        self._by_id = {column_key(q.id): q.id for q in self.questions}
        self._by_text = {normalise(q.text): q.id for q in self.questions}
        self._other = {column_key(o): o for o in self.other}

    def match(self, header: str) -> tuple[str, str] | None:
        """What a header is: ("question", id), ("note", name), ("ignore", ""),
        ("personal", what it holds), or None when it names nothing known."""
        text = normalise(header)
        if text in self.mapping:
            target = self.mapping[text]
            return (target, header) if target in (NOTE, IGNORE) else ("question", target)
        key = self._key(header)
        bracketed = _BRACKETED.search(header)
        for candidate in (key, self._key(bracketed.group(1)) if bracketed else ""):
            if candidate in self._by_id:
                return "question", self._by_id[candidate]
            if candidate in self._other:
                return NOTE, self._other[candidate]
        if text in self._by_text:
            return "question", self._by_text[text]
        if key.startswith(NOTE_PREFIXES):
            return NOTE, header
        if self.survey and text in METADATA:
            return IGNORE, ""
        if self.survey and text in PERSONAL:
            return "personal", PERSONAL[text]
        return None

    def nearest(self, header: str, count: int = 2) -> list[Question]:
        """The questions most like a header, by id or by text, closest first."""
        text = normalise(header)

        def likeness(q: Question) -> float:
            by_text = SequenceMatcher(None, text, normalise(q.text)).ratio()
            by_id = SequenceMatcher(None, self._key(header), self._key(q.id)).ratio()
            return max(by_text, by_id)

        ranked = sorted(self.questions, key=likeness, reverse=True)
        return [q for q in ranked[:count] if likeness(q) >= 0.4]

    def unknown_hint(self, header: str, mapping_file: str) -> str:
        """The hint for a header that names nothing: the nearest questions, and how to
        map the column to one, or keep it as a note."""
        near = self.nearest(header)
        shown = "; ".join(f"{q.id} '{q.text}'" for q in near)
        first = near[0].id if near else (self.questions[0].id if self.questions else "<id>")
        lead = f"Nearest questions: {shown}. " if near else ""
        return (
            f"{lead}To count it, map it in {mapping_file} ('\"{header}\": {first}'); to keep "
            f"it as notes, name it 'notes ...' or map it to '{NOTE}'."
        )
