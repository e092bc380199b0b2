"""Issue 16: the command-line visit summary of ten years (the whole history chosen) beside its
floor, a bare reportlab script drawing the same rows in 40-row tables (``reportlab_floor.py``)
after one Argon2id derivation with the vault's parameters.

Both run as fresh processes, paired and alternating (the order swaps every round, so neither
always meets a warmer machine), five rounds. Printed: the medians of the wall-clock time and of
the CPU time (user + system, steadier on a busy machine), the median of the per-round ratios and
their spread, and each process's peak memory (its resident-set high-water mark, ``VmHWM``, see
``peak_memory.py``) beside the floor's. The command's own run includes what the floor does not do:
starting the app's modules, reading and decrypting the journal and the summary's rules.

The key: issue 16 names the floor "a reportlab table of the same rows"; the command cannot skip
the Argon2id derivation (64 MiB) that opens the vault, and the CLI import's floor counts one,
so this floor derives one key with the same parameters too. Also printed: the ratio to the bare
table alone (the floor's time less its derivation), the figure of the first round of this work.
Targets: time <= 1.3x the floor, peak memory <= 200 MB.

They measure; they never fail on time. Run:
``python -m pytest tests/bench/test_bench_summary_cli.py --benchmark-only -s``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from bench_support import END, PASS
from pypdf import PdfReader

from caregiver_app.security import kdf
from caregiver_app.services.summary import SummaryRequest, build_summary
from caregiver_app.services.vault_open import unlock_with_passphrase

FLOOR = Path(__file__).with_name("reportlab_floor.py")
PEAK = Path(__file__).with_name("peak_memory.py")
FONT = Path(__file__).parents[2] / "caregiver_app" / "reports" / "fonts" / "DejaVuSans.ttf"
START = END - timedelta(days=3650)
ROUNDS = 5


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "LC_", "LANG"))}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="America/New_York", LANG="en_US.UTF-8")
    return env


def _run(command: list[str], stdin: str = "") -> dict[str, float]:
    """Run ``command`` (arguments for ``python``) in a fresh process: its wall time and CPU time
    (s) and its peak memory (MB, see ``peak_memory.py``). It runs in this folder, so
    ``PYTHONPATH`` may point the app at another checkout (a before and after on one machine)."""
    with tempfile.TemporaryDirectory() as folder:
        peak = Path(folder) / "peak"
        out, err = Path(folder) / "out", Path(folder) / "err"
        with out.open("w") as out_fh, err.open("w") as err_fh:
            start = time.perf_counter()
            process = subprocess.Popen([sys.executable, str(PEAK), str(peak), *command], stdin=subprocess.PIPE,
                                       stdout=out_fh, stderr=err_fh, text=True, env=_env(), cwd=FLOOR.parent)
            process.stdin.write(stdin)
            process.stdin.close()
            _pid, status, usage = os.wait4(process.pid, 0)  # the child's own CPU time
            wall = time.perf_counter() - start
        assert os.waitstatus_to_exitcode(status) == 0, err.read_text()
        return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": int(peak.read_text()) / 1024,
                "out": out.read_text()}


def _rows(paths, person_id: int, path: Path) -> int:
    """Write the rows the floor draws: one per entry of the summary, as the summary words them."""
    from caregiver_app.reports.layout import format_date, format_time
    from caregiver_app.reports.summary_appendix import measures

    vault = unlock_with_passphrase(paths, PASS)
    try:
        data = build_summary(vault, SummaryRequest(person_id, START, END), zone_name="America/New_York")
    finally:
        vault.close()
    rows = [[f"{format_date(e.local_date, weekday=True)}, {format_time(e.local_time)}", e.recorded_by,
             " · ".join(measures(e)),
             ", ".join([f"{r.symptom} {r.severity}/10" for r in e.symptoms] + list(e.tags) + list(e.stressors)),
             e.note] for e in data.entries]
    path.write_text(json.dumps(rows), encoding="utf-8")
    return len(rows)


def _summary(figures: list[dict[str, float]], key: str) -> float:
    return statistics.median(f[key] for f in figures)


@pytest.mark.timeout(1200)  # ten paired runs of several seconds each on a busy machine
def test_cli_ten_year_summary_beside_a_bare_reportlab_table(benchmark, ten_year_vault, tmp_path):
    paths, person_id, count = ten_year_vault
    rows = tmp_path / "rows.json"
    assert _rows(paths, person_id, rows) > count * 0.9
    ours_pdf, floor_pdf = tmp_path / "summary.pdf", tmp_path / "floor.pdf"
    command = ["-m", "caregiver_app", "--data-dir", str(paths.folder), "summary",
               "--person-number", str(person_id), "--from", START.isoformat(), "--to", END.isoformat(),
               "-o", str(ours_pdf), "--paper", "letter", "--passphrase-stdin"]
    params = kdf.RFC9106_SECOND  # the fixture's vault was made with these
    floor_command = [str(FLOOR), str(rows), str(floor_pdf), str(FONT),
                     str(params.iterations), str(params.memory_kib), str(params.lanes)]

    def rounds() -> tuple[list, list]:
        ours, floor = [], []
        for index in range(ROUNDS):
            if index % 2:
                floor.append(_run(floor_command, PASS + "\n"))
                ours.append(_run(command, PASS + "\n"))
            else:
                ours.append(_run(command, PASS + "\n"))
                floor.append(_run(floor_command, PASS + "\n"))
        return ours, floor

    ours, floor = benchmark.pedantic(rounds, rounds=1, iterations=1)
    assert "Saved the visit summary" in ours[0]["out"]
    pages = len(PdfReader(ours_pdf).pages)
    lines = [f"\nCLI summary of ten years ({count} entries, {pages} pages) beside a bare reportlab table of the same "
             f"rows ({len(PdfReader(floor_pdf).pages)} pages), {ROUNDS} paired rounds:"]
    for key, unit in (("wall", "s"), ("cpu", "s CPU"), ("rss", "MB peak")):
        ratios = [o[key] / f[key] for o, f in zip(ours, floor)]
        lines.append(f"  {key}: {_summary(ours, key):.2f} {unit} vs floor {_summary(floor, key):.2f} {unit} = "
                     f"{statistics.median(ratios):.2f}x (spread {min(ratios):.2f}-{max(ratios):.2f})")
        benchmark.extra_info[key] = {"ours": _summary(ours, key), "floor": _summary(floor, key),
                                     "ratio": statistics.median(ratios), "low": min(ratios), "high": max(ratios)}
    for key in ("wall", "cpu"):
        keys = [json.loads(f["out"])[f"key_{key}"] for f in floor]
        ratios = [o[key] / (f[key] - k) for o, f, k in zip(ours, floor, keys)]
        lines.append(f"  {key} beside the bare table alone (the floor less its key, {statistics.median(keys):.2f} s): "
                     f"{statistics.median(ratios):.2f}x (spread {min(ratios):.2f}-{max(ratios):.2f})")
        benchmark.extra_info[f"{key}_without_key"] = {"ratio": statistics.median(ratios), "low": min(ratios),
                                                      "high": max(ratios), "key": statistics.median(keys)}
    print("\n".join(lines))
