"""Issue 10, item 5: long passphrases are allowed up to a sane limit; only a prefix is rated."""

from __future__ import annotations

import pytest

from caregiver_app.security.passphrase import MAX_LENGTH, passphrase_problem, strength_hint

LONG = "orange kettle drums beneath a quiet violet lighthouse at noon " * 20


@pytest.mark.parametrize("length", [73, 100, 500, 1024])
def test_long_passphrases_are_rated_and_allowed(length):
    phrase = LONG[:length]
    assert len(phrase) == length
    assert strength_hint(phrase).acceptable
    assert passphrase_problem(phrase, phrase) is None


def test_over_the_limit_is_a_plain_message():
    assert MAX_LENGTH == 1024
    problem = passphrase_problem(LONG[: MAX_LENGTH + 1])
    assert problem is not None and "1024" in problem
    assert not strength_hint(LONG[: MAX_LENGTH + 1]).acceptable


def test_the_cli_sets_and_opens_a_1024_character_passphrase(tmp_path):
    import io

    from caregiver_app import cli

    phrase = LONG[:MAX_LENGTH]

    def run(*args, stdin):
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["--data-dir", str(tmp_path / "v"), *args], stdin=io.StringIO(stdin), out=out, err=err)
        return code, err.getvalue()

    code, err = run("init", "--no-keyring", "--passphrase-stdin", stdin=LONG[: MAX_LENGTH + 1] + "\n")
    assert code == cli.EXIT_BAD_INPUT and "1024" in err and "Traceback" not in err
    assert run("init", "--no-keyring", "--passphrase-stdin", stdin=phrase + "\n") == (cli.EXIT_OK, "")
    assert run("people", "--passphrase-stdin", stdin=phrase + "\n")[0] == cli.EXIT_OK

