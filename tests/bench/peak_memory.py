"""Run a module or a script and write its peak memory (resident set high-water mark, in kB) to a
file when it ends: ``python peak_memory.py OUT.txt -m MODULE ARGS...`` or
``python peak_memory.py OUT.txt SCRIPT.py ARGS...``.

Why not ``wait4``'s ``ru_maxrss``: on Linux a child's figure starts from its parent's size at
the fork, so a small script started by a large test process reports the test's size. The
kernel's ``VmHWM`` of the process's own memory map is counted from ``exec`` on.
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys


def peak_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux; only an upper bound


def main() -> None:
    out, target = sys.argv[1], sys.argv[2:]

    def report() -> None:
        with open(out, "w", encoding="ascii") as fh:
            fh.write(str(peak_kb()))

    atexit.register(report)
    if target[0] == "-m":
        sys.argv = [target[1], *target[2:]]
        runpy.run_module(target[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = target
        runpy.run_path(target[0], run_name="__main__")


if __name__ == "__main__":
    main()
