"""What can be checked of the container without a Docker engine: the Dockerfile's promises and the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from bot.config import ROOT


def dockerfile() -> list[str]:
    return (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()


def test_dockerfile_runs_as_non_root_with_a_data_volume_and_healthcheck() -> None:
    lines = dockerfile()
    assert next(line for line in lines if line.startswith("FROM ")).startswith("FROM python:3.11-slim")
    user_lines = [line for line in lines if line.startswith("USER ")]
    assert user_lines and user_lines[-1].split()[1] not in ("root", "0")
    assert any(line.startswith("VOLUME") and "/data" in line for line in lines)
    assert any("BOT_DATA_DIR=/data" in line for line in lines)
    assert any(line.startswith("HEALTHCHECK") for line in lines)
    assert lines[-1] == 'CMD ["python", "-m", "bot", "run"]'


def test_everything_the_dockerfile_copies_exists() -> None:
    for line in dockerfile():
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), source


def test_wheel_contains_the_migrations(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "bot/store/migrations/0001_users.sql" in names
    assert "bot/__main__.py" in names
