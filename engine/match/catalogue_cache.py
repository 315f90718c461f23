"""The built product catalogue kept between runs, in the user's cache folder (issue 15).

Building the catalogue reads ~1,300 product names and ids through the product-name normaliser:
~0.3 s of every run, a third of a small one. The result is the same on every run of the same code
and data, so it is kept as JSON, under a key made of every source and data file of the engine, the
Python version and the versions of the libraries the normaliser uses: any change builds it afresh.
It is an optimisation only: a cache that cannot be read or written (a read-only profile, a damaged
file, a full disk) is built again and never fails a run. ``LEAKAGE_FINDER_NO_CACHE=1`` turns it
off. Nothing the user typed or exported is ever written here.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import anyascii
import rapidfuzz

#: The folder of the engine package: its sources and data files key the cache.
_ENGINE = Path(__file__).resolve().parent.parent


def cache_folder() -> Path | None:
    """The user's cache folder for this tool (Windows: %LOCALAPPDATA%, macOS: ~/Library/Caches,
    elsewhere $XDG_CACHE_HOME or ~/.cache); None when turned off or there is no home."""
    if os.environ.get("LEAKAGE_FINDER_NO_CACHE"):
        return None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        root = Path(base) if base else None
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        root = Path(base) if base else Path.home() / ".cache"
    return root / "leakage-finder" if root is not None else None


@lru_cache(maxsize=1)
def code_key() -> str:
    """A digest of every source and data file of the engine and of what they run on."""
    digest = hashlib.sha256()
    for part in (sys.version, anyascii.__version__, rapidfuzz.__version__):
        digest.update(part.encode())
    for path in sorted(_ENGINE.rglob("*")):
        if path.suffix in (".py", ".csv") and path.is_file():
            digest.update(path.relative_to(_ENGINE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def read(kind: str) -> Any | None:
    """What :func:`write` kept for ``kind`` with this code, or None."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        stored = json.loads((folder / f"{kind}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != code_key():
        return None
    return stored.get("value")


def write(kind: str, value: Any) -> None:
    """Keep ``value`` (JSON) for ``kind`` under this code's key: written whole or not at all."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"key": code_key(), "value": value}, out)
            os.replace(temporary, folder / f"{kind}.json")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, TypeError, ValueError):
        return  # an optimisation only: the next run builds it again
