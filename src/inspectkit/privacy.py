"""Finding what could identify a person in free text, before it leaks into a report.

Evidence is about children. Each finder looks for one kind of identifier and checks it
properly (a CHI number must have a real date and a valid check digit), so reference numbers
and ordinary dates do not raise alarms. Messages never repeat the identifier in full: a CI
log must not become the leak.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

_TEN_DIGITS = re.compile(r"(?<![\d/.])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d/.])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}\b")
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)(\d[\d\s)-]{8,12}\d)(?!\d)")
_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?\d[ABD-HJLNP-UW-Z]{2}\b")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?\s+\d{{4}})"
)
_BIRTH = re.compile(
    rf"(?i)\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?)\s*[:\-]?\s*"
    rf"({_DATE})"
)


@dataclass(frozen=True)
class Hit:
    """One possible identifier in a text: its kind, code, where it starts, a masked form."""

    code: str
    kind: str
    start: int
    masked: str


def _mask(text: str, keep: int = 2) -> str:
    return text[:keep] + "*" * max(len(text) - keep, 3)


def _mod11_ok(digits: str) -> bool:
    """The modulus-11 check digit used by CHI and NHS numbers."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _date_ok(ddmmyy: str) -> bool:
    day, month, year = int(ddmmyy[:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    try:
        dt.date(2000 + year, month, day)
    except ValueError:
        try:
            dt.date(1900 + year, month, day)
        except ValueError:
            return False
    return True


def _numbers(text: str) -> Iterator[Hit]:
    for match in _TEN_DIGITS.finditer(text):
        digits = "".join(match.groups())
        if not _mod11_ok(digits):
            continue
        spaced = match.group(0) != digits
        if not spaced and _date_ok(digits[:6]):
            yield Hit("IK501", "CHI number", match.start(), _mask(digits))
        else:
            yield Hit("IK506", "NHS number", match.start(), _mask(digits))


def _phones(text: str) -> Iterator[Hit]:
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        national = digits[2:] if digits.startswith("44") else digits.lstrip("0")
        if 9 <= len(national) <= 10 and national[0] in "12378":
            yield Hit("IK504", "telephone number", match.start(), _mask(match.group(0), 3))


# Every built-in finder needs one of these; most evidence text has none, so one quick
# search spares the rest. (tests/test_privacy.py checks that no true hit bypasses it.)
_MAYBE = re.compile(r"@|(?:\d[\s()-]*){9}\d|[A-Z]\d|(?i:born|d\.?o\.?b|date\s+of\s+birth)")


def scan_text(text: str, names: Sequence[re.Pattern[str]] = ()) -> list[Hit]:
    """Every possible identifier in ``text``, in order of position."""
    if not text or (not names and not _MAYBE.search(text)):
        return []
    hits = list(_numbers(text))
    hits += [
        Hit("IK503", "e-mail address", m.start(), _mask(m.group(0))) for m in _EMAIL.finditer(text)
    ]
    taken = {h.start for h in hits}
    hits += [h for h in _phones(text) if h.start not in taken]
    hits += [
        Hit("IK505", "postcode", m.start(), _mask(m.group(0))) for m in _POSTCODE.finditer(text)
    ]
    hits += [
        Hit("IK502", "date of birth", m.start(1), _mask(m.group(1), 0))
        for m in _BIRTH.finditer(text)
    ]
    for pattern in names:
        hits += [
            Hit("IK507", "name from the names list", m.start(), _mask(m.group(0), 1))
            for m in pattern.finditer(text)
        ]
    return sorted(hits, key=lambda h: (h.start, h.code))


def name_patterns(names: Sequence[str]) -> list[re.Pattern[str]]:
    """Whole-word, case-insensitive patterns for a list of names (one per entry)."""
    cleaned = sorted(
        {n.strip() for n in names if n.strip() and not n.startswith("#")},
        key=lambda n: (-len(n), n),
    )
    if not cleaned:
        return []
    chunks = [cleaned[i : i + 500] for i in range(0, len(cleaned), 500)]
    return [
        re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(n) for n in chunk) + r")(?!\w)")
        for chunk in chunks
    ]


def redact(text: str, names: Sequence[re.Pattern[str]] = ()) -> str:
    """``text`` with each possible identifier replaced by a marker such as [CHI number]."""
    out, last = [], 0
    spans = []
    for hit in scan_text(text, names):
        end = _end(text, hit, names)
        if hit.start >= last:
            spans.append((hit.start, end, hit.kind))
            last = end
    last = 0
    for start, end, kind in spans:
        out += [text[last:start], f"[{kind} removed]"]
        last = end
    out.append(text[last:])
    return "".join(out)


def _end(text: str, hit: Hit, names: Sequence[re.Pattern[str]]) -> int:
    patterns = {
        "IK501": _TEN_DIGITS,
        "IK506": _TEN_DIGITS,
        "IK503": _EMAIL,
        "IK504": _PHONE,
        "IK505": _POSTCODE,
    }
    if hit.code == "IK502":
        match = re.compile(_DATE, re.I).match(text, hit.start)
    elif hit.code == "IK507":
        match = next((p.match(text, hit.start) for p in names if p.match(text, hit.start)), None)
    else:
        match = patterns[hit.code].match(text, hit.start)
    return match.end() if match else hit.start + len(hit.masked)


def read_names(path: Path, folders: Sequence[Path]) -> list[re.Pattern[str]]:
    """Read a names list (one per line, '#' comments) kept outside the evidence folders.

    Raises:
        UsageError: the list is inside an evidence folder, or cannot be read.
    """
    from inspectkit.errors import ReadFailure, UsageError
    from inspectkit.textfile import read_text

    real = path.resolve()
    for folder in folders:
        base = folder.resolve() if folder.is_dir() else folder.resolve().parent
        if base in real.parents:
            raise UsageError(
                f"The names list '{path}' is inside the evidence folder "
                f"'{folder}'; keep it outside, where it cannot be shared by "
                "mistake."
            )
    try:
        text = read_text(path, str(path)).text
    except ReadFailure as exc:
        raise UsageError(exc.diagnostic.message) from None
    return name_patterns(text.splitlines())
