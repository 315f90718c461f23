"""One pass over a small zip package: each part through an edit, new parts added at the end.

The rendered output package, the report, the template build and the set-up's one-sheet package all
rewrite a few parts of a package and copy the rest; this is that loop, written once.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Mapping
from io import BytesIO

#: Date of parts we add: fixed, so a rebuilt package is byte-identical.
FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def rewrite_zip(
    package: bytes,
    edit: Callable[[str, bytes], bytes],
    *,
    compresslevel: int | None = None,
    added: Mapping[str, bytes] | None = None,
) -> bytes:
    """``package`` with every part replaced by ``edit(name, data)`` (in the same order and with the
    same entry details), then ``added`` appended, deflated. ``compresslevel`` deflates every part at
    that level; without it each keeps the compression its entry had."""
    source = zipfile.ZipFile(BytesIO(package))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = edit(info.filename, source.read(info.filename))
            if compresslevel is None:
                target.writestr(info, data)
            else:
                target.writestr(
                    info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
                )
        for name, data in (added or {}).items():
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_DATE)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
