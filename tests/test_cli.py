"""`python -m congress check` prints every problem and exits 1 on an error, 0 on clean content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from site_factory import DEPUTY, STATION, write_site


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "congress", "check", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_clean_content_passes(tmp_path: Path) -> None:
    result = _check(write_site(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "检查通过" in result.stdout


def test_every_error_is_printed_and_exit_code_is_1(tmp_path: Path) -> None:
    deputy = DEPUTY.replace("gender: male", "gender: man")
    station = STATION.replace("area: east-town", "area: nowhere")
    result = _check(
        write_site(tmp_path, deputies={"li-ming": deputy}, stations={"east-home": station})
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("data/deputies/li-ming.yml:3:1: gender: 应为以下之一")
    assert lines[1].startswith("data/stations/east-home.yml:4:1: area: 未找到区域")
    assert lines[-1] == "共 2 个错误，0 个警告。"


def test_warnings_alone_do_not_fail(tmp_path: Path) -> None:
    result = _check(write_site(tmp_path, deputies={}))
    assert result.returncode == 0
    assert "警告：" in result.stdout


def test_articles_and_plans_are_checked_with_the_data(tmp_path: Path) -> None:
    from test_article_site import GOOD, article_site

    root = article_site(tmp_path, {"2025-03-15-visit.md": GOOD.replace("[li-ming]", "[nobody]")})
    result = _check(root)
    assert result.returncode == 1
    assert "content/news/2025-03-15-visit.md:8:12: deputies[0]: 未找到代表“nobody”" in result.stdout
    assert "content/news/2025-03-15-visit.md:11:14: plan_items[0]: 未找到工作计划“2025-plan”" in (
        result.stdout
    )


def test_the_command_line_itself_speaks_chinese() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "congress", "new", "article"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 2
    assert result.stderr.startswith("用法：congress new article")
    assert "缺少以下参数：title, --category" in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`congress check | head`: many problems, one line read."""
    deputies = {
        f"d-{i}": DEPUTY.replace("li-ming", f"d-{i}").replace("male", "man") for i in range(1000)
    }
    root = write_site(tmp_path, deputies=deputies)
    check = subprocess.Popen(
        [sys.executable, "-m", "congress", "check", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert check.stdout is not None and check.stderr is not None
    assert check.stdout.readline()
    check.stdout.close()
    assert "Traceback" not in check.stderr.read().decode("utf-8")
    assert check.wait(timeout=60) != 0
