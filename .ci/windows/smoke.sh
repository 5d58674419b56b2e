#!/usr/bin/env bash
# The Windows stage of .ci/run. Builds the zip people download (scripts/build-windows.sh),
# unzips it, and runs leakaid.exe under Wine as a new user would use it: log a call with
# Chinese text and a picture, list, verify, export the packet, write a letter as text. Each
# answer is compared with the Linux program's answer to the same command, and each program
# reads the case the other one wrote: the same journal must give the same packet, byte for byte.
#
# When Windows cannot be built or run here (no rustup target, no MinGW, no Wine), it says so in
# one line starting "windows: NOT CHECKED". With CI=true that is a failure, except on a host
# where Wine for x86-64 cannot exist at all (not Linux on x86-64): there it is impossible, said,
# and not counted as a failure.
#
# Usage: .ci/windows/smoke.sh [LINUX-LEAKAID]   (default: builds target/debug/leakaid)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
STARTED=$(date +%s)
TARGET=x86_64-pc-windows-gnu

not_checked() {
  echo "windows: NOT CHECKED — $1" >&2
  if [ "${CI:-}" = true ] && [ "${2:-}" != impossible ]; then
    exit 1
  fi
  exit 0
}

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  not_checked "Wine for 64-bit Windows programs runs only on Linux x86-64 (this is $(uname -s) $(uname -m))" impossible
fi

# What the stage needs: the Windows standard library, the MinGW linker, Wine.
rustup target list --installed 2>/dev/null | grep -qx "$TARGET" ||
  rustup target add "$TARGET" >/dev/null 2>&1 ||
  not_checked "rustup could not add the $TARGET standard library"
