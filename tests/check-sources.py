#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""Checks the rules of the house that a compiler does not: which layer may use what, and that
every source file carries its SPDX header. Prints TAP, one case per rule."""

import pathlib
import re
import sys

from sbtap import check, finish

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()

# What each layer must not touch, as regular expressions over its .c and .h files.
GTK = r'#\s*include\s*[<"](gtk/|gdk/|adwaita\.h|gsk/)'
SECRET = r'#\s*include\s*[<"]libsecret/'
SOCKETS = r'\b(GSocket\w*|g_socket_\w+|GTlsConnection|g_tls_\w+|GNetworkAddress|socket\s*\()'
FORBIDDEN = {
    "src/model": [("GTK or libadwaita", GTK), ("libsecret", SECRET), ("sockets or TLS", SOCKETS)],
    "src/services": [("GTK or libadwaita", GTK)],
}

# Certificates are always verified: nothing in src/ may accept one that does not check out.
ACCEPT_CERTIFICATE = r'accept-certificate|accept_certificate'

SPDX_SUFFIXES = {".c", ".h", ".py", ".sql", ".build", ".xml", ".ui", ".in", ".svg", ".yml"}
SPDX_NAMES = {"meson.build", "meson_options.txt", "run", "test", "deps", "test-session",
              "flatpak-check"}
GPL = "SPDX-License-Identifier: GPL-3.0-or-later"
# AppStream accepts only a permissive metadata_license (CC0-1.0 here), so the metainfo file
# carries that licence instead of the program's.
CC0 = "SPDX-License-Identifier: CC0-1.0"
# Build trees: meson's (_build*), flatpak-builder's build directory and its state directory.
SKIPPED_DIRS = ("_build", "_flatpak_build", ".git", ".flatpak-builder")


for layer, rules in FORBIDDEN.items():
    files = sorted(p for p in (root / layer).rglob("*") if p.suffix in (".c", ".h"))
    for what, pattern in rules:
        problems = []
        for path in files:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(pattern, line):
                    problems.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
        check(f"{layer} does not use {what}", problems)

problems = []
for path in sorted(p for p in (root / "src").rglob("*") if p.suffix in (".c", ".h")):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if re.search(ACCEPT_CERTIFICATE, line):
            problems.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
check("src does not accept unverified TLS certificates (accept-certificate)", problems)

missing = []
for path in sorted(root.rglob("*")):
    relative = path.relative_to(root)
    if not path.is_file() or any(part.startswith(SKIPPED_DIRS) for part in relative.parts):
        continue
    if path.suffix not in SPDX_SUFFIXES and path.name not in SPDX_NAMES:
        continue
    head = path.read_text(encoding="utf-8", errors="replace").splitlines()[:5]
    wanted = (GPL, CC0) if ".metainfo.xml" in path.name else (GPL,)
    if not any(licence in line for line in head for licence in wanted):
        missing.append(str(relative))
check("every source file has an SPDX header", missing)

sys.exit(finish())
