"""Benchmarks and the synthetic corpus they and the tests use; outside the installed package,
run from the repository root (``python -m benchmarks.run``)."""
