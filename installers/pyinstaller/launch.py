"""The frozen program's entry point: the same ``main`` as the ``caregiver-app`` command."""

import sys

from caregiver_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
