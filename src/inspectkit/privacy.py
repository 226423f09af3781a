"""Finding what could identify a person in free text, before it leaks into a report.

Evidence is about children. Each finder looks for one kind of identifier and checks it
properly (a CHI number must have a real date and a valid check digit), so reference numbers
and ordinary dates do not raise alarms. Identifiers are matched on token boundaries that
punctuation, brackets, quotes and the end of the text satisfy ("CHI 1503125009." is found),
but not inside longer numbers ("1.1503125009", "21503125009"). Messages never repeat the
identifier in full: a CI log must not become the leak.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from inspectkit.privacy_patterns import (
    BIRTH,
    EMAIL,
    FIRST_TEST,
    MAYBE,
    NINE_DIGIT_PREFIXES,
    PHONE,
    POSTCODE,
    POSTCODE_ORDINAL,
    TEN_DIGITS,
    mod11_ok,
    six_digit_date_ok,
)

__all__ = [
    "Hit",
    "fingerprint",
    "fold",
    "might_hold",
    "name_patterns",
    "read_names",
    "redact",
    "scan_text",
]


@dataclass(frozen=True)
class Hit:
    """One possible identifier in a text.

    Attributes:
        code: The diagnostic code (IK501-IK507).
        kind: What it looks like, in words ("CHI number").
        start: Where it starts in the text.
        end: Where it ends (exclusive).
        masked: A masked form, safe to print.
        value: The identifier in a normal form (digits only, upper case...), never printed;
            it is what :func:`fingerprint` hashes.
    """

    code: str
    kind: str
    start: int
    end: int
    masked: str
    value: str = field(default="", repr=False)

    @property
    def fingerprint(self) -> str:
        """The SHA-256 of the normalised value (see :func:`fingerprint`)."""
        return fingerprint(self.value)


def fingerprint(value: str) -> str:
    """The hex SHA-256 of an identifier's normal form, as accepted-findings files hold it."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _mask(text: str, keep: int = 2) -> str:
    return text[:keep] + "*" * max(len(text) - keep, 3)


def _digits(text: str) -> str:
    return "".join(str(int(c)) for c in text if c.isdecimal())


def _numbers(text: str) -> Iterator[Hit]:
    for match in TEN_DIGITS.finditer(text):
        digits = _digits(match.group(0))
        if not mod11_ok(digits):
            continue
        grouped = re.fullmatch(r"\d{3}\D\d{3}\D\d{4}", match.group(0)) is not None
        if not grouped and six_digit_date_ok(digits[:6]):
            code, kind = "IK501", "CHI number"
        else:
            code, kind = "IK506", "NHS number"
        yield Hit(code, kind, match.start(), match.end(), _mask(digits), digits)


def _national(match: re.Match[str]) -> str | None:
    """The national significant number of a UK telephone number, or None if it is not one."""
    number = _digits(match.group("number"))
    raw = match.group("number")
    if len(number) == 10:
        return number if number[0] in "12378" else None
    spaced_area = re.match(r"\d{4}[^\d]", raw) is not None
    if number.startswith(NINE_DIGIT_PREFIXES) or (number[0] == "1" and spaced_area):
        return number
    return None


def _phones(text: str) -> Iterator[Hit]:
    for match in PHONE.finditer(text):
        national = _national(match)
        if national is not None:
            shown = match.group(0)
            yield Hit(
                "IK504",
                "telephone number",
                match.start(),
                match.end(),
                _mask(shown, 3),
                "0" + national,
            )


def _postcodes(text: str) -> Iterator[Hit]:
    for match in POSTCODE.finditer(text):
        shown = match.group(0)
        if not shown.isupper() and POSTCODE_ORDINAL.fullmatch(match.group(2)):
            continue  # "S1 2nd term", "P7 3rd": a school year and an ordinal, not a postcode
        value = (match.group(1) + match.group(2)).upper()
        yield Hit("IK505", "postcode", match.start(), match.end(), _mask(shown), value)


def _births(text: str) -> Iterator[Hit]:
    for match in BIRTH.finditer(text):
        date = match.group("date")
        value = " ".join(date.casefold().split())
        yield Hit(
            "IK502", "date of birth", match.start("date"), match.end("date"), _mask(date, 0), value
        )


