"""The limits every reader enforces, in one place: Excel's own row limit, the widest export taken
in full, how sparse a large used range may be, and what unpacks like a zip bomb.

Readers read them as ``limits.MAX_ROWS`` (not imported by value), so one change (or a test's
monkeypatch) holds for files and workbooks alike.
"""

#: Largest export we accept, from a file or a pasted sheet alike: Excel's own sheet limit.
MAX_ROWS = 1_048_576
#: The widest export we take in full: a Partner Center reconciliation file has ~50 columns.
EXPORT_COLUMNS = 64
#: Largest used range (rows × columns) we turn into a grid: a full sheet of the widest export. A
#: stray cell at XFD1048576 would ask for 17 billion cells (calamine aborts the process), so the
#: range is checked before it is read.
MAX_CELLS = MAX_ROWS * EXPORT_COLUMNS
#: A used range larger than this must be mostly cells the sheet holds (at least one in
#: :data:`LEAST_FILLED`): a stray cell far below or right of a table would make a grid of blanks
#: (calamine holds ~32 bytes per blank cell, the grid 8 more) for nothing.
SPARSE_CELLS = 25_000_000
LEAST_FILLED = 3
#: An .xlsx whose parts unpack to more than this is refused as a possible zip bomb. A workbook
#: reconciled at Excel's row limit unpacks to 2.25 GB (the pasted sheets 1.3 GB, the output sheets
#: the rest, at 23 columns): room for twice that and a wider export. Sheet XML is streamed, never
#: held whole; the compression ratio below is what catches a bomb.
MAX_UNPACKED_BYTES = 8_000_000_000
MAX_COMPRESSION_RATIO = 200
