"""Benchmarks: a deterministic corpus generator and the `make bench` driver."""
