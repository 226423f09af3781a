"""Report templates: the user's shadow and extend the built-ins; the sandbox holds; every
template problem is exit 2 with the template's name and line, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspectkit.report.render import builtin_names, template_name
from tests.test_report import FW, clean_tree, mini, run


def templates(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "my-templates"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, "utf-8")
    return folder


def report(tmp_path: Path, mine: Path, *extra: str) -> tuple[int, str, str]:
    return run(
        str(mini(tmp_path)), *FW, "-o", str(tmp_path / "out"), "--templates-dir", str(mine), *extra
    )


def test_a_user_template_shadows_the_builtin(tmp_path: Path) -> None:
    mine = templates(tmp_path, report__md__j2="# Our own report on {{ inspection.partnership }}\n")
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 0, err
    assert (tmp_path / "out" / "mini.md").read_text("utf-8") == "# Our own report on Testshire\n"


def test_a_user_template_extends_the_builtin_and_overrides_one_block(tmp_path: Path) -> None:
    mine = templates(
        tmp_path,
        report__html__j2=(
            '{% extends "builtin/report.html.j2" %}\n'
            '{% block next_steps %}<section aria-labelledby="next-steps">'
            '<h2 id="next-steps">What happens next</h2>'
            "<p>Our own next steps for {{ inspection.partnership }}.</p></section>"
            "{% endblock %}\n"
        ),
    )
    code, _, err = report(tmp_path, mine, "-f", "html")
    assert code == 0, err
    html = (tmp_path / "out" / "mini.html").read_text("utf-8")
    assert "<p>Our own next steps for Testshire.</p>" in html
    assert "action plan within six weeks" not in html  # the built-in block is replaced
    assert '<h2 id="key-facts">Key facts</h2>' in html  # the rest is the built-in report
    assert html.count("<h1>") == 1


def test_a_markdown_template_extends_the_builtin(tmp_path: Path) -> None:
    mine = templates(
        tmp_path,
        report__md__j2=(
            '{% extends "builtin/report.md.j2" %}\n'
            "{% block next_steps %}## What happens next\n\nOur own words.\n{% endblock %}\n"
        ),
    )
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 0, err
    md = (tmp_path / "out" / "mini.md").read_text("utf-8")
    assert "## What happens next\n\nOur own words.\n\n## Appendix 1" in md
    assert md.startswith("# Mini framework for tests: Testshire\n")


def test_a_user_part_restyles_the_builtin_report(tmp_path: Path) -> None:
    mine = templates(tmp_path, _report__css__j2="body { color: #000000; } /* ours */\n")
    code, _, _ = report(tmp_path, mine, "-f", "html")
    assert code == 0
    html = (tmp_path / "out" / "mini.html").read_text("utf-8")
    assert "/* ours */" in html
    assert "GOV.UK-like" not in html


def test_template_option_names_another_template(tmp_path: Path) -> None:
    mine = templates(tmp_path, brief__md__j2="# Brief: {{ evaluations|length }} graded\n")
    code, _, err = report(tmp_path, mine, "--template", "brief", "-f", "md")
    assert code == 0, err
    assert (tmp_path / "out" / "mini-brief.md").read_text("utf-8") == "# Brief: 1 graded\n"


def test_missing_template_is_exit_2_and_nothing_is_written(tmp_path: Path) -> None:
    mine = templates(tmp_path, brief__md__j2="# Brief\n")
    code, _, err = report(tmp_path, mine, "--template", "brief")  # md and html
    assert code == 2
    assert "No template 'brief.html.j2' in " in err and "(built-in templates: report)" in err
    assert not (tmp_path / "out").exists()


def test_missing_templates_dir_is_exit_2(tmp_path: Path) -> None:
    code, _, err = report(tmp_path, tmp_path / "absent")
    assert code == 2
    assert "is not a folder" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' of 'str' object is unsafe"),
        ("{{ cycler.__init__.__globals__ }}", "is unsafe"),
        ("{{ '{0.__class__}'.format(inspection.partnership) }}", "is unsafe"),
    ],
)
def test_the_sandbox_refuses_unsafe_access(tmp_path: Path, text: str, message: str) -> None:
    mine = templates(tmp_path, report__md__j2=f"# Report\n\n{text}\n")
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 2, err
    assert "report.md.j2:3: " in err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_undefined_variable_is_an_error(tmp_path: Path) -> None:
    mine = templates(tmp_path, report__md__j2="# Report\n{{ nonexistent }}\n")
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 2
    assert f"{(mine / 'report.md.j2').as_posix()}:2: 'nonexistent' is undefined" in err


def test_undefined_attribute_is_an_error(tmp_path: Path) -> None:
    mine = templates(tmp_path, report__md__j2="# Report\n\n{{ inspection.chairperson }}\n")
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 2
    assert "report.md.j2:3: 'dict object' has no attribute 'chairperson'" in err


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    mine = templates(tmp_path, report__md__j2="# Report\n\n{% if %}\n")
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 2
    assert "report.md.j2:3: template syntax error: " in err


def test_runtime_error_in_a_user_template_is_exit_2(tmp_path: Path) -> None:
    mine = templates(tmp_path, report__md__j2="# Report\n\n{{ 1 // 0 }}\n")
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 2
    assert "report.md.j2:3: ZeroDivisionError" in err


def test_an_error_inside_an_extended_builtin_names_the_builtin(tmp_path: Path) -> None:
    mine = templates(
        tmp_path, report__md__j2=('{% extends "builtin/report.md.j2" %}{% set inspection = {} %}')
    )
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 2
    assert "builtin/report.md.j2:" in err and "has no attribute" in err


def test_template_names() -> None:
    assert template_name("report", "md") == "report.md.j2"
    assert template_name("brief.html.j2", "html") == "brief.html.j2"
    assert builtin_names() == ["report"]


def test_no_file_is_left_behind_by_a_failed_template(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    mine = templates(tmp_path, report__html__j2="{{ nope }}")
    assert report(tmp_path, mine)[0] == 2
    assert clean_tree(tmp_path / "out") == []


def test_a_missing_part_names_the_template_that_uses_it(tmp_path: Path) -> None:
    mine = templates(tmp_path, report__md__j2='# Report\n\n{% include "_absent.j2" %}\n')
    code, _, err = report(tmp_path, mine, "-f", "md")
    assert code == 2
    assert "report.md.j2:3: the template '_absent.j2' it uses is not in " in err
