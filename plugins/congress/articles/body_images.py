"""Images in an article's Markdown body: each needs alt text and a file that exists on the site.

Relative paths are resolved from the Markdown file's folder, as MkDocs does. Pictures from other
websites are refused: a page must not make visitors' browsers call a third-party server."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from congress.problems import Problem

BODY_FIELD = "正文"

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_TITLE = r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?"""
_INLINE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*(?P<src><[^>]*>|[^)\s]+)" + _TITLE + r"\s*\)")
_REFERENCE = re.compile(r"!\[(?P<alt>[^\]]*)\]\[(?P<ref>[^\]]*)\]")
_DEFINITION = re.compile(r"^\s{0,3}\[(?P<ref>[^\]]+)\]:\s*(?P<src><[^>]*>|\S+)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = r"""\b{name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))"""
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class BodyImage:
    alt: str | None
    src: str | None
    line: int
    column: int


def _attr(tag: str, name: str) -> str | None:
    match = re.search(_ATTR.format(name=name), tag, re.IGNORECASE)
    if match is None:
        return None
    return next(v for v in (match["dq"], match["sq"], match["bare"]) if v is not None)


def _visible_lines(body: str) -> list[str]:
    """The body with fenced code blocks and code spans blanked, columns kept."""
    out, fenced = [], None
    for line in body.split("\n"):
        fence = _FENCE.match(line)
        if fenced is None and fence:
            fenced = fence.group(1)
            out.append("")
        elif fenced is not None:
            if fence and fence.group(1) == fenced:
                fenced = None
            out.append("")
        else:
            out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return out


def find_images(body: str, first_line: int) -> list[BodyImage]:
    """Every image in the body, with its file line (`first_line` is the body's first line)."""
    if "![" not in body and "<img" not in body.lower():
        return []  # most reports have no picture: reading them line by line took 0.1 ms each
    lines = _visible_lines(body)
    definitions = {}
    for line in lines:
        match = _DEFINITION.match(line)
        if match:
            definitions[match["ref"].strip().lower()] = match["src"].strip("<>")
    found = []
    for i, line in enumerate(lines):
        number = first_line + i
        for match in _INLINE.finditer(line):
            src = match["src"].strip("<>")
            found.append(BodyImage(match["alt"], src, number, match.start() + 1))
        for match in _REFERENCE.finditer(line):
            ref = (match["ref"] or match["alt"]).strip().lower()
            found.append(BodyImage(match["alt"], definitions.get(ref), number, match.start() + 1))
        for match in _HTML_IMG.finditer(line):
            tag = match.group(0)
            found.append(BodyImage(_attr(tag, "alt"), _attr(tag, "src"), number, match.start() + 1))
    return found


def exists_exactly(path: Path, inside: Path) -> bool:
    """True when the file exists with exactly this spelling below `inside`: a name that differs
    only in case works on a Windows or macOS laptop but breaks on the Linux server."""
    try:
        parts = path.resolve().relative_to(inside.resolve()).parts
    except ValueError:
        return False
    folder = inside.resolve()
    for part in parts:
        try:
            names = {p.name for p in folder.iterdir()}
        except OSError:
            return False
        if part not in names:
            return False
        folder = folder / part
    return folder.is_file()


def _src_problem(src: str, markdown_file: Path, content_dir: Path) -> str | None:
    if src.startswith("data:"):
        return None
    if _SCHEME.match(src) or src.startswith("//"):
        return (
            f"正文图片不能引用其他网站的地址“{src[:60]}”；"
            "请把图片保存到 content/images/ 下，再用相对路径引用"
        )
    if src.startswith("/"):
        return f"图片路径应相对于本文件所在目录（如 ../images/news/a.jpg），实际是“{src}”"
    target = markdown_file.parent / unquote(src.split("#")[0].split("?")[0])
    if not exists_exactly(target, content_dir):
        return (
            f"找不到图片“{src}”（相对于本文件所在目录）；"
            "请检查路径和文件名的大小写，图片应放在 content/ 之内"
        )
    return None


def image_problems(
    body: str, first_line: int, markdown_file: Path, content_dir: Path, display: str
) -> list[Problem]:
    problems = []
    for image in find_images(body, first_line):
        where = (display, image.line, image.column, BODY_FIELD)
        if image.alt is None or not image.alt.strip():
            problems.append(
                Problem(
                    *where,
                    "图片缺少替代文字：请在 ![ ] 的方括号里简要描述图片内容，如 ![代表接待群众](…)，"
                    "读屏软件会为视障读者朗读它",
                )
            )
        if image.src is None or not image.src.strip():
            problems.append(Problem(*where, "图片缺少地址"))
            continue
        message = _src_problem(image.src.strip(), markdown_file, content_dir)
        if message:
            problems.append(Problem(*where, message))
    return problems
