#!/usr/bin/env bash
# Builds and runs the lookup index driver (main.swift) against the root package's release
# build of DocketStore, without the benchmark package's tooling (docs/performance.md §7).
#   Benchmarks/lookup/run.sh [TICKETS] [STORE_FOLDER] [--rebuild]
# The store is filled once (100,000 tickets: about a minute) and reused by later runs.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REL="$ROOT/.build/release"
[ -d "$REL/DocketFiles.build" ] || (cd "$ROOT" && swift build -c release --target DocketStore)
OBJS=()
for m in CEL DocketDiagnostics DocketFiles DocketModel DocketStore OrderedCollections InternalCollectionsUtilities; do
  while IFS= read -r o; do OBJS+=("$o"); done < <(find "$REL/$m.build" -name "*.o")
done
OUT="${BENCH_DIR:-/var/tmp/docket-lookup-bench-bin}"
mkdir -p "$OUT"
swiftc -O -wmo -module-name LookupDriver -I "$REL/Modules" -I "$REL" \
  "$HERE/main.swift" "$HERE/../common/DriverClock.swift" "${OBJS[@]}" -o "$OUT/lookup-driver"
"$OUT/lookup-driver" "${1:-100000}" "${2:-/var/tmp/docket-lookup-bench}" "${@:3}"
