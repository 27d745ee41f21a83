#!/usr/bin/env python3
"""`sancheck serve` reloads: SIGHUP and the admin route swap in a good pack and refuse a bad one.

Usage: reload_test.py SANCHECK SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from harness import Checks, Server, write_token  # noqa: E402

exe, src = sys.argv[1], sys.argv[2]
c = Checks()


def wait_for(predicate, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


with tempfile.TemporaryDirectory() as tmp:
    pack = os.path.join(tmp, "pack")
    shutil.copytree(os.path.join(src, "samples", "tutorial", "pack"), pack)
    pack_yaml = os.path.join(pack, "pack.yaml")
    original = open(pack_yaml).read()
    token_path = write_token(tmp, "reload-token-0123456789")
    auth = {"Authorization": "Bearer reload-token-0123456789"}
    with Server(exe, "--rules", pack, "--token-file", token_path) as server:
        def packs():
            return server.request("GET", "/healthz")[1].get("x-sancheck-packs", "")

        def generation():
            return json.loads(server.request("GET", "/readyz")[2])["generation"]

        c.expect("acme-exports@2024.1" in packs(), "the pack is served: %s" % packs())
        # A good change, then SIGHUP: the new version is served.
        with open(pack_yaml, "w") as f:
            f.write(original.replace('version: "2024.1"', 'version: "2024.2"'))
        server.signal(signal.SIGHUP)
        c.expect(wait_for(lambda: "acme-exports@2024.2" in packs()), "SIGHUP serves the new version")
        c.expect(generation() == 2, "the generation counts the reload")
        # A broken pack: refused, the old version keeps serving.
        with open(pack_yaml, "w") as f:
            f.write(original.replace("pack: acme-exports", "pack: acme-exports\nbogus_key: 1"))
        server.signal(signal.SIGHUP)
        c.expect(wait_for(lambda: any("reload_refused" in line for line in server.log)), "the refusal is logged")
        c.expect("acme-exports@2024.2" in packs() and generation() == 2, "the old version keeps serving")
        status, _, body = server.request("POST", "/v1/check",
                                         body=open(os.path.join(src, "samples", "article-2023-09", "submarine.yaml"), "rb").read(),
                                         headers=auth)
        c.expect(status == 200 and json.loads(body)["scenarios"][0]["verdict"] == "prohibited", "and still judges")
        status, _, body = server.request("POST", "/v1/admin/reload", headers=auth)
        errors = json.loads(body)["errors"]
        c.expect(status == 422 and "bogus_key" in errors[0]["message"], "the admin route says why it refused")
        metrics = server.request("GET", "/metrics", headers=auth)[2].decode()
        c.expect('sancheck_reloads_total{result="failed"} 2' in metrics and
                 'sancheck_reloads_total{result="ok"} 1' in metrics, "reloads are counted")
        # Fixed again, through the admin route.
        with open(pack_yaml, "w") as f:
            f.write(original.replace('version: "2024.1"', 'version: "2024.3"'))
        status, _, body = server.request("POST", "/v1/admin/reload", headers=auth)
        c.expect(status == 200 and "acme-exports@2024.3" in json.loads(body)["packs"], "the admin reload serves it")
        c.expect(server.request("POST", "/v1/admin/reload")[0] == 401, "the admin route needs the token")
        c.expect(server.stop() == 0, "stops cleanly")
    # A pack that does not load at start: exit 2 with its diagnostics, nothing served.
    with open(pack_yaml, "w") as f:
        f.write("pack: [\n")
    r = subprocess.run([exe, "serve", "--listen", "127.0.0.1:0", "--rules", pack], capture_output=True, timeout=30)
    c.expect(r.returncode == 2 and b"error" in r.stderr, "a bad pack at start exits 2")
    r = subprocess.run([exe, "serve", "--listen", "nonsense"], capture_output=True, timeout=30)
    c.expect(r.returncode == 2 and b"--listen" in r.stderr, "a bad --listen exits 2")
c.done()
