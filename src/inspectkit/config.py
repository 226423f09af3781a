"""The project configuration: ``[tool.inspectkit]`` in pyproject.toml, or ``inspectkit.toml``.

The file is found from the working folder upward: in each folder an ``inspectkit.toml`` (the
same table at its top level) is taken first, then a ``pyproject.toml`` holding a
``[tool.inspectkit]`` table; a pyproject.toml without one is passed over. Paths in the file are
relative to the folder that holds it. Unknown keys are errors, placed by line and column, with
a did-you-mean. Nothing here prints, exits or reads the environment.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from inspectkit.codes import CODES
from inspectkit.errors import UsageError
from inspectkit.evidence.accepted import AcceptedFinding
from inspectkit.suggest import did_you_mean
from inspectkit.textfile import display_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["CONFIG_NAMES", "Config", "LoadedConfig", "find_config", "load_config"]

#: The files looked for in each folder, in order.
CONFIG_NAMES = ("inspectkit.toml", "pyproject.toml")
SeverityName = Literal["error", "warning", "note"]


class _Table(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=lambda name: name.replace("_", "-")
    )


class ReportConfig(_Table):
    """Defaults of ``inspectkit report``."""

    template: str | None = Field(None, description="The template name (--template).")
    templates_dirs: list[Path] = Field(
        default_factory=list, description="Your template folders, searched first."
    )
    format: str | None = Field(None, description="md, html or both (--format).")
    output: Path | None = Field(None, description="The folder written into (--output).")


class Config(_Table):
    """The ``[tool.inspectkit]`` table."""

    strict: bool | None = Field(None, description="Warnings fail too (--strict).")
    frameworks_dirs: list[Path] = Field(
        default_factory=list, description="Folders of your own frameworks (--frameworks-dir)."
    )
    names_file: Path | None = Field(None, description="A local list of names (--names-file).")
    severity: dict[str, SeverityName] = Field(
        default_factory=dict, description="A severity per diagnostic code, e.g. IK401 = 'error'."
    )
    accepted: list[AcceptedFinding] = Field(
        default_factory=list, description="Findings the team checked and accepted, with reasons."
    )
    report: ReportConfig = Field(default_factory=ReportConfig, description="Report defaults.")

    @field_validator("severity")
    @classmethod
    def _known_codes(cls, value: dict[str, SeverityName]) -> dict[str, SeverityName]:
        for code in value:
            if code not in CODES:
                hint = did_you_mean(code, CODES)
                raise ValueError(
                    f"'{code}' is not a diagnostic code" + (f" ({hint})" if hint else "")
                )
        return value


@dataclass(frozen=True)
class LoadedConfig:
    """A configuration and the file it came from (paths made relative to its folder)."""

    config: Config
    path: Path


def find_config(start: Path) -> Path | None:
    """The configuration file that applies in ``start``: the nearest, going upward."""
    for folder in [start, *start.parents]:
        standalone = folder / CONFIG_NAMES[0]
        if standalone.is_file():
            return standalone
        pyproject = folder / CONFIG_NAMES[1]
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    text = pyproject.read_text(encoding="utf-8", errors="replace")
    return re.search(r"(?m)^\s*\[\s*tool\.inspectkit\s*[\].]", text) is not None


def load_config(path: Path) -> LoadedConfig:
    """Read and check one configuration file.

    Raises:
        UsageError: the file cannot be read, is not TOML, or has an unknown or wrong key.
    """
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"Cannot read the configuration file '{shown}': {exc}.") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{shown}: not valid TOML: {exc}.") from None
    prefix: tuple[str, ...] = ()
    if path.name == CONFIG_NAMES[1]:
        prefix = ("tool", "inspectkit")
        data = data.get("tool", {}).get("inspectkit", {})
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise UsageError(_sentence(exc, text, shown, prefix)) from None
    return LoadedConfig(_relative_to(config, path.parent), path)


def _relative_to(config: Config, base: Path) -> Config:
    def fix(p: Path) -> Path:
        return p if p.is_absolute() else base / p

    report = config.report.model_copy(
        update={
            "templates_dirs": [fix(p) for p in config.report.templates_dirs],
            "output": fix(config.report.output) if config.report.output else None,
        }
    )
    return config.model_copy(
        update={
            "frameworks_dirs": [fix(p) for p in config.frameworks_dirs],
            "names_file": fix(config.names_file) if config.names_file else None,
            "report": report,
        }
    )


def _sentence(exc: ValidationError, text: str, shown: str, prefix: tuple[str, ...]) -> str:
    """The first problem of ``exc`` as ``file:line:col: sentence``."""
    error = exc.errors()[0]
    loc = tuple(str(part) for part in error["loc"])
    table = ".".join((*prefix, *(p for p in loc[:-1] if not p.isdigit()))) or "the file"
    key = loc[-1] if loc else ""
    line, column = locate(text, (*prefix, *loc[:-1]), key)
    where = f"{shown}:{line}:{column}" if line else shown
    if error["type"] == "extra_forbidden":
        hint = did_you_mean(key, _keys(loc[:-1]))
        return f"{where}: unknown key '{key}' in [{table}].{' ' + hint if hint else ''}"
    return f"{where}: '{key}' in [{table}]: {error['msg']}."


def _keys(loc: Sequence[str]) -> list[str]:
    """The keys allowed in the table at ``loc``."""
    model: type[BaseModel] = Config
    if loc and loc[0] == "report":
        model = ReportConfig
    elif loc and loc[0] == "accepted":
        model = AcceptedFinding
    return [field.alias or name for name, field in model.model_fields.items()]


def locate(text: str, table: Sequence[str], key: str) -> tuple[int, int]:
    """The 1-based line and column of ``key`` in the TOML ``table`` of ``text``; (0, 0)
    when it cannot be found (tables written inline, for instance)."""
    wanted = ".".join(p for p in table if not p.isdigit())
    current = ""
    pattern = re.compile(rf"^(\s*)[\"']?{re.escape(key)}[\"']?\s*=")
    dotted = re.compile(rf"^(\s*){re.escape(wanted.rpartition('.')[2])}\.{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?", line)
        if header:
            current = header.group(1).replace(" ", "")
            continue
        found = pattern.match(line) if current == wanted else None
        if found is None and wanted.rpartition(".")[0] == current:
            found = dotted.match(line)
        if found:
            return number, len(found.group(1)) + 1
    return 0, 0


def empty() -> Config:
    """The configuration when there is no file (or ``--no-config``)."""
    return Config()


def as_data(config: Config) -> dict[str, Any]:
    """The configuration as TOML-shaped data (aliases as keys), for tests and ``--verbose``."""
    return config.model_dump(by_alias=True, exclude_defaults=True, mode="json")
