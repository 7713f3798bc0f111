#!/usr/bin/env python3
"""Random command lines for the commands staff run (odd options, `--`, `-h`, hostile ids,
empty `--x=`): none may crash or hang.

Usage: Scripts/fuzz/args.py DOCKET HOME RUNS SEED
A "crash" is a signal, an exit status above 4 (contract section 6) or a run over 20 s; each
one is printed with what caused it, and a crashing home is kept under the scratch folder.
"""
import random, subprocess, sys, shutil, os, tempfile
BIN = sys.argv[1]; SRC = sys.argv[2]; N = int(sys.argv[3]); rng = random.Random(int(sys.argv[4]))
SCRATCH = tempfile.mkdtemp(prefix="docket-fuzz-"); base = SCRATCH + "/home"
if os.path.exists(base): shutil.rmtree(base)
shutil.copytree(SRC, base, ignore=shutil.ignore_patterns(".build*", "data", ".git", "Sources", "Tests", "Benchmarks", "docs", "schemas", "examples", "fixtures"))
NOW = "2026-03-02T09:00:00+08:00"
subprocess.run([BIN, "new", "complaint", "--as", "li.wei", "--set", "customer=王", "--set", "category=noise", "--set", "description=y", "--now", NOW, "--home", base], capture_output=True)
cmds = ["advance", "show", "new", "assign", "history", "queue", "list", "tick", "explain", "graph", "eval"]
words = ["CMP-000001", "CMP-999999", "../../etc/passwd", "accept", "resolve", "complaint", "--set", "customer=x", "resolution=", "=", "--note", "", "--as", "li.wei", "nobody", "--now", NOW, "yesterday", "--json", "--to", "zhao.lei", "--open", "--closed", "--all", "--overdue", "--workflow", "--state", "--assignee", "-h", "--help", "--", "-", "--as=li.wei", "--now=", "中文", "\u00e9", "x" * 300, "--home", base]
bad = 0
for i in range(N):
    line = [rng.choice(cmds)] + [rng.choice(words) for _ in range(rng.randint(0, 7))]
    if "--home" not in line: line += ["--home", base]
    try:
        r = subprocess.run([BIN] + line, capture_output=True, timeout=20, env={**os.environ, "DOCKET_NOW": NOW}); rc = r.returncode
    except subprocess.TimeoutExpired: rc = "timeout"
    if rc == "timeout" or rc < 0 or rc > 4:
        bad += 1; print("CRASH", rc, line, r.stderr[-300:] if rc != "timeout" else b"", flush=True)
print("runs", N, "crashes", bad)
if bad == 0: shutil.rmtree(SCRATCH)
