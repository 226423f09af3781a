"""The patterns behind :mod:`inspectkit.privacy`, and the checks that make a match count.

Each identifier is bounded the same way: it may touch letters, punctuation, brackets,
quotes, spaces and the ends of the text, but not another digit, nor a digit across a
decimal point or a slash ("1.1503125009" and "2/1503125009" are parts of other numbers).
"""

from __future__ import annotations

import datetime as dt
import re

# Before and after a number: no digit, and no digit just across '.', ',' or '/'.
_NUM_START = r"(?<!\d)(?<!\d[.,/])"
_NUM_END = r"(?!\d)(?![.,/]\d)"

# Ten digits as people write CHI and NHS numbers: 1503125009, 150312 5009, 15 03 12 5009,
# 943 476 5919 (the NHS's own grouping), with spaces or hyphens.
TEN_DIGITS = re.compile(
    _NUM_START
    + r"(?:\d{3}[ -]?\d{3}[ -]?\d{4}|\d{6}[ -]\d{4}|\d\d[ -]\d\d[ -]\d\d[ -]?\d{4})"
    + _NUM_END
)

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}(?![\w-])")

# UK telephone numbers: 0131 496 0000, (0131) 496 0000, 07700 900123, 0300 123 4567,
# +44 (0)131 496 0000, +44 131 496 0000, 0044 7700 900123, 0800 123 456. The national
# number (after the trunk 0 or +44) is checked in code: ten digits starting 1, 2, 3, 7 or 8,
# or nine digits of the ranges that have them.
PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|(?<!\d)00)44[ .-]?(?:\(0\)[ .-]?|0[ .-]?)?\(?|\(?0)"
    r"(?P<number>\d(?:[ .)-]{0,2}\d){8,9})" + _NUM_END
)
# Nine-digit national numbers: freephone 0800 and the old 0500 (six digits after the
# code), and the twelve areas whose numbers have five-figure codes and four-figure locals.
NINE_DIGIT_PREFIXES = (
    "800",
    "500",
    "13873",
    "15242",
    "15394",
    "15395",
    "15396",
    "16973",
    "16974",
    "16977",
    "17683",
    "17684",
    "17687",
    "19467",
)

# Outward code, an optional space, inward code; any letter case.
POSTCODE = re.compile(
    r"(?i)(?<![\w])([A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})(?![\w])"
)
# An inward code that reads as an ordinal: "S1 2nd term" is a school year, not a postcode.
POSTCODE_ORDINAL = re.compile(r"(?i)1st|2nd|3rd|\dth")

_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?"
)
_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINAL_WORDS = (
    rf"(?:twenty[- ]?(?:{_UNITS})|thirty[- ]?first|{_UNITS}|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|thirtieth)"
)
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORDS})"
_YEAR = r"\d{4}(?!\d)"
DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)(?![/.-]\d)"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"
    rf"|{_DAY}(?:\s+(?:day\s+)?of)?[\s,]+{_MONTHS},?\s+{_YEAR}"
    rf"|{_MONTHS}\s+(?:the\s+)?{_DAY},?\s+{_YEAR})"
)
BIRTH = re.compile(
    r"(?i)(?<![\w])(?:d\.?o\.?b\b\.?|date\s+of\s+birth|birth\s*date|born)"
    r"(?:[\s:,(-]+(?:is|was|on|the)(?![a-z]))*[\s:,(-]*"
    rf"(?P<date>{DATE})"
)

# The quick test: every identifier above holds a digit or an '@' (a year, at least, in a
# date of birth); most evidence text holds neither, and one scan for them is cheap.
FIRST_TEST = re.compile(r"[\d@]")
# The second, for text that has digits: an '@' (e-mail), a letter touching a digit
# (postcodes), ten digits close together (CHI and NHS numbers have ten; a telephone number
# has nine or ten after its 0 or +44, at most two characters apart), or a word that starts
# a date of birth. Ids such as "CR-0001", read by the thousand, pass the first test only.
MAYBE = re.compile(r"@|[^\W\d_]\d|\d(?:\D{0,3}\d){9}|(?i:d\.?o\.?b|birth|born)")


def mod11_ok(digits: str) -> bool:
    """The modulus-11 check digit used by CHI and NHS numbers (a remainder of 0 gives 0)."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return check != 10 and check == int(digits[9])


def six_digit_date_ok(ddmmyy: str) -> bool:
    """True when DDMMYY is a real date in the 1900s or the 2000s."""
    day, month, year = int(ddmmyy[:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    for century in (2000, 1900):
        try:
            dt.date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False
