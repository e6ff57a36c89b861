"""Order in which visitors expect Chinese names: by pinyin, ties broken by the stable id."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=65536)
def pinyin(text: str) -> str:
    return " ".join(lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True))


def name_key(name: str, ident: str = "") -> tuple[str, str, str]:
    return (pinyin(name), name, ident)
