"""Every output format of ``inspectkit.output.diagnostics``, asserted exactly."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from inspectkit.diagnostics import Diagnostic, Severity
from inspectkit.formats import DIAGNOSTIC_FORMATS
from inspectkit.output.diagnostics import render, resolve_format
from inspectkit.textsafe import safe

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
FILES = ("evidence/inspection.yaml", "evidence/records.csv", "evidence/survey.csv")
URI_REFERENCE = re.compile(r"[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]*")
ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")
# What no output may carry raw (the colour codes rich writes are checked separately).
RAW_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _diagnostics() -> list[Diagnostic]:
    found = [
        Diagnostic(
            "IK004", "The file is not valid YAML.", "evidence/inspection.yaml", 3, 7,
            hint="Indent with spaces, not tabs.",
        ),
        Diagnostic("IK202", "Unknown field 'gradee'.", "evidence/inspection.yaml", 12, 3),
        Diagnostic("IK301", "No quality indicator '9.9'.", "evidence/records.csv", 4, 2),
        Diagnostic("IK401", "Indicator 2.1 rests on case records only.", "evidence/records.csv"),
        Diagnostic("IK016", "notes.txt is not part of the evidence contract."),
    ]  # fmt: skip
    return sorted(found, key=Diagnostic.sort_key)


def _render(fmt: str, **options: Any) -> str:
    return render(_diagnostics(), fmt, tool_version="1.2.3", files=FILES, **options)


def test_resolve_format() -> None:
    assert resolve_format("auto", github_actions=True) == "github"
    assert resolve_format("auto", github_actions=False) == "text"
    for fmt in DIAGNOSTIC_FORMATS.names():
        if fmt != "auto":
            assert resolve_format(fmt, github_actions=True) == fmt
    assert DIAGNOSTIC_FORMATS.names() == [
        "auto", "text", "parsable", "json", "github", "junit", "sarif",
    ]  # fmt: skip


TEXT = """\
(no file)
            note     notes.txt is not part of the evidence contract.  (IK016)

evidence/inspection.yaml
  3:7       error    The file is not valid YAML.  (IK004)
                     hint: Indent with spaces, not tabs.
  12:3      error    Unknown field 'gradee'.  (IK202)

evidence/records.csv
            warning  Indicator 2.1 rests on case records only.  (IK401)
  4:2       error    No quality indicator '9.9'.  (IK301)

