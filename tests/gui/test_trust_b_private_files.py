"""Issue 10, item 10: every file the app writes is private (0600), whole, and leaves no temporary
file behind, even when it replaces an older file that others could read."""

from __future__ import annotations

import os
import stat
import sys
from datetime import date, datetime, time

import pytest
from support import PASSPHRASE

from caregiver_app import settings as app_settings
from caregiver_app.domain.network import Contact, Role
from caregiver_app.domain.plans import PlanItem, SafetyPlan, SafetyStep
from caregiver_app.gui.network.ecomap import EcomapScene
from caregiver_app.gui.network.ecomap_export import export_png, export_svg
from caregiver_app.private_files import write_private
from caregiver_app.services import appointments, export_csv, journal, keys, people, plans, summary, transfer, vcards
from caregiver_app.services import network as contacts
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.recovery_sheet import recovery_sheet_pdf
from caregiver_app.services.vault_open import create_vault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
NEW = "a brand new passphrase for the walk"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def readable_by_others(path) -> None:
    path.write_bytes(b"an older file anyone could read")
    os.chmod(path, 0o644)


def test_every_file_the_app_writes_is_private_and_whole(qtbot, tmp_path, vault_paths):
    old_umask = os.umask(0o022)  # the usual desktop umask: new files would be 0644
    try:
        created = create_vault(vault_paths, PASSPHRASE)
        vault = created.vault
        out = tmp_path / "exports"
        out.mkdir()
        names = ["journal.csv", "contacts.vcf", "visits.ics", "map.png", "map.svg", "summary.pdf",
                 "safety-plan.pdf", "recovery.pdf", "whole.ccvault", "settings.json", "plain.bin"]
        for name in names:
            readable_by_others(out / name)

        person = people.add_person(vault, "Sam")
        journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 3, 1, 9, 0), zone_name="UTC", note="walk"))
        contact = contacts.save_contact(vault, Contact(None, person.id, "Ana", Role.FAMILY))
        appointments.save_appointment(
            vault, appointments.AppointmentDraft(person.id, date(2026, 12, 8), time(10, 0), "UTC", purpose="Check-up"))
        plans.save_safety_plan(vault, SafetyPlan(person.id, **{SafetyStep.COPING.value: (PlanItem("Tea"),)}))

        written = [
            export_csv.write_journal_csv(vault, person.id, out / "journal.csv", zone_name="UTC").path,
            vcards.save_vcards([contact], out / "contacts.vcf"),
            appointments.save_calendar(vault, person.id, out / "visits.ics"),
            summary.write_summary_pdf(
                summary.build_summary(vault, summary.SummaryRequest(person.id, date(2026, 2, 1), date(2026, 3, 31)),
                                      zone_name="UTC"), out / "summary.pdf"),
            plans.write_safety_plan_pdf(
                plans.safety_plan_print(vault, person.id, country="US", country_name="United States",
                                        today=date(2026, 3, 1)), out / "safety-plan.pdf"),
            summary.write_pdf_bytes(recovery_sheet_pdf(created.recovery_code), out / "recovery.pdf",
                                    what="the recovery code sheet"),
            transfer.export_vault(vault, out / "whole.ccvault").path,
            write_private(out / "plain.bin", b"x"),
        ]
        scene = EcomapScene()
        scene.set_snapshot(contacts.ecomap_snapshot(vault, person.id))
        written += [export_png(scene, out / "map.png"), export_svg(scene, out / "map.svg")]
        app_settings.save(app_settings.Settings(idle_lock_minutes=5), out / "settings.json")
        written.append(out / "settings.json")
        keys.change_passphrase(vault, NEW, NEW, current_passphrase=PASSPHRASE)  # rewrites the key file
        vault.close()

        assert sorted(p.name for p in written) == sorted(names)
        for path in written:
            assert mode(path) == 0o600, path.name
            assert path.read_bytes() != b"an older file anyone could read", path.name
        assert sorted(p.name for p in out.iterdir()) == sorted(names)  # no temporary file left
        assert out.joinpath("map.png").read_bytes().startswith(b"\x89PNG")
        assert b"<svg" in out.joinpath("map.svg").read_bytes()
        if os.environ.get("SHOTS_DIR"):  # for a person to look at the picture export
            import shutil

            shutil.copy(out / "map.png", os.path.join(os.environ["SHOTS_DIR"], "trust-b-ecomap-export.png"))
        key_files = [p for p in vault_paths.folder.iterdir() if p.name.startswith("vault.keys")]
        assert key_files and all(mode(p) == 0o600 for p in key_files)
        assert not [p for p in vault_paths.folder.iterdir() if p.name.startswith(".")]
    finally:
        os.umask(old_umask)
