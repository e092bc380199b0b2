"""A 10,000-contact vCard file: reading it and finding duplicates, beside the floor of a plain
vobject parse of the same file in the same run. They measure; they never fail on time.

Run: ``python -m pytest tests/bench/test_bench_vcards.py --benchmark-only``.
"""

from __future__ import annotations

import pytest
import vobject

from caregiver_app.domain.network import Contact, Phone, PhoneKind, Role
from caregiver_app.importers import vcard
from caregiver_app.services import vcards

COUNT = 10_000
FIRST = ["Ana", "Bo", "Chidi", "Dana", "Eun-ji", "Farah", "Goran", "Hana", "Ivan", "Jürgen", "Kofi", "Lena"]
LAST = ["Ruiz", "Müller", "Okafor", "Kim", "Haddad", "Novak", "Ito", "Silva", "Nowak", "Costa"]


def _file(count: int = COUNT) -> bytes:
    cards = []
    for i in range(count):
        # one in fifty repeats an earlier card's name (a duplicate inside the file)
        n = i - 1 if i % 50 == 49 else i
        name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} {n}"
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"FN:{name}\r\nN:{name.split()[1]};{name.split()[0]};;;\r\n"
            f"TEL;TYPE=CELL:+1 212 555 {i % 10_000:04d}\r\n"
            f"EMAIL:person{i}@example.org\r\nNOTE:Met at the support group\r\nEND:VCARD\r\n"
        )
    return "".join(cards).encode("utf-8")


@pytest.fixture(scope="module")
def big_file() -> bytes:
    return _file()


def test_floor_plain_vobject_parse_10000(benchmark, big_file):
    """The floor: vobject alone reading the same 10,000 cards (no checks, no phone parsing)."""
    text = big_file.decode("utf-8")
    cards = benchmark.pedantic(lambda: list(vobject.readComponents(text)), rounds=3, iterations=1)
    assert len(cards) == COUNT


def test_read_vcards_10000(benchmark, big_file):
    """What the import reads: every card checked, phones parsed, problems collected."""
    result = benchmark.pedantic(lambda: vcard.read_vcards(big_file, 1, "US"), rounds=3, iterations=1)
    assert len(result.cards) == COUNT


def test_find_duplicates_10000_against_1000_kept(benchmark, big_file):
    """The duplicate check alone: 10,000 read cards against 1,000 contacts already kept (was
    every pair compared: about 60 million comparisons, ten minutes)."""
    cards = vcard.read_vcards(big_file, 1, "US").cards
    kept = [Contact(i, 1, f"Kept Person {i}", Role.FRIEND, phones=(Phone(f"+4930{i:07d}", PhoneKind.MOBILE),))
            for i in range(1, 1001)]
    pairs = benchmark.pedantic(lambda: vcards.find_duplicates(kept, cards), rounds=3, iterations=1)
    assert len(pairs) >= COUNT // 50


def test_import_10000_cards_into_a_vault(benchmark, big_file, tmp_path_factory):
    """The whole import after reading: duplicates found again and every card saved in one
    transaction (cards that look like an earlier card are skipped, as without a decision)."""
    from support import PASSPHRASE

    from caregiver_app.services import people
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import create_vault

    cards = vcard.read_vcards(big_file, 1, "US").cards
    rounds = iter(range(100))

    def setup():
        created = create_vault(VaultPaths(tmp_path_factory.mktemp("vc") / f"v{next(rounds)}"), PASSPHRASE)
        return (created.vault, people.add_person(created.vault, "Sam").id), {}

    def run(vault, person_id):
        try:
            return vcards.import_cards(vault, person_id, cards)
        finally:
            vault.close()

    outcome = benchmark.pedantic(run, setup=setup, rounds=2, iterations=1)
    assert outcome.added + outcome.skipped == COUNT
