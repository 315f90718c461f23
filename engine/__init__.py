"""Leakage Finder engine: pure reconciliation of vendor bills against PSA billing."""
