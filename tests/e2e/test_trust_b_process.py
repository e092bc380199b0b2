"""Issue 10, item 9: the app's process leaves no core dump (it would hold the journal and key)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux process state")

PROBE = textwrap.dedent(
    """
    import ctypes, resource, sys
    import caregiver_app.__main__ as entry
    import caregiver_app.gui.app as gui_app
    gui_app.run = lambda paths, argv: 0  # the window itself is not needed to see the process state
    code = entry.main(sys.argv[1:])
    libc = ctypes.CDLL(None, use_errno=True)
    print(code, resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))
    """
)


@pytest.mark.parametrize("args", [["--version"], ["--data-dir", "nowhere-here"]], ids=["cli", "gui"])
def test_core_dumps_are_off_for_the_cli_and_the_window(args, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.endswith("(0, 0) 0"), last  # core size limit 0 (soft and hard) and not dumpable
