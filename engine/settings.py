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

from engine.columns import FIELDS
from engine.errors import SettingsError

SEVERITIES = ("critical", "high", "medium", "low")


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
    #: Client products billed above cost but under this margin are listed apart (engine.margins).
    target_margin_percent: Decimal = Decimal(15)

    def __post_init__(self) -> None:
        problems: list[str] = []
        thresholds = dict(self.severity_thresholds)
        for name in ("critical", "high", "medium"):
            if name not in thresholds:
                problems.append(f"severity threshold {name!r} is missing")
        values = [thresholds.get(n) for n in ("critical", "high", "medium")]
        if all(v is not None for v in values) and not values[0] >= values[1] >= values[2] >= 0:  # type: ignore[operator]
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


def _decimal(value: Any, what: str) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise SettingsError(
            f"Settings are not valid: {what} should be a number, found {value!r}."
        ) from None


def settings_from_dict(data: Mapping[str, Any]) -> Settings:
    """Build settings from a mapping file's contents (JSON or TOML), keys as in :class:`Settings`.

    ``{"vendor": {"quantity": "Seats"}, "psa": {...}}`` is accepted as a shorthand for the mappings.
    """
    known = {
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
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise SettingsError(
            f"Mapping file: unknown key(s) {', '.join(map(repr, unknown))}; known keys are "
            f"{', '.join(sorted(known))}."
        )
    kwargs: dict[str, Any] = {}
    if "vendor" in data or "vendor_mapping" in data:
        kwargs["vendor_mapping"] = dict(data.get("vendor_mapping", data.get("vendor", {})))
    if "psa" in data or "psa_mapping" in data:
        kwargs["psa_mapping"] = dict(data.get("psa_mapping", data.get("psa", {})))
    if "severity_thresholds" in data:
        kwargs["severity_thresholds"] = {
            k: _decimal(v, f"threshold {k}") for k, v in data["severity_thresholds"].items()
        }
    if "leakage_target_percent" in data:
        kwargs["leakage_target_percent"] = _decimal(
            data["leakage_target_percent"], "leakage target"
        )
    if "target_margin_percent" in data:
        kwargs["target_margin_percent"] = _decimal(data["target_margin_percent"], "target margin")
    for key in ("client_aliases", "product_aliases"):
        if key in data:
            kwargs[key] = {str(k): str(v) for k, v in data[key].items()}
    if data.get("period"):
        kwargs["period"] = str(data["period"])
    if "exclude_psa_products" in data:
        kwargs["exclude_psa_products"] = tuple(str(x) for x in data["exclude_psa_products"])
    return Settings(**kwargs)


def load_settings_file(path: str | Path) -> Settings:
    """Read a ``.json`` or ``.toml`` mapping/settings file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise SettingsError(f"Mapping file {path}: cannot be read ({error.strerror}).") from None
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
    return settings_from_dict(data)
