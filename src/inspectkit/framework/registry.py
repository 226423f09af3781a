"""Find frameworks by ``id@version`` in user folders and the built-ins, load and merge them.

User folders are searched before the built-ins, so a user's file of the same id and version
shadows the built-in one. ``id`` alone picks the newest version by semantic order; ``id@1.0``
picks the newest 1.0.x.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from inspectkit.diagnostics import Diagnostic, Severity, has_errors
from inspectkit.errors import FrameworkError, ReadFailure
from inspectkit.framework.checks import check_framework, lint_framework
from inspectkit.framework.models import Framework
from inspectkit.framework.resolve import merge
from inspectkit.ids import split_ref, version_key, version_matches
from inspectkit.modelcheck import ErrorCodes, validate
from inspectkit.resources import data_dir
from inspectkit.suggest import did_you_mean
from inspectkit.textfile import display_path
from inspectkit.yamlread import YamlDocument, load_yaml_file

CODES = ErrorCodes(unknown="IK101", missing="IK101", invalid="IK101")
BUILT_IN = "built-in"
USER = "user"


@dataclass(frozen=True)
class Entry:
    """A framework file found in a search folder."""

    id: str
    version: str
    title: str
    status: str
    origin: str
    path: Path

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"


@dataclass
class LoadedFramework:
    """A framework merged with its bases, with its own file's model and document."""

    framework: Framework
    own: Framework
    doc: YamlDocument
    entry: Entry
    diagnostics: list[Diagnostic] = field(default_factory=list)


