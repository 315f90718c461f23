"""The headless workbook path: read the pasted sheets, reconcile, write the output sheets in place."""
