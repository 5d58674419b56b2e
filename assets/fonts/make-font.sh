#!/bin/sh
# Rebuild NotoSansCJKsc-Regular.otf, the font embedded in leakaid for the complaint packet.
#
# Input : Noto Sans CJK Regular collection from Debian's fonts-noto-cjk package
#         (/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc; face index 2 = "Noto Sans CJK SC").
# Output: one standalone CFF-outline OpenType face with every character the SC face maps
#         (44,810 code points incl. CJK Ext-A/B: 䶮 𠮷 龘 堃 玥 喆 昇 赟 犇), without the
#         JP/KR/TC regional glyph variants (no `locl`/layout features), without vertical metrics.
# Needs : python3 with fonttools (`pip install fonttools`). Offline; takes ~25 s.
set -eu
SRC=${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
INDEX=${2:-2}
OUT=$(dirname "$0")/NotoSansCJKsc-Regular.otf

python3 - "$SRC" "$INDEX" <<'PY'
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1], fontNumber=int(sys.argv[2]), lazy=True)
name = f["name"].getDebugName(6)
if name != "NotoSansCJKsc-Regular":
    sys.exit(f"face {sys.argv[2]} is {name}, not NotoSansCJKsc-Regular: pass the right index")
PY

pyftsubset "$SRC" --font-number="$INDEX" \
  --unicodes='*' \
  --layout-features='' \
  --notdef-outline \
  --drop-tables+=BASE,VORG,vhea,vmtx \
  --output-file="$OUT"
sha256sum "$OUT"
