"""Personal data: true identifiers are found, near misses are not, messages never leak them.

Every CHI and NHS number here is made up by the test with a valid check digit; no example is a
real person's. Names are invented.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import inspectkit.privacy as privacy
from inspectkit.cli import app
from inspectkit.privacy import fingerprint, name_patterns, redact, scan_text
from tests.conftest import ROOT
from tests.personal_support import CHI, CHI_0, CHI_1970, NHS, NHS_0, NO_DATE, spaced, wrong_check

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]


@pytest.mark.parametrize(
    "text, code",
    [
        (f"CHI {CHI_1970} was on the file", "IK501"),
        (f"ref R-{CHI}", "IK501"),  # inside a record id: still a CHI number
        (f"FG-{CHI}", "IK501"),  # inside an evidence id too: an id must not carry one
        (f"NHS number {spaced(NHS)}", "IK506"),
        # at token edges: punctuation, brackets, quotes, line ends, the end of the text
        (f"... with CHI {CHI}.", "IK501"),
        (f"NHS number {spaced(NHS)}.", "IK506"),
        (f"CHI {CHI}", "IK501"),
        (f"({CHI})", "IK501"),
        (f"[{CHI}]", "IK501"),
        (f'"{CHI}"', "IK501"),
        (f"“{CHI}”", "IK501"),
        (f"'{CHI}',", "IK501"),
        (f"{CHI};", "IK501"),
        (f"{CHI}:", "IK501"),
        (f"{CHI}!", "IK501"),
        (f"{CHI}?", "IK501"),
        (f"CHI {CHI}\nnext line", "IK501"),
        (f"CHI{CHI}", "IK501"),
        (f"{CHI}-", "IK501"),
        (f"{CHI}/", "IK501"),
        (f"{spaced(NHS)})", "IK506"),
        # other groupings, and check digit 0
        (f"{CHI[:6]} {CHI[6:]}", "IK501"),
        (f"{CHI[:2]} {CHI[2:4]} {CHI[4:6]} {CHI[6:]}", "IK501"),
        (f"CHI {CHI_0}.", "IK501"),
        (f"NHS {spaced(NHS_0)}", "IK506"),
        (f"NHS {NHS_0}", "IK506"),
        (f"number {NO_DATE}", "IK506"),
        ("write to jo.bloggs@example.org", "IK503"),
        ("write to jo.bloggs@example.org.", "IK503"),
        ("<jo.bloggs@example.org>", "IK503"),
        ("call 07700 900123 today", "IK504"),
        ("call 07700 900123.", "IK504"),
        ("landline (0131) 496 0000", "IK504"),
        ("+44 7700 900123", "IK504"),
        ("+44 (0)131 496 0000", "IK504"),
        ("+44 (0) 131 496 0000.", "IK504"),
        ("+44 131 496 0000", "IK504"),
        ("+441314960000", "IK504"),
        ("0044 131 496 0000", "IK504"),
        ("0131-496-0000", "IK504"),
        ("0131.496.0000", "IK504"),
        ("the helpline, 0300 123 4567, is open", "IK504"),
        ("03001234567", "IK504"),
        ("0800 123 456", "IK504"),  # freephone: a nine-digit national number
        ("01387 12345", "IK504"),  # four-figure code, five-figure local: nine digits
        ("016977 1234", "IK504"),  # five-figure code (Brampton): nine digits
        ("0169771234", "IK504"),
        ("the family moved to EH1 1YZ", "IK505"),
        ("postcode G2 3AB", "IK505"),
        ("postcode eh1 1yz", "IK505"),
        ("postcode Eh1 1Yz.", "IK505"),
        ("postcode EH11YZ", "IK505"),
        ("postcode eh11yz", "IK505"),
        ("(G2 3AB)", "IK505"),
        ("W1A 1AA", "IK505"),
        ("EH1 1ST", "IK505"),  # upper case: a postcode, even though it reads like "1st"
        ("DOB: 03/04/2015", "IK502"),
        ("DOB 03/04/15.", "IK502"),
        ("d.o.b. 3.4.2015", "IK502"),
        ("born on 3 April 2015", "IK502"),
        ("born on the 3rd of April 2015", "IK502"),
        ("born on the 3rd of April 2015.", "IK502"),
        ("born on the third of April 2015", "IK502"),
        ("born on the twenty-first of March 2014", "IK502"),
        ("born 21st March, 2014", "IK502"),
        ("born April 3rd, 2015", "IK502"),
        ("born on April the 3rd 2015", "IK502"),
        ("born 3 Apr. 2015", "IK502"),
        ("BORN ON 3 APRIL 2015", "IK502"),
        ("date of birth 2015-04-03", "IK502"),
        ("date of birth: the 3rd day of April 2015", "IK502"),
        ("date of birth is 3 April 2015", "IK502"),
        ("birth date 03-04-2015", "IK502"),
    ],
)
def test_true_hits(text: str, code: str) -> None:
    assert [h.code for h in scan_text(text)] == [code], text


@pytest.mark.parametrize(
    "text",
    [
        f"CHI {wrong_check(CHI)} has the wrong check digit",
        f"CHI {wrong_check(CHI_1970)} too",
        f"{wrong_check(NHS)} fails the check digit",
        f"{spaced(wrong_check(NHS))} fails it spaced",
        f"1{CHI} is eleven digits",
        f"{CHI}1 is eleven digits",
        f"1.{CHI} is a decimal",
        f"{CHI}.5 is a decimal",
        f"2/{CHI} is part of a fraction",
        f"{CHI},5 is part of a longer number",
        "reference JI-2025-07 and KIQ1 2AB",
        "the meeting on 03/04/2025 went well",
        "the meeting on the 3rd of April 2025 went well",
        "on 2026-01-28 the team met",
        "born in 2015",
        "born in April 2015",
        "stillborn 3 April 2015 is not a date of birth here",
        "framework: mini@1.0",
        "version 1.10.3 of the plan; 12345 records",
        "the majority (62%) of 100 records",
        "34 of 100 records; 99 of 200",
        "0131 496 00 is too short",
        "07700 9001234 is too long",
        "0 1 2 3 4 5 6 7 8 9 is a count",
        "0101701230 is neither a CHI nor a telephone number",
        "0900 123 4567 is premium rate",
        "+44 is a code, not a number",
        "pupils in S1 2nd term",
        "P7 3rd week",
        "s3 4th period",
        "at 3pm in room B1",
        "in 2025 and 2026",
        "scores of 4 5 3 and 2",
        "see section 2.1 and 5.10",
        "an e-mail to someone at the school",
        "user@localhost is not an address",
    ],
)
def test_near_misses(text: str) -> None:
    assert scan_text(text) == [], text


def test_hits_cover_the_identifier_exactly() -> None:
    text = f"CHI {CHI}. Call +44 (0)131 496 0000, born on the 3rd of April 2015."
    found = {h.code: text[h.start : h.end] for h in scan_text(text)}
    assert found == {
        "IK501": CHI,
        "IK504": "+44 (0)131 496 0000",
        "IK502": "3rd of April 2015",
    }


def test_fingerprints_are_of_the_normal_form() -> None:
    forms = ["+44 (0)131 496 0000", "0131 496 0000", "(0131) 4960000", "+441314960000"]
    prints = {scan_text(f)[0].fingerprint for f in forms}
    assert prints == {fingerprint("01314960000")}
    assert scan_text("eh1 1yz")[0].fingerprint == scan_text("EH11YZ")[0].fingerprint
    assert "value" not in repr(scan_text("EH1 1YZ")[0])  # never printed by accident


def test_names_from_a_list_whole_words_any_case() -> None:
    names = name_patterns(["Jamie", "Morag Smith", "# a comment", ""])
    assert [h.code for h in scan_text("jamie and MORAG SMITH met", names)] == ["IK507"] * 2
    assert [h.code for h in scan_text("Jamie.", names)] == ["IK507"]
    assert [h.code for h in scan_text("Morag\n  Smith", names)] == ["IK507"]
    assert scan_text("Jamieson was not listed", names) == []
    assert scan_text("Morag Smithson was not listed", names) == []


@pytest.mark.parametrize(
    "listed, written",
    [
        ("Zoë Smith", unicodedata.normalize("NFD", "Zoë Smith")),  # decomposed, as macOS
        (unicodedata.normalize("NFD", "Zoë Smith"), "ZOË SMITH"),
        ("Ciarán", unicodedata.normalize("NFD", "CIARÁN")),
        ("Strauß", "STRAUSS"),  # case folding, not lower()
        ("Jamie", "Ｊａｍｉｅ"),  # full-width letters, as some PDFs give them (NFKC)
        ("O'Neill", "O’Neill"),  # a typographic apostrophe
        ("Anne-Marie", "anne‐marie"),  # a Unicode hyphen
        ("Morag Smith", "morag\u00a0smith"),  # a no-break space
    ],
)
def test_names_match_after_normalisation_and_case_folding(listed: str, written: str) -> None:
    text = f"We met {written}, who said so."
    hits = scan_text(text, name_patterns([listed]))
    assert [(h.code, text[h.start : h.end]) for h in hits] == [("IK507", written)]
    assert redact(text, name_patterns([listed])) == (
        "We met [name from the names list removed], who said so."
    )


def test_names_near_misses_after_normalisation() -> None:
    names = name_patterns(["Zoë"])
    assert scan_text("Zoe", names) == []  # the accent is part of the name
    assert scan_text(unicodedata.normalize("NFD", "Zoës"), names) == []


def test_redact_replaces_each_hit() -> None:
    assert redact("Call 07700 900123 or write to a@b.org") == (
        "Call [telephone number removed] or write to [e-mail address removed]"
    )
    assert redact(f"CHI {CHI}.") == "CHI [CHI number removed]."
    assert redact("born on the 3rd of April 2015!") == "born on the [date of birth removed]!"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def test_validate_reports_places_and_masks(folder: Path, tmp_path: Path) -> None:
    items = folder / "evidence" / "items.yaml"
    items.write_text(
        items.read_text().replace("with children.", "with children. Contact Morag on 07700 900123.")
    )
    (folder / "records" / "reader-a.csv").write_text(f"record_id,plan-quality\nR-{CHI_1970},4\n")
    names = tmp_path / "names.txt"
    names.write_text("Morag\n")
    result = CliRunner().invoke(
        app, ["validate", str(folder), *FW, "-f", "parsable", "--names-file", str(names)]
    )
    assert result.exit_code == 0  # warnings by default
    out = result.stdout
    assert "reader-a.csv:2:1: [warning] Possible CHI number (01********)" in out
    assert "items.yaml:5:82: [warning] Possible name" in out and "(IK507)" in out
    assert "items.yaml:5:91: [warning] Possible telephone number" in out
    assert "900123" not in out and CHI_1970 not in out and "Morag" not in out
    strict = CliRunner().invoke(
        app,
        ["validate", str(folder), *FW, "-f", "parsable", "--strict", "--names-file", str(names)],
    )
    assert strict.exit_code == 1
    assert "[error] Possible CHI number" in strict.stdout


def test_names_file_must_live_outside_the_folder(folder: Path) -> None:
    (folder / "names.txt").write_text("Morag\n")
    result = CliRunner().invoke(
        app, ["validate", str(folder), *FW, "--names-file", str(folder / "names.txt")]
    )
    assert result.exit_code == 2
    assert "keep it outside" in result.stderr


def _full_finders(text: str) -> list[privacy.Hit]:
    return [
        *privacy._numbers(text),
        *privacy._emails(text),
        *privacy._phones(text),
        *privacy._postcodes(text),
        *privacy._births(text),
    ]


IDENTIFIERS = st.sampled_from(
    [
        CHI,
        CHI_0,
        spaced(NHS),
        "+44 (0)131 496 0000",
        "0800 123 456",
        "eh1 1yz",
        "EH11YZ",
        "born on the 3rd of April 2015",
        "DOB 3/4/15",
        "a@b.org",
    ]
)
NOISE = st.text(alphabet="0123456789 ()-+@./,:abAZEHGborn:DOBthe ofApril\n'\"", max_size=40)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.one_of(NOISE, st.tuples(NOISE, IDENTIFIERS, NOISE).map("".join)))
def test_quick_filter_never_hides_a_hit(text: str) -> None:
    """Whatever the full finders find, both quick tests let through."""
    if _full_finders(text):
        assert privacy.FIRST_TEST.search(text), text
        assert privacy.MAYBE.search(text), text
        assert scan_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "15 03 12 5009",  # ten digits: CHI, as written
        "0800 123 456",  # nine after the trunk 0: ten in all
        "+44 (0)131 496 0000",
        "DOB 3/4/15",  # four digits only: the word lets it through
        "born on 3.4.15",
        "Date of birth: 3 April 2015",
    ],
)
def test_quick_filter_lets_through_each_kind_at_its_edge(text: str) -> None:
    assert privacy.MAYBE.search(text), text
    assert scan_text(text), text


@pytest.mark.parametrize("text", ["CR-0001", "STA-0300", "150 312 500", "page 12 of 40"])
def test_quick_filter_stops_ids_and_short_numbers(text: str) -> None:
    """Nine digits close together, or fewer, with no '@', postcode shape or birth word."""
    assert privacy.FIRST_TEST.search(text)
    assert privacy.MAYBE.search(text) is None
    assert scan_text(text) == []


@pytest.mark.parametrize("text", ["Staff described stable relationships.", "Some said so."])
def test_quick_filter_stops_prose_at_the_first_test(text: str) -> None:
    assert privacy.FIRST_TEST.search(text) is None


def test_report_refuses_personal_data_unless_redacted_or_allowed(
    folder: Path, tmp_path: Path
) -> None:
    items = folder / "evidence" / "items.yaml"
    items.write_text(
        items.read_text().replace("with children.", "with children; call 07700 900123.")
    )
    out = tmp_path / "out"
    runner = CliRunner()
    refused = runner.invoke(
        app, ["report", str(folder), *FW, "-o", str(out), "--date", "2026-03-30"]
    )
    assert refused.exit_code == 1
    assert "report not written" in refused.stderr
    assert not out.exists()
    redacted = runner.invoke(
        app, ["report", str(folder), *FW, "-o", str(out), "--date", "2026-03-30", "--redact"]
    )
    assert redacted.exit_code == 0, redacted.output
    texts = [p.read_text() for p in out.iterdir()]
    assert texts and all("900123" not in t for t in texts)
    assert any("[telephone number removed]" in t for t in texts)
    allowed = runner.invoke(
        app,
        [
            "report",
            str(folder),
            *FW,
            "-o",
            str(out),
            "--date",
            "2026-03-30",
            "--allow-personal-data",
            "--force",
        ],
    )
    assert allowed.exit_code == 0
    assert any("07700 900123" in p.read_text() for p in out.iterdir())
