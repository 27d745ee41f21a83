"""Starts `sancheck serve` on a free loopback port and talks HTTP to it (shared by the server tests)."""
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

FIXED_EPOCH = "1700000000"  # the same clock for the server and the CLI it is compared with


class Server:
    def __init__(self, exe, *args, env=None):
        self.exe = exe
        full_env = dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH)
        full_env.update(env or {})
        self.proc = subprocess.Popen([exe, "serve", "--listen", "127.0.0.1:0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env)
        self.log = []
        deadline = time.time() + 30
        self.port = None
        while time.time() < deadline:
            line = self.proc.stderr.readline().decode("utf-8", "replace")
            if not line:
                break
            self.log.append(line)
            m = re.search(r"serving on http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                break
        if self.port is None:
            self.proc.kill()
            raise RuntimeError("the server did not start:\n" + "".join(self.log) + self.proc.stderr.read().decode())
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def _drain(self):
        for line in self.proc.stderr:
            self.log.append(line.decode("utf-8", "replace"))

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def connect(self, timeout=10):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        return s

    def raw(self, data, timeout=10):
        """Sends bytes on a fresh connection and returns everything read until the server closes."""
        s = self.connect(timeout)
        try:
            s.sendall(data)
            return read_all(s)
        finally:
            s.close()

    def signal(self, sig):
        self.proc.send_signal(sig)

    def stop(self, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


def write_token(folder, text):
    """A token file readable by its owner only, as `serve --token-file` wants it."""
    path = os.path.join(folder, "token")
    with open(path, "w") as f:
        f.write(text + "\n")
    os.chmod(path, 0o600)
    return path


def read_all(sock):
    chunks = []
    while True:
        try:
            b = sock.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not b:
            break
        chunks.append(b)
    return b"".join(chunks)


def status_of(raw_response):
    m = re.match(rb"HTTP/1\.[01] (\d{3})", raw_response)
    return int(m.group(1)) if m else None


def cli(exe, *args, stdin=None):
    env = dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH)
    r = subprocess.run([exe, *args], input=stdin, capture_output=True, env=env)
    return r.returncode, r.stdout, r.stderr


class Checks:
    """Counts failures and keeps going, so one run shows every broken expectation."""

    def __init__(self):
        self.failures = 0
        self.passed = 0

    def expect(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failures += 1
            print("FAIL:", what, file=sys.stderr)

    def done(self):
        print("%d checks passed, %d failed" % (self.passed, self.failures))
        sys.exit(1 if self.failures else 0)
