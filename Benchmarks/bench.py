#!/usr/bin/env python3
"""Throughput benchmark of podtrack against a plain sqlite3 import of the same drop files.

  python3 Benchmarks/bench.py                      # sizes 20000,200000; erp,rip,ups; both modes
  python3 Benchmarks/bench.py --sizes 2000 --only final

For each order count it generates (or reuses) two worlds with ../shared/bench/gen_drops.py: a
final-only one (one round holding the whole history) and an incremental one (a round every 6 h).
Each world is fed to `podtrack run --site` on a fresh site, round by round, then run once more with
nothing new (the idle re-run), and the Outbox is held against expected.json with check_outbox.py.
The baseline is the sqlite3 shell importing the same files into plain tables, one transaction per
file, in one process. Prints a Markdown table and writes it to WORK/results.md.

Standard library only; not part of the test suite.
"""
import argparse
import csv
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_BENCH = REPO.parent / "shared" / "bench"
GEN_DROPS = SHARED_BENCH / "gen_drops.py"
CHECK_OUTBOX = SHARED_BENCH / "check_outbox.py"
MODES = ("final", "incremental")
# How the baseline imports each source's files; every other source goes in whole lines.
CSV_SOURCES = {"erp": ("erp_rows", ";", "cp1252"), "ups": ("ups_rows", ",", "utf-8")}
LINES_TABLE = "text_lines"
UNIT_SEPARATOR = "\\037"  # the sqlite3 shell's escape for \x1f, which no drop file contains


class BenchError(Exception):
    """A condition that ends the benchmark with a message instead of a traceback."""


@dataclass
class Run:
    """One finished child process: wall seconds, peak resident set in KiB, exit code, its output."""
    wall: float
    maxrss_kib: int
    exit_code: int
    log: Path


@dataclass
class Feed:
    """A world fed to podtrack: drop files and bytes, summed wall time, peak RSS, idle re-run, check."""
    rounds: int
    files: int
    bytes: int
    events: int
    wall: float
    maxrss_kib: int
    idle_ms: float
    check: str


@dataclass
class Result:
    """One row of the table: a world fed to podtrack and to the baseline, and the write floor."""
    orders: int
    mode: str
    feed: Feed
    baseline_wall: float
    floor_wall: float


# ---------------------------------------------------------------- arguments and environment

def parse_args(argv):
    """The command line, with paths made absolute and sizes parsed."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", default=".build/release/podtrack",
                   help="podtrack executable (relative paths are from the repository root)")
    p.add_argument("--sizes", default="20000,200000", help="comma list of order counts")
    p.add_argument("--sources", default="erp,rip,ups",
                   help="comma list for gen_drops.py; 'all' is its default of all five sources")
    p.add_argument("--seed", type=int, default=7, help="gen_drops.py seed")
    p.add_argument("--work", default="/tmp/podtrack-bench",
                   help="worlds (cached), sites, logs and results.md go here")
    p.add_argument("--only", choices=("final", "incremental", "all"), default="all")
    p.add_argument("--keep", action="store_true", help="keep the sites and baseline databases")
    a = p.parse_args(argv)
    a.binary = Path(os.path.abspath(REPO / a.binary))
    a.work = Path(a.work).resolve()
    try:
        a.sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    except ValueError:
        p.error(f"--sizes must be a comma list of integers, not {a.sizes!r}")
    a.modes = MODES if a.only == "all" else (a.only,)
    return a


def check_prerequisites(binary):
    """Stops with a helpful message when something the benchmark needs is missing."""
    if not binary.is_file() or not os.access(binary, os.X_OK):
        raise BenchError(f"podtrack binary not found at {binary}\n"
                         f"build it first:  cd {REPO} && swift build -c release --static-swift-stdlib")
    for script in (GEN_DROPS, CHECK_OUTBOX):
        if not script.is_file():
            raise BenchError(f"{script} not found: the benchmark needs ../shared beside the repository")
    if shutil.which("sqlite3") is None:
        raise BenchError("the sqlite3 command-line shell is not on PATH (apt-get install sqlite3)")


def machine_description():
    """'nproc N, CPU model': the cores this process may use and the model from /proc/cpuinfo."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"nproc {len(os.sched_getaffinity(0))}, {model}"


