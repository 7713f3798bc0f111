#!/usr/bin/env bash
# A/B timing of `docket advance` for two or more docket binaries on one generated home, in one
# hyperfine run, next to the C and Swift floors (see docs/performance.md §3).
#
#   Benchmarks/cli/compare.sh HOME NAME=BINARY [NAME=BINARY ...]
#   e.g. Benchmarks/cli/compare.sh /var/tmp/docket-cli-bench/home-100000 before=/tmp/docket-a after=.build-static/release/docket
#
# HOME is a home made by run.sh (gen_home.py). Every run starts from the same copy of one
# open ticket in `handling` (restored by --prepare), so the ticket's history does not grow
# from run to run and every binary does exactly the same work. Prints the load average
# before and after. Env: RUNS (default 40), TICKET (default CMP-<N-DUE-2>, e.g. CMP-098998),
# FLOORS (default: $BENCH_DIR/floors from run.sh).
set -euo pipefail
HOME_DIR="$1"; shift
RUNS="${RUNS:-40}"
NOW="${NOW:-2026-03-02T09:00:00+08:00}"
FLOORS="${FLOORS:-${BENCH_DIR:-/var/tmp/docket-cli-bench}/floors}"
N=$(ls "$HOME_DIR/data/instances/complaint" | wc -l)
TICKET="${TICKET:-$(printf "CMP-%06d" $(( N - 1000 - 2 )))}"
FILE="$HOME_DIR/data/instances/complaint/$TICKET.json"
KEEP="$(mktemp -d)"
trap 'cp "$KEEP/ticket.json" "$FILE"; rm -rf "$KEEP"' EXIT
cp "$FILE" "$KEEP/ticket.json"
cp "$FILE" "$KEEP/floor.json"
CMDS=()
for pair in "$@"; do
  name="${pair%%=*}"; bin="${pair#*=}"
  # Warm up once so any derived file (index, validated-home record) is in place.
  "$bin" advance "$TICKET" contact_customer --note warmup --as li.wei --home "$HOME_DIR" --now "$NOW" > /dev/null
  cp "$KEEP/ticket.json" "$FILE"
  CMDS+=(-n "advance ($name)" "$bin advance $TICKET contact_customer --note x --as li.wei --home $HOME_DIR --now $NOW")
done
for pair in "$@"; do
  name="${pair%%=*}"; bin="${pair#*=}"
  CMDS+=(-n "start-up: --help ($name)" "$bin --help")
done
[ -x "$FLOORS/floor-c" ] && CMDS+=(-n "floor C" "$FLOORS/floor-c $KEEP/floor.json")
[ -x "$FLOORS/floor-swift-static" ] && CMDS+=(-n "floor Swift (static stdlib)" "$FLOORS/floor-swift-static $KEEP/floor.json")
echo "date: $(date -u +%FT%TZ)  load before: $(cut -d' ' -f1-3 /proc/loadavg)  ticket: $TICKET"
hyperfine -N --warmup 3 --runs "$RUNS" --prepare "cp $KEEP/ticket.json $FILE" \
  --export-json "${EXPORT:-/dev/null}" "${CMDS[@]}" 2>&1 \
  | grep -E "^(Benchmark|  Time|  Range)" 
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
