"""Constants shared by the benchmarks."""

from datetime import date

END = date(2026, 11, 30)
PASS = "benchmark passphrase long"
