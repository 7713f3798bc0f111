#!/bin/sh
# Regenerates docs/images/<workflow>.svg from the bundled workflows (workflows/*.yaml of the
# repository root home) with `docket graph` and Graphviz, so the pictures in
# docs/workflows.md always show the workflows as they are. Run from anywhere:
#
#     Scripts/graphs/render.sh            # builds docket first (swift build)
#     DOCKET=/path/to/docket Scripts/graphs/render.sh
#
# Needs Graphviz (`apt-get install graphviz`, `brew install graphviz`) and, for the Chinese
# labels to be measured right, a CJK font (e.g. `apt-get install fonts-wqy-microhei`).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v dot >/dev/null 2>&1 || { echo "render.sh: Graphviz 'dot' is not on PATH" >&2; exit 1; }
if [ -z "${DOCKET:-}" ]; then
  swift build --product docket >&2
  DOCKET="$(swift build --show-bin-path)/docket"
fi
mkdir -p docs/images
for file in workflows/*.yaml; do
  id=$(basename "$file" .yaml)
  "$DOCKET" graph "$id" --home "$root" | dot -Tsvg -o "docs/images/$id.svg"
  echo "docs/images/$id.svg"
done
