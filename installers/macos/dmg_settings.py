"""dmgbuild settings for the Caregiver Companion disk image: the app beside an Applications
shortcut, so installing is one drag.

    dmgbuild -s installers/macos/dmg_settings.py -D app="dist/bundle/Caregiver Companion.app" \
        "Caregiver Companion" dist/caregiver-companion-VERSION-macos.dmg
"""

import os.path

application = defines.get("app", "dist/bundle/Caregiver Companion.app")  # noqa: F821  (given by dmgbuild)
appname = os.path.basename(application)

format = "UDZO"  # compressed, read-only
filesystem = "HFS+"
files = [application]
symlinks = {"Applications": "/Applications"}
badge_icon = None
icon_locations = {appname: (140, 160), "Applications": (420, 160)}
window_rect = ((200, 200), (560, 360))
default_view = "icon-view"
show_icon_preview = False
show_status_bar = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
icon_size = 112
text_size = 14
