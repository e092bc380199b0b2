"""Key-derivation settings that ask for gigabytes are refused before anything is derived, in a
vault file being imported and in the vault's own key file (issue 10, item 14)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from support import PASSPHRASE

from caregiver_app import cli
from caregiver_app.security import kdf
from caregiver_app.security.keyfile import dumps, read_keyfile
from caregiver_app.services import transfer
from caregiver_app.services import vault as vs
from caregiver_app.services import vault_open

GREEDY = [kdf.Argon2Params(1, 4 * 1024 * 1024, 1), kdf.Argon2Params(100, 512 * 1024, 1), kdf.Argon2Params(3, 65536, 64)]


def _greedy_keyfile_bytes(paths, params) -> bytes:
    kf = read_keyfile(paths.keyfile)
    slots = tuple(replace(s, params=params) if s.kind == "passphrase" else s for s in kf.slots)
    return dumps(replace(kf, slots=slots))


@pytest.fixture
def no_derivation(monkeypatch):
    def refuse(**kwargs):
        raise AssertionError(f"derived with {kwargs.get('memory_cost')} KiB")

    monkeypatch.setattr(kdf, "Argon2id", refuse)


@pytest.mark.parametrize("params", GREEDY)
def test_a_greedy_vault_file_is_refused_before_deriving(vault, tmp_path, no_derivation, params):
    result = transfer.export_vault(vault, tmp_path / "moving")
    greedy = tmp_path / "greedy.ccvault"
    with zipfile.ZipFile(result.path) as src, zipfile.ZipFile(greedy, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, _greedy_keyfile_bytes(vault.paths, params) if name == "vault.keys" else data)
    target = vs.VaultPaths(tmp_path / "elsewhere")
    with pytest.raises(vs.KdfTooCostlyError) as caught:
        transfer.open_vault_file(target, greedy, passphrase=PASSPHRASE)
    assert "recovery code" in str(caught.value)
    assert not target.folder.exists() or not any(target.folder.iterdir())
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(target.folder), "import-vault", str(greedy), "--passphrase-stdin"],
                    stdin=io.StringIO(PASSPHRASE + "\n"), out=out, err=err)
    assert code == cli.EXIT_CANNOT_UNLOCK
    assert "more memory" in err.getvalue() and "Traceback" not in err.getvalue()


def test_a_greedy_key_file_is_refused_and_the_recovery_code_still_opens(vault_paths, monkeypatch):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    created.vault.close()
    greedy = _greedy_keyfile_bytes(vault_paths, GREEDY[0])
    vault_paths.keyfile.write_bytes(greedy)
    vault_paths.keyfile.with_name("vault.keys.prev").write_bytes(greedy)

    def refuse(**kwargs):
        raise AssertionError("derived")

    monkeypatch.setattr(kdf, "Argon2id", refuse)
    with pytest.raises(vs.KdfTooCostlyError):
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    vault_open.unlock_with_recovery_code(vault_paths, created.recovery_code).close()


def test_the_default_settings_are_well_inside_the_bounds():
    kdf.check_affordable(kdf.RFC9106_SECOND)
    assert kdf.memory_limit_kib() >= 64 * 1024
