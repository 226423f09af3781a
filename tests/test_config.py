"""The project configuration: found upward, checked strictly, and flag > environment > file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.config import find_config, load_config
from inspectkit.diagnostics import Severity
from inspectkit.errors import UsageError
from inspectkit.settings import Flags, Settings, open_config, resolve
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_from_the_working_folder_upward(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: passed over
    assert find_config(deep) is None
    write(tmp_path / "a" / "pyproject.toml", "[tool.inspectkit]\nstrict = true\n")
    assert find_config(deep) == tmp_path / "a" / "pyproject.toml"
    write(deep / "inspectkit.toml", "strict = false\n")
    assert find_config(deep) == deep / "inspectkit.toml"


def test_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "inspectkit.toml", 'frameworks-dirs = ["fw"]\nnames-file = "n.txt"\n')
    loaded = load_config(path)
    assert loaded.config.frameworks_dirs == [tmp_path / "fw"]
    assert loaded.config.names_file == tmp_path / "n.txt"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[tool.inspectkit]\nstrict = true\nstrikt = 1\n",
            "pyproject.toml:3:1: unknown key 'strikt' in [tool.inspectkit]. Did you mean 'strict'?",
        ),
        (
            "[tool.inspectkit.report]\n  templat = 'x'\n",
            "pyproject.toml:2:3: unknown key 'templat' in [tool.inspectkit.report]. "
            "Did you mean 'template'?",
        ),
        (
            "[tool.inspectkit]\nreport.fromat = 'md'\n",
            "pyproject.toml:2:1: unknown key 'fromat' in [tool.inspectkit.report]. "
            "Did you mean 'format'?",
        ),
        (
            "[tool.inspectkit]\nstrict = 'maybe'\n",
            "pyproject.toml:2:1: 'strict' in [tool.inspectkit]: Input should be a valid boolean",
        ),
        ("[tool.inspectkit.severity]\nIK999 = 'error'\n", "'IK999' is not a diagnostic code"),
        ("[tool.inspectkit.severity]\nIK401 = 'fatal'\n", "Input should be 'error', 'warning'"),
    ],
)
def test_a_wrong_key_is_a_placed_error(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(UsageError) as caught:
        load_config(path)
    assert message in caught.value.message
    assert caught.value.exit_code == 2


def test_a_wrong_key_stops_a_command_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "inspectkit.toml", "stirct = true\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["frameworks", "list"])
    assert result.exit_code == 2
    assert "inspectkit.toml:1:1: unknown key 'stirct'" in result.stderr
    assert "Did you mean 'strict'?" in result.stderr
    assert CliRunner().invoke(app, ["frameworks", "list", "--no-config"]).exit_code == 0


def test_config_and_no_config(tmp_path: Path) -> None:
    path = write(tmp_path / "elsewhere.toml", "strict = true\n")
    with pytest.raises(UsageError):
        open_config(path, disabled=True, cwd=tmp_path)
    with pytest.raises(UsageError):
        open_config(tmp_path / "missing.toml", disabled=False, cwd=tmp_path)
    assert open_config(None, disabled=True, cwd=tmp_path) is None
    loaded = open_config(path, disabled=False, cwd=tmp_path)
    assert loaded is not None and loaded.config.strict is True


FILE = """
strict = true
frameworks-dirs = ["file-fw"]
names-file = "file-names.txt"
[severity]
IK401 = "error"
[report]
template = "file-template"
templates-dirs = ["file-templates"]
format = "md"
output = "file-out"
"""
# setting: (flag, its value, environment variable and value, the file's value (paths relative
# to the file's folder), default, value with the flag, value with the environment)
CASES = {
    "strict": ("strict", True, ("INSPECTKIT_STRICT", "0"), lambda _: True, False, True, False),
    "frameworks_dirs": (
        "frameworks_dirs",
        [Path("flag-fw")],
        ("INSPECTKIT_FRAMEWORKS_PATH", "env-fw"),
        lambda base: (base / "file-fw",),
        (),
        (Path("flag-fw"),),
        (Path("env-fw"),),
    ),
    "names_file": (
        "names_file",
        Path("flag.txt"),
        ("INSPECTKIT_NAMES_FILE", "env.txt"),
        lambda base: base / "file-names.txt",
        None,
        Path("flag.txt"),
        Path("env.txt"),
    ),
    "template": (
        "template",
        "flag-t",
        ("INSPECTKIT_TEMPLATE", "env-t"),
        lambda _: "file-template",
        "report",
        "flag-t",
        "env-t",
    ),
    "templates_dirs": (
        "templates_dirs",
        [Path("flag-td")],
        ("INSPECTKIT_TEMPLATES_PATH", "env-td"),
        lambda base: (base / "file-templates",),
        (),
        (Path("flag-td"),),
        (Path("env-td"),),
    ),
    "report_format": (
        "report_format",
        "html",
        ("INSPECTKIT_REPORT_FORMAT", "both"),
        lambda _: "md",
        "both",
        "html",
        "both",
    ),
    "report_output": (
        "report_output",
        Path("flag-out"),
        ("INSPECTKIT_REPORT_OUTPUT", "env-out"),
        lambda base: base / "file-out",
        None,
        Path("flag-out"),
        Path("env-out"),
    ),
}


def _value(settings: Settings, name: str) -> object:
    report = settings.report
    names = {
        "template": "template",
        "templates_dirs": "templates_dirs",
        "report_format": "format",
        "report_output": "output",
    }
    return getattr(report, names[name]) if name in names else getattr(settings, name)


@pytest.mark.parametrize("name", CASES)
def test_precedence_flag_environment_file_default(tmp_path: Path, name: str) -> None:
    flag_name, flag, (var, env_text), in_file, default, from_flag, from_env = CASES[name]
    loaded = load_config(write(tmp_path / "inspectkit.toml", FILE))
    expected_file = in_file(tmp_path)
    assert _value(resolve(Flags(), {}, None), name) == default
    assert _value(resolve(Flags(), {}, loaded), name) == expected_file
    assert _value(resolve(Flags(), {var: env_text}, loaded), name) == from_env
    flags = Flags(**{flag_name: flag})
    assert _value(resolve(flags, {var: env_text}, loaded), name) == from_flag


def test_severity_precedence_and_accepted(tmp_path: Path) -> None:
    accepted = (
        '[[accepted]]\ncode = "IK504"\nsha256 = "' + "a" * 64 + '"\nreason = "Switchboard."\n'
    )
    loaded = load_config(write(tmp_path / "inspectkit.toml", FILE + accepted))
    assert resolve(Flags(), {}, None).severity == {}
    assert resolve(Flags(), {}, loaded).severity == {"IK401": Severity.ERROR}
    env = {"INSPECTKIT_SEVERITY": "IK401=note,IK402=error"}
    assert resolve(Flags(), env, loaded).severity == {
        "IK401": Severity.NOTE,
        "IK402": Severity.ERROR,
    }
    with pytest.raises(UsageError):
        resolve(Flags(), {"INSPECTKIT_SEVERITY": "IK401"}, loaded)
    assert [a.reason for a in resolve(Flags(), {}, loaded).accepted] == ["Switchboard."]


def test_the_file_changes_what_commands_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", folder)
    fw = (DATA / "frameworks").as_posix()
    write(
        tmp_path / "pyproject.toml",
        f'[tool.inspectkit]\nframeworks-dirs = ["{fw}"]\n[tool.inspectkit.severity]\n'
        'IK404 = "error"\n',
    )
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    clean = runner.invoke(app, ["validate", "mini", "--no-config", "--frameworks-dir", fw])
    assert clean.exit_code == 0, clean.output
    (folder / "evaluations.yaml").write_text("[]\n")
    assert (
        runner.invoke(app, ["validate", "mini", "--no-config", "--frameworks-dir", fw]).exit_code
        == 0
    )
    found = runner.invoke(app, ["validate", "mini", "-f", "parsable"])  # frameworks from the file
    assert found.exit_code == 1 and "[error]" in found.stdout and "IK404" in found.stdout
    env = {"INSPECTKIT_SEVERITY": "IK404=note"}
    assert runner.invoke(app, ["validate", "mini"], env=env).exit_code == 0