find_wine() {
  command -v wine64 || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || command -v wine || true
}
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || [ -z "$(find_wine)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        gcc-mingw-w64-x86-64 wine64; } >/dev/null 2>&1 ||
      not_checked "apt-get could not install gcc-mingw-w64-x86-64 and wine64"
  else
    not_checked "gcc-mingw-w64-x86-64 or wine64 is missing and cannot be installed here (not root, or no apt-get)"
  fi
fi
WINE=$(find_wine)
[ -n "$WINE" ] || not_checked "Wine was installed but no wine64 program was found"

WORK=$(mktemp -d)
trap 'wineserver_stop; rm -rf "$WORK"' EXIT
wineserver_stop() { WINEPREFIX="$WORK/prefix" wineserver -k >/dev/null 2>&1 || true; }

# 1. The download, built and unpacked as a user would.
scripts/build-windows.sh "$WORK/leakaid-windows-x86_64.zip" >/dev/null
python3 -m zipfile -e "$WORK/leakaid-windows-x86_64.zip" "$WORK/unzipped"
APP="$WORK/unzipped/leakaid"
[ -f "$APP/leakaid.exe" ] || { echo "windows: the zip has no leakaid/leakaid.exe" >&2; exit 1; }
head -c 3 "$APP/使用说明.txt" | cmp -s - <(printf '\xEF\xBB\xBF') ||
  { echo "windows: 使用说明.txt is missing or not UTF-8 with a byte order mark" >&2; exit 1; }
grep -q $'\r$' "$APP/使用说明.txt" || { echo "windows: 使用说明.txt does not have CRLF line ends" >&2; exit 1; }
[ "$(python3 -m zipfile -l "$WORK/leakaid-windows-x86_64.zip" | grep -c .)" = 3 ] ||
  { echo "windows: the zip holds more than leakaid.exe and 使用说明.txt" >&2; exit 1; }

# 2. Test setup, not part of the download: Wine 8 lacks ProcessPrng (bcryptprimitives.dll).
RUN="$WORK/run"
mkdir -p "$RUN"
cp "$APP/leakaid.exe" "$RUN/"
x86_64-w64-mingw32-gcc -O2 -shared -o "$RUN/bcryptprimitives.dll" .ci/windows/processprng.c -lbcrypt
export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="mscoree=;mshtml=;bcryptprimitives=n,b"
timeout 300 "$WINE" wineboot -i >/dev/null 2>&1 || not_checked "Wine could not set up a Windows folder (wineboot)"

LINUX=${1:-}
if [ -z "$LINUX" ] || [ ! -x "$LINUX" ]; then
  cargo build --locked --bin leakaid >/dev/null 2>&1
  LINUX="$ROOT/target/debug/leakaid"
fi

# Both programs see the same zone, language and files.
export TZ=Asia/Shanghai LEAKAID_LANG=zh
unset LEAKAID_DATA_DIR LEAKAID_CASE
cd "$WORK"
mkdir -p lin win out
python3 - <<'PY'
import struct, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = b"".join(b"\x00" + b"".join(bytes((x * 16, y * 16, 128)) for x in range(16)) for y in range(16))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open("来电截图.png", "wb").write(png)
PY

fail=0
win() { timeout 120 "$WINE" "$RUN/leakaid.exe" "$@"; }
lin() { timeout 120 "$LINUX" "$@"; }
# Runs one command with both programs (DIR-lin / DIR-win as their data folders); their
# standard output and exit codes must be the same.
both() {
  local name=$1 dl=$2 dw=$3
  shift 3
  local cl=0 cw=0
  lin --data-dir "$dl" "$@" >"out/$name.lin" 2>"out/$name.lin.err" || cl=$?
  win --data-dir "$dw" "$@" >"out/$name.win" 2>"out/$name.win.err" || cw=$?
  if [ "$cl" != "$cw" ]; then
    echo "windows: '$name' ended with $cw under Wine and $cl on Linux:" >&2
    sed 's/^/  wine: /' "out/$name.win.err" >&2
    fail=1
  elif ! cmp -s "out/$name.lin" "out/$name.win"; then
    echo "windows: '$name' printed something else under Wine than on Linux:" >&2
    diff "out/$name.lin" "out/$name.win" | head -20 >&2 || true
    fail=1
  fi
}
expect_refused() {
  local name=$1
  shift
  if win "$@" >"out/$name.win" 2>"out/$name.win.err"; then
    echo "windows: '$name' was accepted under Wine; it must be refused" >&2
    fail=1
  fi
}

DAY=$(date +%F)
NOTE="自称银行客服，说我的卡被冻结，叫出了我的全名"
# 3. Each program keeps its own case: log (Chinese note, a picture named in Chinese), list.
both profile lin win profile set --name 张三 --phone 13800138000 --address "北京市朝阳区某某路1号"
both log-call lin win log call "+86 138-0013-8000" --at "2026-11-29 14:05" --note "$NOTE" \
  --knew name,id --attach 来电截图.png
both log-sms lin win log sms 10690000 --at "2026-11-29 13:55" --note "贷款广告" --knew name
both list lin win list
for d in lin win; do
  if ! (if [ $d = lin ]; then lin --data-dir $d verify; else win --data-dir $d verify; fi) >"out/verify-own.$d" 2>&1; then
    echo "windows: verify failed on the case $d wrote itself:" >&2
    cat "out/verify-own.$d" >&2
    fail=1
  fi
done

# 4. Each reads the case the other wrote: the same journal gives the same fingerprint, packet,
#    letter and CSV from both programs.
for from in win lin; do
  mkdir -p "from-$from-l" "from-$from-w"
  cp -r "$from/default" "from-$from-l/" && cp -r "$from/default" "from-$from-w/"
  both "verify-$from-case" "from-$from-l" "from-$from-w" verify
done
# (the JSON carries each line's recording time, so it is compared on the same journal)
both list-json from-win-l from-win-w list --json
both letter-12321 from-win-l from-win-w letter 12321 --text --date "$DAY"
lin --data-dir from-win-l export pdf --date "$DAY" -o packet-lin.pdf >/dev/null 2>"out/pdf.lin.err" || fail=1
win --data-dir from-win-w export pdf --date "$DAY" -o packet-win.pdf >/dev/null 2>"out/pdf.win.err" || fail=1
if ! cmp -s packet-lin.pdf packet-win.pdf; then
  echo "windows: the packet made under Wine differs from Linux's for the same journal" >&2
  cat out/pdf.win.err >&2
  fail=1
fi
lin --data-dir from-win-l export csv -o evidence-lin.csv >/dev/null 2>&1 || fail=1
win --data-dir from-win-w export csv -o evidence-win.csv >/dev/null 2>&1 || fail=1
cmp -s evidence-lin.csv evidence-win.csv ||
  { echo "windows: the CSV made under Wine differs from Linux's for the same journal" >&2; fail=1; }

# 5. What only Windows does: Notepad's text, Excel's CSV, device names refused.
win --data-dir from-win-w letter 12321 --text --date "$DAY" -o letter.txt >/dev/null 2>&1 || fail=1
if ! head -c 3 letter.txt | cmp -s - <(printf '\xEF\xBB\xBF') || grep -qv $'\r$' <(tail -c +4 letter.txt); then
  echo "windows: letter --text -o is not UTF-8 with a mark and CRLF line ends under Windows" >&2
  fail=1
fi
head -c 3 evidence-win.csv | cmp -s - <(printf '\xEF\xBB\xBF') ||
  { echo "windows: the CSV has no UTF-8 byte order mark (Excel would show the Chinese garbled)" >&2; fail=1; }
for dev in NUL CON COM1 'nul.txt' '\\.\pipe\leakaid'; do
  expect_refused "attach-$dev" --data-dir win log call 13800138000 --note x --attach "$dev"
done
grep -q "设备文件\|管道" "out/attach-NUL.win.err" ||
  { echo "windows: NUL was refused without saying it is a device" >&2; fail=1; }
expect_refused case-colon --data-dir win --case "a:b" log call 13800138000 --note x
both list-after-refusals lin win list
win --data-dir win export pdf --date "$DAY" >/dev/null 2>&1 || fail=1
ls win/default/exports/*.pdf 2>/dev/null | grep -q ':' &&
  { echo "windows: an exported file name holds ':'" >&2; fail=1; }

took=$(($(date +%s) - STARTED))
if [ "$fail" != 0 ]; then
  echo "windows: FAILED (${took}s)" >&2
  exit 1
fi
echo "windows: leakaid.exe under $("$WINE" --version 2>/dev/null) gives Linux's answers (log, list, verify, packet, letter, csv) (${took}s)" >&2
