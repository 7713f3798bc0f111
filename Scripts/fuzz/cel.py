#!/usr/bin/env python3
"""Random and mangled CEL expressions through `docket eval`: none may crash or hang.

Usage: Scripts/fuzz/cel.py DOCKET RUNS SEED   (e.g. .build/release/docket 3000 1)
A "crash" is a signal, an exit status above 4 (contract section 6) or a run over 20 s; each
one is printed with what caused it, and a crashing home is kept under the scratch folder.
"""
import random, subprocess, sys
BIN = sys.argv[1]; N = int(sys.argv[2]); rng = random.Random(int(sys.argv[3]))
atoms = ["1", "0", "-1", "1u", "2.5", "1e308", "-0.0", "'a'", "'中文'", "b'x'", "true", "null", "[]", "{}", "[1,2]", "{'a':1}", "now", "duration('1h')", "timestamp('2026-01-01T00:00:00Z')", "9223372036854775807", "-9223372036854775808", "18446744073709551615u", "x", "'\\u00e9'", "r'\\d'", "\"\"\"t\"\"\""]
ops = ["+", "-", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||", "in", "."]
funcs = ["size", "int", "uint", "double", "string", "bytes", "timestamp", "duration", "has", "type", "dyn", "matches", "contains", "startsWith", "exists", "all", "map", "filter", "exists_one", "getHours", "split", "join", "lowerAscii", "replace", "substring", "indexOf", "charAt", "format", "max", "min"]
def expr(d):
    r = rng.random()
    if d > 4 or r < 0.3: return rng.choice(atoms)
    if r < 0.55: return "(" + expr(d+1) + " " + rng.choice(ops) + " " + expr(d+1) + ")"
    if r < 0.75: return rng.choice(funcs) + "(" + ", ".join(expr(d+1) for _ in range(rng.randint(0,3))) + ")"
    if r < 0.85: return expr(d+1) + "." + rng.choice(funcs) + "(" + ", ".join(expr(d+1) for _ in range(rng.randint(0,2))) + ")"
    if r < 0.9: return "[" + expr(d+1) + "].all(x, " + expr(d+1) + ")"
    if r < 0.95: return expr(d+1) + " ? " + expr(d+1) + " : " + expr(d+1)
    s = expr(d+1); i = rng.randrange(len(s)+1); return s[:i] + rng.choice(["(", ")", "[", "'", "\\", ".", ",", "?"]) + s[i:]
bad = 0
for i in range(N):
    e = expr(0)
    try:
        r = subprocess.run([BIN, "eval", e, "--now", "2026-03-02T09:00:00+08:00"], capture_output=True, timeout=10); rc = r.returncode
    except subprocess.TimeoutExpired: rc = "timeout"
    if rc == "timeout" or rc < 0 or rc > 4:
        bad += 1; print("CRASH", rc, repr(e), flush=True)
print("runs", N, "crashes", bad)
