"""Reminders on the desktop: the reminder window, the tray icon, the timer that wakes at the next
due time, the reminder settings and the medicine editor's reminder times."""
