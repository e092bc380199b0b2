"""Parts of the app's shell (the start and the main window) kept out of gui/app.py and
gui/main_window.py."""
