"""Issue 16: the visit summary page builds its PDF in a child process, so reportlab and its fonts
never load in the window's process (about 55 MB it would keep for good). Run in a clean
subprocess: a real vault with a note in Chinese (a fallback font), every page of the real window,
the real child."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import timedelta

from caregiver_app.services import journal
from support import PASSPHRASE

WINDOW = textwrap.dedent("""
    import io, json, sys
    from pathlib import Path

    def main():
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        from caregiver_app.gui.app import create_main_window
        from caregiver_app.gui.context import AppContext
        from caregiver_app.gui.common.ops import Ops
        from caregiver_app.services import pdf_child
        from caregiver_app.services.vault import VaultPaths
        from caregiver_app.services.vault_open import unlock_with_passphrase

        built = []
        real = pdf_child.summary_pdf_bytes

        def kept(data, **options):  # the data and choices of the page's build, to build them again here
            pdf = real(data, **options)
            built.append((data, options, pdf))
            return pdf

        pdf_child.summary_pdf_bytes = kept
        Ops.synchronous = True
        paths = VaultPaths(Path(sys.argv[1]))
        context = AppContext(paths=paths, ops=Ops(app), settings_path=Path(sys.argv[2]),
                             vault=unlock_with_passphrase(paths, sys.argv[3]))
        window = create_main_window(context)
        window.show()
        app.processEvents()
        for index in range(len(window.page_titles())):
            window.show_page(index)
            app.processEvents()
        page = window.go("summary")
        app.processEvents()
        shown = page.pdf_bytes()
        loaded = sorted(name for name in sys.modules if name == "reportlab" or name.startswith("reportlab."))

        from pypdf import PdfReader
        from caregiver_app.services import summary

        data, options, pdf = built[-1]
        options = {k: v for k, v in options.items() if k not in ("progress", "cancelled")}
        here = summary.summary_pdf_bytes(data, **options)  # now reportlab loads, in this process
        text = lambda raw: [p.extract_text() for p in PdfReader(io.BytesIO(raw)).pages]
        print(json.dumps({"builds": len(built), "shown_is_built": shown == pdf, "reportlab": loaded,
                          "same_text": text(pdf) == text(here), "first_page": text(pdf)[0]}))
        context.vault.close()

    if __name__ == "__main__":
        main()
""")


def test_the_window_never_imports_reportlab_and_the_pdf_is_the_one_built_here(vault, person, ctx, tmp_path):
    now = journal.local_now(ctx.clock, ctx.zone_name)
    for days, note in ((1, "Slept well, walked to the park"), (3, "Wrote to her sister: 我很好")):
        journal.save_entry(vault, journal.EntryDraft(person.id, now - timedelta(days=days), note=note,
                                                     zone_name=ctx.zone_name))
    folder = vault.paths.folder
    vault.close()
    script = tmp_path / "window.py"  # a file, as the app's entry point is (the child imports no test code)
    script.write_text(WINDOW)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(script), str(folder), str(tmp_path / "settings.json"), PASSPHRASE],
                          capture_output=True, text=True, env=env, timeout=120, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["builds"] >= 1 and seen["shown_is_built"]
    assert seen["reportlab"] == []
    assert seen["same_text"]
    assert "Sam Rivera" in seen["first_page"]
    assert "Traceback" not in done.stderr
