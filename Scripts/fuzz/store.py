#!/usr/bin/env python3
"""One file under data/ (a ticket, the index, a lookup bucket, the validated-home record,
a definition copy) truncated, emptied or given stray bytes, then nine commands: none may
crash or hang (a damaged file is exit 4 naming it, or heals).

Usage: Scripts/fuzz/store.py DOCKET HOME RUNS SEED [wal|cache]
With "wal", only the write-ahead log and its marker (data/wal/) are damaged, and half the
time the marker is also made to name another boot, so the next command replays the whole
damaged log as it would after a reboot. With "cache", only the validated-home record and the
compiled home (data/cache/) are damaged: every command must load the YAML instead.
A "crash" is a signal, an exit status above 4 (contract section 6) or a run over 20 s; each
one is printed with what caused it, and a crashing home is kept under the scratch folder.
"""
import os, random, shutil, subprocess, sys, glob, tempfile
BIN = sys.argv[1]; SRC = sys.argv[2]; N = int(sys.argv[3]); rng = random.Random(int(sys.argv[4]))
WAL = len(sys.argv) > 5 and sys.argv[5] == "wal"
CACHE = len(sys.argv) > 5 and sys.argv[5] == "cache"
SCRATCH = tempfile.mkdtemp(prefix="docket-fuzz-"); base = SCRATCH + "/home"
NOW = "2026-03-02T09:00:00+08:00"
def run(args):
    try:
        r = subprocess.run([BIN] + args + ["--home", base], capture_output=True, timeout=20); return r.returncode, r.stderr
    except subprocess.TimeoutExpired: return "timeout", b""
crashes = 0
for i in range(N):
    if os.path.exists(base): shutil.rmtree(base)
    shutil.copytree(SRC, base, ignore=shutil.ignore_patterns(".build*", "data", ".git", "Sources", "Tests", "Benchmarks", "docs", "schemas", "examples", "fixtures"))
    for c in range(3):
        run(["new", "complaint", "--as", "li.wei", "--set", "customer=王", "--set", "category=noise", "--set", "description=y", "--now", NOW])
    run(["advance", "CMP-000001", "accept", "--as", "li.wei", "--now", NOW])
    files = [f for f in glob.glob(base + "/data/**", recursive=True) if os.path.isfile(f) and not f.endswith(".lock")]
    if WAL: files = [f for f in files if "/data/wal/" in f] or files
    if CACHE: files = [f for f in files if "/data/cache/" in f] or files
    target = rng.choice(files)
    data = open(target, "rb").read()
    op = rng.random()
    if op < 0.3 and data: data = data[:rng.randrange(len(data))]
    elif op < 0.6:
        for _ in range(rng.randint(1, 5)):
            p = rng.randrange(len(data) + 1); data = data[:p] + bytes([rng.randrange(256)]) + data[p+1:]
    elif op < 0.8:
        p = rng.randrange(len(data) + 1); data = data[:p] + rng.choice([b"\n", b"\t", b"{", b"}", b"\"", b"99999999999999999999", b"-1", b"\xff\xfe", b"null", b"../../etc"]) + data[p:]
    else: data = b""
    open(target, "wb").write(data)
    marker = base + "/data/wal/applied"
    if WAL and rng.random() < 0.5 and os.path.exists(marker):
        text = open(marker, "rb").read().split(b"\t")
        if len(text) == 3: open(marker, "wb").write(text[0] + b"\t00000000-0000-0000-0000-000000000000\t" + text[2])
    for args in (["show", "CMP-000001"], ["list", "--open"], ["queue", "--as", "li.wei"], ["advance", "CMP-000002", "accept", "--as", "li.wei", "--now", NOW], ["new", "complaint", "--as", "li.wei", "--set", "customer=王", "--set", "category=noise", "--set", "description=y", "--now", NOW], ["tick", "--now", "2026-03-05T09:00:00+08:00"], ["history", "CMP-000003"], ["reindex"], ["list", "--all"]):
        rc, err = run(args)
        if rc == "timeout" or rc < 0 or rc > 4:
            crashes += 1; keep = f"{SCRATCH}/crash-{i}"; shutil.copytree(base, keep, dirs_exist_ok=True)
            print("CRASH", rc, args, target.replace(base, ""), keep, err[-300:], flush=True)
print("runs", N, "crashes", crashes)
if crashes == 0: shutil.rmtree(SCRATCH)
