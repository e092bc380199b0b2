#!/usr/bin/env bash
# The Debian packages CI needs beyond a fresh machine: a virtual screen, a D-Bus session and
# gnome-keyring (the real Secret Service) for the installed app's self-test, the accessibility bus
# and its Python client for the AT-SPI check (tests/a11y/atspi), Qt's X11 runtime
# libraries, the .desktop and AppStream validators, NSIS for the Windows installer script, and
# node/npm for the workflow linter when the machine has none.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
    xvfb xauth dbus dbus-x11 gnome-keyring
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
    libxcb-randr0 libxcb-xkb1 libxcb-xinerama0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
    libdbus-1-3 libglib2.0-0
    desktop-file-utils appstream nsis
    at-spi2-core python3-pyatspi
)
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    echo "all system packages are already installed"
fi
