"""Live Excel: the ribbon's entry points (xlwings) and the Excel set-up check."""
