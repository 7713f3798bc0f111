#!/usr/bin/env python3
"""Differential cases for Docket's BusinessCalendar, computed by an independent implementation.

Writes Tests/DocketEngineTests/Calendar/DifferentialCases.jsonl: first one line per calendar
(its definition), then seeded random cases whose expected values come from the PyPI package
`businesstimedelta` (https://pypi.org/project/businesstimedelta/). The Swift test
`DifferentialTests` rebuilds each calendar and checks every case.

Regenerate (the output is deterministic for a given seed and package version):

    python3 -m venv /tmp/bt-venv && /tmp/bt-venv/bin/pip install businesstimedelta pytz
    /tmp/bt-venv/bin/python Scripts/calendar/generate_cases.py

Where the two implementations differ on purpose, the cases are restricted to where they agree:
- Subtracting (a warning "N before due"): when the count runs out exactly at the opening of a
  working period, businesstimedelta answers with that opening, Docket with the close of the
  previous period (the earliest moment with N left). Such cases are skipped.
- Only calendars businesstimedelta can express: one working interval a day, minus one break,
  the same on every working weekday, whole-day holidays; no make-up days or half days (those
  are covered by the golden table). Working hours stay clear of 00:00-03:00, where pytz and
  Docket read skipped or repeated wall times differently.
"""
import datetime as dt
import json
import pathlib
import random
import sys

import businesstimedelta as btd
import pytz

SEED = 20261129
OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/DocketEngineTests/Calendar/DifferentialCases.jsonl"
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def dates(*specs):
    """'2026-02-15+9' is nine days from 02-15; '2026-01-01' is one day."""
    out = []
    for spec in specs:
        first, _, count = spec.partition("+")
        d = dt.date.fromisoformat(first)
        out += [(d + dt.timedelta(days=i)).isoformat() for i in range(int(count or 1))]
    return out


# name, zone, working weekdays (0 = Monday), open, close, break (or None), holidays.
# Each holiday list has two far sentinels (2023-01-02 and 2030-12-31): businesstimedelta looks
# for the next (or previous) holiday at most five years away and fails if there is none.
CALENDARS = [
    ("cn-office", "Asia/Shanghai", [0, 1, 2, 3, 4], "09:00", "18:00", ("12:00", "13:30"),
     dates("2026-01-01+3", "2026-02-15+9", "2026-04-04+3", "2026-05-01+5", "2026-06-19+3",
           "2026-09-25+3", "2026-10-01+7", "2030-12-31", "2023-01-02")),
    ("ny-support", "America/New_York", [0, 1, 2, 3, 4], "08:00", "17:00", ("12:00", "13:00"),
     dates("2026-01-01", "2026-01-19", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26+2",
           "2026-12-25", "2027-01-01", "2030-12-31", "2023-01-02")),
    ("berlin", "Europe/Berlin", [0, 1, 2, 3, 4], "08:00", "16:30", ("12:00", "12:30"),
     dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
           "2026-10-03", "2026-12-24+3", "2026-12-31", "2030-12-31", "2023-01-02")),
    ("sydney", "Australia/Sydney", [0, 1, 2, 3, 4], "09:00", "17:30", None,
     dates("2026-01-26", "2026-04-03+4", "2026-04-25", "2026-12-25+2", "2030-12-31", "2023-01-02")),
    ("retail", "Asia/Shanghai", [0, 1, 2, 3, 4, 5, 6], "10:00", "22:00", None,
     dates("2026-02-16+3", "2030-12-31", "2023-01-02")),
    ("gulf", "Asia/Dubai", [6, 0, 1, 2, 3], "08:00", "17:00", None,
     dates("2026-03-20+3", "2026-12-02", "2030-12-31", "2023-01-02")),
    ("la-early", "America/Los_Angeles", [0, 1, 2, 3, 4, 5], "06:00", "14:00", ("10:00", "10:15"),
     dates("2026-07-04", "2026-11-26", "2030-12-31", "2023-01-02")),
]


def hm(text):
    h, m = text.split(":")
    return dt.time(int(h), int(m))


