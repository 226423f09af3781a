"""Compiled templates kept between runs, as Python keeps compiled modules.

Compiling the report's templates takes longer than rendering most reports, and a template
changes far less often than the evidence. Each compiled template is kept in the user's
cache folder, under a header that names the Jinja, Python and inspectkit versions and the
template source's checksum; a template whose source, or whose versions, differ is compiled
again. Only templates are kept, never evidence or a report.

The folder is ``$INSPECTKIT_CACHE_DIR/templates`` when that is set (an empty value turns
the cache off), else ``$XDG_CACHE_HOME/inspectkit/templates``, else
``~/.cache/inspectkit/templates`` (``%LOCALAPPDATA%\\inspectkit\\templates`` on Windows). A
folder that cannot be written is no error: the templates are then compiled each run.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from inspectkit import __version__

__all__ = ["TemplateCache", "cache_dir"]


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where compiled templates are kept, or None when the cache is turned off."""
    if "INSPECTKIT_CACHE_DIR" in environ:
        chosen = environ["INSPECTKIT_CACHE_DIR"]
        return Path(chosen) / "templates" if chosen else None
    if environ.get("XDG_CACHE_HOME"):
        return Path(environ["XDG_CACHE_HOME"]) / "inspectkit" / "templates"
    if os.name == "nt" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"]) / "inspectkit" / "templates"
    try:
        return Path.home() / ".cache" / "inspectkit" / "templates"
    except RuntimeError:  # no home folder
        return None


class TemplateCache(BytecodeCache):
    """A Jinja bytecode cache in one folder, written atomically, never trusted blindly.

    Args:
        folder: The folder (made when first written).
        options: What else shapes the compiled code (the environment's settings), so that
            two environments never share a compiled template.
    """

    def __init__(self, folder: Path, options: str) -> None:
        self.folder = folder
        self.header = (
            f"inspectkit {__version__} jinja {jinja2.__version__} "
            f"python {importlib.util.MAGIC_NUMBER.hex()} {options}\n"
        ).encode()

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def _head(self, bucket: Bucket) -> bytes:
        return self.header + bucket.checksum.encode() + b"\n"

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from the cache when its entry matches; leave it empty otherwise."""
        try:
            data = self._path(bucket).read_bytes()
        except OSError:
            return
        head = self._head(bucket)
        if not data.startswith(head):
            return
        try:
            bucket.code = marshal.loads(data[len(head) :])
        except (EOFError, ValueError, TypeError):
            return

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep ``bucket``'s code: written to a temporary file, then renamed into place."""
        if bucket.code is None:
            return
        data = self._head(bucket) + marshal.dumps(bucket.code)
        target = self._path(bucket)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.remove(temporary)
