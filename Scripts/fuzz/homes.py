#!/usr/bin/env python3
"""Randomly mutated definition files (workflows, rules, staff, settings, calendars) of a
home whose validated-home record a first command wrote, through validate, new, tick,
advance and show: none may crash or hang.

Usage: Scripts/fuzz/homes.py DOCKET HOME RUNS SEED   (HOME: a home to copy, e.g. the repository root)
A "crash" is a signal, an exit status above 4 (contract section 6) or a run over 20 s; each
one is printed with what caused it, and a crashing home is kept under the scratch folder.
"""
import os, random, shutil, subprocess, sys, glob, tempfile
BIN = sys.argv[1]; SRC = sys.argv[2]; N = int(sys.argv[3]); seed = int(sys.argv[4])
rng = random.Random(seed)
SCRATCH = tempfile.mkdtemp(prefix="docket-fuzz-"); base = SCRATCH + "/home"
files = [f for f in glob.glob(SRC + "/workflows/*.yaml") + glob.glob(SRC + "/rules/*.yaml") + [SRC + "/staff.yaml", SRC + "/docket.yaml"] + glob.glob(SRC + "/calendars/*.yaml")]
tokens = ["{", "}", "[", "]", ":", "- ", "&a ", "*a", "!!str ", "'", '"', "\n", "  ", "\t", "null", "~", "1e999", "-1", "0x", "&", "*", "|", ">", "#", "%", "@", "`", "\u00e9", "\u4e2d", "\ud83d\ude00", "\x00", "\xff", "?", ",", "==", "&&", "size(", ")", "instance.", "now -", "duration('", "timestamp('", "has(", ".all(x,", "1/0", "9223372036854775807", "-9223372036854775808", "in [", "'\\u", "\\"]
crashes = 0
for i in range(N):
    if os.path.exists(base): shutil.rmtree(base)
    shutil.copytree(SRC, base, ignore=shutil.ignore_patterns(".build*", "data", ".git", "Sources", "Tests", "Benchmarks", "docs", "schemas", "examples", "fixtures"))
    NEWARGS = ["new", "complaint", "--as", "li.wei", "--set", "customer=x", "--set", "category=noise", "--set", "description=y", "--now", "2026-03-02T09:00:00+08:00"]
    pre = subprocess.run([BIN] + NEWARGS + ["--home", base], capture_output=True, timeout=20)
    if pre.returncode != 0: print("pristine new failed", pre.returncode, pre.stderr[-200:], flush=True)
    target = rng.choice(files).replace(SRC, base)
    data = open(target, "rb").read()
    for _ in range(rng.randint(1, 4)):
        pos = rng.randrange(len(data) + 1)
        op = rng.random()
        if op < 0.4:
            data = data[:pos] + rng.choice(tokens).encode("utf-8", "surrogatepass") + data[pos:]
        elif op < 0.7:
            data = data[:pos] + data[pos + rng.randint(1, 20):]
        else:
            j = rng.randrange(len(data) + 1); k = min(len(data), j + rng.randint(1, 60))
            data = data[:pos] + data[j:k] + data[pos:]
    open(target, "wb").write(data)
    for args in (["validate"], ["new", "complaint", "--as", "li.wei", "--set", "customer=x", "--set", "category=noise", "--set", "description=y", "--now", "2026-03-02T09:00:00+08:00"], ["tick", "--now", "2026-03-05T09:00:00+08:00"], ["advance", "CMP-000001", "accept", "--as", "li.wei", "--now", "2026-03-02T09:10:00+08:00"], ["show", "CMP-000001", "--json"]):
        try:
            r = subprocess.run([BIN] + args + ["--home", base], capture_output=True, timeout=20)
            rc = r.returncode
        except subprocess.TimeoutExpired:
            rc = "timeout"
        if rc == "timeout" or rc < 0 or rc > 4:
            crashes += 1
            keep = f"{SCRATCH}/crash-{seed}-{i}"
            shutil.copytree(base, keep)
            print("CRASH", rc, args, target, keep, (r.stderr[-300:] if rc != "timeout" else b""), flush=True)
print("runs", N, "crashes", crashes)
if crashes == 0: shutil.rmtree(SCRATCH)
