"""Shared helpers: the repository root, its fixtures, and the quotecheck binary to compare with.

The binary is $QUOTECHECK_BIN, else target/debug or target/release in the repository (CI
builds it with `cargo test` before pytest runs), else `cargo run`. Tests that compare with it
skip with a message when none of those exists.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def _binary():
    env = os.environ.get("QUOTECHECK_BIN")
    if env:
        return [env]
    for profile in ("debug", "release"):
        exe = ROOT / "target" / profile / "quotecheck"
        if exe.exists():
            return [str(exe)]
    if shutil.which("cargo") and (ROOT / "Cargo.toml").exists():
        return ["cargo", "run", "--quiet", "--manifest-path", str(ROOT / "Cargo.toml"), "--"]
    return None


@pytest.fixture(scope="session")
def cli():
    """Runs the CLI from the repository root; returns (exit code, stdout)."""
    command = _binary()
    if command is None:
        pytest.skip("no quotecheck binary (set QUOTECHECK_BIN or run cargo build)")

    def run(*args):
        done = subprocess.run(
            command + list(args), cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
        )
        assert done.returncode in (0, 1), done.stderr
        return done.returncode, done.stdout

    return run


@pytest.fixture(scope="session")
def cli_jsonl(cli):
    """Runs the CLI and parses its JSONL output."""

    def run(*args):
        _, out = cli(*args)
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    return run


def read(relative):
    """A fixture file's text."""
    return (ROOT / relative).read_text(encoding="utf-8")


def corpus(relative):
    """(id, text) of every document of a JSONL fixture corpus."""
    with open(ROOT / relative, encoding="utf-8") as f:
        return [(d["id"], d["text"]) for d in map(json.loads, f) if "text" in d]
