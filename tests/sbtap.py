# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""TAP for the tests/check-*.py scripts: each check is one case, counted by meson.

    from sbtap import check, finish
    check("what must hold", problems)      # problems: a list of lines, empty when it holds
    sys.exit(finish())

A check with problems and a todo reason is reported as "not ok … # TODO reason": shown, not
failed (a translation catching up with new strings, say).
"""

_results = []


def check(description, problems, todo=None):
    _results.append((description, list(problems), todo))


def finish():
    """Prints the plan and the cases; returns the exit status (1 when any case failed)."""
    print(f"1..{len(_results)}")
    failed = 0
    for number, (description, problems, todo) in enumerate(_results, 1):
        if not problems:
            print(f"ok {number} - {description}")
            continue
        if todo:
            print(f"not ok {number} - {description} # TODO {todo}")
        else:
            failed += 1
            print(f"not ok {number} - {description}")
        for problem in problems:
            print(f"# {problem}")
    return 1 if failed else 0
