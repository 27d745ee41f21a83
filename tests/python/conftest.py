"""What the Python tests share: the CLI they are compared with, the source tree, a fixed clock."""
import os
import subprocess

import pytest

# Reports carry their generation time: both doors read the same fixed clock.
os.environ["SOURCE_DATE_EPOCH"] = "1767225600"  # 2026-01-01T00:00:00Z


@pytest.fixture(scope="session")
def cli():
    return os.environ["SANCHECK_CLI"]


@pytest.fixture(scope="session")
def source_dir():
    return os.environ["SANCHECK_SOURCE_DIR"]


@pytest.fixture(scope="session")
def checker():
    import sancheck
    return sancheck.Checker()


def run_cli(cli, *args, stdin=None):
    """The CLI's standard output (bytes); exit statuses 0 and 1 are both answers."""
    p = subprocess.run([cli, *args], input=stdin, capture_output=True)
    assert p.returncode in (0, 1), p.stderr.decode()
    return p.stdout
