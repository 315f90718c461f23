"""The sample audit: realistic exports with known, seeded leakage (CLI, bench and tests)."""