def podtrack_commit():
    """The repository's short commit, or a note that there is none."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"


# ---------------------------------------------------------------- worlds

def ensure_world(work, orders, sources, mode, seed):
    """The world for these parameters under WORK/worlds, generated unless a complete one is cached."""
    world = work / "worlds" / f"orders{orders}-{sources.replace(',', '+')}-{mode}-seed{seed}"
    if (world / "expected.json").is_file():
        return world
    partial = world.with_name(world.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    cmd = [sys.executable, str(GEN_DROPS), str(partial), "--orders", str(orders), "--seed", str(seed)]
    if sources != "all":
        cmd += ["--sources", sources]
    if mode == "final":
        cmd.append("--final-only")
    progress(f"generating {world.name} ...")
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"gen_drops.py failed:\n{done.stdout}{done.stderr}")
    shutil.rmtree(world, ignore_errors=True)
    partial.rename(world)
    summary = done.stdout.strip().replace(str(partial), str(world))
    progress(f"  {summary} ({time.perf_counter() - started:.1f} s)")
    return world


def rounds_of(world):
    """The world's round folders, in the order they are to be fed."""
    return sorted(p for p in (world / "rounds").iterdir() if p.is_dir())


def drop_files(folder):
    """Every drop file under a round folder, as sorted paths."""
    return sorted(p for p in folder.rglob("*") if p.is_file())


# ---------------------------------------------------------------- processes

