"""A small site written into a temporary folder: just enough data for every rule to have a case."""

from __future__ import annotations

from pathlib import Path

TODAY = "2026-11-24"

AREAS = """\
- id: demo
  name: 示范市
  kind: city
- id: east
  name: 东湖区
  kind: district
  parent: demo
- id: east-town
  name: 东湖街道
  kind: subdistrict
  parent: east
"""
DELEGATIONS = "- {id: east-del, name: 东湖区代表团, level: city, area: east}\n"
ELECTORAL_UNITS = """\
- {id: east-city, name: 东湖区, level: city, area: east}
- {id: east-county-1, name: 东湖区第1选区, level: county, area: east-town}
"""
DEPUTY_GROUPS = """\
- {id: east-group, name: 东湖区代表小组, level: city, area: east}
- {id: finance, name: 财经专业代表小组, level: city, professional: true}
"""

# Line numbers matter: the rule tests point at them.
DEPUTY = """\
id: li-ming
name: 李明
gender: male
ethnicity: 汉族
birth: "1970-05"
party: 中共党员
occupation: 东湖区第一小学校长
status: current
biography: 长期从事基础教育工作。
memberships:
  - level: city
    term: 17
    electoral_unit: east-city
    delegation: east-del
    deputy_group: east-group
    start: 2022-01-06
  - level: county
    term: 12
    electoral_unit: east-county-1
    start: 2021-12-28
stations:
  - east-home
"""
FORMER = """\
id: zhao-lan
name: 赵兰
gender: female
ethnicity: 回族
birth: "1965-11"
party: 群众
occupation: 东湖区某公司职工
status: former
memberships:
  - level: city
    term: 17
    electoral_unit: east-city
    delegation: east-del
    start: 2022-01-06
    end: 2024-03-01
    end_reason: resigned
stations:
  - east-home
"""
STATION = """\
id: east-home
name: 东湖街道人大代表之家
kind: home
area: east-town
address: 东湖区湖滨路8号
coordinates:
  lng: 117.5
  lat: 31.8
  source: amap
reception: 每月15日 9:00-11:30
phone: 0551-6201234
head: 王敏（街道人大工委主任）
opened_on: 2019-06-01
description: 社区居民可以在这里见到代表。
"""

MKDOCS = """\
site_name: 测试站
site_url: https://test.example/
docs_dir: content
theme:
  name: material
  language: zh
  font: false
plugins:
  - congress-deputies:
      today: "{today}"
  - congress-stations:
      today: "{today}"
  - congress-open-data:
      today: "{today}"
nav:
  - 首页: index.md
  - 代表名单: deputies/index.md
  - 联络站: stations/index.md
"""


def write_site(
    root: Path,
    *,
    deputies: dict[str, str] | None = None,
    stations: dict[str, str] | None = None,
    **lists: str,
) -> Path:
    """Write a site; `deputies`/`stations` map file stems to YAML text, `lists` override
    areas/delegations/electoral_units/deputy_groups."""
    data = root / "data"
    (data / "deputies").mkdir(parents=True, exist_ok=True)
    (data / "stations").mkdir(parents=True, exist_ok=True)
    (root / "content").mkdir(exist_ok=True)
    defaults = {
        "areas": AREAS,
        "delegations": DELEGATIONS,
        "electoral_units": ELECTORAL_UNITS,
        "deputy_groups": DEPUTY_GROUPS,
    }
    for name, text in (defaults | lists).items():
        (data / f"{name}.yml").write_text(text, encoding="utf-8")
    for stem, text in (
        deputies if deputies is not None else {"li-ming": DEPUTY, "zhao-lan": FORMER}
    ).items():
        (data / "deputies" / f"{stem}.yml").write_text(text, encoding="utf-8")
    for stem, text in (stations if stations is not None else {"east-home": STATION}).items():
        (data / "stations" / f"{stem}.yml").write_text(text, encoding="utf-8")
    (root / "content" / "index.md").write_text("# 首页\n\n欢迎。\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS.format(today=TODAY), encoding="utf-8")
    return root


def build(root: Path) -> Path:
    """Build strictly, as `mkdocs build --strict` would, and return the output folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), strict=True)
    # As the command does; MkDocs keeps plugins with this event from one load to the next, so a
    # test that started a preview would otherwise leave them previewing.
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    return Path(config.site_dir)
