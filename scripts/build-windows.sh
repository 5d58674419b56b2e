#!/usr/bin/env bash
# Builds leakaid for 64-bit Windows (10 and 11) on a Debian or Ubuntu machine, and packs it for
# people to download: dist/leakaid-windows-x86_64.zip holding leakaid/leakaid.exe (release,
# stripped) and leakaid/使用说明.txt (how to start it, where the data lives, how to print).
#
# Installs what it needs when it can: the Rust standard library for x86_64-pc-windows-gnu
# (rustup) and the MinGW-w64 linker (apt-get, as root). Usage:
#
#   scripts/build-windows.sh [OUTPUT.zip]
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
OUT=${1:-dist/leakaid-windows-x86_64.zip}

say() { echo "build-windows: $*" >&2; }

if ! command -v cargo >/dev/null 2>&1; then
  say "cargo is not installed (https://rustup.rs)"
  exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  say "adding the Rust standard library for $TARGET"
  rustup target add "$TARGET" >&2
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing the MinGW-w64 linker (gcc-mingw-w64-x86-64)"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc-mingw-w64-x86-64 >&2
  else
    say "the MinGW-w64 linker is missing: sudo apt-get install gcc-mingw-w64-x86-64"
    exit 1
  fi
fi

# Release-optimised and stripped (no symbols, no paths of this machine in the program).
export CARGO_PROFILE_RELEASE_STRIP=symbols
cargo build --release --locked --target "$TARGET" --bin leakaid >&2
EXE="target/$TARGET/release/leakaid.exe"

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/leakaid"
cp "$EXE" "$STAGE/leakaid/leakaid.exe"
# Notepad's own form for the instructions: UTF-8 with a byte order mark, CRLF line ends.
{
  printf '\xEF\xBB\xBF'
  sed 's/$/\r/' "assets/windows/使用说明.txt"
} >"$STAGE/leakaid/使用说明.txt"

mkdir -p "$(dirname "$OUT")"
OUT=$(realpath "$(dirname "$OUT")")/$(basename "$OUT")
rm -f "$OUT"
# Python's zipfile marks the Chinese file name as UTF-8, which Windows' own unzip reads.
(cd "$STAGE" && python3 - "$OUT" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["leakaid/leakaid.exe", "leakaid/使用说明.txt"]:
        z.write(name)
PY
)
say "$(du -h "$EXE" | cut -f1) leakaid.exe → $OUT"
echo "$OUT"
