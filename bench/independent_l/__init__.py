"""Independent evaluation set L for Leakage Finder (see README.md)."""

from .generate import PSA_FORMATS, VENDOR_FORMATS, generate_case

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "generate_case"]
