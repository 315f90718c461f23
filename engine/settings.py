"""Reconciliation settings: thresholds, aliases, column mappings, period — validated on construction.

Every problem is reported at once (splink-style), so a user fixing a Settings sheet sees all of them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from engine.errors import SettingsError
from engine.read.fields import FIELDS

SEVERITIES = ("critical", "high", "medium", "low")


@dataclass(frozen=True)
class MatchThresholds:
    """How alike two names must be to match, in one place (the matchers take them from here).

    Scores are rapidfuzz's 0–100. A name score is only where fuzzy matching starts: sibling words,
    numbers and look-alike product words still keep names apart above it.
    """

    #: client names (token-sorted or letters-only) at least this alike are candidates
    client_name_score: float = 86.0
    #: a client whose two best candidates score closer than this is left for the user to decide
    client_ambiguity_margin: float = 2.0
    #: product names at least this alike are candidates (catalogue names and vendor spellings)
    product_name_score: float = 88.0
    #: a word shared by more names than this is too common to block candidate pairs on
    block_limit: int = 300

    def problems(self) -> list[str]:
        out = [
            f"match threshold {name} should be from 50 to 100, found {value!r}"
            for name, value in (
                ("client_name_score", self.client_name_score),
                ("product_name_score", self.product_name_score),
            )
            if not 50 <= value <= 100
        ]
        if not 0 <= self.client_ambiguity_margin <= 50:
            out.append(
                "match threshold client_ambiguity_margin should be from 0 to 50, found "
                f"{self.client_ambiguity_margin!r}"
            )
        if self.block_limit < 1:
            out.append(
                f"match threshold block_limit should be 1 or more, found {self.block_limit!r}"
            )
        return out


@dataclass(frozen=True)
class Settings:
    """What a user can change. Defaults suit a small-to-mid MSP; all amounts are per month."""

    severity_thresholds: Mapping[str, Decimal] = field(
        default_factory=lambda: {
            "critical": Decimal(500),
            "high": Decimal(100),
            "medium": Decimal(25),
        }
    )
    leakage_target_percent: Decimal = Decimal(2)
    client_aliases: Mapping[str, str] = field(
        default_factory=dict
    )  # vendor spelling → PSA spelling
    product_aliases: Mapping[str, str] = field(default_factory=dict)
    vendor_mapping: Mapping[str, str] = field(default_factory=dict)  # field → column header
    psa_mapping: Mapping[str, str] = field(default_factory=dict)
    period: str | None = None  # "2025-08"; else taken from the vendor bill's charge dates
    exclude_psa_products: tuple[
        str, ...
    ] = ()  # extra PSA spellings that are services, not licences
    #: Findings whose matches are less sure than this are marked "check first" and counted apart.
    check_first_below: float = 0.8
    #: Client products billed above cost but under this margin are listed apart (engine.history.margins).
    target_margin_percent: Decimal = Decimal(15)
    #: How alike names must be for the matchers (engine.match) to pair them.
    match: MatchThresholds = field(default_factory=MatchThresholds)

    def __post_init__(self) -> None:
        problems: list[str] = []
        thresholds = dict(self.severity_thresholds)
        for name in ("critical", "high", "medium"):
            if name not in thresholds:
                problems.append(f"severity threshold {name!r} is missing")
        for name, value in thresholds.items():
            if not isinstance(value, Decimal) or not value.is_finite():
                problems.append(f"severity threshold {name!r} should be a number, found {value!r}")
        if not (
            isinstance(self.leakage_target_percent, Decimal)
            and self.leakage_target_percent.is_finite()
        ):
            problems.append(
                f"the leakage target should be a number, found {self.leakage_target_percent!r}"
            )
        values = [v for n in ("critical", "high", "medium") if (v := thresholds.get(n)) is not None]
        if not problems and len(values) == 3 and not values[0] >= values[1] >= values[2] >= 0:
            problems.append("severity thresholds must fall: critical ≥ high ≥ medium ≥ 0")
        for side, mapping in (("vendor", self.vendor_mapping), ("psa", self.psa_mapping)):
            known = {f.name for f in FIELDS[side]}  # type: ignore[index]
            problems += [
                f"{side} mapping names unknown field {k!r} (known: {', '.join(sorted(known))})"
                for k in mapping
                if k not in known
            ]
        if not Decimal(0) <= Decimal(self.target_margin_percent) < 100:
            problems.append(
                f"target margin {self.target_margin_percent}% should be from 0 to under 100"
            )
        if not 0 <= self.check_first_below <= 1:
            problems.append(
                f"check_first_below should be from 0 to 1, found {self.check_first_below!r}"
            )
        problems += self.match.problems()
        if self.period is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", self.period):
            problems.append(f"period {self.period!r} should look like 2025-08")
        if problems:
            raise SettingsError("Settings are not valid: " + "; ".join(problems) + ".")

    @property
    def period_start(self) -> dt.date | None:
        if self.period is None:
            return None
        year, month = self.period.split("-")
        return dt.date(int(year), int(month), 1)

    def severity(self, monthly_impact: Decimal) -> str:
        for name in ("critical", "high", "medium"):
            if monthly_impact >= self.severity_thresholds[name]:
                return name
        return "low"


def _decimal(value: Any, what: str, problems: list[str]) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        problems.append(f"{what} should be a number, found {value!r}")
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        problems.append(f"{what} should be a number, found {value!r}")
        return None
    if not number.is_finite():
        problems.append(f"{what} should be a number, found {value!r}")
        return None
    return number


def _text_map(value: Any, what: str, problems: list[str]) -> dict[str, str] | None:
    """A table of text → text (``{"quantity": "Seats"}``), or a problem saying what was found."""
    if not isinstance(value, Mapping):
        problems.append(
            f'{what} should be a table of names, like {{"Contoso Ltd": "Contoso"}}, found '
            f"{type(value).__name__} {value!r}"[:300]
        )
        return None
    bad = [
        k for k, v in value.items() if not isinstance(v, str | int | float) or isinstance(v, bool)
    ]
    if bad:
        problems.append(f"{what}: {bad[0]!r} should name one text value, found {value[bad[0]]!r}")
        return None
    return {str(k): str(v) for k, v in value.items()}


_KNOWN_KEYS = frozenset(
    [
        "vendor",
        "psa",
        "severity_thresholds",
        "leakage_target_percent",
        "client_aliases",
        "product_aliases",
        "vendor_mapping",
        "psa_mapping",
        "period",
        "exclude_psa_products",
        "target_margin_percent",
        "match",
    ]
)


def settings_from_dict(data: Mapping[str, Any]) -> Settings:
    """Build settings from a mapping file's contents (JSON or TOML), keys as in :class:`Settings`.

    ``{"vendor": {"quantity": "Seats"}, "psa": {...}}`` is accepted as a shorthand for the mappings.
    Every value is checked for its shape, and all problems are listed at once.
    """
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise SettingsError(
            f"Mapping file: unknown key(s) {', '.join(map(repr, unknown))}; known keys are "
            f"{', '.join(sorted(_KNOWN_KEYS))}."
        )
    problems: list[str] = []
    kwargs: dict[str, Any] = {}
    mappings = {(f"{s}_mapping" if f"{s}_mapping" in data else s): f"{s}_mapping" for s in _SIDES}
    _text_maps(data, mappings, problems, kwargs)  # problems are listed in this order
    _numbers(data, problems, kwargs)
    _text_maps(data, {key: key for key in ("client_aliases", "product_aliases")}, problems, kwargs)
    _period_and_exclusions(data, problems, kwargs)
    if "match" in data:
        match = _match_thresholds(data["match"], problems)
        if match is not None:
            kwargs["match"] = match
    if problems:
        raise SettingsError("Settings are not valid: " + "; ".join(problems) + ".")
    return Settings(**kwargs)


_SIDES = ("vendor", "psa")


def _text_maps(
    data: Mapping[str, Any], keys: Mapping[str, str], problems: list[str], kwargs: dict[str, Any]
) -> None:
    """Text-to-text tables (column mappings, aliases): each file key checked, kept as its setting."""
    for key, setting in keys.items():
        if key in data:
            found = _text_map(data[key], key, problems)
            if found is not None:
                kwargs[setting] = found


def _numbers(data: Mapping[str, Any], problems: list[str], kwargs: dict[str, Any]) -> None:
    if "severity_thresholds" in data:
        raw = data["severity_thresholds"]
        if not isinstance(raw, Mapping):
            problems.append(
                "severity_thresholds should be a table like "
                f'{{"critical": 500, "high": 100, "medium": 25}}, found {raw!r}'[:300]
            )
        else:
            thresholds = {str(k): _decimal(v, f"threshold {k!r}", problems) for k, v in raw.items()}
            if all(v is not None for v in thresholds.values()):
                kwargs["severity_thresholds"] = thresholds
    for key in ("leakage_target_percent", "target_margin_percent"):
        if key in data:
            value = _decimal(data[key], key, problems)
            if value is not None:
                kwargs[key] = value


def _period_and_exclusions(
    data: Mapping[str, Any], problems: list[str], kwargs: dict[str, Any]
) -> None:
    if data.get("period"):
        if isinstance(data["period"], str):
            kwargs["period"] = data["period"]
        else:
            problems.append(f'period should be text like "2025-08", found {data["period"]!r}')
    if "exclude_psa_products" in data:
        products = data["exclude_psa_products"]
        if isinstance(products, str):
            products = [products]
        if not isinstance(products, list) or not all(isinstance(x, str) for x in products):
            problems.append(
                f'exclude_psa_products should be a list of product names, like ["Onsite labour"], '
                f"found {products!r}"[:300]
            )
        else:
            kwargs["exclude_psa_products"] = tuple(products)


def _match_thresholds(value: Any, problems: list[str]) -> MatchThresholds | None:
    """``{"client_name_score": 90, …}``: the match thresholds a mapping file changes."""
    known = {"client_name_score", "client_ambiguity_margin", "product_name_score", "block_limit"}
    if not isinstance(value, Mapping):
        problems.append(
            f'match should be a table like {{"client_name_score": 90}}, found {value!r}'
        )
        return None
    unknown = sorted(set(value) - known)
    if unknown:
        problems.append(
            f"match: unknown threshold(s) {', '.join(map(repr, unknown))}; known: "
            f"{', '.join(sorted(known))}"
        )
        return None
    numbers: dict[str, Any] = {}
    for key, raw in value.items():
        number = _decimal(raw, f"match threshold {key}", problems)
        if number is not None:
            numbers[key] = int(number) if key == "block_limit" else float(number)
    if len(numbers) != len(value):
        return None
    thresholds = MatchThresholds(**numbers)
    found = thresholds.problems()
    problems += found
    return None if found else thresholds


def load_settings_file(path: str | Path) -> Settings:
    """Read a ``.json`` or ``.toml`` mapping/settings file."""
    path = Path(path)
    if path.suffix.lower() not in (".json", ".toml"):
        raise SettingsError(
            f"Mapping file {path}: mapping files are .json or .toml, not {path.suffix or 'no ending'}."
            " Save it as JSON (see the README for an example) or TOML."
        )
    try:
        data_bytes = path.read_bytes()
    except OSError as error:
        raise SettingsError(f"Mapping file {path}: cannot be read ({error.strerror}).") from None
    from engine.errors import InputError
    from engine.read.text_files import decode_text

    try:
        text = decode_text(data_bytes, f"Mapping file {path}").lstrip("\ufeff")
    except InputError as error:
        raise SettingsError(str(error)) from None
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(
            f"Mapping file {path}: not valid {path.suffix.lstrip('.').upper() or 'JSON'} ({error})."
        ) from None
    if not isinstance(data, dict):
        raise SettingsError(
            f"Mapping file {path}: expected an object of settings, found {type(data).__name__}."
        )
    try:
        return settings_from_dict(data)
    except SettingsError as error:
        raise SettingsError(f"Mapping file {path}: {error}") from None
