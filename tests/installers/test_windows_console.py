"""On Windows the self-test and the command line go through a console program.

cmd.exe and PowerShell neither wait for a window (GUI-subsystem) program nor show what it prints,
so the bundle carries two programs from one Analysis: the windowed ``caregiver-app.exe`` and the
console ``caregiver-cli.exe``. These tests read the PyInstaller spec, the NSIS script, the release
workflow and the README, and check that they agree on which program is which.
"""

from __future__ import annotations

import ast
import re
from types import SimpleNamespace

from support import REPO_ROOT

SPEC = REPO_ROOT / "installers" / "pyinstaller" / "caregiver.spec"
NSI = REPO_ROOT / "installers" / "windows" / "caregiver-companion.nsi"
RELEASE = REPO_ROOT / ".github" / "workflows" / "release.yml"
README = REPO_ROOT / "README.md"
INSTALL_DIR = r"%LOCALAPPDATA%\Programs\Caregiver Companion"


def _calls(tree: ast.AST, function: str) -> list[tuple[str, ast.Call]]:
    """``(variable, call)`` for every ``variable = function(...)`` at the top of the spec."""
    return [(node.targets[0].id, node.value) for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name) and node.value.func.id == function]


def _keyword(call: ast.Call, name: str) -> ast.expr:
    return next(keyword.value for keyword in call.keywords if keyword.arg == name)


def _console_on(call: ast.Call, platform: str) -> bool:
    """The EXE's ``console=`` as the spec would compute it on ``platform``."""
    expression = ast.Expression(_keyword(call, "console"))
    return bool(eval(compile(expression, str(SPEC), "eval"), {"sys": SimpleNamespace(platform=platform)}))


def _programs() -> dict[str, tuple[str, ast.Call]]:
    """Program name -> (its variable in the spec, its EXE call)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return {ast.literal_eval(_keyword(call, "name")): (variable, call) for variable, call in _calls(tree, "EXE")}


def test_the_spec_builds_a_window_program_and_a_console_program_into_one_folder():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    programs = _programs()
    assert set(programs) == {"caregiver-app", "caregiver-cli"}
    # One shared archive and one COLLECT holding both, so nothing is collected twice.
    archives = {call.args[0].id for _, call in programs.values()}
    assert len(archives) == 1 and len(_calls(tree, "PYZ")) == 1 and len(_calls(tree, "Analysis")) == 1
    assert all(ast.literal_eval(_keyword(call, "exclude_binaries")) for _, call in programs.values())
    (_, collect), = _calls(tree, "COLLECT")
    collected = {argument.id for argument in collect.args if isinstance(argument, ast.Name)}
    assert {variable for variable, _ in programs.values()} <= collected
    # COLLECT and the macOS BUNDLE take "console" from the LAST EXE given: it must be the window
    # program, or the .app would be background-only (no Dock icon, no menu bar).
    last_exe = [argument.id for argument in collect.args if isinstance(argument, ast.Name)
                and argument.id in {variable for variable, _ in programs.values()}][-1]
    assert last_exe == programs["caregiver-app"][0]

    app, cli = programs["caregiver-app"][1], programs["caregiver-cli"][1]
    assert not _console_on(app, "win32"), "caregiver-app.exe must stay a window program"
    assert all(_console_on(cli, platform) for platform in ("win32", "darwin", "linux"))
    assert _console_on(app, "linux"), "the Linux launcher /usr/bin/caregiver-app prints to its terminal"


def _windowed_on_windows() -> set[str]:
    return {f"{name}.exe" for name, (_, call) in _programs().items() if not _console_on(call, "win32")}


def test_the_readme_sends_windows_families_to_the_console_program_for_the_self_test():
    text = README.read_text(encoding="utf-8")
    install = text.split("## Install", 1)[1].split("\n## ", 1)[0]
    windows_commands = re.findall(r"[\w-]+\.exe(?=\"? --self-test)", install)
    assert windows_commands, "the Install section gives no Windows self-test command"
    assert "caregiver-cli.exe" in windows_commands
    assert not set(windows_commands) & _windowed_on_windows()
    # The full default install path, the one the NSIS script installs into.
    assert f'"{INSTALL_DIR}\\caregiver-cli.exe" --self-test' in install
    assert r"C:\Users\YOU\AppData\Local\Programs\Caregiver Companion\caregiver-cli.exe" in install


def test_the_installer_installs_the_console_program_and_says_where_it_is():
    text = NSI.read_text(encoding="utf-8")
    assert re.search(r'^!define CLI_EXE "caregiver-cli\.exe"$', text, flags=re.MULTILINE)
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in text
    assert re.search(r'^!define APP_EXE "(.+)"$', text, flags=re.MULTILINE).group(1) in _windowed_on_windows()
    finish = re.findall(r"^LangString FinishText \$\{LANG_\w+\} (.+)$", text, flags=re.MULTILINE)
    assert len(finish) == 2 and all("$INSTDIR\\${CLI_EXE}" in line and "--self-test" in line for line in finish)
    # An update or an uninstall frees the console program too (a self-test may be running).
    install = text[text.index('Section "$(SecApp)"'):]
    install = install[:install.index("SectionEnd")]
    assert install.index('Delete "$INSTDIR\\${CLI_EXE}"') < install.index('RMDir /r "$INSTDIR\\_internal"')
    uninstall = text[text.index('Section "Uninstall"'):]
    assert uninstall.index('Delete "$INSTDIR\\${CLI_EXE}"') < uninstall.index('RMDir /r "$INSTDIR\\_internal"')


def test_the_release_self_tests_windows_with_the_console_program():
    workflow = RELEASE.read_text(encoding="utf-8")
    windows = workflow.split("\n  windows:", 1)[1].split("\n  macos:", 1)[0]
    self_tests = re.findall(r"([\w-]+\.exe)\"? --self-test", windows)
    assert len(self_tests) == 2 and set(self_tests) == {"caregiver-cli.exe"}
    assert not set(self_tests) & _windowed_on_windows()
