"""The family-sharing part of the window (issue 20): File ▸ Share with family… (``share_dialog``,
``shared_panel``) and the background sync (``background``), wired into the main window by
``wiring``. The work itself is the Qt-free ``services.family_sync``."""
