"""Both sides' lines as the passes after the late pairing read them: each line's client group and
product, and the vendor products each client group buys (issue 9: market editions)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from engine.lines import Exclusion, Line
from engine.match.products import Descriptor, ProductMatch


@dataclass(frozen=True)
class RunLines:
    """The lines, client groups and product matches of one run; ``inferred`` is the run's own
    record of lines read in context, which the passes add to."""

    vendor_lines: list[Line]
    psa_lines: list[Line]
    vendor_groups: Mapping[str, int]
    psa_groups: Mapping[str, int]
    vendor_keys: Mapping[str, str]
    psa_keys: Mapping[str, str]
    vendor_products: Mapping[Descriptor, ProductMatch]
    psa_products: Mapping[Descriptor, ProductMatch]
    inferred: dict[tuple[str, Descriptor], ProductMatch]

    def psa_group(self, line: Line) -> int | None:
        return self.psa_groups.get(self.psa_keys.get(line.client, ""))

    def psa_match(self, line: Line) -> ProductMatch:
        """What a PSA line was read as: in context if it was, else by its name."""
        return self.inferred.get((line.client, line.descriptor), self.psa_products[line.descriptor])

    def billed(
        self,
        wanted: Callable[[int], bool],
        free: Callable[[Line], ProductMatch] | None = None,
    ) -> dict[int, dict[str, ProductMatch]]:
        """Each wanted client group's vendor products (key → match); with ``free``, also those
        the vendor bills at nothing and the run set aside (what ``free`` reads them as)."""
        billed: dict[int, dict[str, ProductMatch]] = defaultdict(dict)
        for line in self.vendor_lines:
            group = self.vendor_groups.get(self.vendor_keys.get(line.client, ""))
            if group is None or not wanted(group):
                continue
            if line.exclusion is None:
                match = self.vendor_products[line.descriptor]
                billed[group][match.key] = match
            elif free is not None and line.exclusion is Exclusion.FREE:
                match = free(line)
                billed[group].setdefault(match.key, match)
        return billed
