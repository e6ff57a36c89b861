# Every target a newcomer needs. `make serve` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Material 9.7+ prints a banner about MkDocs 2 on every build; we pin mkdocs<2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup browser serve serve-drafts build test test-fast test-browser check lint format schema clean bench

help:
	@echo "make serve   安装依赖，构建并预览示例网站 http://127.0.0.1:8000"
	@echo "make build   严格模式构建示例网站到 site/"
	@echo "make test    运行全部测试（含示例网站严格构建）"
	@echo "make check   代码风格检查 + 内容检查"
	@echo "make schema  重新生成 schema/ 下的 JSON Schema"
	@echo "make bench   基准测试：不同规模合成网站的构建时间、内存和搜索流量"
	@echo "make serve-drafts  预览网站，并显示草稿和定时发布的文章"

# The virtual environment is rebuilt whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Drafts and future-dated articles shown with a banner, for an editor's preview only.
serve-drafts: $(STAMP)
	CONGRESS_DRAFTS=true $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Built beside site/ and swapped in only when the whole build succeeded: a failed build never
# leaves visitors a half-written site.
build: $(STAMP)
	rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	mv site.new site
	rm -rf site.old

# Debian's chromium and a CJK font for the browser tests, and axe-core for the accessibility
# checks; installs only what is missing (apt-get needs root).
browser:
	sh scripts/install-browser.sh

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

test-browser: $(STAMP) browser
	$(BIN)/python -m pytest -q -m slow

check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/congress check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: $(STAMP)
	$(BIN)/congress schema .

# Builds synthetic sites of several sizes, with and without the project's plugins, and writes the
# results table (a benchmark, not a test: it takes many minutes).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --out docs/benchmarks.md
	$(BIN)/python scripts/bench_images.py --count 1000 --workers 2

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
