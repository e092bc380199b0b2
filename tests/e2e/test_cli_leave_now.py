"""A finished command ends its process without the interpreter's teardown (``__main__.leave_now``),
yet keeps everything the normal exit gives: the exit code, every byte of output, the ``atexit``
handlers, and a wait for any non-daemon thread. Real processes, run the way ``caregiver-app`` runs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# A stand-in for the command's leftovers: its finaliser only runs in the interpreter's teardown.
PROBE = """
import atexit, os, sys, threading, time

class Leftover:
    def __del__(self):
        os.write(2, b"torn down\\n")

leftover = Leftover()
atexit.register(lambda: os.write(2, b"atexit ran\\n"))
if os.environ.get("PROBE_CTRL_C"):  # a Ctrl+C as the process ends, after the command finished
    import signal
    atexit.register(lambda: os.kill(os.getpid(), signal.SIGINT))
if os.environ.get("PROBE_THREAD"):
    def late():
        time.sleep(0.3)
        os.write(2, b"thread finished\\n")
    threading.Thread(target=late).start()
sys.argv = ["caregiver-app", *sys.argv[1:]]
from caregiver_app.__main__ import main
sys.exit(main(None if os.environ.get("PROBE_ENTRY") == "script" else sys.argv[1:]))
"""


def _run(tmp_path, *args, entry="script", thread=False, ctrl_c=False):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="C.UTF-8", PROBE_ENTRY=entry, PROBE_THREAD="1" if thread else "",
               PROBE_CTRL_C="1" if ctrl_c else "")
    return subprocess.run([sys.executable, "-c", PROBE, "--data-dir", str(tmp_path / "data"), *args],
                          capture_output=True, text=True, timeout=60, env=env)


@pytest.mark.parametrize("args, code", [(["--help"], 0), (["no-such-command"], 2)])
def test_a_finished_command_skips_the_teardown_and_keeps_its_code_output_and_atexit(tmp_path, args, code):
    fast = _run(tmp_path, *args)
    normal = _run(tmp_path, *args, entry="in-process")  # main(argv): the normal return and exit
    assert fast.returncode == normal.returncode == code
    assert fast.stdout == normal.stdout  # every byte, through a pipe (--help is over 2,000 characters)
    assert len(fast.stdout) > 2000 if code == 0 else "caregiver-app" in fast.stderr
    assert "atexit ran" in fast.stderr and "atexit ran" in normal.stderr
    assert "torn down" in normal.stderr  # the probe can tell the two exits apart
    assert "torn down" not in fast.stderr


def test_a_running_thread_is_waited_for_with_the_normal_exit(tmp_path):
    done = _run(tmp_path, "--help", thread=True)
    assert done.returncode == 0 and done.stdout.startswith("usage: caregiver-app")
    assert "thread finished" in done.stderr and "torn down" in done.stderr



def test_a_ctrl_c_after_the_command_finished_keeps_its_exit_code(tmp_path):
    done = _run(tmp_path, "--help", ctrl_c=True)
    assert done.returncode == 0 and done.stdout.startswith("usage: caregiver-app")
    assert "KeyboardInterrupt" not in done.stderr and "Traceback" not in done.stderr
