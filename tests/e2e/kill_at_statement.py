"""Run the command line and SIGKILL this process just before the first SQL statement that
contains a given text: ``python kill_at_statement.py TEXT caregiver-app arguments…`` (used by
test_attack_imports_kills.py to stop an import or an undo at its worst moments)."""

import os
import signal
import sys

from sqlalchemy import event
from sqlalchemy.engine import Engine

PATTERN = sys.argv[1]


@event.listens_for(Engine, "before_cursor_execute")
def _kill(conn, cursor, statement, parameters, context, executemany):
    if PATTERN in statement:
        os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    from caregiver_app.cli import main

    sys.exit(main(sys.argv[2:]))
