#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""Parses a mail file with Python's own email package (an independent reader of what
SbMailMessage wrote) and prints what it found as a GKeyFile for the C tests:

[headers]   every header, decoded (RFC 2047), by lower-case name
[mime]      content-type, the number of parts, and each part's type and decoded text
[lines]     the longest line in octets, and how many lines end in a bare LF or CR

Usage: parse-mail.py FILE
"""

import email
import email.policy
import sys


def escape(value):
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
            .replace("\t", "\\t"))


def main():
    raw = open(sys.argv[1], "rb").read()
    message = email.message_from_bytes(raw, policy=email.policy.default)

    print("[headers]")
    for name in sorted({key.lower() for key in message.keys()}):
        values = message.get_all(name)
        print(f"{name}={escape(str(values[0]))}")
        print(f"{name}-count={len(values)}")

    print("[mime]")
    print(f"content-type={message.get_content_type()}")
    parts = [part for part in message.walk() if not part.is_multipart()]
    print(f"parts={len(parts)}")
    for number, part in enumerate(parts):
        print(f"part{number}-type={part.get_content_type()}")
        print(f"part{number}-encoding={escape(str(part.get('Content-Transfer-Encoding', '')))}")
        print(f"part{number}-text={escape(part.get_content())}")

    lines = raw.split(b"\r\n")
    print("[lines]")
    print(f"longest={max(len(line) for line in lines)}")
    bare_lf = sum(line.count(b"\n") for line in lines)
    bare_cr = sum(line.count(b"\r") for line in lines)
    print(f"bare-lf={bare_lf}")
    print(f"bare-cr={bare_cr}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
