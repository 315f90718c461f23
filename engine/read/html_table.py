"""An HTML table saved with a spreadsheet's name, read as the rows it shows.

Portals often export "Excel" as an HTML page with an .xls or .csv name (Excel opens it and shows a
sheet). Its rows are the ``<tr>`` of the page's largest table; each cell's text is what a person sees
(tags gone, entities read, spaces collapsed), and a cell spanning columns leaves the ones it covers
blank, as Excel shows it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SPACES = re.compile(r"\s+")


class _Tables(HTMLParser):
    """Every table's rows, in the order the tables close (nested ones first)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._open: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open.append([])
        elif tag == "tr" and self._open:
            self._end_cell()
            self._open[-1].append([])
        elif tag in ("td", "th") and self._open:
            self._end_cell()
            if not self._open[-1]:
                self._open[-1].append([])
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() and 0 < int(span) <= 1000 else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "table" and self._open:
            self._end_cell()
            self.tables.append(self._open.pop())

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is None or not self._open:
            return
        lines = "".join(self._cell).split("\n")
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in lines).strip()
        self._open[-1][-1].extend([text] + [""] * (self._span - 1))
        self._cell, self._span = None, 1


def html_rows(text: str) -> list[list[str]] | None:
    """The rows of the page's largest table (most rows), or None when it has no table with two
    rows or more."""
    parser = _Tables()
    parser.feed(text)
    parser.close()
    tables = [[row for row in table if row] for table in parser.tables]
    best = max(tables, key=len, default=[])
    return best if len(best) >= 2 else None
