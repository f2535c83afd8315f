"""Data at rest: the data directory and every file in it are owner-only; deleted rows are overwritten;
unanswered questions are purged by the retention job and keep only the content's words."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.answers.gaps import mask
from bot.common.private import restrict_tree
from bot.config import ROOT
from bot.core.clock import FakeClock
from bot.ops.backup import backup
from bot.store.db import Database
from tests.auxil.chat import START, Chat, started_app
from tests.auxil.process import run_bot


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes(root: Path) -> dict[str, int]:
    found = {".": mode(root)}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder, name)
            found[str(path.relative_to(root))] = mode(path)
    return found


def assert_owner_only(root: Path) -> None:
    for name, bits in modes(root).items():
        assert bits & 0o077 == 0, f"{name} is {oct(bits)}"


@pytest.fixture
def lax_umask() -> Iterator[None]:
    """A permissive umask (022), as a shell usually has: the code must not rely on the caller's."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


async def test_the_database_is_owner_only_and_overwrites_what_is_deleted(
    tmp_path: Path, lax_umask: None
) -> None:
    db = Database(tmp_path / "data" / "bot.sqlite3")
    await db.open()
    try:
        await db.execute(
            "INSERT INTO answer_gaps (lang, key, text, count, first_seen, last_seen) "
            "VALUES ('en', 'k', 't', 1, 'x', 'x')"
        )
        row = await db.fetchone("PRAGMA secure_delete")
        assert row is not None and row[0] == 1
    finally:
        await db.close()
    assert (tmp_path / "data" / "bot.sqlite3").exists()
    assert_owner_only(tmp_path / "data")


async def test_files_made_before_are_tightened_at_start(tmp_path: Path, lax_umask: None) -> None:
    data = tmp_path / "var"
    (data / "matrix").mkdir(parents=True, mode=0o755)
    (data / "matrix" / "bot_DEVICE.db").write_text("keys")
    (data / "staff.log").write_text("[2026-11-30 10:00] Maria 0176 1234567\n")
    (data / "backups").mkdir(mode=0o755)
    (data / "backups" / "bot-2026-11-29.sqlite3").write_bytes(b"")
    os.chmod(data, 0o755)
    assert mode(data / "staff.log") == 0o644
    app = await started_app(tmp_path)
    await app.stop()
    assert_owner_only(data)
    assert restrict_tree(data) == 0  # nothing left to change


def test_a_backup_is_owner_only_whatever_the_umask(tmp_path: Path, lax_umask: None) -> None:
    import sqlite3

    source = tmp_path / "src.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE t (x)")
    backup(source, tmp_path / "backups" / "copy.sqlite3")
    assert mode(tmp_path / "backups") == 0o700
    assert mode(tmp_path / "backups" / "copy.sqlite3") == 0o600


def test_the_bot_process_creates_owner_only_files(tmp_path: Path, lax_umask: None) -> None:
    data = tmp_path / "var"
    result = run_bot(["console"], data, "/language en\n/menu\n")
    assert result.returncode == 0, result.stderr
    assert (data / "bot.sqlite3").exists()
    assert_owner_only(data)
    copy = run_bot(["db", "backup", str(data / "backups" / "b.sqlite3")], data)
    assert copy.returncode == 0, copy.stderr
    assert_owner_only(data)


async def test_unanswered_questions_are_purged_by_the_retention_job(tmp_path: Path) -> None:
    clock = FakeClock(START)
    app = await started_app(tmp_path, clock)
    try:
        chat = Chat(app)
        await chat.say("/language en")
        await chat.say("tell me a joke about penguins")
        assert await app.db.fetchall("SELECT text FROM answer_gaps")
        clock.advance(timedelta(days=91))
        await app.purge()  # no new question is written: the retention job alone removes it
        assert await app.db.fetchall("SELECT text FROM answer_gaps") == []
    finally:
        await app.stop()


async def test_a_stored_question_keeps_only_words_the_content_knows(tmp_path: Path) -> None:
    app = await started_app(tmp_path)
    try:
        chat = Chat(app)
        await chat.say("/language ro")
        await chat.say("Ionut Zanzibarescu din strada Quokkalor vrea o reteta de papanasi 0176 1234567")
        [(text,)] = await app.db.fetchall("SELECT text FROM answer_gaps")
    finally:
        await app.stop()
    for name in ("Ionut", "Zanzibarescu", "Quokkalor", "papanasi", "1234567"):
        assert name not in text
    assert "…" in text and "[phone]" in text and "din" in text  # the content's words stay


def test_masking_keeps_known_words_and_placeholders_and_merges_unknown_runs() -> None:
    known = {"wo", "ist", "das", "jobcenter"}.__contains__
    assert (
        mask("Wo ist das Jobcenter, Herr Zanzibar Quokka? mail a@b.de", known)
        == "Wo ist das Jobcenter, … [email]"
    )


def test_secrets_and_data_are_kept_out_of_git_and_the_image() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", ".env", "var/bot.sqlite3", "data.sqlite3", "x.sqlite3-wal", "staff.log"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert ignored == [".env", "var/bot.sqlite3", "data.sqlite3", "x.sqlite3-wal", "staff.log"]
    docker = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    for entry in (".env", "var/", "*.sqlite3", "*.sqlite3-*", ".git/"):
        assert entry in docker
    unit = (ROOT / "deploy" / "newcomers-bot.service").read_text(encoding="utf-8").splitlines()
    assert "UMask=0077" in unit and "StateDirectoryMode=0700" in unit


async def test_an_anonymised_booking_keeps_no_event_key(tmp_path: Path) -> None:
    from tests.booking.conftest import book, feature

    clock = FakeClock(START)
    app = await started_app(tmp_path, clock)
    try:
        await book(app, "maria", "ro", name="Mariana")
        await book(app, "ion", "ro")
        # the key of the event that booked (a channel's message id): it links the row to a chat
        await app.db.execute("UPDATE bookings SET event_key = 'matrix:$' || id")
        clock.advance(timedelta(days=60))  # both appointments long past, beyond keep_personal_days
        await feature(app).service.housekeeping()
        rows = await app.db.fetchall("SELECT first_name, phone, user_id, event_key FROM bookings")
        assert rows and all(tuple(r) == (None, None, None, None) for r in rows)
    finally:
        await app.stop()
