"""Vaults written by older versions of the app still open, upgrade and keep every row.

The files under tests/fixtures/old_vaults/<revision>/ are real vaults stopped at each past schema
revision, with rows in every table (made once by scripts/make_old_vaults.py; the rows are in
tests/old_vaults.py). Each test works on a copy in tmp_path, never on the committed files.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from old_vaults import FILES, FOLDER, PASSPHRASE, REVISIONS, alembic_config, open_engine, rows_missing, unfilled

from caregiver_app.domain.model import Elevation, RecorderKind
from caregiver_app.services import appointments, checkins, drafts, journal, medications, network, people, plans
from caregiver_app.services import scores, search, summary
from caregiver_app.services import vault_open
from caregiver_app.services.vault import VaultPaths, engine_of
from caregiver_app.storage import migrate

LATER = datetime(2026, 12, 1, 12, tzinfo=timezone.utc)


def since(revision: str, first: str) -> bool:
    """True when a vault at ``revision`` (a past one or the head) has what ``first`` added."""
    return revision not in REVISIONS or REVISIONS.index(first) <= REVISIONS.index(revision)


def copy_of(revision: str, tmp_path: Path) -> Path:
    folder = tmp_path / revision
    folder.mkdir()
    for name in FILES:
        shutil.copy2(FOLDER / revision / name, folder / name)
    return folder


def test_every_past_revision_has_its_vault():
    script = ScriptDirectory.from_config(alembic_config())
    past = [rev.revision for rev in script.walk_revisions() if rev.revision != script.get_current_head()]
    assert sorted(past) == list(REVISIONS), (
        "a new migration: add the old head to tests/old_vaults.py (REVISIONS, and rows for what it "
        "added in TABLES / ADDED_COLUMNS), then run scripts/make_old_vaults.py")
    for revision in REVISIONS:
        assert sorted(p.name for p in (FOLDER / revision).iterdir()) == sorted(FILES)


@pytest.mark.parametrize("revision", REVISIONS)
def test_the_old_vault_is_at_its_revision_with_its_rows(revision, tmp_path):
    engine = open_engine(copy_of(revision, tmp_path))
    try:
        assert migrate.current_revision(engine) == revision
        assert rows_missing(engine, revision) == []
        assert unfilled(engine, revision) == []  # a row in every table, a value in every column
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", REVISIONS)
def test_unlocking_upgrades_to_the_head_and_every_row_reads_back(revision, tmp_path):
    paths = VaultPaths(copy_of(revision, tmp_path))
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert len(list(paths.backups.iterdir())) == 1  # the verified copy made before upgrading
        check_through_the_services(vault, revision)
    finally:
        vault.close()
    engine = open_engine(paths.folder)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert rows_missing(engine, revision) == []  # not one value changed on the way up
    finally:
        engine.dispose()
    again = vault_open.unlock_with_passphrase(paths, PASSPHRASE)  # opens again, with nothing left to upgrade
    again.close()
    assert len(list(paths.backups.iterdir())) == 1


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrading_one_revision_at_a_time_keeps_every_row(revision, tmp_path):
    folder = copy_of(revision, tmp_path)
    cfg = alembic_config()
    steps = REVISIONS[REVISIONS.index(revision) + 1:] + (migrate.head_revision(),)
    engine = open_engine(folder)
    try:
        for step in steps:
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, step)
            assert migrate.current_revision(engine) == step
            assert rows_missing(engine, revision) == [], f"after {step}"
            if since(step, "0005_search_drafts"):  # the search index was built for the rows already there
                with engine.connect() as conn:
                    found = conn.exec_driver_sql("SELECT rowid FROM journal_fts WHERE journal_fts MATCH 'lighthouse'")
                    assert [r[0] for r in found] == [1], f"after {step}"
    finally:
        engine.dispose()
    vault = vault_open.unlock_with_passphrase(VaultPaths(folder), PASSPHRASE)
    try:
        assert not (folder / "backups").exists() or not any((folder / "backups").iterdir())  # nothing left to do
        check_through_the_services(vault, revision)
    finally:
        vault.close()


def check_through_the_services(vault, revision: str) -> None:
    """What a vault made at ``revision`` holds, read the way the app reads it."""
    assert [p.display_name for p in people.list_people(vault)] == ["Sam Rivera"]
    assert [p.display_name for p in people.archived_people(vault)] == ["Ana Li"]
    assert people.last_person_id(vault) == 1
    sam = people.get_person(vault, 1)
    assert (sam.birth_date, sam.notes) == (date(1990, 4, 12), "likes the garden")

    own, maria = journal.entries_between(vault, 1, date(2026, 3, 1), date(2026, 3, 31))
    assert (own.note, own.mood, own.anxiety, own.energy, own.sleep_hours, own.flag_for_visit) == (
        "Walked by the lighthouse before breakfast", 4, 3, 6, 7.5, True)
    assert own.occurred_at == datetime(2026, 3, 2, 14, 30, tzinfo=timezone.utc) and own.local_date == date(2026, 3, 2)
    assert [(r.symptom, r.severity) for r in own.symptoms] == [("Trouble falling asleep", 6)]
    assert [t.name for t in own.tags] == ["walk"]
    assert (maria.recorded_by.kind, maria.recorded_by.name, maria.note) == (
        RecorderKind.FAMILY, "Maria", "Quiet evening; the kettle worry again")
    assert [(r.symptom, r.severity) for r in maria.symptoms] == [("Kettle worry", 4)]
    assert [t.name for t in maria.tags] == ["money worries"]
    assert own.zone_name == ("America/New_York" if since(revision, "0005_search_drafts") else "")
    assert maria.mood_label == ("Daylio “meh”" if since(revision, "0006_imported_mood_label") else "")
    assert maria.elevation == (Elevation.MODERATE if since(revision, "0007_summary_second_edition") else None)
    hits = search.search(vault, search.SearchQuery(text="lighthouse")).hits
    assert [h.entry_id for h in hits] == [own.id]
    with engine_of(vault).connect() as conn:  # 0008 built the trigram index for the rows already there
        found = conn.exec_driver_sql("SELECT rowid FROM journal_fts_tri WHERE journal_fts_tri MATCH 'ighthou'")
        assert [r[0] for r in found] == [own.id]
        batches = conn.exec_driver_sql("SELECT count(*), sum(import_batch_id IS NULL) FROM journal_entry").one()
        assert tuple(batches) == (2, 2)  # no entry written before 0008 belongs to an import

    if since(revision, "0002_journal_complete"):
        (sertraline,) = medications.list_medications(vault, 1)
        dose = sertraline.current.dose
        assert (sertraline.name, dose.amount, dose.unit) == ("Sertraline", 50.0, "mg")
        assert [d.status.value for d in medications.doses_for_entry(vault, own.id)] == ["taken"]
        (phq,) = scores.list_scores(vault, 1)
        assert (phq.total, phq.note, phq.taken_on) == (7, "before the visit", date(2026, 3, 1))
        (checkin,) = checkins.recent_caregiver_checkins(vault)
        assert (checkin.caregiver_name, checkin.stress, checkin.needs) == ("Maria", 6, "an afternoon off")
    if since(revision, "0003_warning_signs"):
        sign = plans.get_relapse_plan(vault, 1).early_signs[0]
        assert (sign.text, sign.link_name, sign.min_severity) == ("Up most of the night", "Trouble falling asleep", 5)
        helper = plans.get_safety_plan(vault, 1).helpers[0]
        assert (helper.text, helper.phone) == ("Maria", "+1 212 555 0100")
    if since(revision, "0004_support_network"):
        (doctor,) = network.list_contacts(vault, 1)
        assert (doctor.name, doctor.organisation, doctor.phones[0].number) == (
            "Dr. Ana Okafor", "Riverside Clinic", "+12125550100")
        assert [s.value for s in doctor.support] == ["information"]
        (visit,) = appointments.list_appointments(vault, 1, clock=lambda: LATER).past
        assert (visit.purpose, visit.contact_id, [q.text for q in visit.questions]) == (
            "Medication review", doctor.id, ["Is the dose right?"])
    if since(revision, "0005_search_drafts"):
        (draft,) = drafts.list_drafts(vault, 1)
        assert (draft.state.note, draft.state.mood) == ("Half-written: the garden bench", 3)
    if since(revision, "0007_summary_second_edition"):
        choices = summary.saved_choices(vault, 1)
        assert (sorted(s.value for s in choices.sections), choices.leave_out.entry_ids, choices.questions) == (
            ["charts", "medications"], frozenset({2}), ("Is the dose right?",))


def test_the_script_writes_every_old_vault_anew(tmp_path, capsys):
    import importlib.util

    from support import REPO_ROOT

    spec = importlib.util.spec_from_file_location("make_old_vaults", REPO_ROOT / "scripts" / "make_old_vaults.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--out", str(tmp_path / "out")]) == 0  # it checks every row and column itself
    for revision in REVISIONS:
        engine = open_engine(tmp_path / "out" / revision)
        try:
            assert migrate.current_revision(engine) == revision and rows_missing(engine, revision) == []
        finally:
            engine.dispose()
    assert script.main(["--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.count("already there, left as it is") == len(REVISIONS)
