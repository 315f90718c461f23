"""The xlsxwriter formats one render creates once and shares across its sheets (by kind, currency,
fill and font), and the rows it leaves pending for the package writer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format

from addin import layout as spec


class Formats:
    """xlsxwriter formats, created once per workbook and shared by all sheets."""

    def __init__(self, book: xlsxwriter.Workbook, currency: str = "USD") -> None:
        self.currency = currency
        self.book = book
        self.cache: dict[tuple[Any, ...], Format] = {}
        #: sheet → (the rows still to write, the template row they follow)
        self.pending: dict[str, tuple[Sequence[Sequence[object]], int]] = {}
        self.table_ends: dict[str, int] = {}  # table name → its last sheet row (1-based)
        self.heights: dict[str, list[float | None]] = {}  # sheet → heights of the pending rows
        self.header = book.add_format(
            {
                "bold": True,
                "font_color": spec.HEADER_FONT,
                "bg_color": spec.HEADER_FILL,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.title = book.add_format(
            {"bold": True, "font_size": 16, "font_color": spec.HEADER_FILL}
        )
        self.subtitle = book.add_format({"italic": True, "font_color": "#595959"})
        self.heading = book.add_format(
            {"bold": True, "font_size": 12, "font_color": spec.HEADER_FILL}
        )
        self.tile_label = book.add_format(
            {
                "bold": True,
                "font_color": "#595959",
                "bg_color": "#F2F2F2",
                "top": 1,
                "left": 1,
                "right": 1,
                "border_color": "#BFBFBF",
            }
        )
        self.tile_note = book.add_format(
            {
                "italic": True,
                "font_size": 9,
                "font_color": "#595959",
                "bg_color": "#F2F2F2",
                "bottom": 1,
                "left": 1,
                "right": 1,
                "border_color": "#BFBFBF",
                "text_wrap": True,
                "valign": "top",
            }
        )

    def cell(self, kind: spec.Kind, currency: str = "USD") -> Format:
        key = ("cell", kind, currency if kind in ("money", "unit_money") else "")
        if key not in self.cache:
            properties: dict[str, Any] = {
                "num_format": spec.number_format(kind, currency),
                "valign": "top",
            }
            if kind == "wrap":
                properties["text_wrap"] = True
            self.cache[key] = self.book.add_format(properties)
        return self.cache[key]

    def note(self, fill: str, bold: bool, size: float) -> Format:
        key = ("note", fill, bold, size)
        if key not in self.cache:
            properties: dict[str, Any] = {"bold": bold}
            if fill:
                properties.update({"bg_color": fill, "align": "center", "border": 1})
                properties["border_color"] = "#BFBFBF"
            if size:
                properties["font_size"] = size
                properties["font_color"] = spec.HEADER_FILL
            self.cache[key] = self.book.add_format(properties)
        return self.cache[key]

    def rule(self, rule: spec.Rule) -> Format:
        key = ("rule", rule.fill, rule.font, rule.bold)
        if key not in self.cache:
            properties: dict[str, Any] = {}
            if rule.fill:
                properties["bg_color"] = rule.fill
            if rule.font:
                properties["font_color"] = rule.font
            if rule.bold:
                properties["bold"] = True
            self.cache[key] = self.book.add_format(properties)
        return self.cache[key]

    def tile_value(self, kind: spec.Kind, currency: str = "USD", tone: str = "") -> Format:
        key = ("tile", kind, currency, tone)
        if key not in self.cache:
            fill = {"good": spec.GOOD_FILL, "bad": spec.BAD_FILL}.get(tone, "#F2F2F2")
            font = {"good": spec.GOOD_FONT, "bad": spec.BAD_FONT}.get(tone, "#000000")
            self.cache[key] = self.book.add_format(
                {
                    "num_format": spec.number_format(kind, currency),
                    "bold": True,
                    "font_size": 18,
                    "font_color": font,
                    "bg_color": fill,
                    "left": 1,
                    "right": 1,
                    "border_color": "#BFBFBF",
                    "align": "left",
                }
            )
        return self.cache[key]
