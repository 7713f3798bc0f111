#!/usr/bin/env bash
# `docket advance` on two homes that differ only in rules/: none, or five rules that all fire
# on the advanced event (issue 4: a command that triggers 5 rules costs at most 2x the same
# command without). Figures and how to read them: docs/performance.md.
#
#   Benchmarks/rules/run.sh                   build release, make the homes, measure
#   SKIP_BUILD=1 RUNS=40 Benchmarks/rules/run.sh
# Env: BENCH_DIR (default /var/tmp/docket-rules-bench: a real disk, fsync is measured),
#      DOCKET_BIN (default .build/release/docket). Needs: swift, hyperfine.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${BENCH_DIR:-/var/tmp/docket-rules-bench}"
RUNS="${RUNS:-40}"
NOW="2026-03-02T10:00:00+08:00"
BIN="${DOCKET_BIN:-$ROOT/.build/release/docket}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && swift build -c release --product docket)
fi
rm -rf "$OUT"; mkdir -p "$OUT"
for name in none five; do
  H="$OUT/$name"
  mkdir -p "$H/rules"
  cp -r "$ROOT/workflows" "$ROOT/calendars" "$ROOT/staff.yaml" "$ROOT/docket.yaml" "$H/"
  [ "$name" = five ] && cp "$HERE/five-rules.yaml" "$H/rules/bench.yaml"
  "$BIN" validate --home "$H" > /dev/null
  "$BIN" new complaint --home "$H" --as li.wei --now "$NOW" \
    --set customer=张三 --set category=noise --set location=L1 --set description=夜间噪音 > /dev/null
  "$BIN" advance CMP-000001 accept --home "$H" --as li.wei --now "$NOW" > /dev/null
  # One advance so derived files (index, validated-home record) are in place, then keep the
  # ticket as it was so every timed run does the same work.
  "$BIN" advance CMP-000001 contact_customer --note warmup --home "$H" --as li.wei --now "$NOW" > /dev/null
  cp "$H/data/instances/complaint/CMP-000001.json" "$OUT/$name.ticket.json"
done
"$BIN" history CMP-000001 --home "$OUT/five" | tail -4
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/result.json" \
  --prepare "cp $OUT/none.ticket.json $OUT/none/data/instances/complaint/CMP-000001.json" \
  -n "advance, no rules" \
  "$BIN advance CMP-000001 contact_customer --note x --home $OUT/none --as li.wei --now $NOW" \
  --prepare "cp $OUT/five.ticket.json $OUT/five/data/instances/complaint/CMP-000001.json" \
  -n "advance, 5 rules fire" \
  "$BIN advance CMP-000001 contact_customer --note x --home $OUT/five --as li.wei --now $NOW"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
