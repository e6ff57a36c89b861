"""`congress` command line: check content, write schemas, import plan documents."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from congress.problems import has_errors, report
from congress.site_check import check_site


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


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="congress", description="人大网站内容工具")
    commands = root.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="检查全部内容，不构建网站")
    check.add_argument("site_dir", nargs="?", default=".", help="网站目录（含 data/ 和 content/）")
    check.set_defaults(run=_check)
    schema = commands.add_parser("schema", help="重新生成 schema/ 下的 JSON Schema")
    schema.add_argument("site_dir", nargs="?", default=".")
    schema.set_defaults(run=_schema)
    plan = commands.add_parser("import-plan", help="把工作计划（.txt 或 .docx）导入为 Markdown")
    plan.add_argument("file", help="收到的计划文件")
    plan.add_argument("--title", help="文件没有标题行时，用此标题")
    plan.add_argument("--out", help="输出路径，默认 content/plans/<slug>.md")
    plan.set_defaults(run=_import_plan)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    return int(args.run(args))
