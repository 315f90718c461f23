"""Leakage Finder for Excel: the ribbon, the workbook file path, the CLI and the template build."""
