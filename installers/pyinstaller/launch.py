"""The frozen program's entry point: the same ``main`` as the ``caregiver-app`` command."""

import multiprocessing
import sys

from caregiver_app.__main__ import main

if __name__ == "__main__":
    # The window builds its visit summary PDF in a child process that is this same program
    # (services/pdf_child.py): started so, freeze_support runs the child's work and exits;
    # otherwise it returns at once.
    multiprocessing.freeze_support()
    sys.exit(main())
