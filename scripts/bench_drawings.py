"""Benchmark drawing QR plaques and share cards, in this process, one at a time.

    python scripts/bench_drawings.py [--count 100] [--repeat 1] [--seed 1]

Draws COUNT plaques and COUNT cards with varied Chinese names and titles (as a build would, each
different), and prints milliseconds of CPU per plaque and per card and their mean size in bytes,
and how much of a plaque is making its QR code, which is not drawing.
The first drawing of each kind is done before timing: loading the font and the QR tables is a
worker's start-up, not a drawing's cost. With --repeat, the best of the runs is printed."""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from congress.images import qr_plaque_png, share_card_png
from congress.images.qr import qr_matrix

SITE = "望澜市人大常委会"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
)
GIVEN = "晓明华丽建国伟芳秀英敏静磊洋艳勇军杰娟涛超霞平刚桂兰玉梅志强海燕红云鹏飞文博宇浩然"
PLACES = "新河凤凰枫林滨江东湖西山南港北塘青石白沙金桥银杏松柏兴隆和平长安"
WORDS = [
    "人大常委会",
    "召开",
    "第二十三次",
    "会议",
    "审议",
    "条例",
    "修订草案",
    "听取",
    "报告",
    "代表",
    "联络站",
    "接待",
    "群众",
    "意见",
    "建议",
    "基层",
    "立法联系点",
    "调研",
    "执法检查",
    "2025年度",
    "国有资产",
    "管理情况",
    "十五五",
    "规划纲要",
    "民生实事",
    "项目",
    "票决",
    "监督",
    "预算",
    "审查",
    "街道",
    "社区",
    "乡镇",
    "主任会议",
    "专题询问",
    "食品安全",
    "生态环境",
]
PUNCTUATION = ["，", "、", "：", "“", "”", "《", "》", "（", "）"]
CATEGORIES = ["要闻", "履职故事", "通知公告", "代表风采", "立法工作", "监督工作", "联络站动态"]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _station(rng: random.Random) -> str:
    place = "".join(rng.choice(PLACES) for _ in range(2))
    kind = rng.choice(["街道人大代表联络站", "社区代表联络点", "镇人大代表之家"])
    return place + kind


def _title(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(4, 14)):
        parts.append(rng.choice(WORDS))
        if rng.random() < 0.2:
            parts.append(rng.choice(PUNCTUATION))
    return "".join(parts)


def plaque_args(rng: random.Random, index: int) -> tuple[str, str, str, str]:
    if index % 2:
        return (
            f"https://rd.wanglan.example.gov.cn/deputies/deputy-{index}/",
            SITE,
            f"{_name(rng)}代表",
            "扫码查看代表履职信息",
        )
    return (
        f"https://rd.wanglan.example.gov.cn/stations/station-{index}/",
        SITE,
        _station(rng),
        "扫码查看联络站信息和接待时间",
    )


def card_args(rng: random.Random, index: int) -> tuple[str, str, str]:
    return (SITE, _title(rng), rng.choice(CATEGORIES))


def _measure(draw: Callable[..., bytes], args: list[tuple[str, ...]]) -> tuple[float, float]:
    """CPU milliseconds per drawing and mean bytes."""
    start = time.process_time()
    sizes = [len(draw(*item)) for item in args]
    elapsed = time.process_time() - start
    return elapsed * 1000 / len(args), sum(sizes) / len(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    plaques = [plaque_args(rng, index) for index in range(options.count)]
    cards = [card_args(rng, index) for index in range(options.count)]
    qr_plaque_png(*plaque_args(rng, -1))
    share_card_png(*card_args(rng, -1))
    for kind, draw, args in (
        ("plaque", qr_plaque_png, plaques),
        ("card", share_card_png, cards),
    ):
        runs = [_measure(draw, args) for _ in range(options.repeat)]
        ms, size = min(runs)
        print(f"{kind:7} {ms:7.2f} ms  {size / 1000:6.1f} KB  ({options.count} drawn)")
    start = time.process_time()
    for url, *_ in plaques:
        qr_matrix.__wrapped__(url)
    code_ms = (time.process_time() - start) * 1000 / len(plaques)
    print(f"  of a plaque, making the QR code: {code_ms:.2f} ms")


if __name__ == "__main__":
    main()
