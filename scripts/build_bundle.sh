#!/usr/bin/env bash
# Build the one-folder bundle dist/acrel-console/ with PyInstaller (installed into .venv on demand).
# Usage: scripts/build_bundle.sh [--clean]
#   ACREL_CJK_FONT=/path/font.ttc   the CJK font copied into resources/fonts (default: Debian wqy-microhei)
#   ACREL_DIST_DIR / ACREL_WORK_DIR   output and work folders (default: dist/ and build/pyinstaller)
# Prints the build time and the bundle size at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

PYINSTALLER_VERSION="${PYINSTALLER_VERSION:-6.22.3}"
DIST="${ACREL_DIST_DIR:-dist}"
WORK="${ACREL_WORK_DIR:-build/pyinstaller}"

if [ ! -x .venv/bin/python ]; then
  echo "build_bundle.sh: no .venv; run scripts/install.sh first" >&2
  exit 1
fi
if ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
  .venv/bin/python -m pip install -q "pyinstaller==${PYINSTALLER_VERSION}"
fi

font="${ACREL_CJK_FONT:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}"
if [ ! -f "$font" ]; then
  echo "build_bundle.sh: WARNING: no CJK font at $font (apt-get install fonts-wqy-microhei, or set ACREL_CJK_FONT)" >&2
fi

clean=()
[ "${1:-}" = "--clean" ] && clean=(--clean)

start=$(date +%s.%N)
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN "${clean[@]}" \
  --distpath "$DIST" --workpath "$WORK" installer/acrel-console.spec
end=$(date +%s.%N)

bundle="$DIST/acrel-console"
[ -x "$bundle/acrel-console" ] || [ -f "$bundle/acrel-console.exe" ] || { echo "build_bundle.sh: no binary in $bundle" >&2; exit 1; }
size=$(du -sm "$bundle" | cut -f1)
printf 'bundle: %s  build: %.1f s  size: %s MB\n' "$bundle" "$(echo "$end - $start" | bc)" "$size"
