#!/usr/bin/env python3
"""A/B timings of whole commands, interleaved: each round runs every command once, in turn, so
a change in machine load hits all of them alike (hyperfine runs one command's samples in a
row). Reports the median wall time and the median user+sys CPU (from wait4) of each.

  Benchmarks/cli/interleave.py --rounds 40 --restore SRC DST -- NAME='CMD ARGS' NAME='CMD ARGS' ...

--restore copies SRC over DST before every run (e.g. a ticket file, so its history does not grow);
give it once per home. Binaries that keep a validated-home record need a home each: a record
names the executable that wrote it, so two binaries sharing a home keep replacing each other's.
"""
import argparse, os, shlex, shutil, statistics, sys, time

p = argparse.ArgumentParser()
p.add_argument("--rounds", type=int, default=40)
p.add_argument("--warmup", type=int, default=2)
p.add_argument("--restore", nargs=2, metavar=("SRC", "DST"), action="append", default=[])
p.add_argument("commands", nargs="+")
a = p.parse_args()
cmds = [(c.split("=", 1)[0], shlex.split(c.split("=", 1)[1])) for c in a.commands if c != "--"]

def run(argv):
    for src, dst in a.restore:
        shutil.copyfile(src, dst)
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1); os.dup2(fd, 2)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv} failed: {status}")
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000

for _ in range(a.warmup):
    for _, argv in cmds:
        run(argv)
res = {name: ([], []) for name, _ in cmds}
for _ in range(a.rounds):
    for name, argv in cmds:
        w, c = run(argv)
        res[name][0].append(w); res[name][1].append(c)
print(f"load {open('/proc/loadavg').read().split()[:3]}, {a.rounds} interleaved rounds")
print(f"{'command':34} {'median wall':>12} {'min wall':>10} {'median CPU':>11}")
for name, _ in cmds:
    w, c = res[name]
    print(f"{name:34} {statistics.median(w):9.2f} ms {min(w):7.2f} ms {statistics.median(c):8.2f} ms")
