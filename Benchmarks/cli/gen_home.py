#!/usr/bin/env python3
"""Builds a Docket home holding N complaint tickets for the CLI timings (Benchmarks/cli/run.sh).

Realistic, and in the store's exact format, because the tickets come from the store itself:
three template tickets are made with the real `docket` binary in a scratch home (a closed one
that went accept -> resolve -> record_visit, an open one in `handling`, a fresh one in
`received`), then each is copied with a new id, new customer and every RFC 3339 time shifted.
`docket reindex` then rebuilds the index from the files (and must accept them all).

Mix at --now: 1,000 (--due) fresh tickets whose 30-minute accept deadline is overdue (so
`docket tick` has 1,000 breaches), --open tickets in handling created in the last 18 h (24 h
clock running, not yet due), the rest closed, spread over the past year. Ids grow with the
creation time, as they would.
Usage: gen_home.py --docket BIN --root REPO --home DIR --tickets N [--due 1000] [--open 4000]
                   --now 2026-03-02T09:00:00+08:00
"""
import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys

DEFINITIONS = ["docket.yaml", "staff.yaml", "workflows", "calendars", "rules"]
TIME = re.compile(r'"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z))"')
T0 = dt.datetime.fromisoformat("2026-01-05T09:00:00+08:00")  # when the templates are made


def copy_definitions(root, home):
    os.makedirs(home, exist_ok=True)
    for name in DEFINITIONS:
        src = os.path.join(root, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(home, name))
        elif os.path.exists(src):
            shutil.copy(src, os.path.join(home, name))


def docket(binary, home, now, *args):
    env = dict(os.environ, DOCKET_HOME=home, DOCKET_NOW=now.isoformat(), NO_COLOR="1")
    out = subprocess.run([binary, *args], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("docket %s failed (%d): %s" % (" ".join(args), out.returncode, out.stderr))
    return out.stdout.strip()


def make_templates(binary, scratch):
    """The three template tickets, each made by the real CLI; returns {kind: (id, text)}."""
    minutes = lambda m: T0 + dt.timedelta(minutes=m)
    new = ["new", "complaint", "--as", "li.wei", "--set", "customer=TEMPLATE",
           "--set", "category=noise", "--set", "description=楼上装修噪音，晚上九点后仍在施工",
           "--set", "phone=13800000000", "--set", "location=B1 停车场"]
    closed = docket(binary, scratch, minutes(0), *new).split()[0]
    docket(binary, scratch, minutes(5), "advance", closed, "accept", "--as", "li.wei")
    docket(binary, scratch, minutes(40), "advance", closed, "contact_customer", "--as", "li.wei",
           "--note", "已电话联系客户，约定今晚九点前停工")
    docket(binary, scratch, minutes(180), "advance", closed, "resolve", "--as", "li.wei",
           "--set", "resolution=已协调施工方，晚九点后停止施工", "--note", "物业已书面通知施工方")
    docket(binary, scratch, minutes(1500), "advance", closed, "record_visit", "--as", "li.wei",
           "--set", "satisfaction=satisfied", "--note", "客户表示满意")
    handling = docket(binary, scratch, minutes(0), *new).split()[0]
    docket(binary, scratch, minutes(5), "advance", handling, "accept", "--as", "li.wei")
    fresh = docket(binary, scratch, minutes(0), *new).split()[0]
    result = {}
    for kind, tid in (("closed", closed), ("handling", handling), ("received", fresh)):
        path = os.path.join(scratch, "data", "instances", "complaint", tid + ".json")
        with open(path, encoding="utf-8") as f:
            result[kind] = (tid, f.read())
    return result


def shifted(text, tid, new_id, customer, delta):
    def move(m):
        t = dt.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")) + delta
        return '"%s"' % t.isoformat()
    text = TIME.sub(move, text)
    return text.replace('"%s"' % tid, '"%s"' % new_id).replace('"TEMPLATE"', '"%s"' % customer)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docket", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--home", required=True)
    ap.add_argument("--tickets", type=int, required=True)
    ap.add_argument("--due", type=int, default=1000)
    ap.add_argument("--open", type=int, default=4000)
    ap.add_argument("--now", required=True)
    a = ap.parse_args()
    now = dt.datetime.fromisoformat(a.now)
    due = min(a.due, a.tickets)
    running = min(a.open, a.tickets - due)
    closed = a.tickets - due - running

    shutil.rmtree(a.home, ignore_errors=True)
    scratch = a.home + ".templates"
    shutil.rmtree(scratch, ignore_errors=True)
    copy_definitions(a.root, scratch)
    templates = make_templates(a.docket, scratch)
    copy_definitions(a.root, a.home)
    os.makedirs(os.path.join(a.home, "data", "instances", "complaint"))
    shutil.copytree(os.path.join(scratch, "data", "definitions"),
                    os.path.join(a.home, "data", "definitions"))
    shutil.rmtree(scratch)

    folder = os.path.join(a.home, "data", "instances", "complaint")
    year = 365 * 24 * 60  # minutes
    for n in range(1, a.tickets + 1):
        i = n - 1
        if i < closed:  # created between a year and two days ago, oldest first
            kind = "closed"
            created = now - dt.timedelta(minutes=year - (year - 2 * 24 * 60) * i // max(closed, 1))
        elif i < closed + running:  # created 18 h to 1 h ago: 24 h clock running
            kind = "handling"
            k = i - closed
            created = now - dt.timedelta(minutes=18 * 60 - (17 * 60) * k // max(running, 1))
        else:  # created 59 to 31 minutes ago: the 30 min accept deadline is overdue
            kind = "received"
            k = i - closed - running
            created = now - dt.timedelta(minutes=59 - 28 * k // max(due, 1))
        tid, text = templates[kind]
        new_id = "CMP-%06d" % n
        body = shifted(text, tid, new_id, "客户%06d" % n, created - T0)
        with open(os.path.join(folder, new_id + ".json"), "w", encoding="utf-8") as f:
            f.write(body)
    print("home %s: %d tickets (%d closed, %d in handling, %d due at %s)"
          % (a.home, a.tickets, closed, running, due, a.now))


if __name__ == "__main__":
    main()
