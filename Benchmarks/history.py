#!/usr/bin/env python3
"""What a run with nothing new costs once the ledger holds a long history of drops.

  python3 Benchmarks/history.py                  # 200 000 drops, a year of files
  python3 Benchmarks/history.py --drops 50000 --runs 5

A fresh site (the repository's Pipelines/ and the demo Inbox/) is run once; the idle re-run is
timed (the baseline: a ledger with a handful of drops). Then the ledger is given DROPS more
drops, spread evenly over the year before now across the site's sources, as a site that has
taken a file every few minutes for a year would have them (applied, their archived files pruned),
and the idle re-run is timed again. Prints both, their ratio and the peak resident set.

Standard library only; not part of the test suite.
"""
import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
YEAR_MS = 365 * 24 * 3600 * 1000


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/podtrack", help="relative to the repository root")
    parser.add_argument("--drops", type=int, default=200_000, help="drops of history to add")
    parser.add_argument("--runs", type=int, default=10, help="idle runs timed each way")
    parser.add_argument("--work", default="/tmp/podtrack-bench/history", help="the site goes here")
    return parser.parse_args(argv)


def run(binary, site):
    """One `podtrack run`: its wall seconds and its peak resident set in KiB."""
    started = time.perf_counter()
    child = subprocess.Popen([binary, "run", "--site", str(site), "--quiet"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"podtrack run failed:\n{output}")
    return wall, usage.ru_maxrss


def idle_runs(binary, site, runs):
    """The median wall milliseconds and the peak RSS (MB) of `runs` runs with nothing new, after one
    to warm the caches."""
    run(binary, site)
    timed = [run(binary, site) for _ in range(runs)]
    walls = sorted(wall for wall, _ in timed)
    return walls[len(walls) // 2] * 1000, max(rss for _, rss in timed) / 1024


def add_history(ledger, drops):
    """Adds `drops` applied drops, spread over the last year across the sources the ledger has."""
    now = int(time.time() * 1000)
    rng = random.Random(7)
    with closing(sqlite3.connect(ledger)) as db, db:
        sources = db.execute("SELECT DISTINCT tenant, source FROM drops ORDER BY 1, 2").fetchall()
        if not sources:
            sys.exit(f"{ledger} has no drops to take sources from")
        def rows():  # generated as inserted: a list would make this process, and so each forked child, large
            for i in range(drops):
                tenant, source = sources[i % len(sources)]
                received = now - YEAR_MS + i * YEAR_MS // drops
                yield (tenant, source, f"history-{i:07d}", f"{rng.getrandbits(256):064x}", 4096, received,
                       40, 30, 10, i % 97 == 0)
        db.executemany("""
            INSERT INTO drops (tenant, source, name, fingerprint, size, state, received_at,
                               records, events_new, events_duplicate, rejected)
            VALUES (?, ?, ?, ?, ?, 'applied', ?, ?, ?, ?, ?)""", rows())
    return len(sources)


def main(argv=None):
    args = parse_args(argv)
    binary = (REPO / args.binary).resolve()
    if not os.access(binary, os.X_OK):
        sys.exit(f"no podtrack binary at {binary}: swift build -c release --static-swift-stdlib")
    site = Path(args.work) / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    for folder in ("Pipelines", "Inbox"):
        shutil.copytree(REPO / folder, site / folder)
    (site / "Outbox").mkdir(exist_ok=True)
    run(binary, site)
    fresh, fresh_rss = idle_runs(binary, site, args.runs)
    sources = add_history(site / "State" / "ledger.sqlite", args.drops)
    run(binary, site)  # a newer podtrack migrates the ledger here, once
    long, long_rss = idle_runs(binary, site, args.runs)
    print(f"binary: {binary}")
    print(f"| ledger | idle re-run ms (median of {args.runs}) | peak RSS MB |")
    print("|---|---|---|")
    print(f"| the demo site's drops | {fresh:.1f} | {fresh_rss:.0f} |")
    print(f"| + {args.drops} drops over a year ({sources} sources) | {long:.1f} | {long_rss:.0f} |")
    print(f"ratio {long / fresh:.2f} (target: under 50 ms whatever the history)")


if __name__ == "__main__":
    main()
