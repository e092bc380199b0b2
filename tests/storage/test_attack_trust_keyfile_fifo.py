"""Found by the trust attack: a pipe (FIFO) in place of vault.keys made every command wait
forever, as opening a pipe for reading waits for a writer."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from support import PASSPHRASE

from caregiver_app import cli
from caregiver_app.services.vault_open import create_vault


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_place_of_the_key_file_does_not_hang(vault_paths):
    create_vault(vault_paths, PASSPHRASE).vault.close()
    vault_paths.keyfile.unlink()
    os.mkfifo(vault_paths.keyfile)
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", LC_ALL="C.UTF-8")
    result = subprocess.run([sys.executable, "-m", "caregiver_app", "--data-dir", str(vault_paths.folder),
                             "people", "--passphrase-stdin"], input=(PASSPHRASE + "\n").encode(),
                            capture_output=True, env=env, timeout=60)
    err = result.stderr.decode()
    assert result.returncode == cli.EXIT_OK, err  # the spare copy opened it
    assert "Traceback" not in err
    assert vault_paths.keyfile.is_file()  # the key file was put back as an ordinary file
