"""One app window per vault: a second start brings the running window forward instead.

The running app listens on a ``QLocalServer`` whose name is a hash of the vault folder's path
(``caregiver-companion-<16 hex>``): the path itself, and so the user's name in it, never appears
in the socket name. A second start connects, sends one fixed word and quits. Qt's local sockets
are per user (a Unix socket in this user's temporary folder, or a named pipe on Windows).

This is the friendly half; the vault lock file (``storage.lock``) is the safe half: even when
this is bypassed (another user account, a command-line tool), only one program can have the
vault open.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

WAKE = b"show\n"
CONNECT_MS = 500


def server_name(folder: Path) -> str:
    """The local-server name for the vault in ``folder``: a hash of its absolute path."""
    try:
        resolved = str(Path(folder).expanduser().resolve())
    except (OSError, RuntimeError):  # a link loop: RuntimeError before Python 3.13
        resolved = str(Path(folder).expanduser().absolute())
    digest = hashlib.sha256(("caregiver-companion|" + resolved).encode("utf-8", "surrogatepass")).hexdigest()
    return f"caregiver-companion-{digest[:16]}"


class SingleInstance(QObject):
    """Call :meth:`wake_running` first: True means another copy of the app has the vault and was
    asked to come forward (quit now). Otherwise call :meth:`listen`; later starts then emit
    :attr:`activation_requested`."""

    activation_requested = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(folder)
        self._server: QLocalServer | None = None

    def wake_running(self) -> bool:
        """Ask a running copy to show its window. True when one answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(WAKE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_MS)
        return True

    def listen(self) -> bool:
        """Start answering later starts. A name left behind by a crashed copy is cleared first
        (we only get here when nobody answered on it). False when listening failed (the app then
        simply runs without this; the vault lock still keeps the vault safe)."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                server.deleteLater()
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        """Stop answering (at quit). The server and its sockets go with this object."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()  # a child of the server
            socket.readyRead.connect(self._on_ready)

    def _on_ready(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        data = bytes(socket.readAll().data())
        if WAKE.strip() in data:
            socket.readyRead.disconnect(self._on_ready)
            self.activation_requested.emit()


def bring_forward(widget: QWidget | None) -> None:
    """Show ``widget`` (the main window or the setup wizard), un-minimised, raised and active."""
    if widget is None:
        return
    state = widget.windowState()
    if state & Qt.WindowState.WindowMinimized:
        widget.setWindowState((state & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    widget.show()
    widget.raise_()
    widget.activateWindow()
