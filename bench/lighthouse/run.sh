#!/usr/bin/env bash
# Lighthouse 12.2.3 (performance only, default mobile emulation and throttling) against a running app:
#   bench/lighthouse/run.sh <base url> <email> <password> <label>   → bench/results/lighthouse-<label>-<date>.md (+ JSON reports next to it)
# Lighthouse: `npm i lighthouse@12.2.3` in a temp folder; set LIGHTHOUSE to its bin (default: lighthouse on PATH). Chrome: /usr/bin/chromium.
set -euo pipefail
base=${1:?base url}; email=${2:?email}; password=${3:?password}; label=${4:-run}
lighthouse=${LIGHTHOUSE:-lighthouse}
out=$(cd "$(dirname "$0")/../results" && pwd); date=$(date -u +%F); work=$(mktemp -d)
file=$out/lighthouse-$label-$date.md
{
  echo "# Lighthouse 12.2.3: $label"
  echo
  echo "$(date -u '+%F %H:%M') UTC; $base; load average $(cut -d' ' -f1-3 /proc/loadavg); performance category, default (mobile, simulated throttling); headless Chromium."
  echo
  echo "| page | performance | FCP | LCP | TBT | CLS | speed index | uncompressed text (KiB) | transfer (KiB) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$file"
# The sign-in page anonymously with the CLI; the others signed in (signed-in.mjs: one browser that signed in through the form;
# cookies passed with --extra-headers do not reach the Blazor circuit's WebSocket, which then treats the page as signed out).
"$lighthouse" "$base/account/login" --only-categories=performance --output=json --output-path="$work/login.json" --quiet \
  --chrome-path=/usr/bin/chromium --chrome-flags="--headless --no-sandbox --disable-gpu"
NODE_PATH=${NODE_PATH:-$(dirname "$(dirname "$(readlink -f "$(command -v "$lighthouse")")")")/..} \
  node "$(dirname "$0")/signed-in.mjs" "$base" "$email" "$password" "$work/signed-in.json" / /design/items /analytics
python3 - "$work/login.json" "$work/signed-in.json" >> "$file" <<'PY'
import json, sys
reports = {'/account/login': json.load(open(sys.argv[1]))}
reports.update(json.load(open(sys.argv[2])))
for page, r in reports.items():
    a = r['audits']
    def ms(k): return f"{a[k]['numericValue']/1000:.1f} s" if a.get(k, {}).get('numericValue') is not None else "—"
    unc = a.get('uses-text-compression', {}).get('details', {}).get('overallSavingsBytes', 0) / 1024
    tot = a.get('total-byte-weight', {}).get('numericValue', 0) / 1024
    score = r['categories']['performance']['score']
    final = r.get('finalDisplayedUrl', '')
    note = '' if final.endswith(page) or page == '/' and final.rstrip('/').count('/') == 2 else f' (ended at {final})'
    print(f"| {page}{note} | {round(score*100) if score is not None else '—'} | {ms('first-contentful-paint')} | {ms('largest-contentful-paint')} | {a['total-blocking-time']['numericValue']:.0f} ms | {a['cumulative-layout-shift']['numericValue']:.3f} | {ms('speed-index')} | {unc:.0f} | {tot:.0f} |")
PY
echo "wrote $file"; cat "$file"
