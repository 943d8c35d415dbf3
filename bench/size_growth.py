#!/usr/bin/env python3
"""size_growth.py: how each construction's size grows with the precision p (issue #15, Evidence).

For every component in `verify --list` it runs `verify --component C --p P --stats-only --json`
at p = 4, 6, 8, 12, 16, 24, 32 (no proof: sizes only) and prints one Markdown table: gates /
wires / depth of the construction per p, the exponent k of gates ~ p^k fitted by least squares on
log-log over the p that built, the local exponent of the last two p that built (a polynomial
keeps it flat; an exponential makes it climb above the fit), and whether the depth is the same in
every column that built. Sizes alone reach p = 32 or stop earlier for a stated cause (the IR's
2^61 weight bound, a block's own limit; `verify --list` gives each reach): the first p past the
reach shows that cause, the larger ones only "sizes stop at p = R". Another refusal shows the
tool's one-line reason; a run past the time or memory cap shows the cap, and the row's larger p
are then not tried (they only grow).

fsum and matmul default to a fixed exponent width E = 4 (their size is exponential in E, see the
registry's size notes); they get rows at the paper's E = p + 1, aligned and with --windows (the
cluster windows, polynomial in E), so that the fixed-E row does not hide it. The SSM parts get a
--windows row too (every fsum and matmul block by windows; the flag lets the proofs reach p = 8
and sizes alone p = 16). The SSM parts' p = 12 builds take a minute and up to 8 GB each.

It also writes a log-log plot of gates against p, one line per row, as an SVG drawn by gnuplot
(Debian's gnuplot-nox, installed by scripts/install-deps.sh; a missing gnuplot is an error).

Usage: bench/size_growth.py [--verify build/verify] [--svg docs/size_growth.svg]
                            [--timeout 150] [--memory-limit 10] [--components "fdiv log"]
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

WIDTHS = [4, 6, 8, 12, 16, 24, 32]
# Rows besides each component's defaults: the iterated sums at the paper's exponent width, the
# polynomial --windows variants of scan and conv-ssm, and the exponential --aligned variant of
# the SSM parts whose default is the windows one.
PAPER_E = [("E = p + 1", lambda p: ["--e", str(p + 1)]),
           ("E = p + 1, --windows", lambda p: ["--e", str(p + 1), "--windows"])]
WINDOWS = [("--windows", lambda p: ["--windows"])]
ALIGNED = [("--aligned", lambda p: ["--aligned"])]
EXTRA_ROWS = {"fsum": PAPER_E, "matmul": PAPER_E, "scan": WINDOWS, "conv-ssm": WINDOWS,
              "conv-kernel": ALIGNED, "conv1d": ALIGNED, "selection": ALIGNED,
              "selective-ssm": ALIGNED, "mamba": ALIGNED}


def list_components(verify):
    """Component names from `verify --list`: the lines that start in column 0, header skipped."""
    out = subprocess.run([verify, "--list"], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines()[1:] if line and not line[0].isspace()]


def measure(verify, component, p, extra, timeout, memory_limit):
    """One --stats-only run: the construction's stats dict, or a one-line reason it has none."""
    command = [verify, "--component", component, "--p", str(p), "--stats-only", "--json",
               "--memory-limit", str(memory_limit)] + extra
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"cap: not built in {timeout:g} s"
    if run.returncode != 0:
        lines = [l for l in run.stderr.splitlines() if l.strip()]
        reason = lines[0] if lines else f"exit {run.returncode}, no message"
        reason = re.sub(r"^verify: error: ", "", reason)
        # Past the sizes' reach: "p = P is out of range for C (allowed 2..R: CAUSE)".
        reach = re.match(r"^p = \d+ is out of range for \S+ \(allowed \d+\.\.(\d+)(?:: (.*))?\)$",
                         reason)
        if reach:
            return f"sizes stop at p = {reach.group(1)}" + (f": {reach.group(2)}"
                                                             if reach.group(2) else "")
        return reason
    return json.loads(run.stdout.strip().splitlines()[-1])["construction"]


