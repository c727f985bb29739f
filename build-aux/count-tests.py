#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""Count test cases from meson's testlog.json files and print the closing line.

Usage: count-tests.py [--min-failed N] LOG [LOG ...]

Each LOG is a meson-logs/testlog.json (or a build directory holding one): JSON lines, one object
per test program with its `name`, `result` and `stdout`. TAP cases in `stdout` are counted one
by one; a program that crashed or timed out without a `not ok` line counts as one failure; a
program that printed no TAP at all counts as one case. A per-log summary goes to stderr; stdout
gets exactly one line, "N passed, N failed, N skipped". Exit status 1 when anything failed.
--min-failed N reports at least N failures (for a meson test that failed in a way the log does
not show). Standard library only: run it with /usr/bin/python3.
"""

import json
import os
import re
import sys

TAP_OK = re.compile(r'^ok(\s|$)')
TAP_NOT_OK = re.compile(r'^not ok(\s|$)')
TAP_SKIP = re.compile(r'#\s*SKIP', re.IGNORECASE)
TAP_TODO = re.compile(r'#\s*TODO', re.IGNORECASE)

# meson results that do not by themselves mean the program failed.
GOOD_RESULTS = {'OK', 'EXPECTEDFAIL', 'SKIP'}


def count_test(test):
    """Return (passed, failed, skipped, failed_names) for one testlog.json object."""
    passed = failed = skipped = 0
    failed_names = []
    saw_tap = False
    name = test.get('name', '?')
    result = str(test.get('result', 'ERROR')).upper()

    for line in (test.get('stdout') or '').splitlines():
        if TAP_OK.match(line):
            saw_tap = True
            if TAP_SKIP.search(line):
                skipped += 1
            else:
                passed += 1
        elif TAP_NOT_OK.match(line):
            saw_tap = True
            if TAP_TODO.search(line):
                skipped += 1
            else:
                failed += 1
                failed_names.append('%s: %s' % (name, line))

    if failed == 0 and result not in GOOD_RESULTS:
        # Crashed, aborted, timed out or exited non-zero after its last "ok".
        failed += 1
        failed_names.append('%s: %s' % (name, result))
    elif not saw_tap:
        if result == 'SKIP':
            skipped += 1
        elif result in GOOD_RESULTS:
            passed += 1

    return passed, failed, skipped, failed_names


def count_log(path):
    """Return (passed, failed, skipped, failed_names) for one testlog.json."""
    totals = [0, 0, 0]
    failed_names = []
    with open(path, encoding='utf-8', errors='replace') as log:
        for number, line in enumerate(log, 1):
            line = line.strip()
            if not line:
                continue
            try:
                test = json.loads(line)
            except ValueError:
                totals[1] += 1
                failed_names.append('%s:%d: unreadable log line' % (path, number))
                continue
            passed, failed, skipped, names = count_test(test)
            totals[0] += passed
            totals[1] += failed
            totals[2] += skipped
            failed_names += names
    return totals[0], totals[1], totals[2], failed_names


def main(argv):
    args = list(argv[1:])
    min_failed = 0
    if len(args) >= 2 and args[0] == '--min-failed':
        min_failed = int(args[1])
        args = args[2:]
    if not args or args[0].startswith('-'):
        print(__doc__.strip(), file=sys.stderr)
        print('0 passed, 1 failed, 0 skipped')
        return 2

    passed = failed = skipped = 0
    for path in args:
        if os.path.isdir(path):
            path = os.path.join(path, 'meson-logs', 'testlog.json')
        if not os.path.exists(path):
            print('count-tests: %s: missing (meson test did not run or wrote no log)' % path,
                  file=sys.stderr)
            failed += 1
            continue
        p, f, s, names = count_log(path)
        for name in names:
            print('count-tests: FAILED %s' % name, file=sys.stderr)
        print('count-tests: %s: %d passed, %d failed, %d skipped' % (path, p, f, s),
              file=sys.stderr)
        passed += p
        failed += f
        skipped += s

    failed = max(failed, min_failed)
    sys.stderr.flush()
    print('%d passed, %d failed, %d skipped' % (passed, failed, skipped))
    sys.stdout.flush()
    return 1 if failed > 0 else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
