"""attack-import4: defects found by attacking imports into a real vault."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from caregiver_app.domain.model import SymptomRating, Tag, TagKind
from caregiver_app.services import import_any, journal
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.vault import session_of
from caregiver_app.storage.rows.journal import TagRow
from sqlalchemy import text

NFC = unicodedata.normalize("NFC", "Café")
NFD = unicodedata.normalize("NFD", "Café")
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def _import(vault, person, text: str):
    return import_any.import_file(vault, text.encode("utf-8"), person.display_name, kind="daylio", back_up=False)


def test_a_tag_in_another_unicode_form_is_the_same_tag(vault, person):
    """The same word written with a precomposed é (typed on most keyboards) and with e plus a
    combining accent (files from a Mac, some phones) looks the same to the user: one tag."""
    _import(vault, person, HEADER
            + f'2026-11-02,November 2,Monday,09:00,good,"{NFC} | walk","",one\n'
            + f'2026-11-03,November 3,Tuesday,09:00,good,"{NFD} | Walk","",two\n')
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 4, 9, 0), note="three",
                                         tags=(Tag(NFD.lower(), TagKind.ACTIVITY),)))
    names = [t.name for t in journal.tag_choices(vault)]
    assert len(names) == 2, [ascii(n) for n in names]
    assert NFC in names  # kept in the composed form whatever the file brought
    assert [e.tags[0].name for e in journal.recent_entries(vault, person.id)] == [NFC, NFC, NFC]


def test_old_tags_in_two_unicode_forms_are_merged(vault, person):
    with session_of(vault) as s:  # as an import before this fix left them
        s.add_all([TagRow(name=NFC, kind="activity"), TagRow(name=NFD, kind="activity")])
    assert [len(g) for g in journal.tag_spelling_groups(vault)] == [2]
    assert journal.merge_tag_spellings(vault) == 1
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 4, 9, 0), note="x",
                                         tags=(Tag(NFD, TagKind.ACTIVITY),)))
    assert [t.name for t in journal.tag_choices(vault)] == [NFC]


def test_a_symptom_in_another_unicode_form_is_the_same_symptom(vault, person):
    """A Bearable file (or a typed entry) naming one symptom with a composed and a decomposed á."""
    nfc, nfd = unicodedata.normalize("NFC", "Náusea"), unicodedata.normalize("NFD", "Náusea")
    data = "\n".join([
        "date,weekday,time of day,category,rating/amount,detail,notes",
        '"22nd Sep 2020","Tue","10:00","Mood","6","","one"',
        f'"22nd Sep 2020","Tue","am","Symptom","2","{nfc} (Moderate)",""',
        '"23rd Sep 2020","Wed","10:00","Mood","4","","two"',
        f'"23rd Sep 2020","Wed","am","Symptom","3","{nfd} (Severe)",""'])
    import_any.import_file(vault, data.encode("utf-8"), person.display_name, kind="bearable", back_up=False)
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 4, 9, 0), note="three",
                                         symptoms=(SymptomRating(nfd, 4),)))
    assert [ascii(n) for n in journal.symptom_choices(vault) if unicodedata.normalize("NFC", n) == nfc] == [ascii(nfc)]
    assert {e.symptoms[0].symptom for e in journal.recent_entries(vault, person.id)} == {nfc}


def test_a_direction_override_in_an_activity_does_not_turn_the_other_tags_backwards(vault, person):
    """U+202E (right-to-left override) left open in one activity name reversed every tag listed
    after it on the same line (preview, journal list, CSV, PDF). Hebrew and Arabic are untouched."""
    text = HEADER + '2026-11-02,November 2,Monday,09:00,good,"\u202eevil | zero | \u202e | שינה","",one\n'
    preview = import_any.preview(text.encode("utf-8"), "daylio")
    assert preview.first_rows[0].tags == ("evil", "zero", "שינה")
    _import(vault, person, text)
    assert [t.name for t in journal.recent_entries(vault, person.id)[0].tags] == ["evil", "zero", "שינה"]


def test_a_person_named_in_another_unicode_form_is_the_same_person(vault):
    """`--person José` typed on one computer (é composed) and pasted from a Mac's file (e and a
    combining accent) made two people called José in one vault, each with half the journal."""
    from caregiver_app.services import people

    composed, decomposed = unicodedata.normalize("NFC", "José"), unicodedata.normalize("NFD", "José")
    first = import_any.import_file(vault, (HEADER + "2026-11-02,November 2,Monday,09:00,good,walk,,one\n").encode(),
                                   composed, kind="daylio", back_up=False)
    second = import_any.import_file(vault, (HEADER + "2026-11-03,November 3,Tuesday,09:00,good,walk,,two\n").encode(),
                                    decomposed, kind="daylio", back_up=False)
    assert second.person_id == first.person_id and not second.person_added
    assert [p.display_name for p in people.list_people(vault)] == [composed]
    assert people.find_person(vault, decomposed).id == first.person_id


def test_an_import_keeps_the_spelling_written_first_as_saving_one_by_one_does(vault, person, tmp_path):
    """A Daylio file is newest first: its older row says "walk", its newer row "Walk". Saved one
    by one, oldest first, the tag is "walk"; the import made "Walk" (the alphabetically first), so
    the two ways gave different tags and family-sync ids for the same journal."""
    from caregiver_app.services.vault_open import create_vault
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services import people
    from caregiver_app.storage.repos import journal as repo
    from support import PASSPHRASE

    _import(vault, person, HEADER + "2026-11-03,November 3,Tuesday,09:00,good,Walk,,newer\n"
            + "2026-11-02,November 2,Monday,09:00,good,walk,,older\n")
    other = create_vault(VaultPaths(tmp_path / "typed"), PASSPHRASE).vault
    try:
        typed = people.add_person(other, person.display_name)
        for day, name in ((2, "walk"), (3, "Walk")):
            journal.save_entry(other, EntryDraft(typed.id, datetime(2026, 11, day, 9, 0), note="x",
                                                 tags=(Tag(name, TagKind.ACTIVITY),)))
        assert [t.name for t in journal.tag_choices(other)] == ["walk"]
        assert [t.name for t in journal.tag_choices(vault)] == ["walk"]
        with session_of(vault) as s, session_of(other) as t:
            gid = "SELECT gid FROM tag"
            assert s.execute(text(gid)).scalar() == t.execute(text(gid)).scalar()
        with session_of(other) as s:  # one entry naming both: the first typed is kept
            assert repo.tag_ids(s, [Tag("Run"), Tag("run")]) == {("Run", "activity"): 2, ("run", "activity"): 2}
    finally:
        other.close()
