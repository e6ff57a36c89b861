"""A deputy's id spelt from the name as the sample data writes them: the surname, a hyphen, the
given name in one word (曹永福 → cao-yongfu, 欧阳明月 → ouyang-mingyue)."""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

# Two-character surnames, whose second character would otherwise start the given name.
_COMPOUND = frozenset(
    re.findall(
        "..",
        "欧阳司马上官诸葛东方皇甫尉迟公孙慕容令狐夏侯长孙宇文司徒轩辕端木独孤"
        "南宫西门万俟闻人赫连澹台公冶太史申屠濮阳钟离宗政呼延第五左丘东郭百里",
    )
)
# Surnames read otherwise than the character's everyday reading, which pypinyin gives.
_SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "区": "ou",
    "查": "zha",
    "盖": "ge",
    "缪": "miao",
    "覃": "qin",
    "乐": "yue",
    "种": "chong",
    "尉迟": "yuchi",
    "万俟": "moqi",
    "长孙": "zhangsun",
}
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")
# 买买提·艾力: the dot between the parts of a name in the Uyghur, Tibetan or foreign manner.
_NAME_PARTS = re.compile(r"\s*[·•・‧．.\s]\s*")


def _word(text: str) -> str:
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    ascii_text = unicodedata.normalize("NFKD", "".join(syllables)).encode("ascii", "ignore")
    return _NOT_LETTERS.sub("", ascii_text.decode().lower())


def person_id(name: str) -> str:
    """Lowercase ASCII words joined by hyphens, or "" when nothing in `name` can be spelt."""
    name = unicodedata.normalize("NFKC", name).strip()
    parts = [p for p in _NAME_PARTS.split(name) if p]
    if len(parts) == 1 and all("\u4e00" <= ch <= "\u9fff" for ch in name) and len(name) >= 2:
        split = 2 if name[:2] in _COMPOUND and len(name) > 2 else 1
        surname, given = name[:split], name[split:]
        parts = [_SURNAME_READINGS.get(surname) or surname, given]
    words = (_word(part) for part in parts)
    return "-".join(word for word in words if word)
