"""Canary sweep: after a scripted session with a unique marker in every field (create, enter,
search, summary preview and save, backup, lock, unlock, an unsaved draft, crash), the marker — in
UTF-8, UTF-16 and base64 — is in no file anywhere in the session's home, data, config, cache and
temporary folders, nor in its log output or window titles. The only exception is the one export
the user chose (the visit summary PDF), which is meant to hold it — though never in its metadata
or its name. Files are 0600 and folders 0700 in the vault's folder."""

from __future__ import annotations

import base64
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

SCRIPT = Path(__file__).with_name("canary_session.py")


def encodings(marker: str) -> list[bytes]:
    """The marker as UTF-8, UTF-16 (both byte orders) and base64 at all three alignments (the
    inner characters that do not depend on what comes before or after)."""
    raw = marker.encode("utf-8")
    found = [raw, marker.encode("utf-16-le"), marker.encode("utf-16-be")]
    for pad in range(3):
        encoded = base64.b64encode(b"\0" * pad + raw)
        start = (pad * 8 + 5) // 6 + 1
        found.append(encoded[start:start + len(raw) - 3])
    return found


def scan(root: Path, needles: list[bytes], skip: set[Path]) -> list[str]:
    hits = []
    for path in sorted(root.rglob("*")):
        if path in skip or not path.is_file() or path.is_symlink():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for needle in needles:
            if needle in data:
                hits.append(f"{path.relative_to(root)} holds {needle!r}")
    return hits


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(os.name != "posix", reason="POSIX folders and signals")
def test_the_marker_is_found_nowhere_it_should_not_be(tmp_path):
    marker = "QX7" + os.urandom(6).hex().upper() + "CANARY"
    folders = {name: tmp_path / name for name in ("home", "data", "config", "cache", "state", "runtime", "tmp", "exports")}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_"))}
    env.update(
        HOME=str(folders["home"]), XDG_DATA_HOME=str(folders["data"]), XDG_CONFIG_HOME=str(folders["config"]),
        XDG_CACHE_HOME=str(folders["cache"]), XDG_STATE_HOME=str(folders["state"]),
        XDG_RUNTIME_DIR=str(folders["runtime"]), TMPDIR=str(folders["tmp"]), TMP=str(folders["tmp"]),
        TEMP=str(folders["tmp"]), QT_QPA_PLATFORM="offscreen", TZ="America/New_York",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    result = subprocess.run([sys.executable, str(SCRIPT), marker, str(folders["exports"])], capture_output=True,
                            env=env, timeout=240, cwd=folders["home"])
    out = result.stdout.decode("utf-8", "replace")
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == -signal.SIGKILL, err[-3000:]
    for name in ("create", "enter", "search", "preview", "summary", "backup", "lock", "unlock", "crash"):
        assert f"step {name} ok" in out, (name, out[-2000:], err[-2000:])

    needles = encodings(marker)
    pdf = folders["exports"] / "visit-summary.pdf"
    hits = scan(tmp_path, needles, skip={pdf})
    assert not hits, hits
    for stream, text in (("stdout", out), ("stderr", err)):
        for needle in needles:
            assert needle.decode("latin-1") not in text, (stream, needle)
    assert [line for line in out.splitlines() if line.startswith("title ")]

    # The export the user chose: the marker is inside (as printed text) but not in its metadata.
    reader = PdfReader(str(pdf))
    assert marker in "".join(page.extract_text() or "" for page in reader.pages)
    assert marker not in str(reader.metadata)

    # The vault, its backups and settings are private; nothing temporary was left next to them.
    vault_dir = folders["data"] / "CaregiverCompanion"
    assert (vault_dir / "vault.db").exists() and list((vault_dir / "backups").iterdir())
    for path in [vault_dir, *vault_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
        assert not path.name.endswith((".tmp", ".part")), path
    settings_files = list(folders["config"].rglob("settings.json"))
    for path in settings_files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not [p for p in folders["tmp"].rglob("*") if p.is_file()], "temporary files were left behind"
