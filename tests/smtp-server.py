#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Sprintboard developers
"""A real SMTP server on loopback for the services tests (Debian's python3-aiosmtpd; run it with
/usr/bin/python3). Two listeners on 127.0.0.1, both requiring AUTH (PLAIN or LOGIN) with the
given username and password: one with STARTTLS (required before AUTH), one with implicit TLS.
Each message it takes is saved as MAILDIR/NNNN.eml (the content, as the client sent it after
undoing the dot-stuffing), with the envelope in MAILDIR/NNNN.envelope (MAIL FROM, then one
RCPT TO a line). When both listen it prints one line,
"READY starttls=PORT tls=PORT", and runs until SIGTERM or SIGINT.

Usage: smtp-server.py CERT KEY MAILDIR USERNAME PASSWORD
"""

import itertools
import os
import signal
import socket
import ssl
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

HOST = "127.0.0.1"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class SavingHandler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = next(self.counter)
        base = os.path.join(self.maildir, f"{number:04d}")
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        # Write under a temporary name and rename: a test never reads half a message.
        with open(base + ".envelope.tmp", "w", encoding="utf-8") as f:
            f.write(envelope.mail_from + "\n")
            for rcpt in envelope.rcpt_tos:
                f.write(rcpt + "\n")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(content)
        os.rename(base + ".envelope.tmp", base + ".envelope")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 Message accepted for delivery"


def make_authenticator(username, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login == username.encode() and auth_data.password == password.encode())
        # handled=False: aiosmtpd answers 535 itself on a failure.
        return AuthResult(success=ok, handled=False)
    return authenticate


def main():
    if len(sys.argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    cert, key, maildir, username, password = sys.argv[1:]

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = SavingHandler(maildir)
    authenticator = make_authenticator(username, password)

    starttls = Controller(handler, hostname=HOST, port=free_port(),
                          tls_context=context, require_starttls=True,
                          authenticator=authenticator, auth_required=True)
    # aiosmtpd 1.4.3 offers AUTH on an implicit-TLS listener only with auth_require_tls=False
    # (it does not see that the whole connection is TLS).
    implicit = Controller(handler, hostname=HOST, port=free_port(),
                          ssl_context=context,
                          authenticator=authenticator, auth_required=True,
                          auth_require_tls=False)

    # That is on purpose here (see above): keep the test log quiet.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    starttls.start()
    try:
        implicit.start()
        try:
            print(f"READY starttls={starttls.port} tls={implicit.port}", flush=True)
            while not stop.wait(1.0):
                pass
        finally:
            implicit.stop()
    finally:
        starttls.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
