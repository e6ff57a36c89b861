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


CATEGORIES = ["news", "grassroots", "stories", "performance"]
TAGS = [
    "接待日",
    "联络站",
    "代表建议",
    "执法检查",
    "专题调研",
    "代表小组",
    "民生实事",
    "票决制",
    "立法征求意见",
    "述职评议",
    "乡镇人大",
    "基层治理",
]
HEADLINES = [
    "{place}人大代表联络站开展{topic}专题接待",
    "{name}代表：把{topic}的事办到群众心坎上",
    "市人大常委会组织代表视察{topic}工作",
    "{district}人大常委会听取{topic}情况报告",
    "{place}推行民生实事项目代表票决制",
    "一条关于{topic}的建议是怎样落地的",
    "{place}代表之家举行第{n}次集中接待活动",
    "代表小组围绕{topic}开展调研",
]
# Sentences written for this generator; {…} are filled per article.
BODY = [
    "{month}月{day}日上午，{place}人大代表联络站迎来了本月的固定接待日，{name}等代表准时到站。",
    "前来反映情况的群众中，有人关心{topic}的进度，也有人带来了对社区环境的具体想法。",
    "代表们逐一登记群众意见，对能当场答复的问题请街道工作人员现场说明。",
    "对一时解决不了的问题，联络站登记后转交有关部门，并约定在十五个工作日内给出答复。",
    "{name}说，群众愿意把心里话讲给代表听，是对代表最大的信任，这份信任不能辜负。",
    "据了解，今年以来{district}已在镇街和村社区建成代表联络点{n}个，基本实现就近可达。",
    "围绕{topic}，{district}人大常委会组织部分代表分成三个小组，先后走访了企业、学校和村居。",
    "调研中，代表们发现{topic}在政策宣传、资金保障和日常管理方面仍有不少短板。",
    "座谈会上，相关部门负责人介绍了工作进展，代表们结合调研所见提出了改进意见。",
    "有代表建议建立定期通报制度，把{topic}的办理情况按季度向代表和群众公开。",
    "还有代表提出，要把群众满意不满意作为衡量{topic}成效的第一标准。",
    "会议要求，有关部门要对代表意见逐条研究，能吸收的及时吸收，暂不能吸收的说明理由。",
    "为了让群众少跑腿，{place}把接待时间调整到傍晚，方便上班族下班后前来反映问题。",
    "这项做法推出后，前来联络站的年轻人明显多了起来，意见建议的内容也更加具体。",
    "在随后的跟踪督办中，代表们多次到现场察看，确认整改措施落到了实处。",
    "今年{district}首次实行民生实事项目人大代表票决制，由代表投票决定年度实施的项目。",
    "从征集项目到代表票决，再到监督实施，群众的意见贯穿了民生实事的全过程。",
    "投票结果当场公布，得票较多的{n}个项目被确定为本年度民生实事项目。",
    "政府部门随后制定实施方案，明确每个项目的责任单位、完成时限和资金来源。",
    "代表们表示，将通过视察、询问和满意度测评等方式，持续跟进项目实施情况。",
    "{name}是{place}的一名基层代表，平时在工作之余坚持走访联系群众。",
    "她的笔记本上密密麻麻记着群众的诉求，哪一件办了、哪一件还在等，都写得清清楚楚。",
    "他常说，代表不是荣誉称号，而是一份沉甸甸的责任，要对选民负责。",
    "在{name}的推动下，困扰居民多年的{topic}问题终于有了解决方案。",
    "执法检查组采取听取汇报、实地检查和随机抽查相结合的方式开展工作。",
    "检查发现，相关法规在基层的贯彻落实总体较好，但仍存在宣传不够深入等问题。",
    "检查组建议进一步明确部门职责，加强执法力量，完善配套制度。",
    "常委会组成人员在审议时认为，报告实事求是，问题找得准，措施比较具体。",
    "下一步，常委会将把审议意见交由政府研究处理，并在规定期限内听取处理情况的报告。",
    "联络站的墙上张贴着驻站代表的照片和联系方式，群众进门就能找到对应的代表。",
    "站内还设置了意见箱和留言簿，不便当面反映的群众可以书面留言。",
    "每月底，联络站对收到的意见进行梳理，分类转交并在公示栏公开办理进度。",
    "活动结束后，{place}将群众反映集中的几个问题形成专题报告，报送上级人大常委会。",
    "一位参加活动的居民说，有了联络站，心里有事就知道该去哪里说了。",
    "记者在现场看到，前来反映问题的群众络绎不绝，代表们一直忙到中午才结束接待。",
    "{district}人大常委会有关负责人表示，将继续推动家站点规范化建设，让代表履职更有平台。",
    "据统计，本届以来全市各级代表累计提出建议{n}百余件，绝大多数已经办结并答复代表。",
    "承办单位在办理过程中主动与代表沟通，答复前征求代表意见，确保件件有着落。",
    "对代表不满意的答复，常委会要求承办单位重新办理，直到代表认可为止。",
    "这次活动是{place}深化全过程人民民主基层实践的一个缩影。",
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
    # The sample's home page and site map only point at generated pages, so they fit any size.
    for page in ("index.md", "sitemap.md"):
        if (ROOT / "content" / page).exists():
            shutil.copy(ROOT / "content" / page, content / page)
    shutil.copy(ROOT / "data/categories.yml", out / "data/categories.yml")
    plan_items = _write_plans(content / "plans", plans, rng)
    _write_articles(
        content / "news",
        articles,
        rng,
        deputy_ids=[f"p{i:06d}" for i in range(deputies)],
        station_ids=[sid for sid, _ in station_ids],
        towns=towns,
        plan_items=plan_items,
    )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")


PLAN_PARTS = [
    "密切常委会同代表的联系",
    "密切代表同人民群众的联系",
    "提高议案建议工作质量",
    "加强代表履职保障",
]
PLAN_ITEMS = [
    "围绕{topic}组织代表开展专题调研，调研报告送有关部门研究。（牵头：代表工委；时限：{month}月底前）",
    "各级代表每年至少到所在联络站接待群众两次，接待情况在站内公开。（牵头：各区人大常委会；时限：全年）",
    "对代表提出的{topic}方面建议实行重点督办，年底听取办理情况报告。（牵头：代表工委；时限：11月）",
    "组织代表列席常委会会议，列席代表的发言送有关专门委员会研究。（牵头：办公室；时限：全年）",
    "举办代表履职学习班，围绕{topic}等内容安排专题讲座。（牵头：研究室；时限：{month}月）",
]
CHINESE_NUMERALS = "一二三四五六七八九十"


def _write_plans(folder: Path, count: int, rng: random.Random) -> list[str]:
    """Yearly plans, newest last; returns every `slug#n` an article may point at."""
    folder.mkdir(parents=True, exist_ok=True)
    refs = []
    for k in range(count):
        year = 2025 - (count - 1 - k) // 2
        slug = f"{year}-deputy-work-plan" if k % 2 == 0 else f"{year}-deputy-work-key-points"
        kind = "代表工作计划" if k % 2 == 0 else "代表工作要点"
        lines = [
            "---",
            f"title: 望澜市人大常委会{year}年{kind}",
            "issuer: 望澜市人大常委会",
            f"year: {year}",
            f"adopted_on: {year}-02-{10 + k % 15:02d}",
            f"adopted_by: 市人大常委会第{20 + k}次主任会议",
            "---",
            "",
            f"{year}年，市人大常委会代表工作以服务代表依法履职为中心，每一项措施明确牵头部门和完成时限。",
            "",
        ]
        n = 0
        for p, part in enumerate(PLAN_PARTS):
            lines += [f"## {CHINESE_NUMERALS[p]}、{part}", ""]
            for _ in range(3):
                n += 1
                item = rng.choice(PLAN_ITEMS).format(
                    topic=rng.choice(TOPICS), month=rng.randint(3, 11)
                )
                lines += [f"{n}. {item}", ""]
                refs.append(f"{slug}#{n}")
        (folder / f"{slug}.md").write_text("\n".join(lines), encoding="utf-8")
    return refs


def _write_articles(
    folder: Path,
    count: int,
    rng: random.Random,
    *,
    deputy_ids: list[str],
    station_ids: list[str],
    towns: list[dict],
    plan_items: list[str],
) -> None:
    """About 1,500 characters of Chinese each, spread evenly from 2019 to the end of 2025 so the
    build's clock never hides one as future-dated."""
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2019, 1, 1)
    span = (date(2025, 12, 31) - start).days
    for k in range(count):
        day = start + timedelta(days=span * k // max(count, 1))
        town = rng.choice(towns)
        fill = {
            "place": town["name"],
            "district": town["district"]["name"],
            "topic": rng.choice(TOPICS),
            "name": _name(rng),
            "n": rng.randint(3, 30),
            "month": day.month,
            "day": day.day,
        }
        paragraphs = []
        length = 0
        while length < 1500:
            sentences = "".join(rng.choice(BODY).format(**fill) for _ in range(rng.randint(3, 5)))
            paragraphs.append(sentences)
            length += len(sentences)
            if len(paragraphs) % 4 == 2:
                paragraphs.append(f"## {rng.choice(TOPICS)}的新进展")
        front = {
            "title": rng.choice(HEADLINES).format(**fill),
            "date": f"{day.isoformat()} {9 + k % 9:02d}:{k % 60:02d}",
            "author": f"{fill['district']}人大常委会 {_name(rng)}",
            "source": f"{fill['district']}人大常委会",
            "category": CATEGORIES[k % len(CATEGORIES)],
            "tags": rng.sample(TAGS, 2),
            "deputies": rng.sample(deputy_ids, min(2, len(deputy_ids))),
            "stations": rng.sample(station_ids, min(1, len(station_ids))),
            "areas": [town["id"]],
        }
        if plan_items and k % 10 == 0:
            front["plan_items"] = [rng.choice(plan_items)]
        header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        text = f"---\n{header}---\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{day.isoformat()}-a{k:06d}.md").write_text(text, encoding="utf-8")


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
