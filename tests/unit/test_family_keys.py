"""The family's sealed files (issue 20): a batch opens only where and as it was written; the
invitation code catches typos and unwraps the family keys; a key hand-over opens only for its
recipient."""

from __future__ import annotations

import pytest

from caregiver_app.security import family_keys as fk

FAMILY = "f" * 32
A, B = "a" * 32, "b" * 32


@pytest.fixture
def keys():
    return fk.DeviceKeys.new()


def batch(keys, *, seq=3, device=A, family=FAMILY, generation=0, key=b"k" * 32, payload=b'{"changes": []}'):
    return fk.seal_batch(payload, family_id=family, device_id=device, seq=seq, generation=generation,
                         family_key=key, keys=keys)


def open_as(data, keys, *, seq=3, device=A, family_keys=None):
    return fk.open_batch(data, family_id=FAMILY, device_id=device, seq=seq,
                         family_keys=family_keys or {0: b"k" * 32}, sign_public=keys.sign_public)


def refused(data, keys, **where) -> str:
    with pytest.raises(fk.SealedFileError) as caught:
        open_as(data, keys, **where)
    assert "trusted" in str(caught.value)
    return caught.value.reason


def test_a_batch_opens_where_it_was_written(keys):
    assert open_as(batch(keys), keys) == (0, b'{"changes": []}')


def test_a_batch_moved_renumbered_or_from_another_family_is_refused(keys):
    data = batch(keys)
    assert refused(data, keys, seq=4) == "swapped"  # renamed to another number (a replay under a new name)
    assert refused(data, keys, device=B) == "swapped"  # put in another computer's folder
    assert refused(batch(keys, family="e" * 32), keys) == "swapped"


def test_every_flipped_byte_and_every_cut_is_refused(keys):
    data = batch(keys, payload=b"x" * 200)
    for at in range(0, len(data), 7):
        damaged = bytearray(data)
        damaged[at] ^= 0x40
        assert refused(bytes(damaged), keys) in {"damaged", "unauthentic", "swapped", "unknown-key"}
    for cut in (0, 5, len(data) // 2, len(data) - 1):
        assert refused(data[:cut], keys) in {"damaged", "unauthentic"}


def test_a_batch_signed_by_another_key_or_sealed_with_an_unknown_generation_is_refused(keys):
    other = fk.DeviceKeys.new()
    assert refused(batch(other), keys) == "unauthentic"  # someone else wrote into this computer's folder
    assert refused(batch(keys, generation=1), keys) == "unknown-key"
    assert refused(batch(keys, key=b"z" * 32), keys) == "unauthentic"


def test_the_header_cannot_be_rewritten_without_breaking_the_seal(keys):
    # An attacker with the family key but not the device's signing key re-signs nothing; one with
    # the signing key but changing the header breaks the AEAD (the header is its associated data).
    data = batch(keys)
    forged = data.replace(b'"seq":3', b'"seq":4')
    body = forged[:-fk.SIG_BYTES]
    assert refused(body + keys.sign(body), keys, seq=4) == "unauthentic"


def test_the_invitation_code_catches_typos_and_opens_only_its_own_file():
    code, secret = fk.new_invitation_code()
    assert len(code.split("-")) == 8 and all(len(g) == 4 for g in code.split("-"))
    assert fk.invitation_secret(code.lower().replace("-", " ")) == secret
    typo = ("A" if code[0] != "A" else "B") + code[1:]
    with pytest.raises(fk.InvitationError, match="typo"):
        fk.invitation_secret(typo)
    with pytest.raises(fk.InvitationError, match="length"):
        fk.invitation_secret(code[:-2])
    sealed = fk.seal_invitation(secret, {"family": FAMILY, "keys": {"0": fk.b64(b"k" * 32)}})
    assert fk.open_invitation(secret, sealed)["family"] == FAMILY
    _other_code, other = fk.new_invitation_code()
    with pytest.raises(fk.InvitationError, match="does not open"):
        fk.open_invitation(other, sealed)
    assert b"k" * 32 not in sealed and fk.b64(b"k" * 32).encode() not in sealed


def test_a_recovery_code_is_not_an_invitation():
    from caregiver_app.security.recovery import new_recovery_code

    with pytest.raises(fk.InvitationError):
        fk.invitation_secret(new_recovery_code())


def test_a_new_family_key_opens_only_for_its_recipient(keys):
    other = fk.DeviceKeys.new()
    sealed = fk.seal_to(keys.box_public, b"n" * 32, b"family:1:" + A.encode())
    assert fk.open_sealed_to_me(keys.box_private, sealed, b"family:1:" + A.encode()) == b"n" * 32
    with pytest.raises(fk.SealedFileError):
        fk.open_sealed_to_me(other.box_private, sealed, b"family:1:" + A.encode())
    with pytest.raises(fk.SealedFileError):
        fk.open_sealed_to_me(keys.box_private, sealed, b"family:1:" + B.encode())  # readdressed


def test_a_key_hand_over_must_be_signed_by_the_computer_that_made_it(keys):
    notice = {"family": FAMILY, "generation": 1, "removed": [B]}
    data = fk.seal_rekey(notice, keys=keys)
    assert fk.open_rekey(data, sign_public=keys.sign_public, family_id=FAMILY) == notice
    with pytest.raises(fk.SealedFileError):
        fk.open_rekey(data, sign_public=fk.DeviceKeys.new().sign_public, family_id=FAMILY)
    with pytest.raises(fk.SealedFileError):
        fk.open_rekey(data.replace(b'"generation":1', b'"generation":2'), sign_public=keys.sign_public,
                      family_id=FAMILY)


def test_a_device_card_opens_only_as_its_own_computers(keys):
    card = {"device": A, "name": "Kitchen laptop", "sign": fk.b64(keys.sign_public)}
    data = fk.seal_card(card, family_id=FAMILY, device_id=A, generation=0, family_key=b"k" * 32)
    assert fk.open_card(data, family_id=FAMILY, device_id=A, family_keys={0: b"k" * 32}) == card
    assert b"Kitchen" not in data
    with pytest.raises(fk.SealedFileError):
        fk.open_card(data, family_id=FAMILY, device_id=B, family_keys={0: b"k" * 32})
