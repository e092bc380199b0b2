"""An AT-SPI client (pyatspi, Debian's python3-pyatspi): proves the running app's window is on the
accessibility bus with named controls, and that a marker phrase from the locked journal is
nowhere in what the bus exposes.

Usage: probe.py APP_NAME MARKER. Exit code 0 when all holds, 1 with the reasons otherwise.
"""

from __future__ import annotations

import sys
import time

import pyatspi

INTERACTIVE = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX,
               pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SCROLL_BAR,
               pyatspi.ROLE_ENTRY, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE, pyatspi.ROLE_PAGE_TAB}


def find_app(name: str, seconds: float = 30.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name and app.childCount:
                return app
        time.sleep(0.5)
    return None


def walk(node, depth=0):
    yield node, depth
    if depth > 60:
        return
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, depth + 1)


def words_of(node) -> list[str]:
    words = [node.name or "", node.description or ""]
    try:
        text = node.queryText()
        words.append(text.getText(0, -1))
    except NotImplementedError:
        pass
    return words


def main(app_name: str, marker: str) -> int:
    app = find_app(app_name)
    if app is None:
        print(f"AT-SPI: no application named {app_name!r} on the accessibility bus")
        return 1
    problems, named, seen = [], [], 0
    for node, _depth in walk(app):
        seen += 1
        states = node.getState()
        shown = states.contains(pyatspi.STATE_SHOWING)
        if any(marker.casefold() in w.casefold() for w in words_of(node)):
            problems.append(f"the journal's words are exposed by a {node.getRoleName()} while locked")
        if node.getRole() in INTERACTIVE and shown:
            if node.name:
                named.append(f"{node.getRoleName()}: {node.name}")
            else:
                problems.append(f"an unnamed {node.getRoleName()}")
    windows = [app.getChildAtIndex(i) for i in range(app.childCount)]
    print(f"AT-SPI: {app_name!r} has {len(windows)} window(s) ({', '.join(w.name for w in windows)}), "
          f"{seen} objects, {len(named)} named controls shown:")
    for line in named:
        print("   ", line)
    if not any("Passphrase" in line for line in named):
        problems.append("the passphrase field is not on the bus by name")
    if not named:
        problems.append("no named controls")
    for problem in problems:
        print("AT-SPI problem:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
