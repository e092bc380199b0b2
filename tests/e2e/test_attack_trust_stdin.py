"""Found by the trust attack: standard input without line ends (/dev/zero, a runaway pipe) was
read into memory without end (1.7 GB in ten seconds) and the command never finished."""

from __future__ import annotations

import pytest
from support import PASSPHRASE, cli_process

from caregiver_app import cli


@pytest.mark.parametrize("args", [("people", "--passphrase-stdin"), ("people", "--recovery-code-stdin"),
                                  ("change-passphrase", "--passphrase-stdin")])
def test_a_line_without_end_is_refused_plainly(data_dir, args, tmp_path):
    feed = tmp_path / "feed"
    feed.write_bytes(b"\0" * (4 * 1024 * 1024))  # what /dev/zero sends, but with an end
    with open(feed, "rb") as stdin:
        result = cli_process(data_dir, *args, stdin=stdin)
    err = result.stderr.decode()
    assert result.returncode == cli.EXIT_BAD_INPUT, err
    assert "too long" in err and "Traceback" not in err


def test_dev_zero_as_standard_input_ends(data_dir):
    with open("/dev/zero", "rb") as zero:
        result = cli_process(data_dir, "people", "--passphrase-stdin", stdin=zero)
    assert result.returncode == cli.EXIT_BAD_INPUT, result.stderr.decode()


def test_an_endless_second_line_is_refused_and_nothing_changes(data_dir, tmp_path):
    keys_before = (data_dir / "vault.keys").read_bytes()
    feed = tmp_path / "feed"
    feed.write_bytes(PASSPHRASE.encode() + b"\n" + b"a" * (cli.MAX_STDIN_LINE_BYTES + 10))
    with open(feed, "rb") as stdin:
        result = cli_process(data_dir, "rotate-key", "--passphrase-stdin", stdin=stdin)
    assert result.returncode == cli.EXIT_BAD_INPUT, result.stderr.decode()
    assert (data_dir / "vault.keys").read_bytes() == keys_before


def test_a_passphrase_of_1024_four_byte_characters_still_fits(data_dir, tmp_path):
    feed = tmp_path / "feed"
    feed.write_bytes(PASSPHRASE.encode() + b"\n")
    with open(feed, "rb") as stdin:
        assert cli_process(data_dir, "people", "--passphrase-stdin", stdin=stdin).returncode == cli.EXIT_OK
    assert len(("\U0001F600" * 1024 + "\n").encode()) <= cli.MAX_STDIN_LINE_BYTES
