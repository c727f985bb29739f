#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""Checks po/: that POTFILES.in lists exactly the files under src/ and data/ that hold
translatable strings, that xgettext reads them all without a warning, and that each language in
LINGUAS has a valid catalogue. Prints TAP, one case per check.

Usage: check-po.py SOURCE_ROOT

A catalogue that lags behind the sources (new strings not translated yet) is reported as a
TODO case, not a failure: a new string must not block a change until a translator catches up.
"""

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from sbtap import check, finish

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
po_dir = root / "po"
GETTEXT_PACKAGE = "sprintboard"

# What marks a translatable string, by kind of file.
C_MARKERS = re.compile(
    r"(?<![\w.])(?:_|N_|C_|NC_|Q_|gettext|ngettext|pgettext|g_dgettext|g_dngettext"
    r"|g_dcgettext|g_dpgettext2?)\s*\(")
UI_MARKERS = re.compile(r'\btranslatable\s*=\s*"(?:yes|true|1)"', re.IGNORECASE)
# intltool's <_tag> and _Key= spellings: no longer extracted, but a sign of strings to list.
INTLTOOL_MARKERS = re.compile(r"<_\w|^_\w+(\[[^\]]*\])?\s*=", re.MULTILINE)
DESKTOP_KEYS = re.compile(r"^(Name|GenericName|Comment|Keywords|X-GNOME-FullName)\s*=",
                          re.MULTILINE)
XML_TRANSLATABLE = re.compile(r"<(name|summary|description|p|li|caption|developer_name)\b")

# The arguments of meson's i18n.gettext(preset: 'glib') (po/meson.build), so this test reads
# the sources as `meson compile sprintboard-pot` does.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]


def read_text(path):
    """The file's text, or None for a binary file (an image, say)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def translatable(path, text):
    """Why @path holds translatable strings (a short reason), or None."""
    name = path.name
    if path.suffix not in (".c", ".h") and INTLTOOL_MARKERS.search(text):
        return "intltool-style <_tag> or _Key="
    if ".desktop.in" in name or name.endswith(".desktop"):
        return "desktop file" if DESKTOP_KEYS.search(text) else None
    if ".metainfo.xml" in name or ".appdata.xml" in name or name.endswith(".gschema.xml"):
        return "AppStream or GSettings XML" if XML_TRANSLATABLE.search(text) else None
    if path.suffix in (".c", ".h"):
        return "_(), N_(), C_() or *gettext()" if C_MARKERS.search(text) else None
    if UI_MARKERS.search(text):
        return 'translatable="yes"'
    return None


def potfiles():
    """The entries of POTFILES.in, in order (comments and blank lines dropped)."""
    entries = []
    for line in (po_dir / "POTFILES.in").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


def linguas():
    languages = []
    for line in (po_dir / "LINGUAS").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        languages.extend(line.split())
    return languages


listed = potfiles()
listed_set = set(listed)

# --- POTFILES.in against the tree ------------------------------------------------------------

found = {}
for top in ("src", "data"):
    for path in sorted((root / top).rglob("*")):
        if not path.is_file() or path.name == "meson.build":
            continue
        text = read_text(path)
        if text is None:
            continue
        reason = translatable(path, text)
        if reason is not None:
            found[path.relative_to(root).as_posix()] = reason

check("every file under src/ and data/ with translatable strings is in po/POTFILES.in",
      [f"{name} ({reason}) is not listed" for name, reason in sorted(found.items())
       if name not in listed_set])

check("every file po/POTFILES.in lists exists",
      [f"{name} does not exist" for name in listed if not (root / name).is_file()])

check("every file po/POTFILES.in lists holds translatable strings",
      [f"{name} has none: remove it from POTFILES.in" for name in listed
       if (root / name).is_file() and name not in found])

seen = set()
duplicates = []
for name in listed:
    if name in seen:
        duplicates.append(f"{name} is listed twice")
    seen.add(name)
check("po/POTFILES.in lists each file once", duplicates)

# --- The template ------------------------------------------------------------------------------

