#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""Runs `meson install` into a temporary DESTDIR and checks that the tree holds what a
distribution expects, where it expects it. Prints TAP, one case per check.

Usage: check-install.py MESON BUILDDIR SOURCEDIR APP_ID PREFIX BINDIR DATADIR LOCALEDIR

The build must be complete (meson test builds first; --no-rebuild here, so that the install
never runs ninja beside the other tests). The temporary tree is removed at the end.
"""

import configparser
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from sbtap import check, finish

(meson, builddir, sourcedir, app_id, prefix, bindir, datadir,
 localedir) = sys.argv[1:9]
GETTEXT_PACKAGE = "sprintboard"
SCHEMA_ID = "io.github.sprintboard.Sprintboard"
INSTALL_TIMEOUT = 120


def linguas():
    languages = []
    path = pathlib.Path(sourcedir) / "po" / "LINGUAS"
    for line in path.read_text(encoding="utf-8").splitlines():
        languages.extend(line.split("#", 1)[0].split())
    return languages


def read_desktop_style(path, group):
    """The keys of one group of a desktop or D-Bus service file."""
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",),
                                       strict=True)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return dict(parser[group]) if parser.has_section(group) else {}


def run_checks(destdir):
    def under_prefix(*parts):
        # PREFIX is absolute; BINDIR etc. are relative to it unless meson made them absolute.
        base = pathlib.Path(prefix)
        return destdir / base.relative_to("/").joinpath(*parts)

    bin_path = under_prefix(bindir, "sprintboard")
    apps = under_prefix(datadir, "applications")
    desktop = apps / f"{app_id}.desktop"
    metainfo = under_prefix(datadir, "metainfo", f"{app_id}.metainfo.xml")
    service = under_prefix(datadir, "dbus-1", "services", f"{app_id}.service")
    scalable = under_prefix(datadir, "icons", "hicolor", "scalable", "apps", f"{app_id}.svg")
    symbolic = under_prefix(datadir, "icons", "hicolor", "symbolic", "apps",
                            f"{app_id}-symbolic.svg")
    schema = under_prefix(datadir, "glib-2.0", "schemas", f"{SCHEMA_ID}.gschema.xml")

    def missing(*paths):
        return [f"missing: {p.relative_to(destdir)}" for p in paths if not p.is_file()]

    problems = missing(bin_path)
    if not problems and not os.access(bin_path, os.X_OK):
        problems.append(f"not executable: {bin_path.relative_to(destdir)}")
    check(f"the program is {prefix}/{bindir}/sprintboard", problems)

    problems = missing(desktop)
    if not problems:
        entry = read_desktop_style(desktop, "Desktop Entry")
        for key, value in (("Icon", app_id), ("Exec", "sprintboard"),
                           ("DBusActivatable", "true")):
            if entry.get(key) != value:
                problems.append(f"{key}={entry.get(key)!r}, expected {value!r}")
        if "@" in desktop.read_text(encoding="utf-8"):
            problems.append("an unsubstituted @VARIABLE@ is left")
    check(f"the desktop file is applications/{app_id}.desktop", problems)

    problems = missing(service)
    if not problems:
        entry = read_desktop_style(service, "D-BUS Service")
        expected_exec = f"{pathlib.Path(prefix) / bindir / 'sprintboard'} --gapplication-service"
        if entry.get("Name") != app_id:
            problems.append(f"Name={entry.get('Name')!r}, expected {app_id!r}")
        if entry.get("Exec") != expected_exec:
            problems.append(f"Exec={entry.get('Exec')!r}, expected {expected_exec!r}")
    check(f"the D-Bus service is dbus-1/services/{app_id}.service", problems)

    problems = missing(metainfo)
    if not problems:
        component = ET.parse(metainfo).getroot()
        if component.findtext("id") != app_id:
            problems.append(f"<id> is {component.findtext('id')!r}, expected {app_id!r}")
        launchable = component.findtext("launchable")
        if launchable != desktop.name:
            problems.append(f"<launchable> is {launchable!r}, expected {desktop.name!r}")
    check(f"the metainfo is metainfo/{app_id}.metainfo.xml", problems)

    problems = missing(scalable, symbolic)
    for icon in (scalable, symbolic):
        if icon.is_file():
            try:
                if not ET.parse(icon).getroot().tag.endswith("svg"):
                    problems.append(f"not an SVG: {icon.relative_to(destdir)}")
            except ET.ParseError as error:
                problems.append(f"{icon.relative_to(destdir)}: {error}")
    # The development build's striped icon, installed under its own (.Devel) id.
    variant = "Devel" if app_id.endswith(".Devel") else None
    source_icon = (pathlib.Path(sourcedir) / "data" / "icons" / "hicolor" / "scalable" / "apps"
                   / (f"{SCHEMA_ID}.{variant}.svg" if variant else f"{SCHEMA_ID}.svg"))
    if scalable.is_file() and scalable.read_bytes() != source_icon.read_bytes():
        problems.append(f"{scalable.relative_to(destdir)} is not {source_icon.name}")
    check("the scalable and symbolic icons are in icons/hicolor under the app id", problems)

    check("the settings schema is in glib-2.0/schemas", missing(schema))

    languages = linguas()
    catalogues = [under_prefix(localedir, lang, "LC_MESSAGES", f"{GETTEXT_PACKAGE}.mo")
                  for lang in languages]
    check(f"a translation catalogue for each language in po/LINGUAS ({len(languages)})",
          missing(*catalogues))

    # Nothing else lands in the applications, metainfo or D-Bus folders (e.g. a file still
    # named after the base id in a .Devel build).
    stray = []
    for folder, wanted in ((apps, desktop), (metainfo.parent, metainfo),
                           (service.parent, service)):
        if folder.is_dir():
            stray += [f"unexpected: {p.relative_to(destdir)}"
                      for p in folder.iterdir() if p not in (wanted, folder / "mimeinfo.cache")]
    check("no other desktop, metainfo or D-Bus service file is installed", stray)


def main():
    with tempfile.TemporaryDirectory(prefix="sprintboard-install.") as tmp:
        destdir = pathlib.Path(tmp) / "root"
        try:
            install = subprocess.run(
                [meson, "install", "-C", builddir, "--no-rebuild", "--destdir", str(destdir)],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                timeout=INSTALL_TIMEOUT)
            problems = [] if install.returncode == 0 else [
                f"meson install exited with {install.returncode}:",
                *install.stdout.splitlines()]
        except subprocess.TimeoutExpired:
            problems = [f"meson install took longer than {INSTALL_TIMEOUT} s"]
        check("meson install into a DESTDIR succeeds", problems)
        if not problems:
            run_checks(destdir)
        shutil.rmtree(destdir, ignore_errors=True)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
