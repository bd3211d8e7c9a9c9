"""An FTP server on loopback that injects genuine transient replies, for the end-to-end tests of the code fixes.

Run with the system interpreter (Debian's python3-pyftpdlib installs for it):

    /usr/bin/python3 fault_ftpd.py --root DIR --port-file FILE --log FILE [--time-limit SECONDS]

It listens on 127.0.0.1 on a port the system picks and writes that port to --port-file once it accepts connections.
Anonymous users may read and write under --root.

A fault is asked for by the file's name: "<code>x<times>[@<bytes>]_<name>", for example

    426x2@4096_data.bin   RETR, STOR, APPE: the data connection is closed after 4096 bytes sent or received (the
                          server answers 426), twice
    rstx1@4096_data.bin   RETR, STOR, APPE: the data connection is reset after 4096 bytes (SO_LINGER 0, the client
                          gets RST; the server answers 426), the first time
    450xall_data.bin      RETR, STOR, APPE, DELE: 450 every time
    421x1_data.bin        421 and the control connection closed, the first time
    425x1_data.bin, 451x3_data.bin  likewise

The fault applies to the first <times> attempts of each (command, path) and then clears ("all": it never clears).
A file that does not exist gets pyftpdlib's own 550. Each attempt is logged as one line
"<COMMAND> <path> <outcome>" (outcome: the injected code, or "run" when pyftpdlib runs the command as it is), so a test counts the attempts.
"""

import argparse
import os
import re
import signal
import socket
import struct
import sys
import threading

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import DTPHandler, FTPHandler
from pyftpdlib.servers import FTPServer

FAULT = re.compile(r"^(?P<code>421|425|426|450|451|452|rst)x(?P<times>\d+|all)(?:@(?P<bytes>\d+))?_")
MESSAGES = {
    "421": "421 Service not available, closing control connection.",
    "425": "425 Can't open data connection.",
    "450": "450 Requested file action not taken; file unavailable.",
    "451": "451 Requested action aborted: local error in processing.",
    "452": "452 Requested action not taken; insufficient storage space.",
}


class AttemptLog:
    def __init__(self, path):
        self._file = open(path, "a", buffering=1, encoding="utf-8")
        self._lock = threading.Lock()
        self._counts = {}

    def attempt(self, command, path):
        """Counts this attempt of (command, path) and returns its number, starting at 1."""
        with self._lock:
            key = (command, path)
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key]

    def write(self, command, path, outcome):
        with self._lock:
            self._file.write("%s %s %s\n" % (command, path, outcome))
            self._file.flush()


class FaultDTPHandler(DTPHandler):
    """Closes (426) or resets (rst) the data connection of a RETR, STOR or APPE after the number of bytes the fault
    names: pyftpdlib answers 426 on the control connection."""

    def send(self, data):
        limit = getattr(self.cmd_channel, "abort_after", None)
        if limit is None or self.receive:
            return super().send(data)
        remaining = limit - self.tot_bytes_sent
        if remaining <= 0:
            self._abort()
            return 0
        return super().send(data[:remaining])

    def handle_read(self):
        limit = getattr(self.cmd_channel, "abort_after", None)
        if limit is not None and self.receive and self.tot_bytes_received >= limit:
            self._abort()
            return
        super().handle_read()

    # DTPHandler binds handle_read_event to its own handle_read.
    handle_read_event = handle_read

    def _abort(self):
        self.cmd_channel.abort_after = None
        if self.cmd_channel.reset_data:
            # SO_LINGER on with a zero timeout: close() sends RST instead of FIN, and unsent data is dropped.
            self.cmd_channel.reset_data = False
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self._resp = ("426 Connection closed; transfer aborted.", self.log)
        self.close()


class FaultFTPHandler(FTPHandler):
    dtp_handler = FaultDTPHandler
    use_sendfile = False
    timeout = 20
    attempts = None  # the AttemptLog, set by main
    abort_after = None
    reset_data = False

    def _fault(self, command, path):
        """The fault this attempt of (command, path) gets, as (code, bytes), or None."""
        ftp_path = self.fs.fs2ftp(path)
        attempt = self.attempts.attempt(command, ftp_path)
        match = FAULT.match(os.path.basename(path))
        if match is None or (match.group("times") != "all" and attempt > int(match.group("times"))):
            self.attempts.write(command, ftp_path, "run")
            return None
        self.attempts.write(command, ftp_path, match.group("code"))
        return match.group("code"), int(match.group("bytes") or 0)

    def _answer(self, fault):
        """Answers an injected reply instead of running the command; False when the command is to run."""
        code, _ = fault
        if code in ("426", "rst"):
            return False
        if code == "421":
            self.respond(MESSAGES[code])
            self.close_when_done()
            return True
        self.respond(MESSAGES[code])
        return True

    def ftp_RETR(self, file):
        fault = self._fault("RETR", file)
        if fault is not None:
            if fault[0] in ("426", "rst"):
                self.abort_after = fault[1]
                self.reset_data = fault[0] == "rst"
            elif self._answer(fault):
                return None
        return super().ftp_RETR(file)

    def ftp_STOR(self, file, mode="w"):
        fault = self._fault("APPE" if mode == "a" else "STOR", file)
        if fault is not None:
            if fault[0] in ("426", "rst"):
                self.abort_after = fault[1]
                self.reset_data = fault[0] == "rst"
            elif self._answer(fault):
                return None
        return super().ftp_STOR(file, mode)

    def ftp_DELE(self, path):
        fault = self._fault("DELE", path)
        if fault is not None and self._answer(fault):
            return None
        return super().ftp_DELE(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--time-limit", type=int, default=600, help="stop after this many seconds whatever happens")
    args = parser.parse_args()

    # Stops by itself: a test that dies cannot leave the server behind for long.
    signal.signal(signal.SIGALRM, lambda *_: os._exit(0))
    signal.alarm(args.time_limit)

    authorizer = DummyAuthorizer()
    authorizer.add_anonymous(os.path.abspath(args.root), perm="elradfmwMT")
    FaultFTPHandler.authorizer = authorizer
    FaultFTPHandler.attempts = AttemptLog(args.log)
    FaultFTPHandler.passive_ports = None
    FaultFTPHandler.masquerade_address = None

    server = FTPServer(("127.0.0.1", 0), FaultFTPHandler)
    port = server.address[1]
    temporary = args.port_file + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(str(port))
    os.replace(temporary, args.port_file)
    print("listening on 127.0.0.1:%d" % port, flush=True)
    server.serve_forever(handle_exit=True)


if __name__ == "__main__":
    sys.exit(main())
