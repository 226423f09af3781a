"""Every setting decided once: a flag, else the environment, else the file, else the default.

The CLI gathers what the user typed into :class:`Flags` (None where a flag was not given),
passes ``os.environ`` in, and gets one :class:`Settings`; nothing here reads the environment
by itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from inspectkit.config import Config, LoadedConfig, empty, find_config, load_config
from inspectkit.diagnostics import Severity
from inspectkit.errors import UsageError
from inspectkit.evidence.accepted import AcceptedFinding

__all__ = ["ENV", "Flags", "ReportSettings", "Settings", "open_config", "resolve"]

T = TypeVar("T")

#: The environment variable of each setting.
ENV = {
    "strict": "INSPECTKIT_STRICT",
    "frameworks_dirs": "INSPECTKIT_FRAMEWORKS_PATH",
    "names_file": "INSPECTKIT_NAMES_FILE",
    "severity": "INSPECTKIT_SEVERITY",
    "template": "INSPECTKIT_TEMPLATE",
    "templates_dirs": "INSPECTKIT_TEMPLATES_PATH",
    "report_format": "INSPECTKIT_REPORT_FORMAT",
    "report_output": "INSPECTKIT_REPORT_OUTPUT",
}
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


@dataclass(frozen=True)
class Flags:
    """What was given on the command line; None for a flag not given."""

    strict: bool | None = None
    frameworks_dirs: Sequence[Path] | None = None
    names_file: Path | None = None
    template: str | None = None
    templates_dirs: Sequence[Path] | None = None
    report_format: str | None = None
    report_output: Path | None = None


@dataclass(frozen=True)
class ReportSettings:
    """The defaults of ``inspectkit report``; ``output`` None is the library's default."""

    template: str = "report"
    templates_dirs: tuple[Path, ...] = ()
    format: str = "both"
    output: Path | None = None


@dataclass(frozen=True)
class Settings:
    """The settings of one run and the configuration file they drew on (None for none)."""

    strict: bool = False
    frameworks_dirs: tuple[Path, ...] = ()
    names_file: Path | None = None
    severity: Mapping[str, Severity] = field(default_factory=dict)
    accepted: tuple[AcceptedFinding, ...] = ()
    report: ReportSettings = field(default_factory=ReportSettings)
    config_file: Path | None = None


def open_config(explicit: Path | None, *, disabled: bool, cwd: Path) -> LoadedConfig | None:
    """The configuration to use: ``explicit`` (``--config``), none (``--no-config``), or the
    nearest file from ``cwd`` upward.

    Raises:
        UsageError: both were given, the file named does not exist, or the file is wrong.
    """
    if explicit is not None and disabled:
        raise UsageError("Give --config FILE or --no-config, not both.")
    if disabled:
        return None
    if explicit is not None and not explicit.is_file():
        raise UsageError(f"The configuration file '{explicit}' does not exist.")
    path = explicit or find_config(cwd)
    return load_config(path) if path is not None else None


def resolve(flags: Flags, environ: Mapping[str, str], loaded: LoadedConfig | None) -> Settings:
    """Combine flags, the environment and the file.

    Raises:
        UsageError: an environment variable holds a value that cannot be used.
    """
    config: Config = loaded.config if loaded else empty()
    env = {key: environ[name] for key, name in ENV.items() if name in environ}
    severity = {code: Severity(level) for code, level in config.severity.items()}
    if "severity" in env:
        severity = _severities(env["severity"])
    report = ReportSettings(
        template=_pick(flags.template, env.get("template"), config.report.template, "report"),
        templates_dirs=tuple(
            _pick(
                flags.templates_dirs or None,
                _paths(env.get("templates_dirs")),
                config.report.templates_dirs or None,
                [],
            )
        ),
        format=_pick(flags.report_format, env.get("report_format"), config.report.format, "both"),
        output=_pick(
            flags.report_output, _path(env.get("report_output")), config.report.output, None
        ),
    )
    return Settings(
        strict=_pick(flags.strict, _bool(env.get("strict")), config.strict, False),
        frameworks_dirs=tuple(
            _pick(
                flags.frameworks_dirs or None,
                _paths(env.get("frameworks_dirs")),
                config.frameworks_dirs or None,
                [],
            )
        ),
        names_file=_pick(flags.names_file, _path(env.get("names_file")), config.names_file, None),
        severity=severity,
        accepted=tuple(config.accepted),
        report=report,
        config_file=loaded.path if loaded else None,
    )


def _pick(flag: T | None, env: T | None, file: T | None, default: T) -> T:
    for value in (flag, env, file):
        if value is not None:
            return value
    return default


def _bool(text: str | None) -> bool | None:
    if text is None:
        return None
    if text.strip().lower() in _TRUE:
        return True
    if text.strip().lower() in _FALSE:
        return False
    raise UsageError(f"{ENV['strict']}='{text}' is not a yes or no: use 1 or 0.")


def _path(text: str | None) -> Path | None:
    return Path(text) if text else None


def _paths(text: str | None) -> list[Path] | None:
    parts = [Path(p) for p in (text or "").split(os.pathsep) if p]
    return parts or None


def _severities(text: str) -> dict[str, Severity]:
    """``IK401=error,IK404=warning`` as a mapping."""
    from inspectkit.codes import CODES

    out: dict[str, Severity] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        code, _, level = part.partition("=")
        code, level = code.strip().upper(), level.strip().lower()
        if code not in CODES or level not in {s.value for s in Severity}:
            raise UsageError(
                f"{ENV['severity']}: '{part}' should be CODE=LEVEL, e.g. IK401=error "
                "(levels: error, warning, note)."
            )
        out[code] = Severity(level)
    return out
