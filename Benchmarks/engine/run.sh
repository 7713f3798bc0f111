#!/usr/bin/env bash
# Builds and runs the plain engine driver (main.swift + the EngineBenchmarks workload files)
# against the root package's release build, without the benchmark package's tooling.
#   Benchmarks/engine/run.sh [BATCH] [RUNS] [peers|bundled]      e.g. 10000 5
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# REL: a release build folder of the root package (default .build/release; .build-static/release
# from run.sh of the CLI benchmarks works too: the objects are the same).
REL="${REL:-$ROOT/.build/release}"
[ -d "$REL/DocketKit.build" ] || (cd "$ROOT" && swift build -c release --product docket)
OBJS=()
for m in CEL DocketDiagnostics DocketFiles DocketModel DocketDSL DocketEngine DocketStore DocketKit \
         OrderedCollections InternalCollectionsUtilities Yams CYaml; do
  while IFS= read -r o; do OBJS+=("$o"); done < <(find "$REL/$m.build" -name "*.o")
done
W="$HERE/../Benchmarks/EngineBenchmarks"
OUT="${BENCH_DIR:-/var/tmp/docket-engine-bench}"
mkdir -p "$OUT"
# SWIFTC_FLAGS: extra flags, e.g. -static-stdlib when REL is a --static-swift-stdlib build.
swiftc -O -wmo ${SWIFTC_FLAGS:-} -module-name EngineDriver -I "$REL/Modules" -I "$REL" \
  -Xcc -fmodule-map-file="$(ls "$ROOT"/.build/checkouts/Yams/Sources/CYaml/include/module.modulemap 2>/dev/null || true)" \
  "$HERE/main.swift" "$HERE/../common/DriverClock.swift" "$W/Lifecycle.swift" "$W/TicketShelf.swift" "$W/TempHome.swift" \
  "${OBJS[@]}" -o "$OUT/engine-driver"
"$OUT/engine-driver" "${1:-10000}" "${2:-5}" ${3:-}