xgettext = shutil.which("xgettext")
msgfmt = shutil.which("msgfmt")
msgmerge = shutil.which("msgmerge")
tmp = pathlib.Path(tempfile.mkdtemp(prefix="sprintboard-check-po."))
pot = tmp / f"{GETTEXT_PACKAGE}.pot"
pot_ok = False
problems = []
if xgettext is None:
    problems.append("xgettext is not installed (Debian package gettext)")
else:
    existing = [name for name in listed if (root / name).is_file()]
    (tmp / "POTFILES").write_text("\n".join(existing) + "\n", encoding="utf-8")
    run = subprocess.run([xgettext, *XGETTEXT_ARGS, f"--package-name={GETTEXT_PACKAGE}",
                          f"--files-from={tmp / 'POTFILES'}", f"--output={pot}"],
                         cwd=root, capture_output=True, text=True)
    problems.extend(line for line in (run.stdout + run.stderr).splitlines() if line.strip())
    if run.returncode != 0:
        problems.append(f"xgettext exited with status {run.returncode}")
    pot_ok = run.returncode == 0 and pot.is_file()
check("xgettext reads every file in POTFILES.in without a warning", problems)

# --- The languages -------------------------------------------------------------------------------

languages = linguas()
on_disk = sorted(p.stem for p in po_dir.glob("*.po"))
problems = [f"{lang} is in LINGUAS but po/{lang}.po does not exist"
            for lang in languages if lang not in on_disk]
problems += [f"po/{lang}.po exists but {lang} is not in LINGUAS"
             for lang in on_disk if lang not in languages]
check("po/LINGUAS and the po/*.po files match", problems)

STATISTICS = re.compile(r"(\d+) translated messages?(?:, (\d+) fuzzy translations?)?"
                        r"(?:, (\d+) untranslated messages?)?")

for lang in languages:
    po = po_dir / f"{lang}.po"
    if not po.is_file():
        continue

    problems = []
    if msgfmt is None:
        problems.append("msgfmt is not installed (Debian package gettext)")
    else:
        run = subprocess.run([msgfmt, "--check", "--statistics", "--output-file=/dev/null",
                              str(po)], capture_output=True, text=True)
        if run.returncode != 0:
            problems.extend(run.stderr.splitlines())
        header = po.read_text(encoding="utf-8")
        if f'"Language: {lang}\\n"' not in header:
            problems.append(f'the header has no "Language: {lang}"')
        if "Plural-Forms:" not in header:
            problems.append("the header has no Plural-Forms")
        match = STATISTICS.search(run.stderr)
        if match and match.group(2):
            problems.append(f"{match.group(2)} fuzzy translations: review them, then drop "
                            "the fuzzy flag")
    check(f"po/{lang}.po is a valid catalogue (msgfmt --check), with no fuzzy entries",
          problems)

    # Against a template made from the sources now: does the catalogue cover every string?
    problems = []
    todo = None
    if not pot_ok or msgmerge is None or msgfmt is None:
        problems.append("no template or no msgmerge to compare with")
    else:
        merged = tmp / f"{lang}.po"
        run = subprocess.run([msgmerge, "--quiet", "--no-fuzzy-matching",
                              f"--output-file={merged}", str(po), str(pot)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            problems.extend(run.stderr.splitlines())
        else:
            stats = subprocess.run([msgfmt, "--statistics", "--output-file=/dev/null",
                                    str(merged)], capture_output=True, text=True)
            match = STATISTICS.search(stats.stderr)
            untranslated = int(match.group(3) or 0) + int(match.group(2) or 0) if match else 0
            if untranslated:
                problems.append(stats.stderr.strip())
                problems.append("update it: meson compile -C BUILDDIR sprintboard-update-po, "
                                "then translate what is new")
                todo = f"not translated yet: {untranslated} of the strings in the sources"
    check(f"po/{lang}.po translates every string of the sources", problems, todo)

shutil.rmtree(tmp, ignore_errors=True)

sys.exit(finish())
