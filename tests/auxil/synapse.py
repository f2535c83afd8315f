"""A real Synapse homeserver on 127.0.0.1 for the Matrix tests and the benchmark.

Synapse runs as a separate process from its own virtual environment (``.venv-synapse``, made by
``scripts/synapse-venv.sh`` with pinned versions), on SQLite, with relaxed ``rc_*`` rate limits (with
Synapse's defaults nio sleeps through 429s and a round trip stretches to seconds) and
``bcrypt_rounds: 4``. Users are registered through the shared-secret admin API, as an operator would.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import ROOT

VENV = ROOT / ".venv-synapse"
SERVER_NAME = "localhost"
SHM = Path("/dev/shm")
RELAXED = {"per_second": 1000, "burst_count": 10000}


@dataclass(frozen=True, slots=True)
class Account:
    user_id: str
    password: str


def ensure_installed() -> Path:
    """Install Synapse into its venv if needed (cheap when it is already there); the python to run."""
    python = VENV / "bin" / "python"
    subprocess.run([str(ROOT / "scripts" / "synapse-venv.sh")], check=True, cwd=ROOT)
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rate_limits() -> dict[str, Any]:
    both = {"address": RELAXED, "account": RELAXED}
    return {
        "rc_message": RELAXED,
        "rc_registration": RELAXED,
        "rc_login": {**both, "failed_attempts": RELAXED},
        "rc_joins": {"local": RELAXED, "remote": RELAXED},
        "rc_joins_per_room": RELAXED,
        "rc_invites": {"per_room": RELAXED, "per_user": RELAXED, "per_issuer": RELAXED},
        "rc_key_requests": RELAXED,
        "rc_room_creation": RELAXED,
        "rc_3pid_validation": RELAXED,
        "rc_admin_redaction": RELAXED,
        "rc_presence": {"per_user": RELAXED},
        "rc_delayed_event_mgmt": RELAXED,
        "rc_media_create": RELAXED,
        "rc_profile": RELAXED,
        "rc_user_directory": RELAXED,
        "rc_reports": RELAXED,
    }


class Synapse:
    """One homeserver process; ``start``/``stop``/``restart`` keep its database (a real restart)."""

    def __init__(self, directory: Path, port: int | None = None) -> None:
        self.dir = directory
        # the homeserver's SQLite file lives in memory when it can (/dev/shm): each event Synapse
        # stores is an fsync'ed commit, and on a shared CI disk those dominate a round trip
        try:
            self.db_dir = Path(tempfile.mkdtemp(prefix="synapse-db-", dir=SHM))
        except OSError:  # no /dev/shm here: the disk does too, only slower
            self.db_dir = Path(tempfile.mkdtemp(prefix="synapse-db-"))
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.secret = secrets.token_hex(16)
        self.process: subprocess.Popen[bytes] | None = None
        self._names = itertools.count(1)
        self.python = VENV / "bin" / "python"

    @property
    def config_path(self) -> Path:
        return self.dir / "homeserver.yaml"

    def write_config(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        log_config = self.dir / "log.yaml"
        log_config.write_text(
            json.dumps(
                {
                    "version": 1,
                    "formatters": {"f": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
                    "handlers": {
                        "file": {
                            "class": "logging.FileHandler",
                            "filename": str(self.dir / "homeserver.log"),
                            "formatter": "f",
                        }
                    },
                    "root": {"level": "WARNING", "handlers": ["file"]},
                    "disable_existing_loggers": False,
                }
            ),
            encoding="utf-8",
        )
        config: dict[str, Any] = {
            "server_name": SERVER_NAME,
            "pid_file": str(self.dir / "homeserver.pid"),
            "listeners": [
                {
                    "port": self.port,
                    "bind_addresses": ["127.0.0.1"],
                    "type": "http",
                    "tls": False,
                    "x_forwarded": False,
                    "resources": [{"names": ["client"], "compress": False}],
                }
            ],
            "database": {"name": "sqlite3", "args": {"database": str(self.db_dir / "homeserver.db")}},
            "log_config": str(log_config),
            "media_store_path": str(self.dir / "media"),
            "signing_key_path": str(self.dir / "signing.key"),
            "registration_shared_secret": self.secret,
            "macaroon_secret_key": secrets.token_hex(16),
            "form_secret": secrets.token_hex(16),
            "report_stats": False,
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "enable_registration": False,
            "bcrypt_rounds": 4,
            "presence": {"enabled": False},
            "url_preview_enabled": False,
            "enable_metrics": False,
            **_rate_limits(),
        }
        # YAML is a superset of JSON: no YAML writer needed on our side
        self.config_path.write_text(json.dumps(config, indent=1), encoding="utf-8")

    def _command(self) -> list[str]:
        return [str(self.python), "-m", "synapse.app.homeserver", "-c", str(self.config_path)]

    def start(self, timeout: float = 60.0) -> None:
        if not self.config_path.exists():
            self.write_config()
            subprocess.run(
                [
                    str(self.python),
                    "-m",
                    "synapse.app.homeserver",
                    "-c",
                    str(self.config_path),
                    "--generate-keys",
                ],
                check=True,
                capture_output=True,
                cwd=self.dir,
            )
        out = (self.dir / "stdout.log").open("ab")
        self.process = subprocess.Popen(
            self._command(),
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=self.dir,
            env={k: v for k, v in os.environ.items() if not k.startswith("BOT_")},
        )
        out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"synapse exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_matrix/client/versions", timeout=1) as r:
                    if r.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"synapse did not answer within {timeout} s: {self.log_tail()}")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def close(self) -> None:
        """Stop and delete the database (``stop`` alone keeps it, for a restart)."""
        self.stop()
        shutil.rmtree(self.db_dir, ignore_errors=True)

    def restart(self) -> None:
        self.stop()
        self.start()

    def log_tail(self, lines: int = 30) -> str:
        texts = []
        for name in ("stdout.log", "homeserver.log"):
            path = self.dir / name
            if path.exists():
                texts.append("\n".join(path.read_text(errors="replace").splitlines()[-lines:]))
        return "\n".join(texts)

    # -- the admin API -----------------------------------------------------------------------

    def _request(
        self, method: str, path: str, body: dict[str, Any] | None = None, token: str = ""
    ) -> dict[str, Any]:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=10) as response:
            return dict(json.loads(response.read()))

    def register(self, prefix: str = "user", admin: bool = False) -> Account:
        """A new account through the shared-secret registration API (HMAC-SHA1 over nonce and fields)."""
        name = f"{prefix}{next(self._names)}_{secrets.token_hex(3)}"
        password = secrets.token_hex(8)
        nonce = self._request("GET", "/_synapse/admin/v1/register")["nonce"]
        mac = hmac.new(self.secret.encode(), digestmod=hashlib.sha1)
        mac.update(b"\x00".join([nonce.encode(), name.encode(), password.encode()]))
        mac.update(b"\x00admin" if admin else b"\x00notadmin")
        reply = self._request(
            "POST",
            "/_synapse/admin/v1/register",
            {"nonce": nonce, "username": name, "password": password, "admin": admin, "mac": mac.hexdigest()},
        )
        return Account(str(reply["user_id"]), password)

    def limit_messages(self, user_id: str, per_second: float, burst: int) -> None:
        """A strict message rate limit for one user (the admin API's per-user override)."""
        admin = self.register("admin", admin=True)
        login = self._request(
            "POST",
            "/_matrix/client/v3/login",
            {
                "type": "m.login.password",
                "identifier": {"type": "m.id.user", "user": admin.user_id},
                "password": admin.password,
            },
        )
        self._request(
            "POST",
            f"/_synapse/admin/v1/users/{urllib.parse.quote(user_id)}/override_ratelimit",
            {"messages_per_second": per_second, "burst_count": burst},
            token=str(login["access_token"]),
        )
