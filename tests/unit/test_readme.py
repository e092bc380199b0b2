"""The README's quick start and CI stay in step."""

from __future__ import annotations

import re

from support import REPO_ROOT


def quick_start_lines() -> list[str]:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_two_lines_run_app_and_run_tests():
    lines = quick_start_lines()
    assert len(lines) == 2
    assert lines[0].endswith("caregiver-app")
    assert "pytest" in lines[1]


def test_ci_runs_the_readme_test_command():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_lines()[1] in ci.splitlines()
