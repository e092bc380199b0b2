"""attack-cli3: a Ctrl+C that lands just after a command has said it is done must not turn into
"stopped. Nothing was half-written." (exit 1) while the file it named is saved. ``leave_now``
ignores the key from the moment the command returns; the summary's journal data (a ten-year
summary: thousands of entries) was freed only as the command returned, after its "Saved the
visit summary" line, which kept that window open for several milliseconds."""

from __future__ import annotations

import io
import weakref

from support import PASSPHRASE, add_entries


def test_the_summary_frees_its_journal_data_before_it_says_saved(vault, person, vault_paths, tmp_path, monkeypatch):
    from caregiver_app import cli
    from caregiver_app.services import summary

    add_entries(vault, person.id, 5)
    vault.close()
    made = []
    build = summary.build_summary

    def remembered(*args, **kwargs):
        data = build(*args, **kwargs)
        made.append(weakref.ref(data))
        return data

    monkeypatch.setattr(summary, "build_summary", remembered)
    alive_when_said = []

    class Out(io.StringIO):
        def write(self, text):
            if "Saved the visit summary" in text:
                alive_when_said.append(made[0]() is not None)
            return super().write(text)

    out, err = Out(), io.StringIO()
    pdf = tmp_path / "visit.pdf"
    code = cli.main(["--data-dir", str(vault_paths.folder), "summary", "--person", "Sam Rivera", "--from", "2026-10-01",
                     "--to", "2026-10-31", "-o", str(pdf), "--passphrase-stdin"],
                    stdin=io.StringIO(PASSPHRASE + "\n"), out=out, err=err)
    assert code == 0, err.getvalue()
    assert pdf.stat().st_size > 0 and "(5 entries)" in out.getvalue()
    assert alive_when_said == [False]  # freed before the line, not in the window after it


def test_export_fhir_groups_its_counts_as_the_other_exports_do(vault, person, vault_paths, tmp_path, monkeypatch):
    from support import run_cli

    from caregiver_app.services import export_fhir

    add_entries(vault, person.id, 2)
    vault.close()
    from dataclasses import replace

    write = export_fhir.write_fhir

    def many(*args, **kwargs):  # 12,345 observations without making them: only the count is told
        result = write(*args, **kwargs)
        return replace(result, counts=dict(result.counts, Observation=12345))

    monkeypatch.setattr(export_fhir, "write_fhir", many)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, err = run_cli(vault_paths.folder, "export-fhir", "--person", "Sam Rivera", "-o",
                             str(tmp_path / "r.json"), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 0, err
    assert "(12,345 Observation, 1 Patient)" in out  # as "Saved the journal to … (50,000 entries)."
