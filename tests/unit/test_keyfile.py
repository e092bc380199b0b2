"""Key file format, recovery codes and passphrase rules."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caregiver_app.security import keyfile as kf
from caregiver_app.security.errors import KeyFileError, RecoveryCodeTypoError, WrongSecretError
from caregiver_app.security.passphrase import passphrase_problem, strength_hint
from caregiver_app.security.recovery import new_recovery_code, normalize_recovery_code


def test_recovery_code_shape_and_lookalikes():
    code = new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    body = normalize_recovery_code(code)
    assert len(body) == 17
    # Reading it back forgives case, spaces, and digits typed for look-alike letters.
    sloppy = code.lower().replace("-", "  ").replace("o", "0").replace("i", "1").replace("b", "8")
    assert normalize_recovery_code(sloppy) == body


def test_every_single_character_typo_is_caught_before_key_derivation():
    code = new_recovery_code().replace("-", "")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    for position in range(len(code)):
        wrong = alphabet[(alphabet.index(code[position]) + 1) % 32]
        with pytest.raises(RecoveryCodeTypoError):
            normalize_recovery_code(code[:position] + wrong + code[position + 1 :])


def test_round_trip_and_tampering():
    made = kf.create_keys("a long enough passphrase")
    parsed = kf.loads(kf.dumps(made.keyfile))
    assert parsed == made.keyfile
    assert kf.unwrap_with_passphrase(parsed, "a long enough passphrase") == made.data_key
    # Lowering the slot's cost parameters breaks its associated data: refused, not weakened.
    doc = json.loads(kf.dumps(made.keyfile))
    slot = next(s for s in doc["slots"] if s["type"] == "passphrase")
    slot["kdf"]["iterations"] += 1
    tampered = kf.loads(json.dumps(doc).encode())
    with pytest.raises(WrongSecretError):
        kf.unwrap_with_passphrase(tampered, "a long enough passphrase")


def test_passphrase_is_unicode_normalised():
    made = kf.create_keys("caf\u00e9 au lait please")
    assert kf.unwrap_with_passphrase(made.keyfile, "cafe\u0301 au lait please") == made.data_key


def test_new_recovery_code_replaces_the_old_one():
    made = kf.create_keys("a long enough passphrase")
    newer, code = kf.replace_recovery_code(made.keyfile, made.data_key)
    assert kf.unwrap_with_recovery_code(newer, code) == made.data_key
    with pytest.raises(WrongSecretError):
        kf.unwrap_with_recovery_code(newer, made.recovery_code)


def test_newer_format_is_reported_plainly():
    doc = json.loads(kf.dumps(kf.create_keys("a long enough passphrase").keyfile))
    doc["version"] = 7
    with pytest.raises(KeyFileError, match="newer version"):
        kf.loads(json.dumps(doc).encode())


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_reader_never_crashes_on_bytes(data):
    try:
        kf.loads(data)
    except KeyFileError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=40),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
                    max_leaves=30))
def test_reader_never_crashes_on_json_shapes(value):
    base = json.loads(kf.dumps(kf.create_keys("a long enough passphrase").keyfile))
    for key in ("slots", "vault_id", "generation", "key_check", "remember_on_device", "version"):
        doc = dict(base)
        doc[key] = value
        try:
            kf.loads(json.dumps(doc).encode())
        except KeyFileError:
            pass


def test_passphrase_rules_and_hint():
    assert "at least 10" in passphrase_problem("short")
    assert "not the same" in passphrase_problem("long enough phrase", "long enough phrasE")
    assert passphrase_problem("long enough phrase", "long enough phrase") is None
    for guessable in ("aaaaaaaaaa", "1234567890"):
        assert "easy to guess" in passphrase_problem(guessable)
        assert not strength_hint(guessable).acceptable
    weak, strong = strength_hint("password12"), strength_hint("violet tractor quietly sings")
    assert weak.score < strong.score and strong.acceptable
    assert not strength_hint("short").acceptable