3 errors, 1 warning, 1 note in 3 files
"""


def test_text() -> None:
    assert _render("text") == TEXT
    assert _render("auto") == TEXT
    assert "\x1b" not in _render("text")


def test_text_summary_wording() -> None:
    assert render([], "text", tool_version="1", files=FILES) == ("No problems found in 3 files.\n")
    one = [Diagnostic("IK202", "Unknown field 'x'.", "a.yaml", 1, 1)]
    assert render(one, "text", tool_version="1").endswith(
        "\n1 error, 0 warnings, 0 notes in 1 file\n"
    )


def test_text_in_colour() -> None:
    coloured = _render("text", color=True)
    assert "\x1b[" in coloured
    assert ANSI_SGR.sub("", coloured) == TEXT
    assert "\x1b[31merror" in coloured
    assert "\x1b[33mwarning" in coloured
    assert "\x1b[34mnote" in coloured
    assert "\x1b[1mevidence/records.csv" in coloured


def test_colour_ignores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _render("text", color=True)
    for name, value in (("NO_COLOR", "1"), ("TERM", "dumb"), ("COLUMNS", "20")):
        monkeypatch.setenv(name, value)
    assert _render("text", color=True) == expected


def test_rich_markup_is_not_interpreted() -> None:
    tricky = [Diagnostic("IK202", "Unknown field '[red]x[/red]'.", "a.yaml", 1, 1)]
    coloured = render(tricky, "text", tool_version="1", color=True)
    assert "'[red]x[/red]'" in coloured


def test_parsable() -> None:
    assert _render("parsable").splitlines() == [
        ":0:0: [note] notes.txt is not part of the evidence contract. (IK016)",
        "evidence/inspection.yaml:3:7: [error] The file is not valid YAML. (IK004)",
        "evidence/inspection.yaml:12:3: [error] Unknown field 'gradee'. (IK202)",
        "evidence/records.csv:0:0: [warning] Indicator 2.1 rests on case records only. (IK401)",
        "evidence/records.csv:4:2: [error] No quality indicator '9.9'. (IK301)",
    ]
    assert render([], "parsable", tool_version="1", files=FILES) == ""


def test_github() -> None:
    assert _render("github").splitlines() == [
        "::notice title=IK016 ignored-file::notes.txt is not part of the evidence contract.",
        "::error file=evidence/inspection.yaml,line=3,col=7,title=IK004 yaml-syntax::"
        "evidence/inspection.yaml:3:7: The file is not valid YAML."
        " (hint: Indent with spaces, not tabs.)",
        "::error file=evidence/inspection.yaml,line=12,col=3,title=IK202 unknown-field::"
        "evidence/inspection.yaml:12:3: Unknown field 'gradee'.",
        "::warning file=evidence/records.csv,title=IK401 single-kind-of-evidence::"
        "evidence/records.csv: Indicator 2.1 rests on case records only.",
        "::error file=evidence/records.csv,line=4,col=2,title=IK301 unknown-indicator::"
        "evidence/records.csv:4:2: No quality indicator '9.9'.",
    ]


def test_github_escaping() -> None:
    odd = [
        Diagnostic("IK202", "100% wrong\nsecond line", "a,b/c:d%e\nf.yaml", 2, 0),
        Diagnostic("IK202", "Unknown field 'x'.", "plain.yaml", 5, 1, hint="Use 50%, not 5:0."),
    ]
    assert render(odd, "github", tool_version="1").splitlines() == [
        # Newlines are made visible (\x0a) before GitHub's own escaping runs.
        r"::error file=a%2Cb/c%3Ad%25e\x0af.yaml,line=2,title=IK202 unknown-field::"
        r"a,b/c:d%25e\x0af.yaml:2: 100%25 wrong\x0asecond line",
        "::error file=plain.yaml,line=5,col=1,title=IK202 unknown-field::"
        "plain.yaml:5:1: Unknown field 'x'. (hint: Use 50%25, not 5:0.)",
    ]


def test_json() -> None:
    data = json.loads(_render("json"))
    assert list(data) == ["schema_version", "tool", "summary", "files", "diagnostics", "silenced"]
    assert data["schema_version"] == 1
    assert data["tool"] == {"name": "inspectkit", "version": "1.2.3"}
    assert data["summary"] == {"errors": 3, "warnings": 1, "notes": 1, "silenced": 0, "files": 3}
    assert data["files"] == list(FILES)
    assert data["diagnostics"] == [d.to_dict() for d in _diagnostics()]
    assert list(data["diagnostics"][1]) == [
        "code", "name", "severity", "message", "file", "line", "column", "hint",
    ]  # fmt: skip
    assert _render("json").endswith("}\n")
    assert '"schema_version": 1,\n  "tool": {\n' in _render("json")


def _junit(strict: bool) -> ET.Element:
    text = _render("junit", strict=strict)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    return ET.fromstring(text.encode("utf-8"))


def test_junit() -> None:
    root = _junit(strict=False)
    assert root.tag == "testsuites"
    assert root.attrib == {"name": "inspectkit", "tests": "5", "failures": "3", "errors": "0"}
    (suite,) = root
    assert suite.attrib == {
        "name": "inspectkit", "tests": "5", "failures": "3", "errors": "0", "skipped": "0",
    }  # fmt: skip
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("inspectkit.evidence/inspection.yaml", "evidence/inspection.yaml:3:7: IK004 yaml-syntax"),
        (
            "inspectkit.evidence/inspection.yaml",
            "evidence/inspection.yaml:12:3: IK202 unknown-field",
        ),
        ("inspectkit.evidence/records.csv", "evidence/records.csv: IK401 single-kind-of-evidence"),
        ("inspectkit.evidence/records.csv", "evidence/records.csv:4:2: IK301 unknown-indicator"),
        ("inspectkit.evidence/survey.csv", "evidence/survey.csv"),
    ]
    failures = [c.find("failure") for c in cases]
    assert [f.get("type") if f is not None else None for f in failures] == [
        "IK004", "IK202", None, "IK301", None,
    ]  # fmt: skip
    first = failures[0]
    assert first is not None
    assert first.get("message") == "The file is not valid YAML."
    assert first.text == (
        "evidence/inspection.yaml:3:7: The file is not valid YAML.\n"
        "hint: Indent with spaces, not tabs."
    )
    assert cases[2].findtext("system-out") == (
        "[warning] evidence/records.csv: Indicator 2.1 rests on case records only."
    )
    assert list(cases[4]) == []  # a checked file without findings passes


def test_junit_strict_makes_warnings_failures() -> None:
    root = _junit(strict=True)
    assert (root.get("tests"), root.get("failures")) == ("5", "4")
    warning = root.findall("testsuite/testcase")[2]
    failure = warning.find("failure")
    assert failure is not None
    assert failure.get("type") == "IK401"
    assert failure.text == "evidence/records.csv: Indicator 2.1 rests on case records only."
    assert warning.find("system-out") is None


def test_junit_without_findings() -> None:
    text = render([], "junit", tool_version="1", files=FILES)
    root = ET.fromstring(text.encode("utf-8"))
    assert (root.get("tests"), root.get("failures")) == ("3", "0")
    assert [c.get("name") for c in root.iter("testcase")] == list(FILES)


def _validate_sarif(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    # jsonschema checks "uri-reference" only with optional packages, so check the characters here.
    for artifact in log["runs"][0]["artifacts"]:
        assert URI_REFERENCE.fullmatch(artifact["location"]["uri"])
    return log


def test_sarif_schema_is_live() -> None:
    with pytest.raises(AssertionError):
        _validate_sarif('{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}')


def test_sarif() -> None:
    log = _validate_sarif(_render("sarif"))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert "originalUriBaseIds" not in log["runs"][0]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("inspectkit", "1.2.3")
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == ["IK004", "IK016", "IK202", "IK301", "IK401"]
    assert driver["rules"][4] == {
        "id": "IK401",
        "name": "single-kind-of-evidence",
        "shortDescription": {"text": "A graded indicator rests on one kind of evidence."},
        "defaultConfiguration": {"level": "warning"},
    }
    assert run["artifacts"] == [
        {"location": {"uri": name, "uriBaseId": "%SRCROOT%"}} for name in FILES
    ]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("IK016", "note"), ("IK004", "error"), ("IK202", "error"), ("IK401", "warning"),
        ("IK301", "error"),
    ]  # fmt: skip
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert "locations" not in results[0]  # no file, so no location
    assert results[1]["message"]["text"] == (
        "The file is not valid YAML. (hint: Indent with spaces, not tabs.)"
    )
    assert results[1]["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {
                    "uri": "evidence/inspection.yaml", "uriBaseId": "%SRCROOT%", "index": 0,
                },
                "region": {"startLine": 3, "startColumn": 7},
            }
        }
    ]  # fmt: skip
    assert "region" not in results[3]["locations"][0]["physicalLocation"]


def test_sarif_uris_are_percent_encoded() -> None:
    odd = [
        Diagnostic("IK202", "x", "my evidence/ü#1?.yaml", 4, 0),
        Diagnostic("IK202", "y", "/abs/path/a b.yaml", 1, 1),
        Diagnostic("IK202", "z", "c:d.yaml", 1, 1),
    ]
    log = _validate_sarif(render(odd, "sarif", tool_version="1"))
    locations = [r["locations"][0]["physicalLocation"] for r in log["runs"][0]["results"]]
    assert locations[0]["artifactLocation"]["uri"] == "my%20evidence/%C3%BC%231%3F.yaml"
    assert locations[0]["region"] == {"startLine": 4}
    assert locations[1]["artifactLocation"] == {"uri": "file:///abs/path/a%20b.yaml", "index": 0}
    assert locations[2]["artifactLocation"]["uri"] == "c%3Ad.yaml"  # not a URI scheme


HOSTILE = [
    Diagnostic(
        "IK202", "field \x1b[31mred\u202eevil\x9b", "ev/\x1b]0;title\x07.yaml", 1, 1,
        hint="try \u2066this\u2069",
    ),
    Diagnostic("IK401", "warn \x1b[2J", "ev/\u202ex.csv", severity=Severity.WARNING),
    Diagnostic("IK016", "note \x1b[2J"),
]  # fmt: skip


@pytest.mark.parametrize("fmt", [f.name for f in DIAGNOSTIC_FORMATS])
@pytest.mark.parametrize("strict", [False, True])
def test_control_characters_never_reach_the_output(fmt: str, strict: bool) -> None:
    text = render(HOSTILE, fmt, tool_version="1", files=["ev/\x1bok.yaml"], strict=strict)
    assert "\x1b" not in text
    assert RAW_UNSAFE.search(text) is None
    shown = text.replace("\\\\", "\\") if fmt == "json" else text
    if fmt != "sarif":  # SARIF percent-encodes the path's backslash
        assert "\\x1b]0;title\\x07.yaml" in shown
    assert "\\u202e" in text


def test_control_characters_in_colour_output() -> None:
    text = render(HOSTILE, "text", tool_version="1", color=True)
    assert "field \\x1b[31mred\\u202eevil\\x9b" in text
    assert RAW_UNSAFE.search(ANSI_SGR.sub("", text)) is None
    assert "\x1b" not in ANSI_SGR.sub("", text)


def test_safe() -> None:
    assert safe("a\x00b\tc\x7fd\x85e\u202af\u2069g\U0001f600") == (
        "a\\x00b\\x09c\\x7fd\\x85e\\u202af\\u2069g\U0001f600"
    )
    assert safe("plain text, ümlauts and 'quotes'") == "plain text, ümlauts and 'quotes'"


@pytest.mark.parametrize("fmt", DIAGNOSTIC_FORMATS.names())
def test_output_is_deterministic(fmt: str) -> None:
    assert _render(fmt) == _render(fmt)
    assert _render(fmt, color=True) == _render(fmt, color=True)
