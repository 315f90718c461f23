"""Accuracy on exports the engine's author did not write: precision, recall and cent-exactness.

    python -m bench accuracy                      # every vendor × PSA format pair, 2 seeds, 60 and 200 clients
    python -m bench accuracy --seeds 1 2 3 --clients 80 300 --pairs partner_center_nce/connectwise
    python -m bench accuracy --set c --pairs diagonal --jobs 2   # the third set, each format once

The cases come from ``bench/independent`` (or ``independent_b`` … ``independent_as`` with ``--set``): each
a generator written by a helper session that was given only
the issue text and the public facts about the exports — never the engine's code or vocabulary — with
its own perturbation library (typos, abbreviations, brand words dropped, renamed products, in-house
names, branch and store variants, dba, accents…) mixed per line, and a truth file listing every
expected finding with the rows it rests on.

A finding is right when the engine reports the same type on the same rows (any shared vendor or PSA
row: rows name a client and product unambiguously); it is cent-exact when the monthly impact agrees
to the cent. Scores are given overall, per format pair and per perturbation class (the classes of
the lines and client names a truth finding or an engine finding rests on). The metamorphic check runs
each case clean and perturbed: renaming must not change the findings (types and impacts).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "accuracy.md"


@dataclass
class Tally:
    """True positives, engine findings, truth findings and cent-exact hits for one slice."""

    found: int = 0  # truth findings the engine found
    hits: int = 0  # engine findings that are in the truth
    reported: int = 0
    expected: int = 0
    exact: int = 0
    wrong_client_merges: int = 0
    wrong_product_merges: int = 0

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.hits += other.hits
        self.reported += other.reported
        self.expected += other.expected
        self.exact += other.exact
        self.wrong_client_merges += other.wrong_client_merges
        self.wrong_product_merges += other.wrong_product_merges

    @property
    def precision(self) -> float:
        return self.hits / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def cents(self) -> float:
        return self.exact / self.found if self.found else 1.0


@dataclass
class CaseScore:
    pair: str
    total: Tally = field(default_factory=Tally)
    by_class: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    findings: Counter[tuple[str, str]] = field(default_factory=Counter)


def _rows(values: Iterable[Any]) -> set[int]:
    return {int(v) for v in values}


def score_case(truth_path: Path) -> CaseScore:
    """Reconcile one generated case and compare it with its truth."""
    from engine.reconcile import reconcile

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    folder = truth_path.parent
    pair = f"{truth['vendor_format']}/{truth['psa_format']}"
    score = CaseScore(pair)
    result = reconcile(
        folder / truth["vendor_file"],
        folder / truth["psa_file"],
        vendor_sheet=truth.get("vendor_sheet"),
        psa_sheet=truth.get("psa_sheet"),
    )
    line_info = {
        side: {int(row): info for row, info in truth["rows"][side].items()}
        for side in ("vendor", "psa")
    }
    expected = truth["findings"]
    taken: set[int] = set()
    for d in result.discrepancies:
        score.findings[(d.type, str(d.monthly_impact))] += 1
        vendor_rows, psa_rows = set(d.vendor_rows), set(d.psa_rows)
        classes = _classes(line_info, vendor_rows, psa_rows)
        tally = Tally(reported=1)
        clients = {
            line_info[s][r]["client"]
            for s, rows in (("vendor", vendor_rows), ("psa", psa_rows))
            for r in rows
            if r in line_info[s]
        }
        products = {
            line_info[s][r]["product"]
            for s, rows in (("vendor", vendor_rows), ("psa", psa_rows))
            for r in rows
            if r in line_info[s] and line_info[s][r].get("role", "licence") == "licence"
        }
        tally.wrong_client_merges = int(len(clients) > 1)
        tally.wrong_product_merges = int(len(products) > 1)
        hit = None
        truth_classes: set[str] = set()
        for index, t in enumerate(expected):
            if index in taken or t["type"] != d.type:
                continue
            if vendor_rows & _rows(t["vendor_rows"]) or psa_rows & _rows(t["psa_rows"]):
                hit = index
                break
        if hit is not None:
            taken.add(hit)
            tally.hits = 1
            exact = int(Decimal(expected[hit]["monthly_impact"]) == d.monthly_impact)
            truth_classes = set(expected[hit].get("classes", []))
            credit = Tally(found=1, exact=exact)
            score.total.add(credit)
            for name in truth_classes or {"untouched"}:
                score.by_class[name].add(credit)
            if not exact:
                score.misses.append(
                    f"{pair}: {d.type} {d.client or d.vendor_client} / {d.product}: "
                    f"{d.monthly_impact} ≠ {expected[hit]['monthly_impact']}"
                )
        else:
            score.extras.append(
                f"{pair}: extra {d.type} {d.client or d.vendor_client!r} / {d.product!r} "
                f"({d.monthly_impact}) rows v{sorted(vendor_rows)[:4]} p{sorted(psa_rows)[:4]}"
            )
        score.total.add(tally)
        for name in classes or {"untouched"}:
            score.by_class[name].add(tally)
    for index, t in enumerate(expected):
        tally = Tally(expected=1)
        score.total.add(tally)
        for name in set(t.get("classes", [])) or {"untouched"}:
            score.by_class[name].add(tally)
        if index not in taken:
            score.misses.append(
                f"{pair}: missed {t['type']} {t['client']!r} / {t['product']!r} "
                f"({t['monthly_impact']}) classes {t.get('classes', [])}"
            )
    return score


def _classes(
    line_info: dict[str, dict[int, dict[str, Any]]], vendor_rows: set[int], psa_rows: set[int]
) -> set[str]:
    found: set[str] = set()
    for side, rows in (("vendor", vendor_rows), ("psa", psa_rows)):
        for row in rows:
            found |= set(line_info[side].get(row, {}).get("classes", []))
    return found


#: The independent evaluation sets: each a generator written apart from the engine (and from each
#: other), with the same interface (``VENDOR_FORMATS``, ``PSA_FORMATS``, ``generate_case``).
SETS = {
    "a": "bench.independent",
    "b": "bench.independent_b",
    "c": "bench.independent_c",
    "d": "bench.independent_d",
    "e": "bench.independent_e",
    "f": "bench.independent_f",
    "g": "bench.independent_g",
    "h": "bench.independent_h",
    "i": "bench.independent_i",
    "j": "bench.independent_j",
    "k": "bench.independent_k",
    "l": "bench.independent_l",
    "m": "bench.independent_m",
    "n": "bench.independent_n",
    "o": "bench.independent_o",
    "p": "bench.independent_p",
    "q": "bench.independent_q",
    "r": "bench.independent_r",
    "s": "bench.independent_s",
    "t": "bench.independent_t",
    "u": "bench.independent_u",
    "v": "bench.independent_v",
    "w": "bench.independent_w",
    "x": "bench.independent_x",
    "y": "bench.independent_y",
    "z": "bench.independent_z",
    "aa": "bench.independent_aa",
    "ab": "bench.independent_ab",
    "ac": "bench.independent_ac",
    "ad": "bench.independent_ad",
    "ae": "bench.independent_ae",
    "af": "bench.independent_af",
    "ag": "bench.independent_ag",
    "ah": "bench.independent_ah",
    "ai": "bench.independent_ai",
    "aj": "bench.independent_aj",
    "ak": "bench.independent_ak",
    "al": "bench.independent_al",
    "am": "bench.independent_am",
    "an": "bench.independent_an",
    "ao": "bench.independent_ao",
    "ap": "bench.independent_ap",
    "aq": "bench.independent_aq",
    "ar": "bench.independent_ar",
    "as": "bench.independent_as",
}


def _generator(name: str) -> Any:
    import importlib

    return importlib.import_module(SETS[name])


def _case(
    job: tuple[str, int, int, str],
) -> tuple[str, int, CaseScore | None, CaseScore | None, str]:
    """Generate and score one case perturbed and clean (in a worker process when ``--jobs``)."""
    pair, seed, size, which = job
    independent = _generator(which)
    vendor_format, psa_format = pair.split("/")
    runs: dict[bool, CaseScore] = {}
    problem = ""
    with tempfile.TemporaryDirectory() as scratch:
        for perturb in (True, False):
            folder = Path(scratch) / f"{vendor_format}-{psa_format}-{seed}-{size}-{perturb}"
            folder.mkdir(parents=True)
            truth = independent.generate_case(
                folder,
                seed=seed,
                vendor_format=vendor_format,
                psa_format=psa_format,
                clients=size,
                perturb=perturb,
            )
            try:
                runs[perturb] = score_case(truth)
            except Exception as error:  # a refused or crashed case is a finding too
                problem = f"{pair} seed {seed} size {size}: {error!r}"
    for case in runs.values():
        case.by_class = dict(case.by_class)  # picklable: no default factory
    return pair, size, runs.get(True), runs.get(False), problem


def run(
    seeds: list[int],
    clients: list[int],
    pairs: list[str] | None,
    show: int,
    jobs: int = 1,
    which: str = "a",
) -> str:
    """Generate, reconcile and score every case of set ``which``; return the Markdown report."""
    independent = _generator(which)
    all_pairs = [f"{v}/{p}" for v in independent.VENDOR_FORMATS for p in independent.PSA_FORMATS]
    diagonal = [  # every vendor format once, the PSA formats in turn: every format of both sides
        f"{v}/{independent.PSA_FORMATS[i % len(independent.PSA_FORMATS)]}"
        for i, v in enumerate(independent.VENDOR_FORMATS)
    ]
    chosen = (
        all_pairs if not pairs or pairs == ["all"] else diagonal if pairs == ["diagonal"] else pairs
    )
    overall = Tally()
    by_pair: dict[str, Tally] = defaultdict(Tally)
    by_class: dict[str, Tally] = defaultdict(Tally)
    by_size: dict[int, Tally] = defaultdict(Tally)
    metamorphic_same = metamorphic_cases = 0
    kept = union = 0  # findings (type, impact) the same clean and perturbed, of all
    problems: list[str] = []
    work = [(pair, seed, size, which) for pair in chosen for seed in seeds for size in clients]
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_case, work))
    else:
        results = [_case(job) for job in work]
    for pair, size, case, clean, problem in results:
        if problem:
            problems.append(problem)
        if case is None:
            continue
        overall.add(case.total)
        by_pair[pair].add(case.total)
        by_size[size].add(case.total)
        for name, tally in case.by_class.items():
            by_class[name].add(tally)
        problems += (case.misses + case.extras)[:show]
        if clean is not None:
            metamorphic_cases += 1
            metamorphic_same += clean.findings == case.findings
            kept += sum((clean.findings & case.findings).values())
            union += sum((clean.findings | case.findings).values())
    return _report(
        which,
        overall,
        by_pair,
        by_class,
        by_size,
        (metamorphic_same, metamorphic_cases, kept, union),
        problems,
        show,
    )


def _line(name: str, t: Tally) -> str:
    return (
        f"| {name} | {t.expected} | {t.reported} | {t.precision:.3f} | {t.recall:.3f} | "
        f"{t.cents:.3f} | {t.wrong_client_merges} | {t.wrong_product_merges} |"
    )


def _report(
    which: str,
    overall: Tally,
    by_pair: dict[str, Tally],
    by_class: dict[str, Tally],
    by_size: dict[int, Tally],
    metamorphic: tuple[int, int, int, int],
    problems: list[str],
    show: int,
) -> str:
    head = (
        "| slice | expected | reported | precision | recall | cent-exact | client merges | "
        "product merges |\n|---|---|---|---|---|---|---|---|"
    )
    title = f"# Accuracy on independently generated exports: set {which} (`{SETS[which]}`)"
    out = [title, "", head, _line("**all**", overall)]
    out += [_line(f"{size} clients", t) for size, t in sorted(by_size.items())]
    out += ["", "## Per format pair", "", head]
    out += [_line(pair, t) for pair, t in sorted(by_pair.items())]
    out += ["", "## Per perturbation class", "", head]
    out += [_line(name, t) for name, t in sorted(by_class.items())]
    same, cases, kept, union = metamorphic
    out += [
        "",
        "Metamorphic (the same case with clean spellings): "
        f"{kept} of {union} findings (type and cents) unchanged by the perturbations "
        f"({kept / union if union else 1:.3f}); {same} of {cases} cases identical.",
    ]
    if problems:
        out += ["", f"## First problems (up to {show} per case)", ""]
        out += [f"- {p}" for p in problems[:200]]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench accuracy", description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    parser.add_argument(
        "--pairs",
        nargs="+",
        default=["all"],
        help="all (every vendor × PSA format), diagonal (every format of each side once), or "
        "vendor/psa pairs",
    )
    parser.add_argument("--show", type=int, default=5, help="problems listed per case")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--jobs", type=int, default=1, help="cases scored in parallel processes")
    parser.add_argument(
        "--set",
        choices=sorted(SETS),
        default="a",
        help="a: bench/independent (results in accuracy.md); b … p: bench/independent_b … "
        "bench/independent_p, the second to sixteenth generators, each by another author "
        "(results in accuracy-b.md … accuracy-p.md)",
    )
    args = parser.parse_args(argv)
    if args.set != "a" and args.out == RESULTS:
        args.out = RESULTS.with_name(f"accuracy-{args.set}.md")
    report = run(args.seeds, args.clients, args.pairs, args.show, args.jobs, args.set)
    args.out.write_text(report, encoding="utf-8")
    print(report)