class Registry:
    """The frameworks visible from some user folders plus the built-ins."""

    def __init__(self, user_dirs: Sequence[Path] = (), *, builtins: bool = True) -> None:
        self.user_dirs = [Path(d) for d in user_dirs]
        self.builtins = builtins
        self.problems: list[Diagnostic] = []
        self._entries: list[Entry] | None = None
        self._loaded: dict[Path, LoadedFramework] = {}
        # Each file as the scan read it, so that the one loaded is not read a second time.
        self._scanned: dict[Path, YamlDocument] = {}

    @classmethod
    def open(cls, user_dirs: Sequence[Path] = ()) -> Registry:
        """A registry whose user folders exist and whose framework files all load.

        Every command that reads frameworks opens its registry here, so that a mistyped
        ``--frameworks-dir`` or a broken file in it is an error, not silently ignored.

        Raises:
            FrameworkError: a folder is missing, or a file in it cannot be read or is invalid
                (every problem as a diagnostic).
        """
        registry = cls(user_dirs)
        if not registry.user_dirs:
            return registry  # the built-ins are checked by the test suite, not at each run
        entries = registry.entries()
        problems = list(registry.problems)
        for entry in entries:
            if entry.origin != USER:
                continue
            try:
                registry.load(entry.ref)
            except FrameworkError as exc:
                problems += exc.diagnostics
        errors = [d for d in problems if d.severity is Severity.ERROR]
        if errors:
            shown = ", ".join(f"'{display_path(d)}'" for d in registry.user_dirs)
            raise FrameworkError(
                f"The frameworks folder{'s' if len(registry.user_dirs) != 1 else ''} {shown} "
                f"cannot be used: {len(errors)} problem{'s' if len(errors) != 1 else ''}.",
                problems,
            )
        return registry

    def entries(self) -> list[Entry]:
        """Every framework found, user folders first, then built-ins, each sorted."""
        if self._entries is None:
            found: list[Entry] = []
            for folder in self.user_dirs:
                found += self._scan(folder, USER)
            if self.builtins:
                found += self._scan(data_dir("frameworks"), BUILT_IN)
            seen: set[str] = set()
            self._entries = []
            for entry in found:
                if entry.ref not in seen:
                    seen.add(entry.ref)
                    self._entries.append(entry)
        return self._entries

    def _scan(self, folder: Path, origin: str) -> list[Entry]:
        if not folder.is_dir():
            self.problems.append(
                Diagnostic(
                    "IK001",
                    f"The frameworks folder '{folder}' does not exist.",
                    display_path(folder),
                )
            )
            return []
        found = []
        for path in sorted([*folder.rglob("*.yaml"), *folder.rglob("*.yml")]):
            data = _built_in_header(path) if origin == BUILT_IN else None
            if data is None:
                try:
                    self._scanned[path] = scanned = load_yaml_file(path, display_path(path))
                except ReadFailure as exc:
                    self.problems.append(exc.diagnostic)
                    continue
                data = scanned.data
            if isinstance(data, dict) and isinstance(data.get("id"), str) and "version" in data:
                found.append(
                    Entry(
                        data["id"],
                        str(getattr(data["version"], "text", data["version"])),
                        str(data.get("title", "")),
                        str(data.get("status", "")),
                        origin,
                        path,
                    )
                )
        return sorted(found, key=lambda e: (e.id, version_key(e.version)))

    def find(self, ref: str) -> Entry:
        """The entry for ``id`` or ``id@version``; user folders win over built-ins.

        Raises:
            FrameworkError: no framework matches.
        """
        ident, version = split_ref(ref)
        matches = [
            e
            for e in self.entries()
            if e.id == ident and (version is None or version_matches(e.version, version))
        ]
        if matches:
            newest = max(version_key(e.version) for e in matches)
            return next(e for e in matches if version_key(e.version) == newest)
        known = sorted({e.id for e in self.entries()})
        versions = [e.version for e in self.entries() if e.id == ident]
        if versions:
            hint = f"Versions of '{ident}': {', '.join(versions)}."
        else:
            hint = did_you_mean(ident, known) or (
                f"Known frameworks: {', '.join(known)}." if known else ""
            )
        raise FrameworkError(
            f"No framework '{ref}' was found.",
            [
                Diagnostic(
                    "IK107",
                    f"No framework '{ref}' was found in the user folders or the built-ins.",
                    hint=hint,
                )
            ],
        )

    def load(self, ref: str) -> LoadedFramework:
        """Load, merge and check the framework ``ref``.

        Raises:
            FrameworkError: it is missing or invalid (with every problem as a diagnostic).
        """
        loaded, problems = self._build(self.find(ref), ())
        if loaded is None or has_errors(problems):
            raise FrameworkError(f"The framework '{ref}' is not valid.", problems)
        return loaded

    def lint(self, path: Path) -> tuple[LoadedFramework | None, list[Diagnostic]]:
        """Every problem in the framework file at ``path``, domain rules included."""
        entry = Entry("", "", "", "", USER, path)
        loaded, problems = self._build(entry, ())
        if loaded is not None:
            problems += lint_framework(loaded.own, loaded.framework, loaded.doc)
        return loaded, problems

    def _build(
        self, entry: Entry, chain: tuple[str, ...]
    ) -> tuple[LoadedFramework | None, list[Diagnostic]]:
        if entry.path in self._loaded:
            return self._loaded[entry.path], list(self._loaded[entry.path].diagnostics)
        doc = self._scanned.pop(entry.path, None)
        try:
            doc = doc or load_yaml_file(entry.path, display_path(entry.path))
        except ReadFailure as exc:
            return None, [exc.diagnostic]
        own, problems = validate(Framework, doc, CODES, prune=True)
        if own is None:
            return None, problems
        entry = Entry(own.id, own.version, own.title, own.status, entry.origin, entry.path)
        merged = own
        if own.base is not None:
            base, base_problems = self._load_base(own, doc, (*chain, own.ref))
            if base is None:
                return None, base_problems
            merged = merge(base.framework, own)
        problems += check_framework(own, merged, doc)
        loaded = LoadedFramework(merged, own, doc, entry, problems)
        if not has_errors(problems):
            self._loaded[entry.path] = loaded
        return loaded, problems

    def _load_base(
        self, own: Framework, doc: YamlDocument, chain: tuple[str, ...]
    ) -> tuple[LoadedFramework | None, list[Diagnostic]]:
        assert own.base is not None
        where = ("base",)
        try:
            base_entry = self.find(own.base)
        except FrameworkError as exc:
            hint = exc.diagnostics[0].hint if exc.diagnostics else ""
            return None, [
                doc.diagnostic(
                    "IK108", f"The base framework '{own.base}' was not found.", where, hint=hint
                )
            ]
        if base_entry.ref in chain or base_entry.ref == own.ref:
            return None, [
                doc.diagnostic(
                    "IK108",
                    f"The base framework '{own.base}' builds on "
                    "this one in turn, so neither can be resolved.",
                    where,
                )
            ]
        base, problems = self._build(base_entry, chain)
        if base is None or has_errors(problems):
            return None, [
                doc.diagnostic(
                    "IK108",
                    f"The base framework '{own.base}' is not "
                    f"valid ({display_path(base_entry.path)}): run "
                    "'inspectkit frameworks lint' on it.",
                    where,
                ),
                *problems,
            ]
        return base, []


_HEADER_FIELD = re.compile(r"^(id|version|title|status):[ \t]+(\S[^\n]*?)[ \t]*$", re.MULTILINE)


def _built_in_header(path: Path) -> dict[str, str] | None:
    """The id, version, title and status of a built-in framework, from its top-level lines.

    A built-in is checked by the test suite, not at each run, so listing the built-ins need
    not read each one whole: only the one loaded is. None when a field is missing or is not
    a one-line plain value (quoted, a block, continued or commented): the file is then read
    whole. tests/test_lean.py checks that every built-in's header equals its full reading.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found: dict[str, str] = {}
    for match in _HEADER_FIELD.finditer(text):
        name, value = match.group(1), match.group(2)
        continued = text[match.end() + 1 : match.end() + 2] in (" ", "\t")
        if name in found or value[0] in "'\"|>&*![{#%@`" or " #" in value or continued:
            return None
        found[name] = value
    return found if "id" in found and "version" in found else None


def load_framework(ref: str, user_dirs: Sequence[Path] = ()) -> Framework:
    """Load the merged framework ``ref`` (``id`` or ``id@version``).

    Raises:
        FrameworkError: it is missing or invalid.
    """
    return Registry(user_dirs).load(ref).framework
