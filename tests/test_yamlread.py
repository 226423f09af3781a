"""The careful YAML reader: places, duplicates, limits, tags and the YAML 1.2 core schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspectkit.errors import ReadFailure
from inspectkit.yamlread import MAX_ALIASES, YamlFloat, load_yaml_file, load_yaml_text


def fail(text: str) -> tuple[str, int, int, str]:
    with pytest.raises(ReadFailure) as info:
        load_yaml_text(text, "f.yaml")
    d = info.value.diagnostic
    return d.code, d.line, d.column, d.message


def test_places_of_values_and_keys() -> None:
    doc = load_yaml_text("a: 1\nitems:\n  - id: X\n    summary: hello\n", "f.yaml")
    assert doc.data == {"a": 1, "items": [{"id": "X", "summary": "hello"}]}
    assert doc.values == {}  # places are worked out when first asked for
    assert doc.place(("items", 0, "summary")) == (4, 14)
    assert doc.place(("items", 0, "summary"), key=True) == (4, 5)
    eager = load_yaml_text("a: 1\nitems:\n  - id: X\n    summary: hello\n", "f.yaml", places=True)
    assert eager.values[("items", 0, "summary")] == (4, 14)
    assert doc.place(("items", 0, "missing")) == (3, 5)


def test_line_offset_for_front_matter() -> None:
    doc = load_yaml_text("id: A\n", "f.md", line_offset=1)
    assert doc.place(("id",)) == (2, 5)


def test_duplicate_key_is_an_error_with_both_places() -> None:
    code, line, col, message = fail("status: a\nother: 1\nstatus: b\n")
    assert (code, line, col) == ("IK005", 3, 1)
    assert "first at line 1" in message


def test_core_schema_keeps_norway_and_number_text() -> None:
    doc = load_yaml_text("country: NO\nflag: on\nids: [2.1, 5.10]\nok: true\nn: ~\n", "f.yaml")
    assert doc.data["country"] == "NO"
    assert doc.data["flag"] == "on"
    assert isinstance(doc.data["ids"][1], YamlFloat)
    assert doc.data["ids"][1].text == "5.10"
    assert doc.data["ok"] is True
    assert doc.data["n"] is None


def test_dates_stay_text_for_the_schema_to_judge() -> None:
    assert load_yaml_text("d: 2025-09-01\n", "f.yaml").data == {"d": "2025-09-01"}


@pytest.mark.parametrize(
    "text, code",
    [
        pytest.param(t, c, id=c + "-" + str(i))
        for i, (t, c) in enumerate(
            [
                ("", "IK006"),
                ("# only a comment\n", "IK006"),
                ("a: 1\n---\nb: 2\n", "IK007"),
                ("a: !!python/object/apply:os.system ['true']\n", "IK008"),
                ("a: !evidence x\n", "IK008"),
                ("a: !!binary aGVsbG8=\n", "IK008"),
                ("a: &x [1, *x]\n", "IK010"),
                ("[" * 200 + "]" * 200, "IK009"),
                ("a: " + "9" * 5000 + "\n", "IK009"),
                ("? [a, b]\n: c\n", "IK015"),
                ("a:\n\t- b\n", "IK004"),
            ]
        )
    ],
)
def test_rejections(text: str, code: str) -> None:
    assert fail(text)[0] == code


def test_alias_limit_stops_billion_laughs_fast() -> None:
    lines = ["a0: &a0 [x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    code, *_ = fail("\n".join(lines) + "\n")
    assert code == "IK009"
    ok = (
        "\n".join(
            [f"k{i}: &k{i} v" for i in range(MAX_ALIASES)]
            + [f"r{i}: *k{i}" for i in range(MAX_ALIASES)]
        )
        + "\n"
    )
    assert load_yaml_text(ok, "f.yaml").data["r0"] == "v"


def test_tab_indentation_gets_a_hint() -> None:
    with pytest.raises(ReadFailure) as info:
        load_yaml_text("a:\n\tb: 1\n", "f.yaml")
    assert "tabs" in info.value.diagnostic.hint


def test_encodings(tmp_path: Path) -> None:
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbfa: 1\n")
    (tmp_path / "u16.yaml").write_bytes("a: 1\n".encode("utf-16"))
    (tmp_path / "latin1.yaml").write_bytes(b"a: caf\xe9\n")
    assert load_yaml_file(tmp_path / "bom.yaml", "bom.yaml").data == {"a": 1}
    assert load_yaml_file(tmp_path / "u16.yaml", "u16.yaml").data == {"a": 1}
    with pytest.raises(ReadFailure) as info:
        load_yaml_file(tmp_path / "latin1.yaml", "latin1.yaml")
    d = info.value.diagnostic
    assert (d.code, d.line, d.column) == ("IK002", 1, 7)
    assert "UTF-8" in d.hint


def test_non_regular_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ReadFailure) as info:
        load_yaml_file(tmp_path, "dir")
    assert info.value.diagnostic.code == "IK012"
    with pytest.raises(ReadFailure) as info:
        load_yaml_file(tmp_path / "nope.yaml", "nope.yaml")
    assert info.value.diagnostic.code == "IK001"


def hinted(text: str) -> tuple[int, int, str]:
    with pytest.raises(ReadFailure) as info:
        load_yaml_text(text, "f.yaml")
    d = info.value.diagnostic
    assert d.code == "IK004"
    return d.line, d.column, d.hint


COLON = 'quote the text ("...") or use >-'
APOSTROPHE = "double the apostrophe ('') or put the whole text in double quotes"
INDENT = "This key is indented differently from the keys above it"


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        # the colon of "told us: workers", not the key's own colon
        ("- id: X\n  summary: Parents told us: workers listened.\n", (2, 27), COLON),
        ("- id: X\n  summary: >-\n    fine: here\n  quote: He said: no\n", (4, 17), COLON),
        # the apostrophe that ended the quoted text, not the word after it
        ("- id: X\n  summary: 'The child's plan was reviewed.'\n", (2, 22), APOSTROPHE),
        ("- id: X\n  summary: 'It is\n    the child's plan'\n", (3, 14), APOSTROPHE),
        # the start of the key, whether indented more or less than the keys above
        ("- id: X\n  source: doc\n   indicators: ['2.1']\n", (3, 4), INDENT),
        ("- id: X\n  source: doc\n indicators: ['2.1']\n  finding: strength\n", (3, 2), INDENT),
        ("framework: x\npartnership: y\n  title: z\n", (3, 3), INDENT),
        ("period:\n  start: 2026-01-01\n end: 2026-02-01\n", (3, 2), INDENT),
    ],
)
def test_syntax_errors_in_prose_get_a_plain_hint_at_the_mistake(
    text: str, place: tuple[int, int], words: str
) -> None:
    line, column, hint = hinted(text)
    assert (line, column) == place
    assert words in hint


def test_indent_hint_names_both_columns() -> None:
    assert (
        "(it starts in column 4, the key above in column 3)"
        in hinted("- id: X\n  source: doc\n   indicators: ['2.1']\n")[2]
    )


def test_an_empty_list_kept_beside_entries_is_named() -> None:
    for text, line in (("# c\n- id: X\n  source: doc\n[]\n", 4), ("[]  # none yet\n- id: X\n", 1)):
        assert hinted(text) == (line, 1, hinted(text)[2])
        assert "delete the '[]' line" in hinted(text)[2]


def test_hint_places_count_front_matter_lines() -> None:
    with pytest.raises(ReadFailure) as info:
        load_yaml_text("id: A\nsummary: Told us: yes\n", "f.md", line_offset=1)
    d = info.value.diagnostic
    assert (d.line, d.column) == (3, 17) and COLON in d.hint


def test_other_syntax_errors_get_no_made_up_hint() -> None:
    assert hinted('- id: X\n  summary: "open\n')[2] == ""


def test_an_error_at_the_end_of_the_file_is_placed_on_its_last_line() -> None:
    code, line, column, _ = fail("- id: X\n  summary: [one, two\n")
    assert (code, line, column) == ("IK004", 2, 21)  # after 'two', not on a line 3


@pytest.mark.parametrize(
    "text",
    [
        "- id: A\n  summary: x\n-   id: B\n\n- {id: C}\n- - nested\n",
        "# c\n---\nid: X\nsummary: >-\n  folded\n",
        "[ {id: A},\n  {id: B} ]\n",
    ],
)
def test_item_starts_need_no_second_reading(text: str) -> None:
    """The start of the root and of each root list entry is known from the first read, and is
    the same place the full reading of places gives."""
    lazy = load_yaml_text(text, "f.yaml")
    full = load_yaml_text(text, "f.yaml", places=True)
    entries = len(lazy.data) if isinstance(lazy.data, list) else 0
    for path in [(), *((i,) for i in range(entries))]:
        assert lazy.place(path) == full.place(path), path
    assert lazy.source is not None  # not read again
