#!/usr/bin/env python3
"""`sancheck serve` under hostile clients: limits, timeouts, a full pool, the token, and a graceful stop.

Usage: limits_test.py SANCHECK SOURCE_DIR
"""
import concurrent.futures
import json
import os
import signal
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from harness import Checks, Server, read_all, status_of, write_token  # noqa: E402

exe, src = sys.argv[1], sys.argv[2]
c = Checks()
submarine = open(os.path.join(src, "samples", "article-2023-09", "submarine.yaml"), "rb").read()


def big_scenario(n):
    lines = ["scenario: big", "title: Many deliveries", "date: 2023-09-13", "parties:",
             "  a:\n    name: Ordinary Trading\n    country: RU\n    kind: company",
             "  b:\n    name: Pyongyang Foods\n    country: KP\n    kind: company", "activities:"]
    for i in range(n):
        lines.append("  - id: a%d\n    type: supply\n    from: a\n    to: b\n    items:\n"
                     "      - description: Goods\n        hs: \"8471\"\n        quantity: 1\n        unit: pcs" % i)
    return ("\n".join(lines) + "\n").encode()


# Limits and timeouts.
with Server(exe, "--max-body", "4096", "--header-timeout", "0.5", "--body-timeout", "0.5",
            "--max-connections", "8") as server:
    r = server.raw(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000)
    c.expect(status_of(r) == 413, "a body over --max-body is 413 (%r)" % r[:40])
    chunked = b"POST /v1/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + \
        b"".join(b"400\r\n" + b"y" * 1024 + b"\r\n" for _ in range(6)) + b"0\r\n\r\n"
    c.expect(status_of(server.raw(chunked)) == 413, "a chunked body over the limit is 413")
    r = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")
    c.expect(status_of(r) == 431, "headers over the size limit are 431 (%r)" % r[:40])
    many = b"".join(b"X-H%d: v\r\n" % i for i in range(150))
    c.expect(status_of(server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")) == 431,
             "more than 100 header fields are 431")
    for garbage in [b"HELLO\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x00\x01\x02\r\n\r\n",
                    b"POST /v1/check HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                    b"POST /v1/check HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"]:
        r = server.raw(garbage)
        c.expect(status_of(r) == 400 or r == b"", "garbage %r is refused (%r)" % (garbage[:20], r[:30]))

    # A client that never finishes its headers (slowloris) is closed after --header-timeout.
    s = server.connect()
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    start = time.time()
    got = read_all(s)
    s.close()
    c.expect(got == b"" and time.time() - start < 5, "a slow header is cut off (%.1fs)" % (time.time() - start))
    # A body that stops coming: 408 (or a close) after --body-timeout.
    s = server.connect()
    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nscenario: x\n")
    got = read_all(s)
    s.close()
    c.expect(status_of(got) == 408 or got == b"", "a stalled body is answered 408 (%r)" % got[:30])
    # Half-closed: the client sends its request and shuts its side; the answer still arrives.
    s = server.connect()
    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(submarine) + submarine)
    s.shutdown(socket.SHUT_WR)
    got = read_all(s)
    s.close()
    c.expect(status_of(got) == 200 and b'"prohibited"' in got, "a half-closed client gets its answer")
    # Connections over --max-connections get 503 at once; the others keep working. First let the
    # connections answered above close (a refused request's connection lingers up to a second).
    time.sleep(1.5)
    held = [server.connect() for _ in range(8)]
    time.sleep(0.2)
    r = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    c.expect(status_of(r) == 503 and b"Retry-After" in r, "a connection over the limit is 503 (%r)" % r[:40])
    for h in held:
        h.close()
    time.sleep(0.8)  # the server notices the closed connections
    c.expect(server.request("GET", "/healthz")[0] == 200, "the server serves after all of that")
    c.expect(server.stop() == 0, "and stops cleanly")

# A full pool and queue answer 503 with Retry-After, never hang.
with Server(exe, "--workers", "1", "--queue", "0") as server:
    heavy = big_scenario(3000)
    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        results = list(pool.map(lambda _: server.request("POST", "/v1/check", body=heavy, timeout=120), range(12)))
    statuses = [r[0] for r in results]
    c.expect(set(statuses) <= {200, 503} and statuses.count(503) >= 1 and statuses.count(200) >= 1,
             "a full pool answers 503 and serves the rest: %s" % statuses)
    c.expect(all(r[1].get("retry-after") == "1" for r in results if r[0] == 503), "503 carries Retry-After")
    # Graceful stop: a request whose body is still coming in when SIGTERM arrives is answered.
    s = server.connect(timeout=30)
    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(submarine) + submarine[:100])
    time.sleep(0.3)
    server.signal(signal.SIGTERM)
    time.sleep(0.3)
    try:
        refused = socket.create_connection(("127.0.0.1", server.port), timeout=2)
        refused.close()
        c.expect(False, "no new connection is accepted while draining")
    except OSError:
        c.expect(True, "")
    s.sendall(submarine[100:])
    got = read_all(s)
    s.close()
    c.expect(status_of(got) == 200 and b"Connection: close" in got, "the request in flight is answered (%r)" % got[:60])
    c.expect(server.proc.wait(timeout=30) == 0, "the server exits 0 after draining")

# The token: every route but the health checks and the page needs it; compared in constant time.
with tempfile.TemporaryDirectory() as tmp:
    token_path = write_token(tmp, "s3cret-token-of-some-length")
    with Server(exe, "--token-file", token_path) as server:
        good = {"Authorization": "Bearer s3cret-token-of-some-length"}
        for method, path, body in [("POST", "/v1/check", submarine), ("POST", "/v1/screen", '{"queries":[{"name":"x"}]}'),
                                   ("GET", "/v1/rules", None), ("GET", "/v1/lists", None), ("GET", "/metrics", None),
                                   ("GET", "/v1/openapi.json", None)]:
            status, h, _ = server.request(method, path, body=body)
            c.expect(status == 401 and h.get("www-authenticate") == "Bearer", "%s without a token is 401" % path)
            status, _, _ = server.request(method, path, body=body, headers={"Authorization": "Bearer wrong"})
            c.expect(status == 401, "%s with a wrong token is 401" % path)
            status, _, _ = server.request(method, path, body=body, headers={"Authorization": "Basic eDp5"})
            c.expect(status == 401, "%s with another scheme is 401" % path)
            status, _, _ = server.request(method, path, body=body, headers=good)
            c.expect(status == 200, "%s with the token is 200" % path)
        for path in ["/healthz", "/readyz", "/"]:
            c.expect(server.request("GET", path)[0] == 200, "%s needs no token" % path)
        status, _, body = server.request("POST", "/v1/admin/reload", headers=good)
        c.expect(status == 200 and json.loads(body)["generation"] == 2, "the admin reload works with the token")
        c.expect(server.stop() == 0, "stops cleanly")
    write_token(tmp, "short")
    proc_rc = os.system("%s serve --listen 127.0.0.1:0 --token-file %s 2>/dev/null" % (exe, token_path)) >> 8
    c.expect(proc_rc == 2, "a short token is refused at start (exit %d)" % proc_rc)
# Screening with no designation list loaded: 409, not an empty answer that reads as "no match".
with Server(exe, "--no-builtin", "--rules", os.path.join(src, "samples", "tutorial", "pack")) as server:
    status, _, body = server.request("POST", "/v1/screen", body='{"queries":[{"name":"Jo Chun-ryong"}]}')
    c.expect(status == 409 and json.loads(body)["errors"][0]["code"] == "screen.no_list", "no list is a 409")
c.done()
