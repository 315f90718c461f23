"""The template's VBA project (vbaProject.bin), made by ms-ovba from the ``.bas`` module plus one
document module per sheet, deterministic for the same sources."""

from __future__ import annotations

import gc
import os
import random
import shutil
import tempfile
import uuid
import warnings
from pathlib import Path
from typing import Any

PROJECT_ID = "{6C1F0E35-1B5A-4F43-9E0D-2B8C3B1A7E11}"


#: ThisWorkbook's one event: a Status typed on Discrepancies is logged with its time (nothing runs
#: when the workbook opens; without macros enabled nothing is logged and runs log what they see).
THIS_WORKBOOK_CODE = (
    "Option Explicit\r\n\r\n"
    "Private Sub Workbook_SheetChange(ByVal Sh As Object, ByVal Target As Range)\r\n"
    "    LeakageFinder.LogStatusChange Sh, Target\r\n"
    "End Sub\r\n"
)


def build_vba_project(bas_source: str, code_names: list[str]) -> bytes:
    """A vbaProject.bin with our standard module and a document module for each code name."""
    import ms_ovba_crypto.ms_ovba_crypto as crypto
    from ms_ovba_compression.ms_ovba import MsOvba

    from addin.template.ovba_compression import compress

    workdir = Path(tempfile.mkdtemp(prefix="lf-vba-"))
    previous = Path.cwd()
    original_compress = MsOvba.compress
    original_random = crypto.random  # type: ignore[attr-defined]
    MsOvba.compress = lambda self, data: compress(bytes(data))  # type: ignore[method-assign]
    # PROJECT stream CMG/DPB/GC seeds: fixed, so the build is reproducible (the module's own
    # ``import random``, which it does not export, is what it draws from)
    crypto.random = random.Random(2025)  # type: ignore[attr-defined]
    try:
        os.chdir(workdir)  # ms-ovba writes its streams to the working directory
        with warnings.catch_warnings():
            # ms-cfb leaves temporary files for the garbage collector to close; a ResourceWarning
            # turned into an error there would interrupt the flush and corrupt the container.
            warnings.simplefilter("ignore", ResourceWarning)
            return _write_vba_project(workdir, bas_source, code_names)
    finally:
        MsOvba.compress = original_compress  # type: ignore[method-assign]
        crypto.random = original_random  # type: ignore[attr-defined]
        os.chdir(previous)
        shutil.rmtree(workdir, ignore_errors=True)


def _document_module(workdir: Path, name: str) -> Any:
    """The VBA document module behind a sheet (or ThisWorkbook, with its event code)."""
    from ms_ovba.Models.Entities.doc_module import DocModule

    cls = workdir / f"{name}.cls"
    cls.write_text(
        "VERSION 1.0 CLASS\r\nBEGIN\r\n  MultiUse = -1  'True\r\nEND\r\n"
        f'Attribute VB_Name = "{name}"\r\nAttribute VB_GlobalNameSpace = False\r\n'
        "Attribute VB_Creatable = False\r\nAttribute VB_PredeclaredId = True\r\n"
        "Attribute VB_Exposed = True\r\n" + (THIS_WORKBOOK_CODE if name == "ThisWorkbook" else ""),
        encoding="cp1252",
        newline="",
    )
    module = DocModule(name)
    module.add_file(str(cls))
    module.add_guid(
        uuid.UUID(
            "0002081900000000C000000000000046"
            if name == "ThisWorkbook"
            else "0002082000000000C000000000000046"
        )
    )
    module.normalize_file()
    return module


def _write_vba_project(workdir: Path, bas_source: str, code_names: list[str]) -> bytes:
    from ms_ovba.Models.Entities.reference import Reference
    from ms_ovba.Models.Entities.reference_registered import ReferenceRegistered
    from ms_ovba.Models.Entities.std_module import StdModule
    from ms_ovba.Models.Fields.libid_reference import LibidReference
    from ms_ovba.vbaProject import VbaProject
    from ms_ovba.Views.project_ole_file import ProjectOleFile

    project = VbaProject()
    project.project_id = PROJECT_ID
    for name in code_names:
        project.add_module(_document_module(workdir, name))
    bas = workdir / "LeakageFinder.bas"
    bas.write_text(
        bas_source.replace("\r\n", "\n").replace("\n", "\r\n"), encoding="cp1252", newline=""
    )
    module = StdModule("LeakageFinder")
    module.add_file(str(bas))
    module.normalize_file()
    project.add_module(module)
    stdole = LibidReference(
        uuid.UUID("0002043000000000C000000000000046"),
        "2.0",
        "0",
        "C:\\Windows\\System32\\stdole2.tlb",
        "OLE Automation",
    )
    office = LibidReference(
        uuid.UUID("2DF8D04C5BFA101BBDE500AA0044DE52"),
        "2.0",
        "0",
        r"C:\Program Files\Common Files\Microsoft Shared\OFFICE16\MSO.DLL",
        "Microsoft Office 16.0 Object Library",
    )
    project.add_reference(Reference(ReferenceRegistered(stdole), "stdole"))
    project.add_reference(Reference(ReferenceRegistered(office), "Office"))
    ProjectOleFile.write_file(project)
    gc.collect()  # close (and so flush) every file ms-cfb left open before reading its result
    return (workdir / "vbaProject.bin").read_bytes()
