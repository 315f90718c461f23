"""Drift tests: README, CI, CLI help, ribbon, VBA and Python entry points say the same things."""

from __future__ import annotations

import re
import subprocess
import sys

from addin.cli_parser import build_parser
from addin.excel import live as macros
from addin.template.ribbon import ENTRY_POINTS, buttons, template_text
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    section = README.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    assert "leakage-finder sample" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_cli_command_and_option_is_in_the_readme() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():  # type: ignore[union-attr]
        assert f"leakage-finder {name}" in README, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag not in (
                    "--help",
                    "--quiet",
                    "--clients",
                    "--seed",
                    "--vendor-format",
                    "--psa-format",
                    "--vendor-sheet",
                    "--psa-sheet",
                ):
                    assert flag in README, (name, flag)


def test_every_ribbon_button_is_documented_and_wired() -> None:
    vba = template_text("LeakageFinder.bas")
    subs = set(re.findall(r"Public Sub (\w+)\(control As IRibbonControl\)", vba))
    for button in buttons():
        assert button.on_action in subs, button.on_action
        assert f"| {button.group} | {button.label} |" in README, button.label
        entry = ENTRY_POINTS[button.on_action]
        if entry is not None:
            assert callable(getattr(macros, entry)), entry
            assert f'"{entry}"' in vba  # the Sub passes this entry point to RunPython
    assert subs == {b.on_action for b in buttons()}  # no orphan callbacks


def test_runpython_targets_exist() -> None:
    vba = template_text("LeakageFinder.bas")
    assert "import addin.excel.live as m; m." in vba
    for entry in re.findall(r'RunPythonMacro "(\w+)"|ImportFile "(\w+)"', vba):
        name = next(e for e in entry if e)
        assert callable(getattr(macros, name)), name


def test_engine_never_imports_excel_libraries() -> None:
    code = (
        "import sys, engine.reconcile, engine.export, engine.history.month_over_month; "
        "bad = [m for m in ('xlwings', 'openpyxl', 'xlsxwriter') if m in sys.modules]; print(bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_ruff_bans_excel_libraries_and_addin_in_engine_only() -> None:
    """The static side of the rule above (TID251): every import, even a lazy one, is refused in
    engine/, and the same lines are allowed in addin/."""
    probe = (
        "import xlwings\nfrom openpyxl import load_workbook\nimport xlsxwriter.worksheet\n"
        "from addin import layout\n\n\ndef later() -> None:\n    import addin.cli\n"
    )

    def banned(path: str) -> list[str]:
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "ruff",
                "check",
                "--no-cache",
                "--select",
                "TID251",
                "--output-format",
                "concise",
                "--stdin-filename",
                path,
                "-",
            ],
            input=probe,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        return re.findall(r"`([\w.]+)` is banned", out)

    assert banned("engine/probe.py") == ["xlwings", "openpyxl", "xlsxwriter", "addin", "addin"]
    assert banned("addin/probe.py") == []


def test_cli_help_and_sample_do_not_pay_for_xlwings() -> None:
    code = (
        "import sys; from addin.cli import main; main(['--help']) ; "
        "print('MODULES', 'xlwings' in sys.modules, 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert "MODULES False False" in out
