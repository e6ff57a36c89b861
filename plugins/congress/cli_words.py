"""argparse's own words (usage, errors, help headings) in Chinese: editors run `congress` and
should not meet "the following arguments are required". Python ships no Chinese catalogue for
argparse, so its gettext lookups are answered here."""

from __future__ import annotations

import argparse

_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：出错了：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "后面应跟一个值",
    "expected at least one argument": "后面应至少跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}


def speak_chinese() -> None:
    """Makes argparse, in this process, say what it says to editors in Chinese."""
    argparse._ = lambda text: _ZH.get(text, text)  # type: ignore[attr-defined]
