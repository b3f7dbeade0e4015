"""Benchmarks of the checker: `python -m factcheck.bench` (see its --help)."""
