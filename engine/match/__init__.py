"""Matching: vendor customers to PSA companies, and both sides' product spellings to one product."""
