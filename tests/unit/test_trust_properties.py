"""Property-based tests (hypothesis) for the vault's safety: the key file round-trips, recovery
codes forgive formatting, backup names and the keep-7-daily-4-weekly plan hold their promises,
the vault-file reader never crashes, and user text survives the PDF text path."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from caregiver_app.reports.fonts import register_fonts
from caregiver_app.reports.text import markup
from caregiver_app.security import keyfile as kf
from caregiver_app.security.kdf import Argon2Params
from caregiver_app.security.recovery import new_recovery_code, normalize_recovery_code
from caregiver_app.storage import backup as store
from caregiver_app.storage.vault_file import VaultFileError, read_vault_file


def raw(n: int):
    return st.binary(min_size=n, max_size=n)


slots = st.builds(
    lambda kind, salt, nonce, wrapped, it, mem, lanes: kf.Slot(
        kind, kind, salt, nonce, wrapped, Argon2Params(it, mem, lanes) if kind == "passphrase" else None),
    st.sampled_from(["passphrase", "recovery"]), raw(16), raw(12), raw(48),
    st.integers(1, 100), st.integers(8, 4 * 1024 * 1024), st.integers(1, 64),
)
keyfiles = st.builds(
    lambda vid, gen, check, chosen, remember: kf.KeyFile(vid, gen, check, tuple({s.kind: s for s in chosen}.values()),
                                                         remember),
    raw(16), st.integers(1, 2**40), raw(16), st.lists(slots, min_size=1, max_size=3), st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(keyfiles)
def test_key_file_round_trips(keyfile):
    assert kf.loads(kf.dumps(keyfile)) == keyfile


@settings(max_examples=100, deadline=None)
@given(keyfiles, st.integers(0, 2000), st.integers(0, 255))
def test_any_single_byte_change_is_refused_or_harmless(keyfile, where, value):
    data = bytearray(kf.dumps(keyfile))
    data[where % len(data)] = value
    try:
        parsed = kf.loads(bytes(data))
    except kf.KeyFileError:
        return
    # Accepted only when still well-formed; a changed slot then fails its AES-GCM check on use.
    assert isinstance(parsed, kf.KeyFile)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_recovery_codes_forgive_case_spaces_and_dashes(data):
    code = new_recovery_code()
    body = normalize_recovery_code(code)
    chars = code.replace("-", "")
    sloppy = "".join(
        data.draw(st.sampled_from(["", " ", "-", "  ", "\t"])) + (c.lower() if data.draw(st.booleans()) else c)
        for c in chars
    )
    assert normalize_recovery_code(sloppy) == body


instants = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31),
                        timezones=st.just(timezone.utc)).map(lambda d: d.replace(microsecond=0))


@settings(max_examples=200, deadline=None)
@given(instants, st.sampled_from(store.REASONS + ("future-kind",)), st.integers(1, 50))
def test_backup_names_round_trip(when, reason, n):
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    name = f"vault-{stamp}-{reason}.db" if n == 1 else f"vault-{stamp}-{reason}.{n}.db"
    parsed = store.parse_name(Path("/x") / name)
    assert parsed is not None and parsed.made_at == when and parsed.reason == reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 24 * 120), st.sampled_from(store.REASONS + ("future-kind",))),
                max_size=80, unique_by=lambda t: t))
def test_the_keep_plan_keeps_its_promises(items):
    base = datetime(2026, 11, 30, tzinfo=timezone.utc)
    found = [store.BackupFile(Path(f"/b/{i}-{r}.db"), base - timedelta(hours=h), r) for i, (h, r) in enumerate(items)]
    removed = store.prune_plan(found)
    kept = [b for b in found if b not in removed]
    auto = sorted((b for b in found if b.reason == store.AUTOMATIC), key=lambda b: b.made_at, reverse=True)
    kept_auto = [b for b in kept if b.reason == store.AUTOMATIC]
    if auto:
        assert auto[0] in kept  # the newest automatic backup always stays
        newest_days = sorted({b.made_at.date() for b in auto}, reverse=True)[: store.KEEP_DAILY]
        for day in newest_days:  # one for each of the 7 newest days that have any
            assert any(b.made_at.date() == day for b in kept_auto)
    assert len(kept_auto) <= store.KEEP_DAILY + store.KEEP_WEEKLY
    assert all(b in kept for b in found if b.reason == "future-kind")  # unknown kinds are never removed
    manual = sorted((b for b in found if b.reason == store.MANUAL), key=lambda b: b.made_at, reverse=True)
    assert set(manual[: store.KEEP_MANUAL]) == {b for b in kept if b.reason == store.MANUAL}  # the newest 10
    assert store.prune_plan(kept) == []  # pruning again removes nothing more


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_vault_file_reader_never_crashes_on_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("vf") / "any.ccvault"
    path.write_bytes(data)
    try:
        read_vault_file(path)
    except VaultFileError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["manifest.json", "vault.keys", "vault.db", "other"]),
                       st.one_of(st.binary(max_size=300),
                                 st.builds(lambda d: json.dumps(d).encode(),
                                           st.dictionaries(st.sampled_from(["format", "version", "made_at"]),
                                                           st.one_of(st.integers(), st.text(max_size=30),
                                                                     st.just("caregiver-companion-vault-file")))))))
def test_vault_file_reader_never_crashes_on_archives(tmp_path_factory, members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path = tmp_path_factory.mktemp("vf") / "zip.ccvault"
    path.write_bytes(buffer.getvalue())
    try:
        contents = read_vault_file(path)
    except VaultFileError:
        return
    assert contents.manifest["format"] == "caregiver-companion-vault-file"


# The PDF text path: what a user typed goes through clean_text/markup into a Paragraph with the
# report font, and comes back out of the PDF with pypdf as the same words.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèüößçñåøαβγδεζηθλμπσωΑΒΓΔЖЗИЙКЛМНОПРСТждзийклмнопрст0123456789"
words = st.text(alphabet=LETTERS, min_size=1, max_size=12)
punctuation = st.sampled_from(["", ",", ".", "!", "?", ":", ";", "&", "<", ">", '"', "'", "(", ")"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(words, punctuation), min_size=1, max_size=40))
def test_text_round_trips_through_the_pdf(pieces):
    fonts = register_fonts()
    text = " ".join(w + p for w, p in pieces)
    style = ParagraphStyle("t", fontName=fonts.regular, fontSize=10, leading=13)
    out = io.BytesIO()
    SimpleDocTemplate(out).build([Paragraph(markup(text), style)])
    extracted = " ".join("".join(page.extract_text() or "" for page in PdfReader(out).pages).split())
    assert extracted == " ".join(text.split())