class Calendar:
    def __init__(self, name, zone, days, open_, close, pause, holidays):
        self.name, self.zone = name, zone
        self.tz = pytz.timezone(zone)
        rules = [btd.WorkDayRule(start_time=hm(open_), end_time=hm(close), working_days=days, tz=self.tz)]
        intervals = [f"{open_}-{close}"]
        if pause:
            rules.append(btd.LunchTimeRule(start_time=hm(pause[0]), end_time=hm(pause[1]), working_days=days, tz=self.tz))
            intervals = [f"{open_}-{pause[0]}", f"{pause[1]}-{close}"]
        rules.append(btd.HolidayRule(frozenset(dt.date.fromisoformat(h) for h in holidays), tz=self.tz))
        self.rules = btd.Rules(rules)
        self.starts = [hm(open_)] + ([hm(pause[1])] if pause else [])
        self.boundaries = [hm(open_), hm(close)] + ([hm(p) for p in pause] if pause else [])
        self.definition = {
            "calendar": name, "timezone": zone,
            "week": {WEEKDAYS[d]: intervals for d in sorted(days)},
            "holidays": sorted(holidays),
        }

    def text(self, instant):
        return instant.astimezone(self.tz).isoformat()

    def is_period_start(self, instant):
        start, _ = self.rules.next(instant - dt.timedelta(seconds=1))
        return start == instant

    def random_instant(self, rng):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365))
        roll = rng.random()
        if roll < 0.3:  # exactly on an opening, a break or a close
            clock = rng.choice(self.boundaries)
        elif roll < 0.4:  # outside working hours, but clear of the small hours
            clock = dt.time(rng.choice([4, 5, 6, 7, 22, 23]), rng.randrange(60))
        else:
            clock = dt.time(rng.randrange(4, 24), rng.randrange(60), rng.choice([0, 0, 0, rng.randrange(60)]))
        return self.tz.localize(dt.datetime.combine(day, clock))


def random_seconds(rng):
    roll = rng.random()
    if roll < 0.5:
        return rng.randrange(1, 10 * 60) * 60  # up to 10 h
    if roll < 0.8:
        return rng.randrange(1, 100 * 60) * 60  # up to 100 h
    if roll < 0.95:
        return rng.randrange(1, 2000) * 3600  # up to 2000 h, about a working year
    return rng.randrange(1, 36000)  # odd seconds


def main():
    rng = random.Random(SEED)
    calendars = [Calendar(*c) for c in CALENDARS]
    lines = [json.dumps(c.definition, ensure_ascii=False, sort_keys=True) for c in calendars]
    counts = {"add": 0, "between": 0, "subtract": 0, "skipped": 0}
    for _ in range(1800):
        cal = rng.choice(calendars)
        start, seconds = cal.random_instant(rng), random_seconds(rng)
        due = start + btd.BusinessTimeDelta(cal.rules, seconds=seconds)
        lines.append(json.dumps({"cal": cal.name, "op": "add", "start": cal.text(start), "seconds": seconds, "expect": cal.text(due)}))
        counts["add"] += 1
    for _ in range(700):
        cal = rng.choice(calendars)
        a, b = cal.random_instant(rng), cal.random_instant(rng)
        delta = cal.rules.difference(a, b).timedelta.total_seconds()
        expect = int(delta) if b >= a else -int(delta)
        lines.append(json.dumps({"cal": cal.name, "op": "between", "start": cal.text(a), "end": cal.text(b), "expect_seconds": expect}))
        counts["between"] += 1
    for _ in range(800):
        cal = rng.choice(calendars)
        end, seconds = cal.random_instant(rng), random_seconds(rng)
        warn = end - btd.BusinessTimeDelta(cal.rules, seconds=seconds)
        if cal.is_period_start(warn):
            counts["skipped"] += 1
            continue
        lines.append(json.dumps({"cal": cal.name, "op": "subtract", "end": cal.text(end), "seconds": seconds, "expect": cal.text(warn)}))
        counts["subtract"] += 1
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
