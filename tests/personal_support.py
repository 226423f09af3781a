"""Made-up CHI and NHS numbers with valid check digits, for the personal-data tests.

No number here is taken from anywhere: each is the first ten-digit number with a valid check
digit after a fixed start, worked out when the tests run.
"""

from __future__ import annotations


def check_digit(nine: str) -> int | None:
    """The modulus-11 check digit of nine digits, or None where there is none (10)."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return None if check == 10 else check


def valid_number(first: str, check: int | None = None, start: int = 0) -> str:
    """Ten digits starting ``first`` (padded with a serial) with a valid check digit,
    the check digit ``check`` when given."""
    for serial in range(start, 10 ** (9 - len(first))):
        nine = first + str(serial).zfill(9 - len(first))
        digit = check_digit(nine)
        if digit is not None and (check is None or digit == check):
            return nine + str(digit)
    raise AssertionError("no such number")


def wrong_check(number: str) -> str:
    """The same number with a wrong check digit."""
    return number[:9] + str((int(number[9]) + 1) % 10)


CHI = valid_number("150312")  # 15 March 2012
CHI_0 = valid_number("030415", check=0)  # 3 April 2015, check digit 0
CHI_1970 = valid_number("010170")
NHS = valid_number("943476")  # 943 476 ...: not a date in its first six digits
NHS_0 = valid_number("943476", check=0)
NO_DATE = valid_number("310270")  # 31 February: not a CHI (and reported as an NHS number)


def spaced(number: str) -> str:
    """An NHS number as the NHS writes it: 3-3-4."""
    return f"{number[:3]} {number[3:6]} {number[6:]}"
