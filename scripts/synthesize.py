"""Write a synthetic province-scale site for benchmarks: deterministic for a seed, valid content.

python scripts/synthesize.py --out DIR --deputies N --stations M --articles K --plans P --seed S
mkdocs build -f DIR/mkdocs.yml
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩凯鹏飞辉鑫晨欣怡佳琪雪梅海燕立新春生"
OCCUPATIONS = [
    "{town}{kind}村党支部书记",
    "{district}人民医院主任医师",
    "{district}第一中学教师",
    "{town}社区居委会主任",
    "望澜{n}机械制造有限公司技术员",
    "{town}农民专业合作社理事长",
    "{district}人民法院审判员",
    "{town}卫生院院长",
    "{district}实验小学校长",
    "望澜{n}纺织有限公司车间主任",
    "{town}党委书记",
    "{district}律师事务所律师",
]
PARTIES = ["中共党员"] * 6 + ["群众"] * 2 + ["民盟盟员", "九三学社社员", "无党派人士", "农工党党员"]
TOWN_SUFFIX = ["镇", "街道", "乡"]
PLACE_CHARS = "东西南北青石白云枫溪临江望湖桥山河新安平和兴华阳春柳桃李梅兰竹松岭泉湾洲塘坪坝口"
DISTRICT_KINDS = ["district", "county"]
STATION_KINDS = ["home", "station", "office", "point", "practice"]
SENTENCES = [
    "代表们走进田间地头和社区楼栋，面对面听取群众对{topic}的意见建议。",
    "围绕{topic}，联络站组织驻站代表开展专题调研，形成了多条有针对性的建议。",
    "群众反映的{topic}问题，经代表督办后已由相关部门落实整改。",
    "今年以来，{place}把{topic}作为代表履职的重点，定期通报办理进展。",
    "座谈会上，大家围绕{topic}畅所欲言，代表逐条记录并承诺跟踪到底。",
    "相关部门负责人到站回应群众关切，对{topic}的办理时限作出明确承诺。",
    "{place}人大代表联络站每月固定接待日，已累计接待群众数百人次。",
    "代表建议办理情况在站内公开，群众可以随时查询{topic}的落实进度。",
]
TOPICS = [
    "老旧小区改造",
    "农村道路养护",
    "养老服务",
    "中小学课后服务",
    "农产品销售",
    "社区停车难",
    "河道治理",
    "基层医疗",
    "就业培训",
    "垃圾分类",
    "营商环境",
    "食品安全",
]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _place(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(PLACE_CHARS) + rng.choice(PLACE_CHARS)
        if name not in used and name[0] != name[1]:
            used.add(name)
            return name


def _dump(path: Path, data: object, schema: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"# yaml-language-server: $schema={schema}\n{text}", encoding="utf-8")


def synthesize(
    out: Path, *, deputies: int, stations: int, articles: int, plans: int, seed: int
) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    used: set[str] = set()
    n_districts = max(4, stations // 60)
    areas = [{"id": "city", "name": "望澜市", "kind": "city", "code": "349900"}]
    towns: list[dict] = []
    for d in range(n_districts):
        kind = DISTRICT_KINDS[d % 2]
        district = {
            "id": f"d{d}",
            "name": _place(rng, used) + ("区" if kind == "district" else "县"),
            "kind": kind,
            "parent": "city",
            "code": f"3499{d + 1:02d}",
        }
        areas.append(district)
        for t in range(8):
            suffix = TOWN_SUFFIX[t % 3]
            kind_t = {"镇": "town", "街道": "subdistrict", "乡": "township"}[suffix]
            town = {
                "id": f"d{d}-t{t}",
                "name": _place(rng, used) + suffix,
                "kind": kind_t,
                "parent": district["id"],
                "district": district,
            }
            towns.append(town)
            areas.append({k: v for k, v in town.items() if k != "district"})
    delegations = [
        {"id": f"{a['id']}-del", "name": f"{a['name']}代表团", "level": "city", "area": a["id"]}
        for a in areas
        if a.get("parent") == "city"
    ]
    units = [
        {"id": f"{a['id']}-city", "name": a["name"], "level": "city", "area": a["id"]}
        for a in areas
        if a.get("parent") == "city"
    ]
    units += [
        {"id": f"{t['id']}-{level}", "name": f"{t['name']}选区", "level": level, "area": t["id"]}
        for t in towns
        for level in ("county", "township")
    ]
    groups = [
        {"id": f"{a['id']}-group", "name": f"{a['name']}代表小组", "level": "city", "area": a["id"]}
        for a in areas
        if a.get("parent") == "city"
    ]
    _dump(out / "data/areas.yml", areas, "../schema/area-list.schema.json")
    _dump(out / "data/delegations.yml", delegations, "../schema/delegation-list.schema.json")
    _dump(out / "data/electoral_units.yml", units, "../schema/electoral_unit-list.schema.json")
    _dump(out / "data/deputy_groups.yml", groups, "../schema/deputy_group-list.schema.json")

    station_ids = []
    for i in range(stations):
        town = towns[i % len(towns)]
        kind = STATION_KINDS[i % len(STATION_KINDS)]
        sid = f"s{i:05d}"
        station_ids.append((sid, town))
        label = {
            "home": "人大代表之家",
            "station": "人大代表联络站",
            "office": "人大代表工作室",
            "point": "人大代表联络点",
            "practice": "全过程人民民主实践站",
        }[kind]
        data = {
            "id": sid,
            "name": f"{town['name']}{label}"
            + (f"（{i // len(towns) + 1}）" if i >= len(towns) else ""),
            "kind": kind,
            "area": town["id"],
            "address": f"{town['district']['name']}{town['name']}人民路{i % 200 + 1}号",
            "coordinates": {
                "lng": round(117.2 + rng.random() * 0.7, 6),
                "lat": round(31.5 + rng.random() * 0.5, 6),
                "source": "amap",
            },
            "reception": f"每月{i % 28 + 1}日 9:00-11:30",
            "phone": f"0557-6{i % 1000000:06d}",
            "head": _name(rng) + "（联络站负责人）",
            "opened_on": date(2018 + i % 6, i % 12 + 1, 1),
            "description": rng.choice(SENTENCES).format(
                topic=rng.choice(TOPICS), place=town["name"]
            ),
        }
        if kind == "practice":
            data["tier"] = ["city", "county", "basic"][i % 3]
        _dump(out / f"data/stations/{sid}.yml", data, "../../schema/station.schema.json")

    by_town: dict[str, list[str]] = {}
    for sid, town in station_ids:
        by_town.setdefault(town["id"], []).append(sid)
    for i in range(deputies):
        town = towns[i % len(towns)]
        district = town["district"]
        level = ["city", "county", "township", "township"][i % 4]
        membership = {
            "level": level,
            "term": {"city": 17, "county": 12, "township": 12}[level],
            "start": {
                "city": date(2022, 1, 6),
                "county": date(2021, 12, 28),
                "township": date(2021, 11, 20),
            }[level],
        }
        if level == "city":
            membership |= {
                "electoral_unit": f"{district['id']}-city",
                "delegation": f"{district['id']}-del",
                "deputy_group": f"{district['id']}-group",
            }
        else:
            membership["electoral_unit"] = f"{town['id']}-{level}"
        in_town = by_town.get(town["id"]) or [station_ids[i % len(station_ids)][0]]
        own_stations = [in_town[(i // len(towns)) % len(in_town)]]
        data = {
            "id": f"p{i:06d}",
            "name": _name(rng),
            "gender": rng.choice(["male", "female"]),
            "ethnicity": "汉族",
            "birth": f"{rng.randint(1960, 1995)}-{rng.randint(1, 12):02d}",
            "party": rng.choice(PARTIES),
            "occupation": rng.choice(OCCUPATIONS).format(
                town=town["name"], district=district["name"], kind="", n=i % 50
            ),
            "status": "current",
            "biography": "".join(
                rng.choice(SENTENCES).format(topic=rng.choice(TOPICS), place=town["name"])
                for _ in range(2)
            ),
            "memberships": [membership],
            "stations": own_stations,
        }
        _dump(out / f"data/deputies/p{i:06d}.yml", data, "../../schema/deputy.schema.json")

    content = out / "content"
    content.mkdir()
    (content / "index.md").write_text(
        "---\ntitle: 首页\n---\n\n# 望澜市人大常委会（合成数据）\n", encoding="utf-8"
    )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    _ = (articles, plans, timedelta)  # articles and plans join once their formats land


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--deputies", type=int, default=1000)
    parser.add_argument("--stations", type=int, default=100)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--plans", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    synthesize(
        args.out,
        deputies=args.deputies,
        stations=args.stations,
        articles=args.articles,
        plans=args.plans,
        seed=args.seed,
    )


if __name__ == "__main__":
    main()
