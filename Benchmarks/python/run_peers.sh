#!/usr/bin/env bash
# Installs the Python CEL packages into a venv (PyPI) and times the benchmark expressions.
#   Benchmarks/python/run_peers.sh            prints JSON with ns per evaluation and compile
# Env: CEL_PEERS_VENV (default /tmp/cel-peers-venv)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${CEL_PEERS_VENV:-/tmp/cel-peers-venv}"
if ! "$VENV/bin/python" -c "import celpy, cel_expr_python" 2>/dev/null; then
  echo "installing cel-python and cel-expr-python into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
fi
exec "$VENV/bin/python" "$HERE/cel_peers.py"