def fit_exponent(points):
    """Least-squares slope of log(gates) on log(p); None below two points."""
    if len(points) < 2:
        return None
    xs = [math.log(p) for p, _ in points]
    ys = [math.log(g) for _, g in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def cell(result):
    if isinstance(result, str):
        return result
    return f"{result['gates']:,} / {result['wires']:,} / {result['depth']}"


def row_summary(results):
    built = [(p, r) for p, r in results.items() if not isinstance(r, str)]
    points = [(p, r["gates"]) for p, r in built]
    k = fit_exponent(points)
    k_last = fit_exponent(points[-2:])
    depths = {r["depth"] for _, r in built}
    return (f"{k:.2f}" if k is not None else "n/a (one p)",
            f"{k_last:.2f}" if k_last is not None else "n/a",
            "-" if not depths else "one p only" if len(built) == 1 else
            "yes" if len(depths) == 1 else "no: " + ", ".join(str(r["depth"]) for _, r in built))


def plot(rows, svg, data_dir):
    gnuplot = shutil.which("gnuplot")
    if gnuplot is None:
        sys.exit("size_growth.py: gnuplot not found (scripts/install-deps.sh installs gnuplot-nox)")
    series = []
    for label, results in rows:
        points = [(p, r["gates"]) for p, r in results.items() if not isinstance(r, str)]
        if not points:
            continue
        path = os.path.join(data_dir, f"{len(series)}.dat")
        with open(path, "w") as f:
            f.writelines(f"{p} {g}\n" for p, g in points)
        series.append((path, label))
    plots = ", ".join(f"'{path}' using 1:2 with linespoints title '{label}'"
                      for path, label in series)
    script = f"""
set terminal svg size 1000,700 dynamic font 'sans,11'
set output '{svg}'
set title 'Construction size against precision p (verify --stats-only)'
set xlabel 'p'
set ylabel 'threshold gates'
set logscale xy
set xrange [3.5:36]
set xtics (4, 6, 8, 12, 16, 24, 32)
set format y '10^{{%L}}'
set key outside right top
set grid
plot {plots}
"""
    subprocess.run([gnuplot], input=script, text=True, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verify", default="build/verify")
    parser.add_argument("--svg", default="docs/size_growth.svg")
    parser.add_argument("--timeout", type=float, default=150, help="seconds per run (cap)")
    parser.add_argument("--memory-limit", type=float, default=10,
                        help="GiB per run (mamba at p = 12 needs about 8)")
    parser.add_argument("--components", help="space-separated subset (default: verify --list)")
    args = parser.parse_args()
    if not os.access(args.verify, os.X_OK):
        sys.exit(f"size_growth.py: verify binary '{args.verify}' not found or not executable")

    components = args.components.split() if args.components else list_components(args.verify)
    rows = []  # (label, {p: stats dict or reason})
    for component in components:
        variants = [(component, lambda p: [])]
        for note, options in EXTRA_ROWS.get(component, []):
            variants.append((f"{component} ({note})", options))
        for label, options in variants:
            results = {}
            capped_at = None  # sizes only grow with p: past a capped p, larger ones are not tried
            for p in WIDTHS:
                if capped_at is not None:
                    results[p] = f"not tried (cap at p = {capped_at})"
                    continue
                stopped = [r for r in results.values()
                           if isinstance(r, str) and r.startswith("sizes stop at")]
                if stopped:  # the cause is in the first such cell
                    results[p] = stopped[0].split(":")[0]
                    continue
                print(f"size_growth.py: {label} p={p} ...", file=sys.stderr, flush=True)
                results[p] = measure(args.verify, component, p, options(p), args.timeout,
                                     args.memory_limit)
                if isinstance(results[p], str) and (results[p].startswith("cap:") or
                                                    "out of memory" in results[p]):
                    capped_at = p
            rows.append((label, results))

    print("Each cell: gates / wires / depth of the construction (verify --stats-only).")
    print(f"Per run: at most {args.timeout:g} s and {args.memory_limit:g} GiB.\n")
    print("| component | " + " | ".join(f"p = {p}" for p in WIDTHS) +
          " | k (fit) | k (last two) | same depth |")
    print("|---" * (len(WIDTHS) + 4) + "|")
    for label, results in rows:
        # The name in code type: the README's size table test reads rows that start "| name |".
        print(f"| `{label.split()[0]}`{label[len(label.split()[0]):]} | " + " | ".join(cell(results[p]) for p in WIDTHS) + " | " +
              " | ".join(row_summary(results)) + " |")

    with tempfile.TemporaryDirectory() as data_dir:
        plot(rows, args.svg, data_dir)
    print(f"\nplot: {args.svg}", file=sys.stderr)


if __name__ == "__main__":
    main()
