"""An article's slug: the last segment of /news/<slug>/, which media and QR codes keep pointing at.

The file name is the stable key. In order:

1. an explicit `slug:` in the file header;
2. the file name when it is ASCII: `2025-03-15-visit.md` gives `2025-03-15-visit`;
3. the pinyin of a Chinese file name: `代表走访.md` dated 2025-03-15 gives
   `2025-03-15-dai-biao-zou-fang` (the date is added unless the name starts with one);
4. only when the file name holds nothing to spell, the pinyin of the title, after the date.

Retitling an article therefore never changes its address; renaming its file does. To rename the file
of a published article, first copy its current slug into `slug:`."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from pypinyin import Style, lazy_pinyin

SLUG_MAX = 60
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}(-|$)")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _clean(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def shorten(slug: str, limit: int = SLUG_MAX) -> str:
    """Cut at a hyphen so no syllable is split; a single over-long word is cut hard."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:limit]).strip("-")


def transliterate(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: `望澜市 2025年` gives `wang-lan-shi-2025-nian`."""
    text = unicodedata.normalize("NFKC", text)
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    words = (
        _clean(unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode())
        for s in syllables
    )
    return "-".join(w for w in words if w)


def _dated(words: str, published: dt.datetime) -> str:
    if _DATE_PREFIX.match(words):
        return shorten(words)
    prefix = published.date().isoformat()
    return shorten(f"{prefix}-{words}") if words else prefix


def derive_slug(explicit: str | None, file_stem: str, title: str, published: dt.datetime) -> str:
    """Never empty, never `_1`; always matches `[a-z0-9]+(-[a-z0-9]+)*`."""
    if explicit:
        return explicit
    if file_stem.isascii():
        from_name = shorten(_clean(file_stem))
        if from_name:
            return from_name
    else:
        spelt = transliterate(file_stem)
        if spelt:
            return _dated(spelt, published)
    return _dated(transliterate(title), published)
