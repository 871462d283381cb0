"""What the tests and the benchmarks share: the app on a loopback port with Chromium, synthetic data."""
