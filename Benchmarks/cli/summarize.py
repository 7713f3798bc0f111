#!/usr/bin/env python3
"""Turns Benchmarks/cli/run.sh's raw results (hyperfine JSON, /usr/bin/time -v) into the
tables of docs/performance.md. Usage: summarize.py RESULTS_DIR SIZE..."""
import glob
import json
import os
import re
import statistics
import sys


def hyperfine(path):
    with open(path) as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def timev(path):
    with open(path) as f:
        text = f.read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.split(":"))))
    user = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    return seconds, rss / 1024, user + system


def ms(r):
    return "%.2f ms (min %.2f, σ %.2f)" % (r["median"] * 1e3, r["min"] * 1e3, r["stddev"] * 1e3)


def cpu(r):
    """Mean user + system CPU: far less disturbed by other processes than wall time."""
    return "%.2f ms" % ((r["user"] + r["system"]) * 1e3)


def main():
    res, sizes = sys.argv[1], sys.argv[2:]
    with open(os.path.join(res, "machine.txt")) as f:
        print("```\n" + f.read().strip() + "\n```\n")
    for extra in ("build-dynamic.time", "build-static.time", "binaries.txt"):
        p = os.path.join(res, extra)
        if os.path.exists(p):
            print("%s: %s" % (extra, open(p).read().strip().replace("\n", "; ")))
    print()
    print("| tickets | command | median wall | mean CPU (user+sys) | wall ratio to C floor | wall ratio to Swift floor (same stdlib linking) |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        a = hyperfine(os.path.join(res, "advance-%s.json" % n))
        c = a["floor C"]["median"]
        for name, r in a.items():
            swift = a["floor Swift (static stdlib)" if "static" in name else "floor Swift"]["median"]
            ratio = lambda x: "%.2f×" % (r["median"] / x)
            print("| %s | %s | %s | %s | %s | %s |" % (n, name, ms(r), cpu(r), ratio(c),
                  ratio(swift) if not name.startswith("floor") else "—"))
        l = hyperfine(os.path.join(res, "list-%s.json" % n))["list --open"]
        print("| %s | list --open | %s | %s | | |" % (n, ms(l), cpu(l)))
        t = hyperfine(os.path.join(res, "tick-idle-%s.json" % n))["tick (nothing due)"]
        print("| %s | tick (nothing due) | %s | %s | | |" % (n, ms(t), cpu(t)))
    print()
    print("| tickets | command | wall (s) | user+sys (s) | peak RSS (MB) |")
    print("|---|---|---|---|---|")
    for n in sizes:
        for what in ("reindex", "advance", "list"):
            s, m, c = timev(os.path.join(res, "%s-%s.timev" % (what, n)))
            print("| %s | %s | %.3f | %.3f | %.1f |" % (n, what, s, c, m))
        ticks = [timev(p) for p in sorted(glob.glob(os.path.join(res, "tick-%s-*.timev" % n)))]
        if ticks:
            print("| %s | tick (fires every due breach) | median %.3f of %s | %.3f | max %.1f |" % (
                n, statistics.median(t[0] for t in ticks),
                ", ".join("%.3f" % t[0] for t in ticks), statistics.median(t[2] for t in ticks),
                max(t[1] for t in ticks)))


if __name__ == "__main__":
    main()
