"""`congress new`: a new deputy, station or article file with every field an editor may fill,
each named and explained in Chinese from the model itself, so the file never drifts from what the
check accepts. Required fields are left empty, for the check to list by line until they are
filled; optional ones are written commented out, to be uncommented when needed."""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from congress.articles.categories import category_refusal
from congress.articles.loader import NEWS_DIR
from congress.articles.model import ArticleStatus, FrontMatter
from congress.articles.slugs import SLUG_MAX, shorten, transliterate
from congress.atomic_files import write_once
from congress.messages import explain, field_class
from congress.models import ID_HINT, Deputy, Station
from congress.person_ids import person_id
from congress.vocab import DeputyStatus, LabelledEnum, StationKind

ID_MAX = 40  # a station's full name spelt out would make an address no one can type


@dataclass
class NewFile:
    path: Path
    """Relative to the site root."""
    text: str
    notes: list[str]
    """What the editor should know besides the file: an id already taken, the next step."""


def _plain_or_quoted(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly `text`: plain when it can be."""
    for candidate in (
        text,
        json.dumps(text, ensure_ascii=False),
        json.dumps(text, ensure_ascii=True),
    ):
        try:
            if yaml.safe_load(f"k: {candidate}") == {"k": text}:
                return candidate
        except yaml.YAMLError:
            continue
    raise AssertionError("JSON strings are YAML")  # pragma: no cover


def _scalar(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _plain_or_quoted(str(value))


def _comment(info: FieldInfo, required: bool) -> str:
    enum = field_class(info, LabelledEnum)
    hint = enum.choices() if enum else info.description or ""
    mark = "" if required else "（可选）"
    return f"# {info.title}{mark}" + (f"：{hint}" if hint else "")


def model_lines(
    model: type[BaseModel], known: Mapping[str, object], also_required: Iterable[str] = ()
) -> list[str]:
    """The fields of `model` as YAML lines: `known` ones filled in, required ones empty (a nested
    model or a list of them written out one level down), optional ones commented out."""
    extra = set(also_required)
    lines: list[str] = []
    for name, info in model.model_fields.items():
        required = info.is_required() or name in extra
        lines.append(_comment(info, required))
        if name in known:
            lines.append(f"{name}: {_scalar(known[name])}")
            continue
        if not required:
            lines.append(f"# {name}:")
            continue
        lines.append(f"{name}:")
        nested = field_class(info, BaseModel)
        if nested is None:
            continue
        inner = model_lines(nested, {})
        if typing.get_origin(info.annotation) is list:
            # A list of one item: each key under the first one's "- ", comments included.
            first = next(i for i, line in enumerate(inner) if not line.startswith("#"))
            inner = [
                ("- " if i == first else "  ") + line if i >= first else line
                for i, line in enumerate(inner)
            ]
        lines += ["  " + line for line in inner]
    return lines


def _schema_line(schema: str) -> str:
    return f"# yaml-language-server: $schema=../../schema/{schema}"


def _free_id(folder: Path, base: str) -> tuple[str, list[str]]:
    """`base`, or `base-2`, `base-3`… when taken; and the names the taken ones hold."""
    taken: list[str] = []
    n = 1
    while True:
        candidate = base if n == 1 else f"{base}-{n}"
        file = folder / f"{candidate}.yml"
        if not file.exists():
            return candidate, taken
        try:
            name = (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("name", "")
        except (yaml.YAMLError, AttributeError, UnicodeDecodeError):
            name = ""
        taken.append(f"{candidate}（{name}）" if name else candidate)
        n += 1


def _refused(model: type[BaseModel], values: Mapping[str, object]) -> list[str]:
    """What the model says of each of `values` (checked field by field, as the file is not
    whole yet), in the words the check would use."""
    refusals = []
    for name, value in values.items():
        info = model.model_fields[name]
        try:
            TypeAdapter(info.rebuild_annotation()).validate_python(value)
        except ValidationError as exc:
            for error in exc.errors():
                error["loc"] = (name, *error["loc"])
                refusals.append(f"{info.title}：{explain(model, error)}")
    return refusals


def _new_record(
    root: Path,
    folder: str,
    model: type[BaseModel],
    schema: str,
    name: str,
    given_id: str | None,
    known: dict[str, object],
    also_required: Iterable[str] = (),
) -> tuple[NewFile | None, list[str]]:
    name = name.strip()
    spelt = person_id(name) if model is Deputy else shorten(transliterate(name), ID_MAX)
    refusals = _refused(
        model, {"name": name} if given_id is None else {"name": name, "id": given_id}
    )
    if not refusals and given_id is None and not spelt:
        refusals = [f"无法从“{name}”拼出编号，请用 --id 指定；{ID_HINT}"]
    if refusals:
        return None, refusals
    directory = root / "data" / folder
    notes: list[str] = []
    if given_id is not None:
        record_id = given_id
        if (directory / f"{record_id}.yml").exists():
            message = f"data/{folder}/{record_id}.yml 已存在，没有覆盖；请换一个编号"
            return None, [message]
    else:
        record_id, taken = _free_id(directory, spelt)
        if taken:
            noun = "人" if model is Deputy else "联络站"
            notes.append(
                f"编号 {'、'.join(taken)} 已被使用，新文件的编号为 {record_id}；"
                f"如果是同一个{noun}，请删除新文件，修改原来的文件。"
            )
    lines = model_lines(model, {"id": record_id, "name": name, **known}, also_required)
    path = Path("data") / folder / f"{record_id}.yml"
    notes.append(
        f"编号 {record_id} 是网址的一部分，发布后不要再改；想换一个，现在就用 --id 重新生成。"
    )
    notes.append(f"请填写 {path.as_posix()} 中空着的字段，然后运行 congress check 检查。")
    return NewFile(path, "\n".join([_schema_line(schema), *lines]) + "\n", notes), []


def new_deputy(
    root: Path, name: str, given_id: str | None = None
) -> tuple[NewFile | None, list[str]]:
    """data/deputies/<id>.yml for a deputy now in office; the id spelt from the name."""
    known: dict[str, object] = {"status": DeputyStatus.current}
    return _new_record(root, "deputies", Deputy, "deputy.schema.json", name, given_id, known)


def new_station(
    root: Path, name: str, given_id: str | None = None, kind: StationKind | None = None
) -> tuple[NewFile | None, list[str]]:
    """data/stations/<id>.yml; a practice station's tier is asked for as well."""
    known: dict[str, object] = {"kind": kind} if kind else {}
    also = ("tier",) if kind is StationKind.practice else ()
    return _new_record(
        root, "stations", Station, "station.schema.json", name, given_id, known, also
    )


def new_article(
    root: Path, title: str, category: str, published: dt.datetime
) -> tuple[NewFile | None, list[str]]:
    """A draft in content/news/, named by its date and the pinyin of its title: a draft is
    never published, so an editor can preview it before changing its status."""
    title = title.strip()
    refusals = _refused(FrontMatter, {"title": title})
    if refusals:
        return None, refusals
    if (refusal := category_refusal(category, root)) is not None:
        return None, [refusal]
    folder = root / "content" / NEWS_DIR
    # Dated by the article, whatever the title starts with: files sort by day in the folder.
    slug = base = shorten(f"{published.date().isoformat()}-{transliterate(title)}".strip("-"))
    n = 2
    while (folder / f"{slug}.md").exists():
        slug = f"{shorten(base, SLUG_MAX - 3)}-{n}"
        n += 1
    known = {"title": title, "date": published, "category": category, "status": ArticleStatus.draft}
    lines = model_lines(FrontMatter, known)
    path = Path("content") / NEWS_DIR / f"{slug}.md"
    notes = [
        f"草稿不会发布。在 {path.as_posix()} 的第二个 --- 之后写正文，用 make serve-drafts 预览；"
        "可以发布时，把 status: draft 改为 status: published。"
    ]
    text = "---\n" + "\n".join(lines) + "\n---\n\n"
    return NewFile(path, text, notes), []


def write_new(root: Path, new: NewFile) -> str | None:
    """Writes `new` under `root`; a refusal instead when a file is there already."""
    if write_once(root / new.path, new.text.encode("utf-8")):
        return None
    return f"{new.path.as_posix()} 已存在，没有覆盖"
