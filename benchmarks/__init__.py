"""Benchmarks and the synthetic corpus generator (run as scripts)."""
