"""Seventh independent evaluation set: vendor bills and PSA exports the engine has never seen.

`generate_case` writes one month (September 2026) of one MSP: a vendor bill, a PSA/accounting
export and `truth.json` (briefs/truth-format.md). Written from the issue text and the reference
material only; see README.md for the formats, the classes and how to run it.
"""

from __future__ import annotations

from .generate import PSA_FORMATS, VENDOR_FORMATS, generate_case

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "generate_case"]
