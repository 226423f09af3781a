"""Office Open XML packages (.xlsx, .docx) with the same bytes for the same inputs.

Libraries that write these packages stamp the time twice: in each zip entry's date and in
``docProps/core.xml`` (``dcterms:created`` and ``dcterms:modified``). :func:`reproducible`
rewrites both from a date the caller chooses (a report's date, or a fixed epoch), keeping the
order of the entries, which Office needs (``[Content_Types].xml`` first).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

__all__ = ["EPOCH", "reproducible"]

#: The date used when the caller has none: the earliest a zip entry can carry.
EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
_CORE = "docProps/core.xml"
_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def reproducible(package: bytes, when: dt.datetime | None = None) -> bytes:
    """``package`` with every time stamp set to ``when`` (default :data:`EPOCH`).

    Raises:
        zipfile.BadZipFile: ``package`` is not a zip file.
    """
    moment = (when or EPOCH).astimezone(dt.timezone.utc)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    date_time = max(moment, EPOCH).timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == _CORE:
                data = _STAMP.sub(lambda m: m.group(1) + stamp + m.group(3), data)
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, data)
    return out.getvalue()