def timed_run(cmd, log, stdin=None):
    """Runs cmd with its output in log; wall time around the child and its peak RSS from wait4.

    Dirty pages (a world just generated, a round just copied) are flushed first, so that their
    write-back does not land in the measurement.
    """
    os.sync()
    with open(log, "wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdin=stdin, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return Run(wall, usage.ru_maxrss, child.returncode, log)


def tail(path, lines=20):
    """The last lines of a text file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return "".join(f.readlines()[-lines:])


def progress(message):
    """A progress note on stderr, so the table on stdout stays clean."""
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- podtrack

def fresh_site(site):
    """An empty site with the repository's Pipelines."""
    shutil.rmtree(site, ignore_errors=True)
    (site / "Inbox").mkdir(parents=True)
    (site / "Outbox").mkdir()
    shutil.copytree(REPO / "Pipelines", site / "Pipelines")


def run_podtrack(binary, site, log):
    """One `podtrack run` on the site; stops the benchmark with its last output lines if it fails."""
    run = timed_run([str(binary), "run", "--site", str(site)], log)
    if run.exit_code != 0:
        raise BenchError(f"podtrack run --site {site} exited {run.exit_code}; last lines of its output:\n"
                         + tail(log))
    return run


def new_events(log):
    """The N of 'N new events' on the summary's totals line; 0 when the run found nothing new."""
    with open(log, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    if lines and lines[-1].startswith("nothing new"):
        return 0
    totals = [line for line in lines if line.startswith("totals:")]
    match = re.search(r"(\d+) new events", totals[-1]) if totals else None
    if match is None:
        raise BenchError(f"no 'totals: ... N new events' line in {log}:\n" + tail(log))
    return int(match.group(1))


def ledger_events(site):
    """The events the ledger's event_chunks hold."""
    with closing(sqlite3.connect(site / "State" / "ledger.sqlite")) as db:
        return db.execute("SELECT coalesce(sum(events), 0) FROM event_chunks").fetchone()[0]


def check_outbox(site, world):
    """check_outbox.py's verdict on the site's Outbox: 'pass (N)' or 'FAIL (...)'."""
    done = subprocess.run([sys.executable, str(CHECK_OUTBOX), str(site / "Outbox"), str(world / "expected.json")],
                          capture_output=True, text=True)
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()
    if done.returncode == 0:
        return f"pass ({last.split()[0]})"
    progress(f"check_outbox.py on {site}:\n{done.stdout[-3000:]}")
    return f"FAIL ({last})"


def bench_podtrack(binary, world, site, logs):
    """Feeds every round to podtrack on a fresh site, then an idle re-run and the Outbox check."""
    fresh_site(site)
    rounds = rounds_of(world)
    wall, maxrss, events = 0.0, 0, 0
    log = logs / f"{world.name}.log"
    for i, round_dir in enumerate(rounds):
        shutil.copytree(round_dir, site / "Inbox", dirs_exist_ok=True)
        run = run_podtrack(binary, site, log)
        wall += run.wall
        maxrss = max(maxrss, run.maxrss_kib)
        events += new_events(log)
        if len(rounds) > 1 and (i + 1) % 16 == 0:
            progress(f"  round {i + 1}/{len(rounds)}: {wall:.1f} s so far")
    stored = ledger_events(site)
    if stored != events:
        raise BenchError(f"the summaries add up to {events} new events, the ledger holds {stored}")
    idle = run_podtrack(binary, site, logs / f"{world.name}-idle.log")
    if new_events(idle.log) != 0:
        raise BenchError(f"the idle re-run on {site} found new events:\n" + tail(idle.log))
    files = [f for r in rounds for f in drop_files(r)]
    return Feed(rounds=len(rounds), files=len(files), bytes=sum(f.stat().st_size for f in files),
                events=events, wall=wall, maxrss_kib=maxrss, idle_ms=idle.wall * 1000,
                check=check_outbox(site, world))


# ---------------------------------------------------------------- baseline

def source_of(path):
    """The source folder a drop file came from (…/<tenant>/<source>/<file>)."""
    return path.parent.name


def baseline_script(files):
    """A sqlite3 shell script importing every file into plain tables, one transaction per file.

    ERP and UPS files are CSV (the first file of each creates its table from the header, the rest
    skip it); every other file goes in whole lines into a one-column table.
    """
    out = ["PRAGMA journal_mode=WAL;", f"CREATE TABLE {LINES_TABLE}(line TEXT);"]
    created = set()
    for path in files:
        if source_of(path) in CSV_SOURCES:
            table, delimiter, _ = CSV_SOURCES[source_of(path)]
            out += [".mode csv", f'.separator "{delimiter}"']
            skip = "--skip 1 " if table in created else ""
            created.add(table)
        else:
            table, skip = LINES_TABLE, ""
            out += [".mode ascii", f'.separator "{UNIT_SEPARATOR}" "\\n"']
        out += ["BEGIN;", f'.import {skip}"{path}" {table}', "COMMIT;"]
    return "\n".join(out) + "\n"


def expected_rows(files):
    """Rows each baseline table must hold: CSV records less the header, or lines of text."""
    counts = {}
    for path in files:
        if source_of(path) in CSV_SOURCES:
            table, delimiter, encoding = CSV_SOURCES[source_of(path)]
            with open(path, encoding=encoding, newline="") as f:
                n = sum(1 for _ in csv.reader(f, delimiter=delimiter)) - 1
        else:
            table = LINES_TABLE
            with open(path, "rb") as f:
                n = len(f.read().splitlines())
        counts[table] = counts.get(table, 0) + n
    return counts


def verify_baseline(db_path, files):
    """Stops the benchmark if the baseline database does not hold every row of every file."""
    want = expected_rows(files)
    with closing(sqlite3.connect(db_path)) as db:
        got = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in want}
    if got != want:
        raise BenchError(f"baseline import of {db_path} holds {got} rows, expected {want}")


def bench_baseline(world, scratch, logs):
    """Wall seconds for the sqlite3 shell to import the world's files; verified by row counts."""
    files = [f for r in rounds_of(world) for f in drop_files(r)]
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    db_path = scratch / "baseline.sqlite"
    wall = run_sqlite_script(baseline_script(files), db_path, logs / f"{world.name}-baseline.log", "baseline")
    verify_baseline(db_path, files)
    return wall


def run_sqlite_script(script_text, db_path, log, what):
    """Wall seconds for the sqlite3 shell to run `script_text` on `db_path`, stopping at the
    first error; the script is kept beside the database, and the shell's output goes to `log`."""
    script = db_path.with_suffix(".sql")
    script.write_text(script_text)
    with open(script, "rb") as stdin:
        run = timed_run(["sqlite3", "-bail", str(db_path)], log, stdin=stdin)
    if run.exit_code != 0:
        raise BenchError(f"sqlite3 {what} exited {run.exit_code}:\n" + tail(log))
    return run.wall


# ---------------------------------------------------------------- write floor

def floor_script(ledger, schema, tables):
    """A sqlite3 shell script making an empty ledger with `schema` (the finished ledger's own
    tables and indexes, its page size and pragmas) and copying every row of `tables` into it from
    `ledger`, in the order they lie there (key order), one transaction per table.

    `WHERE 1` keeps SQLite from copying the stored records as they are (its transfer
    optimization): each row is decoded and inserted, its indexes updated, as a pass must.
    """
    page_size, statements = schema
    out = [f"PRAGMA page_size={page_size};", "PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;",
           "PRAGMA cache_size=-16384;", *[sql + ";" for sql in statements], f"ATTACH '{ledger}' AS src;"]
    for name in tables:
        out += ["BEGIN;", f"INSERT INTO main.{name} SELECT * FROM src.{name} WHERE 1;", "COMMIT;"]
    return "\n".join(out) + "\n"


def ledger_schema(ledger):
    """The page size and the CREATE statements (tables, then indexes) of a ledger, with the row
    count of each of its tables that holds rows. Not its triggers: the floor has no logic, and the
    totals they keep (`drop_totals`, `export_totals`) are copied as rows like any other."""
    with closing(sqlite3.connect(ledger)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        rows = db.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                          "AND type IN ('table', 'index') ORDER BY type = 'index', rowid").fetchall()
        counts = {n: db.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for t, n, _ in rows if t == "table"}
    return (page_size, [sql for _, _, sql in rows]), {n: c for n, c in counts.items() if c > 0}


def bench_floor(site, scratch, logs):
    """Wall seconds for the sqlite3 shell to write the rows podtrack's finished ledger holds into
    an empty ledger of the same schema, each row once and in key order, with no logic: what any
    pass that leaves that ledger must pay at least. Verified by row counts."""
    ledger = site / "State" / "ledger.sqlite"
    schema, counts = ledger_schema(ledger)
    db_path = scratch / "floor.sqlite"
    wall = run_sqlite_script(floor_script(ledger, schema, counts), db_path, logs / f"{site.name}-floor.log",
                             "write floor")
    with closing(sqlite3.connect(db_path)) as db:
        got = {n: db.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in counts}
    if got != counts:
        raise BenchError(f"the write floor's copy of {ledger} holds {got} rows, expected {counts}")
    return wall


# ---------------------------------------------------------------- report

def table(results):
    """The results as a Markdown table."""
    head = ["orders", "mode", "files", "MB", "events", "podtrack wall s", "events/s", "peak RSS MB",
            "baseline wall s", "ratio", "floor wall s", "idle re-run ms", "check"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        f = r.feed
        mode = "final-only" if r.mode == "final" else f"incremental ({f.rounds} rounds)"
        cells = [f"{r.orders}", mode, f"{f.files}", f"{f.bytes / 1e6:.1f}", f"{f.events}", f"{f.wall:.2f}",
                 f"{f.events / f.wall:,.0f}", f"{f.maxrss_kib / 1024:.0f}", f"{r.baseline_wall:.2f}",
                 f"{f.wall / r.baseline_wall:.2f}", f"{r.floor_wall:.2f}", f"{f.idle_ms:.0f}", f.check]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def report(args, results):
    """The header lines and the table, as printed and as written to results.md."""
    return "\n".join([
        f"# podtrack benchmark, {datetime.now().strftime('%Y-%m-%d %H:%M')}",
        "",
        f"- machine: {machine_description()}",
        f"- podtrack: commit {podtrack_commit()}, binary {args.binary}",
        f"- worlds: gen_drops.py --sources {args.sources} --seed {args.seed}",
        "- baseline: sqlite3 shell, plain-table import of the same files (WAL, one transaction per file, one process)",
        "- floor: sqlite3 shell writing the rows of podtrack's finished ledger once each, in key order, "
        "into an empty ledger of the same schema",
        "- ratio: podtrack wall / baseline wall (target <= 1.5 on 200k final-only erp,rip,ups); idle target < 50 ms",
        "",
        table(results),
        "",
    ])


# ---------------------------------------------------------------- main

def bench_world(args, orders, mode):
    """One row of the table: the world for (orders, mode) through podtrack and the baseline."""
    world = ensure_world(args.work, orders, args.sources, mode, args.seed)
    logs = args.work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    site = args.work / "sites" / world.name
    progress(f"podtrack on {world.name} ...")
    feed = bench_podtrack(args.binary, world, site, logs)
    progress(f"  {feed.wall:.2f} s, {feed.events} events, check {feed.check}")
    scratch = args.work / "baseline" / world.name
    baseline_wall = bench_baseline(world, scratch, logs)
    floor_wall = bench_floor(site, scratch, logs)
    progress(f"  baseline {baseline_wall:.2f} s, write floor {floor_wall:.2f} s")
    if not args.keep:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return Result(orders, mode, feed, baseline_wall, floor_wall)


def main(argv=None):
    """Runs every (size, mode), prints the report and writes it to WORK/results.md."""
    args = parse_args(argv)
    try:
        check_prerequisites(args.binary)
        args.work.mkdir(parents=True, exist_ok=True)
        results = [bench_world(args, orders, mode) for orders in args.sizes for mode in args.modes]
    except BenchError as e:
        sys.exit(f"bench.py: {e}")
    text = report(args, results)
    print(text)
    (args.work / "results.md").write_text(text)
    progress(f"written to {args.work / 'results.md'}")


if __name__ == "__main__":
    main()
