"""setup-excel / doctor: every check that can run on this machine, on real files."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlwings

from addin.cli import main
from addin.excel import setup
from addin.workbook.headless import reconcile_workbook


def _conf(path: Path, **values: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f'"{k}","{v}"\n' for k, v in values.items()), encoding="utf-8")
    return path


def test_config_precedence_is_xlwings_own(tmp_path: Path) -> None:
    """The workbook's sheet beats a directory xlwings.conf, which beats the user config."""
    user = _conf(
        tmp_path / "home" / ".xlwings" / "xlwings.conf", INTERPRETER_WIN=r"C:\old\python.exe"
    )
    directory = tmp_path / "book" / "xlwings.conf"
    key = "Interpreter_Win"
    assert setup.effective_setting(key, {}, directory, user) == (r"C:\old\python.exe", str(user))
    _conf(directory, INTERPRETER_WIN=r"C:\dir\python.exe")
    assert setup.effective_setting(key, {}, directory, user) == (
        r"C:\dir\python.exe",
        str(directory),
    )
    sheet = {"interpreter_win": r"C:\venv\Scripts\python.exe"}
    value, where = setup.effective_setting(key, sheet, directory, user)
    assert value == r"C:\venv\Scripts\python.exe" and "sheet" in where
    assert setup.effective_setting(key, {}, None, None)[0] is None


def test_pinning_this_python_in_the_workbook_beats_an_old_user_config(
    sample_book: Path, tmp_path: Path
) -> None:
    reconcile_workbook(sample_book)
    before = {
        n: zipfile.ZipFile(sample_book).read(n) for n in zipfile.ZipFile(sample_book).namelist()
    }
    user = _conf(tmp_path / "user.conf", INTERPRETER_WIN=r"C:\Python39\python.exe")
    stale = setup.check_interpreter(
        sample_book, "win32", interpreter=sys.executable, user_file=user
    )
    assert stale.ok is False and "ModuleNotFoundError" in stale.found and "--workbook" in stale.fix

    setup.pin_interpreter(sample_book, sys.executable, "win32")
    setup.pin_interpreter(sample_book, sys.executable, "win32")  # again: updated, not duplicated
    setup.pin_interpreter(sample_book, "/usr/local/bin/python3", "darwin")
    book = openpyxl.load_workbook(sample_book, keep_vba=True)
    sheet = book[setup.CONF_SHEET]
    assert sheet.sheet_state == "hidden"
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Interpreter_Win", sys.executable],
        ["Interpreter_Mac", "/usr/local/bin/python3"],
    ]
    assert book.active.title == "Discrepancies"  # what the user sees is unchanged
    with zipfile.ZipFile(sample_book) as archive:
        for part in ("xl/vbaProject.bin", "customUI/customUI.xml", "xl/worksheets/sheet2.xml"):
            assert archive.read(part) == before[part], part  # VBA, ribbon, the pasted Vendor sheet
    fixed = setup.check_interpreter(
        sample_book, "win32", interpreter=sys.executable, user_file=user
    )
    assert fixed.ok is True and "sheet" in fixed.found


def test_addin_versions_agree_only_when_it_is_this_pythons_addin(tmp_path: Path) -> None:
    folder = tmp_path / "XLSTART"
    missing = setup.check_addin([folder])
    assert missing.ok is False and "addin install" in missing.fix
    folder.mkdir()
    installed = folder / "xlwings.xlam"
    installed.write_bytes(setup.bundled_addin().read_bytes())
    same = setup.check_addin([folder])
    assert same.ok is True and xlwings.__version__ in same.name
    installed.write_bytes(setup.bundled_addin().read_bytes() + b"older build")
    other = setup.check_addin([folder])
    assert other.ok is False and "error 53" in other.found and "restart Excel" in other.fix


