#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""Checks the metainfo's screenshots against data/screenshots/ and the UI tests: each one the
metainfo names is a PNG in data/screenshots/ that a `ui` test takes under the same name (so a
fresh copy is one `cp` from _build-test/tests/screenshots/ away), each file there is named by
the metainfo, exactly one is the default, each has a caption, and the sizes suit a 360 px
display. Prints TAP, one case per check.

Usage: check-screenshots.py SOURCE_ROOT
"""

import pathlib
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree

from sbtap import check, finish

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
shots_dir = root / "data" / "screenshots"
metainfo = next((root / "data").glob("*.metainfo.xml.in.in"))
URL_PREFIX = "/data/screenshots/"
# sb_ui_test_screenshot (WIDGET, "NAME"): the names the UI tests save under.
TAKEN = re.compile(r'sb_ui_test_screenshot\s*\([^;]*?"([\w-]+)"\s*\)', re.DOTALL)


def png_size(path):
    """(width, height) of a PNG file, or None when it is not one."""
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


tree = ElementTree.parse(metainfo)
screenshots = tree.getroot().findall("./screenshots/screenshot")
taken = set()
for source in sorted((root / "tests").glob("test-ui-*.c")):
    taken.update(TAKEN.findall(source.read_text(encoding="utf-8")))

check(f"{metainfo.name} lists screenshots", [] if screenshots else ["no <screenshot>"])

defaults = [s for s in screenshots if s.get("type") == "default"]
check("exactly one screenshot is the default",
      [] if len(defaults) == 1 else [f"{len(defaults)} have type=\"default\""])

named = set()
for shot in screenshots:
    image = shot.findtext("image", default="").strip()
    name = image.rsplit("/", 1)[-1]
    problems = []
    if URL_PREFIX not in image or not name.endswith(".png"):
        problems.append(f"{image!r} is not a PNG under data/screenshots/")
    else:
        named.add(name)
        path = shots_dir / name
        size = png_size(path) if path.is_file() else None
        if not path.is_file():
            problems.append(f"data/screenshots/{name} does not exist")
        elif size is None:
            problems.append(f"data/screenshots/{name} is not a PNG")
        elif not 360 <= size[0] <= 2000 or not 300 <= size[1] <= 1500:
            problems.append(f"data/screenshots/{name} is {size[0]}×{size[1]}; "
                            "expected 360–2000 wide, 300–1500 high")
        if name[:-4] not in taken:
            problems.append(f"no UI test takes a screenshot named {name[:-4]!r}: "
                            "sb_ui_test_screenshot (…, \"" + name[:-4] + "\")")
    if not shot.findtext("caption", default="").strip():
        problems.append("no <caption>")
    check(f"screenshot {name or image!r} is a UI test's, in data/screenshots/", problems)

orphans = sorted(p.name for p in shots_dir.glob("*") if p.name not in named)
check("every file in data/screenshots/ is in the metainfo",
      [f"data/screenshots/{name} is not named by {metainfo.name}" for name in orphans])

narrow = [name for name in named
          if (shots_dir / name).is_file() and (png_size(shots_dir / name) or (0, 0))[0] <= 400]
check("one screenshot shows the window at a 360 px width",
      [] if narrow else ["none is at most 400 px wide"])

sys.exit(finish())
