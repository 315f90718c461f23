"""Render docs/discrepancies.png, docs/kpis.png and docs/start.png from the sample audit's workbook.

    python scripts/render_readme_images.py      (needs LibreOffice and poppler-utils)

The sample workbook is printed as it is (its own print areas, titles and page set-up): a copy with
every other sheet hidden goes through LibreOffice to PDF, and pdftoppm turns the first page of each
sheet into PNG — what a reader would see on paper.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from addin import layout as spec
from addin.sample.audit import run_sample

DOCS = Path(__file__).resolve().parent.parent / "docs"
#: (sheet, png name, crop height in pixels at 110 dpi: the content, not the blank page below)
PICTURES = (
    (spec.DISCREPANCIES, "discrepancies", 620),
    (spec.KPIS, "kpis", 900),
    (spec.START, "start", 950),
)


def only_sheets(source: Path, target: Path, keep: set[str]) -> None:
    """A copy of the workbook with every sheet but ``keep`` hidden (LibreOffice prints none of them)."""

    def hide(match: re.Match[str]) -> str:
        element = match.group(0)
        name = re.search(r'name="([^"]*)"', element)
        if name is None or name.group(1) in keep or "state=" in element:
            return element
        return element.replace("<sheet ", '<sheet state="hidden" ', 1)

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/workbook.xml":
                xml = data.decode("utf-8")
                names = re.findall(r'<sheet\b[^>]*?name="([^"]*)"', xml)
                kept = {str(i) for i, name in enumerate(names) if name in keep}
                xml = re.sub(r"<sheet\b[^>]*/>", hide, xml)
                xml = re.sub(r'\sactiveTab="\d+"', "", xml)  # open on the kept sheet
                xml = xml.replace("<workbookView ", f'<workbookView activeTab="{min(kept)}" ', 1)
                xml = re.sub(  # a hidden sheet's print area would still be printed
                    r'<definedName [^>]*localSheetId="(\d+)"[^>]*>[^<]*</definedName>',
                    lambda m, kept=kept: m.group(0) if m.group(1) in kept else "",
                    xml,
                )
                data = xml.encode("utf-8")
            new.writestr(info, data)


def pdf(book: Path, work: Path) -> Path:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return work / f"{book.stem}.pdf"


def png(document: Path, page: int, target: Path, height: int) -> None:
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
            "1290",
            "-H",
            str(height),
            str(document),
            str(target),
        ],
        check=True,
    )


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="lf-render-"))
    try:
        _, written = run_sample(work / "audit", clients=60, seed=7)
        DOCS.mkdir(exist_ok=True)
        for sheet, name, height in PICTURES:
            view = work / f"{name}.xlsm"
            book = next(p for p in written if p.suffix == ".xlsm")  # not last month's archive
            only_sheets(book, view, {sheet})
            png(pdf(view, work), 1, DOCS / name, height)
            print(DOCS / f"{name}.png")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
