"""Compare two OUT trees: CSV bytes and xlsx cells (python -m bench.independent_aq.determinism A B)."""

import hashlib
import sys
from pathlib import Path

import openpyxl


def digest(root):
    h = {}
    for p in sorted(Path(root).rglob("*")):
        if p.is_file():
            if p.suffix == ".xlsx":
                wb = openpyxl.load_workbook(p)
                s = repr(
                    [
                        (
                            ws.title,
                            [[c for c in r] for r in ws.iter_rows(values_only=True)],
                        )
                        for ws in wb
                    ]
                )
                h[str(p.relative_to(root))] = hashlib.sha256(s.encode()).hexdigest()
            else:
                h[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return h


a, b = digest(sys.argv[1]), digest(sys.argv[2])
print(
    "identical" if a == b else f"DIFFER {[k for k in a if a[k] != b.get(k)][:5]}",
    len(a),
)
