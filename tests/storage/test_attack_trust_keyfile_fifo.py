"""Found by the trust attack: a pipe (FIFO) in place of vault.keys made every command wait
forever, as opening a pipe for reading waits for a writer."""

from __future__ import annotations

import os

import pytest
from support import PASSPHRASE, cli_process

from caregiver_app import cli
from caregiver_app.services.vault_open import create_vault


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_place_of_the_key_file_does_not_hang(vault_paths):
    create_vault(vault_paths, PASSPHRASE).vault.close()
    vault_paths.keyfile.unlink()
    os.mkfifo(vault_paths.keyfile)
    result = cli_process(vault_paths.folder, "people", "--passphrase-stdin", input=(PASSPHRASE + "\n").encode())
    err = result.stderr.decode()
    assert result.returncode == cli.EXIT_OK, err  # the spare copy opened it
    assert "Traceback" not in err
    assert vault_paths.keyfile.is_file()  # the key file was put back as an ordinary file
