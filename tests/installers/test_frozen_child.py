"""The frozen program can start the child process that builds the window's visit summary PDF
(services/pdf_child.py): its entry point calls ``multiprocessing.freeze_support()`` before
anything else, as ``spawn`` needs in a frozen program."""

from __future__ import annotations

import ast

from support import REPO_ROOT

LAUNCH = REPO_ROOT / "installers" / "pyinstaller" / "launch.py"


def test_the_frozen_entry_point_calls_freeze_support_first():
    tree = ast.parse(LAUNCH.read_text())
    block = next(node for node in tree.body if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test))
    first = block.body[0]
    assert ast.unparse(first) == "multiprocessing.freeze_support()"
    assert "main()" in ast.unparse(block.body[1])
