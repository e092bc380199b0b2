"""Constants shared by the benchmarks."""

from datetime import date

END = date(2026, 11, 30)
PASS = "benchmark passphrase long"


def paired(ours, floor, rounds: int) -> dict[str, float]:
    """Run ``ours()`` and ``floor()`` alternately ``rounds`` times each (the order swaps every
    round, so neither always runs on a warmer machine). Each returns the seconds it measured.
    Returns the medians, the median of the per-round ratios and the ratios' spread."""
    import statistics

    mine, base, ratios = [], [], []
    for i in range(rounds):
        if i % 2:
            b, m = floor(), ours()
        else:
            m, b = ours(), floor()
        mine.append(m)
        base.append(b)
        ratios.append(m / b)
    return {"ours": statistics.median(mine), "floor": statistics.median(base), "ratio": statistics.median(ratios),
            "low": min(ratios), "high": max(ratios)}


def report(name: str, figures: dict[str, float]) -> str:
    """One line for the bench output: ``name: 1.23 s vs floor 0.80 s = 1.54x (1.40-1.70)``."""
    return (f"{name}: {figures['ours']:.3f} s vs floor {figures['floor']:.3f} s = {figures['ratio']:.2f}x "
            f"(spread {figures['low']:.2f}-{figures['high']:.2f})")
