#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""Checks the Flatpak manifests: flatpak-builder reads each one without a word on stderr (it
only warns about unknown keys), and each keeps the rules of flatpak/README.md: the app id of
its profile, the minimal permissions, libsodium pinned by sha256, the app built from this
checkout with its tests. Prints TAP, one case per check.

Usage: check-flatpak-manifest.py FLATPAK_BUILDER MANIFEST:APP_ID...
"""

import json
import re
import subprocess
import sys
import tempfile

from sbtap import check, finish

TIMEOUT = 60
# Exactly these: a display (Wayland, X11 only as a fallback), GPU, shared memory for X11, and
# the network for SMTP. No files outside the sandbox (the database lives in the app's own
# data folder) and no org.freedesktop.secrets: libsecret uses the secret portal.
FINISH_ARGS = {"--socket=wayland", "--socket=fallback-x11", "--device=dri", "--share=ipc",
               "--share=network"}
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def show_manifest(flatpak_builder, manifest):
    """(parsed manifest or None, problems)"""
    # --show-manifest leaves a .flatpak-builder folder in its working directory.
    with tempfile.TemporaryDirectory(prefix="sprintboard-manifest.") as cwd:
        try:
            shown = subprocess.run([flatpak_builder, "--show-manifest", manifest], cwd=cwd,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, [f"flatpak-builder took longer than {TIMEOUT} s"]
    problems = [f"stderr: {line}" for line in shown.stderr.splitlines() if line.strip()]
    if shown.stderr and not problems:
        problems.append("stderr is not empty (blank lines)")
    if shown.returncode != 0:
        problems.append(f"flatpak-builder exited with {shown.returncode}")
    try:
        parsed = json.loads(shown.stdout)
    except json.JSONDecodeError as error:
        problems.append(f"its output is not JSON: {error}")
        parsed = None
    return parsed, problems


def check_manifest(name, manifest, app_id):
    problems = []
    if manifest.get("id", manifest.get("app-id")) != app_id:
        problems.append(f"app id {manifest.get('id', manifest.get('app-id'))!r}, "
                        f"expected {app_id!r}")
    for key, value in (("runtime", "org.gnome.Platform"), ("sdk", "org.gnome.Sdk"),
                       ("command", "sprintboard")):
        if manifest.get(key) != value:
            problems.append(f"{key} is {manifest.get(key)!r}, expected {value!r}")
    if not str(manifest.get("runtime-version", "")).isdigit():
        problems.append(f"runtime-version {manifest.get('runtime-version')!r} is not a "
                        "stable GNOME release")
    check(f"{name}: app id, runtime and command", problems)

    args = manifest.get("finish-args", [])
    problems = [f"not allowed: {arg}" for arg in args if arg not in FINISH_ARGS]
    problems += [f"missing: {arg}" for arg in sorted(FINISH_ARGS - set(args))]
    check(f"{name}: finish-args are exactly wayland, fallback-x11, dri, ipc, network", problems)

    modules = {module.get("name"): module for module in manifest.get("modules", [])
               if isinstance(module, dict)}
    problems = []
    sodium = modules.get("libsodium")
    if sodium is None:
        problems.append("no libsodium module")
    else:
        for source in sodium.get("sources", []):
            if source.get("type") not in ("archive", "file"):
                problems.append(f"a {source.get('type')} source is not pinned by a checksum")
            elif not SHA256.match(source.get("sha256", "")):
                problems.append(f"{source.get('url')} has no sha256")
            elif not source.get("url", "").startswith("https://"):
                problems.append(f"{source.get('url')} is not fetched over https")
        if not sodium.get("sources"):
            problems.append("libsodium has no sources")
    check(f"{name}: libsodium is pinned by sha256", problems)

    problems = []
    app = modules.get("sprintboard")
    if app is None:
        problems.append("no sprintboard module")
    else:
        if app.get("buildsystem") != "meson":
            problems.append(f"buildsystem is {app.get('buildsystem')!r}, expected 'meson'")
        if [s.get("type") for s in app.get("sources", [])] != ["dir"]:
            problems.append("its one source is not this checkout (type: dir)")
        if not app.get("run-tests"):
            problems.append("run-tests is not true")
        if not any("meson test" in command for command in app.get("test-commands", [])):
            problems.append("no `meson test` in test-commands")
        if list(modules)[-1] != "sprintboard":
            problems.append("it is not the last module")
    check(f"{name}: the app module builds this checkout with meson and runs its tests",
          problems)


def main():
    flatpak_builder = sys.argv[1]
    for argument in sys.argv[2:]:
        path, app_id = argument.rsplit(":", 1)
        name = path.rsplit("/", 1)[-1]
        manifest, problems = show_manifest(flatpak_builder, path)
        check(f"{name}: flatpak-builder --show-manifest reads it, nothing on stderr", problems)
        if manifest is not None:
            check_manifest(name, manifest, app_id)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
