#!/bin/sh
# Installs what the browser tests need: Debian's chromium (driven by Playwright through
# executable_path, so no browser download from a foreign CDN) and a CJK font so screenshots show
# Chinese text rather than boxes. Also fetches axe-core from the npm registry into .cache/ (gitignored)
# so the accessibility check runs offline at test time. Idempotent: does nothing when all is present.
set -eu
cd "$(dirname "$0")/.."

need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 \
  || need="$need fonts-noto-cjk"

if [ -n "$need" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-browser: 缺少$need；请以 root 运行本脚本，或执行 sudo apt-get install$need" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  # shellcheck disable=SC2086  # word splitting of the package list is intended
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends $need >/dev/null
fi

AXE_VERSION=4.10.3
AXE_DIR=.cache/axe-core
if [ ! -f "$AXE_DIR/$AXE_VERSION/axe.min.js" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null && tar -xzf axe-core-*.tgz)
  mkdir -p "$AXE_DIR/$AXE_VERSION"
  cp "$tmp/package/axe.min.js" "$AXE_DIR/$AXE_VERSION/axe.min.js"
  rm -rf "$tmp"
fi
