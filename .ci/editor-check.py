#!/usr/bin/env python3
"""An editor's view: start the C# language server csharp-ls (a local dotnet tool of this repo) on the sample,
open one of its files as an editor would, and check that the FTPR diagnostics are published for it.
Exits non-zero, saying why, when they are not."""
import json
import os
import pathlib
import queue
import subprocess
import sys
import threading
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "FtpClientSample"
FILE = SAMPLE / "ReportDownloader.cs"
TIMEOUT = float(os.environ.get("EDITOR_CHECK_TIMEOUT", "240"))
EXPECTED = {"FTPR0001", "FTPR0002"}


def send(proc, message):
    body = json.dumps(message).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def reader(proc, inbox):
    stream = proc.stdout
    while True:
        headers = {}
        while True:
            line = stream.readline()
            if not line:
                inbox.put(None)
                return
            line = line.decode("ascii", "replace").strip()
            if not line:
                break
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        inbox.put(json.loads(stream.read(length).decode("utf-8")))


def main():
    subprocess.run(["dotnet", "tool", "restore"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    # The sample's analyzers come from project references: build them first, as an IDE's first build would.
    subprocess.run(["dotnet", "build", str(SAMPLE), "-v:q", "-nologo"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    proc = subprocess.Popen(["dotnet", "tool", "run", "csharp-ls"], cwd=SAMPLE, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    inbox = queue.Queue()
    threading.Thread(target=reader, args=(proc, inbox), daemon=True).start()
    settings = {"csharp": {"analyzersEnabled": True}}
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": os.getpid(), "rootUri": SAMPLE.as_uri(),
        "capabilities": {"workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": False}},
                         "textDocument": {"publishDiagnostics": {}, "synchronization": {}}},
        "initializationOptions": settings,
        "workspaceFolders": [{"uri": SAMPLE.as_uri(), "name": "sample"}]}})
    uri = FILE.as_uri()
    opened = False
    seen = set()
    deadline = time.time() + TIMEOUT
    try:
        while time.time() < deadline:
            try:
                message = inbox.get(timeout=5)
            except queue.Empty:
                if opened:
                    # Ask again: servers publish diagnostics after the project has loaded.
                    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                        "textDocument": {"uri": uri, "version": int(time.time())},
                        "contentChanges": [{"text": FILE.read_text()}]}})
                continue
            if message is None:
                print("editor-check: FAILED: the language server exited", file=sys.stderr)
                return 1
            method = message.get("method")
            if message.get("id") == 1 and "result" in message:
                send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
                send(proc, {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": settings}})
                send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
                    "textDocument": {"uri": uri, "languageId": "csharp", "version": 1, "text": FILE.read_text()}}})
                opened = True
            elif method == "workspace/configuration":
                items = message["params"].get("items", [])
                send(proc, {"jsonrpc": "2.0", "id": message["id"], "result": [settings["csharp"] for _ in items]})
            elif "id" in message and method is not None:
                send(proc, {"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif method == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                codes = {str(d.get("code")) for d in message["params"].get("diagnostics", [])}
                seen |= {c for c in codes if c.startswith("FTPR")}
                if EXPECTED <= seen:
                    print("editor-check: csharp-ls published %s for %s" % (", ".join(sorted(seen)), FILE.name))
                    return 0
        print("editor-check: FAILED: no %s published for %s within %d s (saw: %s)"
              % (", ".join(sorted(EXPECTED)), FILE.name, TIMEOUT, ", ".join(sorted(seen)) or "nothing"), file=sys.stderr)
        return 1
    finally:
        proc.kill()


if __name__ == "__main__":
    sys.exit(main())
