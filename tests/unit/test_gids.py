"""Issue 16: ``domain.gids.uuid5`` computes the version-5 UUID by hand (an import makes one per
entry and tag link); it must stay exactly what the standard library's ``uuid.uuid5`` gives, for
every name, or two computers' rows would stop meeting."""

from __future__ import annotations

import uuid

from hypothesis import given, strategies as st

from caregiver_app.domain import gids


@given(st.text())
def test_uuid5_is_the_standard_librarys(name):
    assert gids.uuid5(name) == str(uuid.uuid5(gids.NAMESPACE, gids.normalise(name)))


def test_uuid5_of_known_names():
    for name in ("tag:activity:walk", "symptom:headache", "Straße  Café \U0001F33B", "", "entry:x:Daylio|2020-07-24"):
        made = gids.uuid5(name)
        assert made == str(uuid.uuid5(gids.NAMESPACE, gids.normalise(name)))
        assert uuid.UUID(made).version == 5 and made == made.lower()


def test_uuid5_sets_the_variant_for_every_digit_the_hash_has_there():
    """The variant is set from a lookup on the hash's 17th hex digit: every one of its 16 values
    gives the standard library's answer."""
    seen = {}
    for i in range(2000):
        name = f"entry_tag:{i}"
        digest = __import__("hashlib").sha1(gids.NAMESPACE.bytes + gids.normalise(name).encode()).hexdigest()
        seen.setdefault(digest[16], name)
    assert len(seen) == 16
    for name in seen.values():
        assert gids.uuid5(name) == str(uuid.uuid5(gids.NAMESPACE, gids.normalise(name)))
