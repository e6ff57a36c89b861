"""Personal data that must never reach the site, found wherever it hides in a deputy's or a
station's file, however the digits are written."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from congress.problems import Problem
from congress.yaml_source import Location, Positioned

_PATTERNS = [
    (
        re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"),
        "疑似个人手机号码。代表的个人电话不得公开，请删除；群众可通过联络站的公开电话联系代表",
    ),
    (
        re.compile(r"(?<![\dA-Za-z])\d{6}(19|20)\d{2}(0[1-9]|1[0-2])\d{5}[\dXx](?![\dA-Za-z])"),
        "疑似居民身份证号码。身份证号属于个人敏感信息，不得公开，请删除",
    ),
    (
        re.compile(r"(家庭住址|家住|住址[:：])"),
        "疑似家庭住址。代表的家庭住址不得公开，请删除",
    ),
]


def _scalars(data: Any, loc: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*loc, key), str(key)
            yield from _scalars(value, (*loc, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _scalars(item, (*loc, i))
    elif data is not None:
        yield loc, str(data)


# 139 1234 5678, 139-1234-5678: the groups people write a number in, read as one number.
_DIGIT_GAP = re.compile(r"(?<=\d)[\s\-‐–—.·]+(?=\d)")


def _compact(text: str) -> str:
    """Full-width digits as ASCII (NFKC) and the gaps between digit groups closed."""
    return _DIGIT_GAP.sub("", unicodedata.normalize("NFKC", text))


def _masked(text: str) -> str:
    # The report lands in build logs; do not copy the whole number there too.
    return text if len(text) < 8 else text[:3] + "*" * (len(text) - 5) + text[-2:]


def personal_data_problems(doc: Positioned, public: frozenset[str] = frozenset()) -> list[Problem]:
    """Every value in the file that looks like a mobile number, an ID number or a home address,
    but in the `public` top-level fields (a station's office phone may be a mobile)."""
    found = []
    for loc, text in _scalars(doc.data, ()):
        if loc and loc[0] in public:
            continue
        compact = _compact(text)
        for pattern, message in _PATTERNS:
            match = pattern.search(compact)
            if match:
                found.append(doc.problem(loc, f"{message}（发现“{_masked(match.group(0))}”）"))
    return found