def _emails(text: str) -> Iterator[Hit]:
    for match in EMAIL.finditer(text):
        shown = match.group(0)
        yield Hit("IK503", "e-mail address", match.start(), match.end(), _mask(shown), fold(shown))


def might_hold(text: str) -> bool:
    """A cheap test that every built-in finder's hit passes (most evidence text fails it).

    First one scan for any digit or '@', which most prose lacks; then a pattern that every
    identifier the finders accept must contain. tests/test_privacy.py checks both against
    the full finders. Names are not covered: with names to look for, scan every text.
    """
    return FIRST_TEST.search(text) is not None and MAYBE.search(text) is not None


def scan_text(text: str, names: Sequence[re.Pattern[str]] = ()) -> list[Hit]:
    """Every possible identifier in ``text``, in order of position.

    Args:
        text: Any text.
        names: Patterns from :func:`name_patterns`, matched against the text after Unicode
            normalisation and case folding.
    """
    if not text:
        return []
    hits: list[Hit] = []
    if might_hold(text):
        hits += _numbers(text)
        hits += _emails(text)
        taken = {h.start for h in hits}
        hits += [h for h in _phones(text) if h.start not in taken]
        hits += _postcodes(text)
        hits += _births(text)
    if names:
        hits += _names(text, names)
    if len(hits) < 2:
        return hits
    return sorted(hits, key=lambda h: (h.start, h.code))


# Typographic apostrophes, dashes and spaces, as word processors and PDFs write them.
_LOOKALIKES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """``text`` in the form names are compared in: NFKC, case-folded, plain punctuation."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_LOOKALIKES)


def _folded(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """The folded text, with the start and end in ``text`` of each folded character.

    ASCII text folds to its lower case, character for character (no maps needed). Other
    text is folded one base character and its combining marks at a time, so that a
    decomposed 'e' + U+0301 and a composed 'é' give the same folded text.
    """
    if text.isascii():
        return text.lower(), None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = fold(text[i:j])
        out.append(piece)
        starts += [i] * len(piece)
        ends += [j] * len(piece)
        i = j
    return "".join(out), starts, ends


def _names(text: str, names: Sequence[re.Pattern[str]]) -> Iterator[Hit]:
    folded, starts, ends = _folded(text)
    for pattern in names:
        for m in pattern.finditer(folded):
            start = starts[m.start()] if starts else m.start()
            end = ends[m.end() - 1] if ends else m.end()
            shown = text[start:end]
            yield Hit("IK507", "name from the names list", start, end, _mask(shown, 1), m.group(0))


def name_patterns(names: Sequence[str]) -> list[re.Pattern[str]]:
    """Whole-word patterns for a list of names (one per entry), matched on folded text.

    Names are folded as :func:`fold` does; the words of a name may be separated by any
    spaces, line breaks, hyphens or underscores ("Morag Smith", "morag_smith").
    """
    cleaned = sorted(
        {" ".join(fold(n).split()) for n in names if n.strip() and not n.lstrip().startswith("#")},
        key=lambda n: (-len(n), n),
    )
    if not cleaned:
        return []
    chunks = [cleaned[i : i + 500] for i in range(0, len(cleaned), 500)]
    return [
        re.compile(
            r"(?<!\w)(?:"
            + "|".join(r"[\s_-]+".join(re.escape(w) for w in n.split()) for n in chunk)
            + r")(?!\w)"
        )
        for chunk in chunks
    ]


def redact(
    text: str,
    names: Sequence[re.Pattern[str]] = (),
    keep: Callable[[Hit], bool] | None = None,
    *,
    scan_as: str | None = None,
) -> str:
    """``text`` with each possible identifier replaced by a marker such as [CHI number removed].

    Args:
        text: Any text.
        names: Patterns from :func:`name_patterns`.
        keep: Says which hits stay as written (findings the team has accepted).
        scan_as: The text to look in, when it differs from ``text`` character for character
            (a path with its underscores as spaces).
    """
    out: list[str] = []
    last = 0
    for hit in scan_text(text if scan_as is None else scan_as, names):
        if hit.start < last or (keep is not None and keep(hit)):
            continue
        out += [text[last : hit.start], f"[{hit.kind} removed]"]
        last = hit.end
    out.append(text[last:])
    return "".join(out)


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
