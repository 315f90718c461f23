"""Render docs/discrepancies.png and docs/kpis.png from the sample audit's reconciled workbook.

    python scripts/render_readme_images.py      (needs LibreOffice and poppler-utils)

A copy of the workbook keeps only the two sheets, with a print area of the first rows and columns,
then LibreOffice prints it to PDF and pdftoppm turns the pages into PNG — what a reader would see.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl

from addin.sample_audit import run_sample

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="lf-render-"))
    try:
        _, written = run_sample(work / "audit", clients=60, seed=7)
        book = openpyxl.load_workbook(written[-1])
        for name in book.sheetnames:
            if name not in ("Discrepancies", "KPIs"):
                del book[name]
        book["Discrepancies"].print_area = "A1:M26"
        book["KPIs"].print_area = "A1:H44"
        for sheet in book.worksheets:
            sheet.page_setup.orientation = "landscape"
            sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 1
            sheet.sheet_properties.pageSetUpPr.fitToPage = True
        book.save(work / "view.xlsx")
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(work / "view.xlsx"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        DOCS.mkdir(exist_ok=True)
        # (page, name, crop height in pixels at 110 dpi: the sheets' content, not the blank page below)
        for page, name, height in ((1, "discrepancies", 560), (2, "kpis", 935)):
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "110",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    "-x",
                    "0",
                    "-y",
                    "0",
                    "-W",
                    "1240",
                    "-H",
                    str(height),
                    str(work / "view.pdf"),
                    str(DOCS / name),
                ],
                check=True,
            )
            print(DOCS / f"{name}.png")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
