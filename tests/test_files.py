"""Atomic writes keep permissions and never replace a device or pipe."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from inspectkit.errors import InputError
from inspectkit.files import write_atomic, write_new


def test_atomic_write_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, b"one")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    target.chmod(0o640)
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_devices_are_written_not_replaced() -> None:
    write_atomic(Path("/dev/null"), b"discarded")
    assert Path("/dev/null").is_char_device()


def test_folder_target_and_write_new(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        write_atomic(tmp_path, b"x")
    assert write_new(tmp_path / "a.txt", b"1") is True
    assert write_new(tmp_path / "a.txt", b"2") is False
    assert (tmp_path / "a.txt").read_bytes() == b"1"