@pytest.mark.parametrize(("zone", "blocked"), [("3", True), ("4", True), ("2", False)])
def test_mark_of_the_web_on_a_file_that_carries_one(
    tmp_path: Path, template_bytes: bytes, zone: str, blocked: bool
) -> None:
    book = tmp_path / "Leakage Finder.xlsm"
    book.write_bytes(template_bytes)
    assert setup.check_mark_of_the_web(book).ok is True
    Path(f"{book}:Zone.Identifier").write_text(
        f"[ZoneTransfer]\r\nZoneId={zone}\r\nHostUrl=https://example.com/x.xlsm\r\n"
    )
    check = setup.check_mark_of_the_web(book)
    assert check.ok is (not blocked)
    if blocked:
        assert f"Unblock-File -Path '{book}'" in check.fix and "Zone.Identifier" in check.fix


def test_onedrive_paths_are_found_with_the_config_row_that_fixes_them(tmp_path: Path) -> None:
    root = tmp_path / "OneDrive - Contoso"
    book = root / "Finance" / "Leakage.xlsm"
    book.parent.mkdir(parents=True)
    book.write_bytes(b"")
    check = setup.check_onedrive(book, "win32", {"OneDriveCommercial": str(root)})
    assert check.ok is False and f"ONEDRIVE_COMMERCIAL_WIN | {root}" in check.fix
    local = tmp_path / "Documents" / "Leakage.xlsm"
    local.parent.mkdir()
    local.write_bytes(b"")
    assert setup.check_onedrive(local, "win32", {"OneDriveCommercial": str(root)}).ok is True


def test_macos_checks_say_not_applicable_elsewhere() -> None:
    (check,) = setup.check_macos("linux")
    assert check.ok is None


def test_doctor_on_linux_says_excel_is_not_here_and_checks_the_file(
    tmp_path: Path, template_bytes: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "book.xlsm"
    book.write_bytes(template_bytes)
    if setup.excel_platform() is not None:
        pytest.skip("this machine could run Excel: the Linux report does not apply")
    assert main(["doctor", "--workbook", str(book)]) == 0
    out = capsys.readouterr().out
    assert "Excel runs on Windows and macOS" in out and "Nothing more to do" in out
    assert book.read_bytes() == template_bytes  # nothing changed where Excel cannot run
    Path(f"{book}:Zone.Identifier").write_text("[ZoneTransfer]\nZoneId=3\n")
    assert main(["setup-excel", "--workbook", str(book)]) == 3
    assert "Unblock-File" in capsys.readouterr().out
    assert main(["setup-excel", "--workbook", str(tmp_path / "missing.xlsm")]) == 3


def test_setup_on_windows_installs_pins_and_then_every_check_passes(
    tmp_path: Path, template_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Windows flow, with xlwings' own install command stood in for (it needs Excel): the
    add-in copied into XLSTART, this Python pinned, and the checks read back what was done."""
    appdata = tmp_path / "AppData" / "Roaming"
    monkeypatch.setenv("APPDATA", str(appdata))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        monkeypatch.delenv(name, raising=False)
    _conf(tmp_path / "home" / ".xlwings" / "xlwings.conf", INTERPRETER_WIN=r"C:\old\python.exe")

    def install() -> str:
        startup = appdata / "Microsoft" / "Excel" / "XLSTART"
        startup.mkdir(parents=True)
        (startup / "xlwings.xlam").write_bytes(setup.bundled_addin().read_bytes())
        return "Successfully installed the xlwings add-in!"

    monkeypatch.setattr(setup, "install_addin", install)
    book = tmp_path / "Leakage.xlsm"
    book.write_bytes(template_bytes)
    checked_only = setup.setup_excel(book, change=False, platform="win32")
    assert not checked_only.ok and checked_only.actions == []
    assert book.read_bytes() == template_bytes  # --check changes nothing
    report = setup.setup_excel(book, platform="win32")
    assert report.ok, report.text()
    assert any("pinned" in action for action in report.actions)
    assert "All set" in report.text()
