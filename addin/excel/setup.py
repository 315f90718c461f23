"""``leakage-finder setup-excel`` (alias ``doctor``): the Excel set-up, and the known blockers.

Where real users fail with xlwings' RunPython, and what this does about each:

* **the wrong Python** — ``xlwings addin install`` writes the interpreter into the user config
  (``~/.xlwings/xlwings.conf``) only when that file does not exist yet, so anyone who used xlwings
  before runs another Python and gets ``ModuleNotFoundError: addin``. xlwings reads the workbook's
  own ``xlwings.conf`` sheet first (then a directory ``xlwings.conf`` beside the workbook, then the
  user config), so this Python is pinned there: ``Interpreter_Win`` / ``Interpreter_Mac``.
* **add-in and package versions apart** — run-time error 53, ``Book.caller()`` failures: the add-in
  installed in Excel must be the one shipped with this Python's xlwings (compared byte for byte).
* **Mark of the Web** — Windows blocks macros in a downloaded ``.xlsm`` (a ``Zone.Identifier``
  stream; a ``file:Zone.Identifier`` sidecar on copies made from Linux/WSL).
* **OneDrive** — the workbook's path comes back as a web URL unless xlwings is told the local folder.
* **macOS** — RunPython needs ``xlwings runpython install`` and the automation permission.

Each check says what it found and, when something is wrong, the exact fix. Checks that need Excel's
platform say so elsewhere (this machine may be Linux).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

CONF_SHEET = "xlwings.conf"
INTERPRETER_KEYS = {"win32": "Interpreter_Win", "darwin": "Interpreter_Mac"}
BLOCKING_ZONES = {"3": "Internet", "4": "Restricted sites"}


@dataclass(frozen=True)
class Check:
    """One check's outcome: ``ok`` True (fine), False (needs the fix) or None (not applicable)."""

    name: str
    ok: bool | None
    found: str
    fix: str = ""

    def lines(self) -> list[str]:
        mark = {True: "ok  ", False: "FIX ", None: "n/a "}[self.ok]
        out = [f"[{mark}] {self.name}: {self.found}"]
        if self.fix:
            out.append(f"       fix: {self.fix}")
        return out


def excel_platform(platform: str = sys.platform) -> str | None:
    """ "win32"/"darwin" where Excel can run, else None."""
    if platform.startswith("win"):
        return "win32"
    if platform == "darwin":
        return "darwin"
    return None


# --- configuration: the workbook's sheet, then the directory file, then the user file -------------


