"""`congress` command line: check content, start new files, write schemas, import the plans and
articles an office is sent."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from datetime import date
from pathlib import Path

from congress.cli_words import speak_chinese
from congress.problems import has_errors, report
from congress.site_check import check_site
from congress.vocab import StationKind


def _check(args: argparse.Namespace) -> int:
    problems = check_site(Path(args.site_dir), today=date.today())
    if problems:
        print(report(problems))
    else:
        print("检查通过：没有发现问题。")
    return 1 if has_errors(problems) else 0


def _schema(args: argparse.Namespace) -> int:
    from congress.schema import write_schemas

    for path in write_schemas(Path(args.site_dir)):
        print(f"已写入 {path}")
    return 0


def _import_plan(args: argparse.Namespace) -> int:
    from congress.plans.importer import run_import_plan

    return run_import_plan(Path(args.file), title=args.title, out=args.out)


def _import_article(args: argparse.Namespace) -> int:
    from congress.articles.importer import run_import_article

    return run_import_article(
        Path(args.file),
        category=args.category,
        out=args.out,
        title=args.title,
        date=args.date,
        site_dir=Path(args.site),
    )


def _new(args: argparse.Namespace) -> int:
    from congress.articles.model import SHANGHAI, to_beijing_time
    from congress.scaffold import new_article, new_deputy, new_station, write_new

    root = Path(args.site)
    if not (root / "data").is_dir():
        print(f"{root} 下没有 data/：请在网站目录中运行，或用 --site 指定网站目录。")
        return 1
    if args.what == "deputy":
        made, refusals = new_deputy(root, args.name, args.id)
    elif args.what == "station":
        kind = StationKind[args.kind] if args.kind else None
        made, refusals = new_station(root, args.name, args.id, kind)
    else:
        try:
            when = to_beijing_time(args.date) if args.date else dt.datetime.now(SHANGHAI)
        except ValueError as exc:
            print(f"--date：{exc}")
            return 1
        made, refusals = new_article(
            root, args.title, args.category, when.replace(second=0, microsecond=0)
        )
    if made is not None and (refused := write_new(root, made)):
        refusals = [refused]
    if refusals or made is None:
        print("\n".join(refusals))
        print("没有新建文件。")
        return 1
    print(f"已新建 {made.path.as_posix()}")
    print("\n".join(made.notes))
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="congress", description="人大网站内容工具")
    commands = root.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="检查全部内容，不构建网站")
    check.add_argument("site_dir", nargs="?", default=".", help="网站目录（含 data/ 和 content/）")
    check.set_defaults(run=_check)
    new = commands.add_parser("new", help="新建代表、联络站或文章文件，各字段附有中文说明")
    kinds = new.add_subparsers(dest="what", required=True)
    deputy = kinds.add_parser("deputy", help="新建代表：data/deputies/<编号>.yml")
    deputy.add_argument("name", help="姓名，如 张明")
    station = kinds.add_parser("station", help="新建联络站：data/stations/<编号>.yml")
    station.add_argument("name", help="名称，如 东湖街道人大代表联络站")
    station.add_argument(
        "--kind", choices=[k.value for k in StationKind], help=StationKind.choices()
    )
    for record in (deputy, station):
        record.add_argument(
            "--id", help="编号（网址的一部分，发布后不再改）；不写则由名字的拼音生成"
        )
    article = kinds.add_parser("article", help="新建文章草稿：content/news/<日期>-<标题拼音>.md")
    article.add_argument("title", help="标题")
    article.add_argument("--category", required=True, help="栏目编号，见 data/categories.yml")
    article.add_argument("--date", help="发布时间，如 2025-03-15 09:30；不写则为现在")
    for command in (deputy, station, article):
        command.add_argument("--site", default=".", help="网站目录（含 data/ 和 content/）")
        command.set_defaults(run=_new)
    schema = commands.add_parser("schema", help="重新生成 schema/ 下的 JSON Schema")
    schema.add_argument("site_dir", nargs="?", default=".")
    schema.set_defaults(run=_schema)
    plan = commands.add_parser("import-plan", help="把工作计划（.txt 或 .docx）导入为 Markdown")
    plan.add_argument("file", help="收到的计划文件")
    plan.add_argument("--title", help="文件没有标题行时，用此标题")
    plan.add_argument("--out", help="输出路径，默认 content/plans/<slug>.md")
    plan.set_defaults(run=_import_plan)
    article = commands.add_parser(
        "import-article",
        help="把收到的文章（.txt 或 .docx，可含网页上的栏目、阅读次数等）导入为文章草稿",
    )
    article.add_argument("file", help="收到的文章文件")
    article.add_argument("--category", required=True, help="栏目编号，见 data/categories.yml")
    article.add_argument("--title", help="文件没有标题行或标题不对时，用此标题")
    article.add_argument(
        "--date", help="发布时间，如 2024-12-25 或 “2024-12-25 10:30”；优先于文中的日期"
    )
    article.add_argument("--out", help="输出路径，默认 content/news/<日期>-<标题拼音>.md")
    article.add_argument("--site", default=".", help="网站目录（含 data/ 和 content/）")
    article.set_defaults(run=_import_article)
    return root


def main(argv: list[str] | None = None) -> int:
    speak_chinese()
    args = parser().parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `congress check | head`: the reader has all it wants
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
        return 1