def read_conf_file(path: Path) -> dict[str, str]:
    """An xlwings config file (``"KEY","value"`` a line), keys lowercased as xlwings reads them."""
    config: dict[str, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            values = re.findall(r'"[^"]*"', line)
            if len(values) >= 2:
                config[values[0].strip('"').lower()] = os.path.expandvars(values[1].strip('"'))
    return config


def user_conf_path(platform: str = sys.platform) -> Path:
    """Where xlwings keeps the user config on ``platform`` (xlwings.USER_CONFIG_FILE)."""
    if platform == "darwin":
        return Path.home() / "Library/Containers/com.microsoft.Excel/Data/xlwings.conf"
    return Path.home() / ".xlwings" / "xlwings.conf"


def _conf_rows(book: Path) -> list[tuple[str, object]]:
    """The workbook's ``xlwings.conf`` sheet as (key in column A, value in column B) rows."""
    from addin.workbook.headless import read_grids

    return [
        (str(row[0]).strip(), row[1])
        for row in read_grids(book, [CONF_SHEET]).get(CONF_SHEET, [])
        if len(row) >= 2 and row[0] not in (None, "")
    ]


def read_conf_sheet(book: Path) -> dict[str, str]:
    """The ``xlwings.conf`` sheet's settings that have a value, keys lowercased."""
    return {
        key.lower(): str(value).strip()
        for key, value in _conf_rows(book)
        if value not in (None, "")
    }


def effective_setting(
    key: str,
    sheet: Mapping[str, str],
    directory_file: Path | None,
    user_file: Path | None,
) -> tuple[str | None, str]:
    """The value xlwings uses for ``key`` and where it comes from, in xlwings' order of precedence:
    the workbook's sheet, then ``xlwings.conf`` beside the workbook, then the user config."""
    wanted = key.lower()
    sources: list[tuple[str, Mapping[str, str]]] = [(f"the workbook's {CONF_SHEET} sheet", sheet)]
    if directory_file is not None:
        sources.append((str(directory_file), read_conf_file(directory_file)))
    if user_file is not None:
        sources.append((str(user_file), read_conf_file(user_file)))
    for where, values in sources:
        if values.get(wanted):
            return values[wanted], where
    return None, "no config (xlwings then uses the Python on the PATH)"


def pin_interpreter(book: Path, interpreter: str, platform: str) -> dict[str, str]:
    """Write ``Interpreter_Win``/``Interpreter_Mac`` = ``interpreter`` into the workbook's hidden
    ``xlwings.conf`` sheet (its other keys kept), in place and atomically: every other part of the
    workbook keeps its bytes. Returns the sheet's settings as written."""
    import xlsxwriter

    from addin.workbook.transplant import replace_sheets
    from engine.export import atomic_write_bytes

    key = INTERPRETER_KEYS[platform]
    rows = {k: "" if v is None else str(v) for k, v in _conf_rows(book)}
    rows = {k: v for k, v in rows.items() if k.lower() != key.lower()}
    rows[key] = interpreter
    buffer = BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    workbook.add_worksheet("unused").activate()  # a workbook needs a visible sheet; not moved
    sheet = workbook.add_worksheet(CONF_SHEET)
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 70)
    for r, (name, value) in enumerate(rows.items()):
        sheet.write_string(r, 0, name)
        sheet.write_string(r, 1, value)
    sheet.hide()
    workbook.close()
    rendered = _only_sheet(buffer.getvalue(), CONF_SHEET)
    atomic_write_bytes(book, replace_sheets(book.read_bytes(), rendered, name=book.name))
    return rows


def _only_sheet(package: bytes, keep: str) -> bytes:
    """Drop every sheet but ``keep`` from a small rendered package (workbook.xml entries only:
    replace_sheets moves the sheets workbook.xml lists)."""
    from addin.workbook.xml_part import XmlPart
    from addin.workbook.zip_rewrite import rewrite_zip

    def kept(part: str, data: bytes) -> bytes:
        if part != "xl/workbook.xml":
            return data
        workbook = XmlPart.parse(data.decode("utf-8"))
        sheets = workbook.root.find(workbook.tag("sheets"))
        for sheet in [] if sheets is None else list(sheets):
            if sheet.attrib.get("name") != keep and sheets is not None:
                sheets.remove(sheet)
        return workbook.text().encode("utf-8")

    return rewrite_zip(package, kept)


# --- the checks -----------------------------------------------------------------------------------


def check_interpreter(
    book: Path | None,
    platform: str,
    interpreter: str = sys.executable,
    user_file: Path | None = None,
) -> Check:
    key = INTERPRETER_KEYS[platform]
    sheet = read_conf_sheet(book) if book is not None else {}
    directory = book.parent / "xlwings.conf" if book is not None else None
    value, where = effective_setting(key, sheet, directory, user_file or user_conf_path(platform))
    name = f"Python that Excel runs ({key})"
    if value is not None and _same_path(value, interpreter):
        return Check(name, True, f"{value} (from {where})")
    pin = (
        f"leakage-finder setup-excel --workbook {_quote(book)} (pins this Python in the workbook's "
        f"{CONF_SHEET} sheet, which xlwings reads before any other config)"
        if book is not None
        else "run setup-excel with --workbook BOOK.xlsm to pin this Python in that workbook"
    )
    if value is None:
        return Check(name, False, f"not set: {where}", pin)
    return Check(
        name,
        False,
        f"{value} (from {where}) is not this Python ({interpreter}): the buttons would fail with "
        "ModuleNotFoundError",
        pin,
    )


def _same_path(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def _quote(path: Path | None) -> str:
    text = str(path)
    return f'"{text}"' if " " in text else text


def bundled_addin() -> Path:
    """The add-in shipped with this Python's xlwings (what ``xlwings addin install`` copies)."""
    import xlwings

    return Path(xlwings.__file__).parent / "addin" / "xlwings.xlam"


def addin_dirs(platform: str) -> list[Path]:
    """Excel's start-up folders, where ``xlwings addin install`` puts xlwings.xlam."""
    if platform == "win32":
        appdata = os.environ.get("APPDATA", str(Path.home() / "AppData" / "Roaming"))
        return [Path(appdata) / "Microsoft" / "Excel" / "XLSTART"]
    return [
        Path.home() / "Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel",
        Path.home()
        / "Library/Containers/com.microsoft.Excel/Data/Library/Application Support"
        / "Microsoft/Office/Startup/Excel",
    ]


def check_addin(folders: Sequence[Path], bundled: Path | None = None) -> Check:
    """The add-in in Excel is the one this Python's xlwings ships (versions agree)."""
    import xlwings

    bundled = bundled or bundled_addin()
    name = f"xlwings add-in (this Python has xlwings {xlwings.__version__})"
    installed = [
        folder / "xlwings.xlam" for folder in folders if (folder / "xlwings.xlam").is_file()
    ]
    fix = f'"{sys.executable}" -m xlwings.cli addin install   (or: xlwings addin install)'
    if not installed:
        return Check(name, False, "not installed in Excel's start-up folder", fix)
    if installed[0].read_bytes() == bundled.read_bytes():
        return Check(name, True, f"{installed[0]} is the same version")
    return Check(
        name,
        False,
        f"{installed[0]} is another xlwings version than this Python's {xlwings.__version__} "
        "(Excel shows run-time error 53 or Book.caller() fails)",
        fix + " — then restart Excel",
    )


def zone_identifier(path: Path) -> str | None:
    """The Mark of the Web of ``path``: the NTFS ``Zone.Identifier`` stream on Windows, or the
    ``file:Zone.Identifier`` sidecar a copy from Windows leaves on Linux; None when it has none."""
    for candidate in (Path(f"{path}:Zone.Identifier"),):
        try:
            return candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
    return None


def check_mark_of_the_web(book: Path) -> Check:
    name = "Macros not blocked (Mark of the Web)"
    marker = zone_identifier(book)
    if marker is None:
        return Check(name, True, f"{book.name} carries no download mark")
    zone = re.search(r"ZoneId\s*=\s*(\d+)", marker)
    zone_id = zone.group(1) if zone else "?"
    if zone_id not in BLOCKING_ZONES:
        return Check(
            name, True, f"{book.name} is marked zone {zone_id}, which Excel does not block"
        )
    sidecar = Path(f"{book}:Zone.Identifier")
    fix = (
        f"PowerShell: Unblock-File -Path '{book}'   (or right-click the file › Properties › "
        "tick Unblock › OK), then reopen it"
    )
    if sys.platform != "win32" and sidecar.is_file():
        fix += f"; here, delete the copied mark: rm '{sidecar}'"
    return Check(
        name,
        False,
        f"{book.name} was downloaded ({BLOCKING_ZONES[zone_id]} zone): Windows blocks its macros, "
        "so the ribbon buttons do nothing",
        fix,
    )


def onedrive_roots(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Local OneDrive folders (Windows sets these; macOS keeps them under CloudStorage)."""
    roots = {
        key: environ[key]
        for key in ("OneDriveCommercial", "OneDriveConsumer", "OneDrive")
        if environ.get(key)
    }
    cloud = Path.home() / "Library" / "CloudStorage"
    if cloud.is_dir():
        for folder in cloud.glob("OneDrive*"):
            roots[folder.name] = str(folder)
    return roots


def check_onedrive(book: Path, platform: str, environ: Mapping[str, str] = os.environ) -> Check:
    name = "Workbook on a local path (not OneDrive)"
    resolved = str(book.resolve())
    roots = onedrive_roots(environ)
    hit = next(
        (
            (key, root)
            for key, root in roots.items()
            if resolved.lower().startswith(str(Path(root)).lower())
        ),
        None,
    )
    in_onedrive_folder = any(p.lower().startswith("onedrive") for p in Path(resolved).parts)
    if hit is None and not in_onedrive_folder:
        return Check(name, True, resolved)
    key, root = hit or ("OneDrive", str(Path(resolved).parent))
    suffix = "WIN" if platform == "win32" else "MAC"
    kind = "COMMERCIAL" if "commercial" in key.lower() or " - " in Path(root).name else "CONSUMER"
    return Check(
        name,
        False,
        f"{resolved} is in OneDrive ({root}): Excel reports it to Python as a web URL",
        f"add the row ONEDRIVE_{kind}_{suffix} | {root} to the workbook's {CONF_SHEET} sheet "
        "(or copy the workbook to a local folder), and keep the folder 'Always keep on this device'",
    )


def check_macos(platform: str) -> list[Check]:
    if platform != "darwin":
        return [Check("macOS RunPython and automation permission", None, "not macOS")]
    import xlwings

    script = (
        Path.home()
        / "Library/Application Scripts/com.microsoft.Excel"
        / f"xlwings-{xlwings.__version__}.applescript"
    )
    runpython = Check(
        "macOS RunPython script",
        script.is_file(),
        str(script) if script.is_file() else f"{script} is missing",
        "" if script.is_file() else f'"{sys.executable}" -m xlwings.cli runpython install',
    )
    permission = Check(
        "macOS automation permission",
        None,
        "cannot be read from here; the first button click asks for it",
        "System Settings › Privacy & Security › Automation: allow Microsoft Excel to control "
        "Terminal/Python; if it was denied, reset it with: tccutil reset AppleEvents",
    )
    return [runpython, permission]


def check_environment() -> Check:
    name = "Python environment"
    in_venv = sys.prefix != sys.base_prefix
    found = f"{sys.executable} ({'virtual environment' if in_venv else 'system Python'})"
    if in_venv:
        return Check(name, True, found)
    return Check(
        name,
        None,
        found,
        "a virtual environment keeps Leakage Finder's packages apart: python -m venv .venv",
    )


@dataclass(frozen=True)
class Report:
    checks: list[Check]
    actions: list[str]
    excel: bool = True  # Excel can run on this computer

    @property
    def ok(self) -> bool:
        return all(c.ok is not False for c in self.checks)

    def text(self) -> str:
        lines = [f"did: {a}" for a in self.actions]
        for check in self.checks:
            lines.extend(check.lines())
        if not self.ok:
            lines.append("Some checks need the fix shown; run this again afterwards.")
        elif self.excel:
            lines.append("All set: open the workbook and click Reconcile.")
        else:
            lines.append("Nothing more to do on this computer.")
        return "\n".join(lines)


def install_addin() -> str:
    """Install or update the add-in with xlwings' own command (it also writes the user config
    when there is none, and on macOS installs RunPython's AppleScript)."""
    done = subprocess.run(
        [sys.executable, "-m", "xlwings.cli", "addin", "install"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    output = (done.stdout + done.stderr).strip().splitlines()
    return output[-1] if output else f"xlwings addin install exited {done.returncode}"


def setup_excel(
    book: Path | None,
    *,
    change: bool = True,
    platform: str = sys.platform,
) -> Report:
    """Install/update the add-in and pin this Python in ``book`` (when ``change``), then check."""
    excel = excel_platform(platform)
    checks: list[Check] = [check_environment()]
    actions: list[str] = []
    if book is not None and not book.is_file():
        from engine.errors import UnreadableFileError

        raise UnreadableFileError(f"{book}: no such workbook. Check the path.")
    if excel is None:
        checks.append(
            Check(
                "Excel",
                None,
                f"Excel runs on Windows and macOS; this is {platform}: nothing to install here",
                "on the computer with Excel, in the same virtual environment: leakage-finder "
                "setup-excel --workbook BOOK.xlsm",
            )
        )
        if book is not None:
            checks.append(check_mark_of_the_web(book))
        return Report(checks, actions, excel=False)
    if change:
        actions.append(f"xlwings addin install: {install_addin()}")
        if book is not None:
            pin_interpreter(book, sys.executable, excel)
            actions.append(f"pinned {sys.executable} in {book.name}'s {CONF_SHEET} sheet")
    checks.append(check_addin(addin_dirs(excel)))
    checks.append(check_interpreter(book, excel))
    if book is not None:
        checks.append(check_mark_of_the_web(book))
        checks.append(check_onedrive(book, excel))
    checks.extend(check_macos(excel))
    if shutil.which("xlwings") is None:
        checks.append(
            Check(
                "xlwings command",
                None,
                "not on the PATH (fine: this command calls it through this Python)",
            )
        )
    return Report(checks, actions)
