#!/usr/bin/env python3
"""Benchmark: gen's simulators against the real runtimes, measured in the same run.

usage: bench/simulators.py [--runs R]
1. Loop-heavy snippets (bench/snippets/*.py, *.js): `gen run` vs `python3` / `node`, median
   wall time and the ratio (goal for Python: within 5x of CPython).
2. The seed note's snippets (tests/conformance/*/seed_*): all run in one process through
   `gen run` each vs spawning the real runtime for each."""
import argparse, pathlib, statistics, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent

def wall(cmd, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        times.append(time.perf_counter() - t)
    return statistics.median(times)

def real_cmd(path):
    return ["python3", str(path)] if path.suffix == ".py" else ["node", "--expose-gc", str(path)]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    gen = str(ROOT / "target" / "release" / "gen")
    print("loop-heavy snippets (median wall time)")
    for snip in sorted((ROOT / "bench" / "snippets").iterdir()):
        ours = wall([gen, "run", str(snip)], a.runs)
        theirs = wall(real_cmd(snip), a.runs)
        print(f"  {snip.name:16} gen {ours * 1000:8.1f} ms   {real_cmd(snip)[0]:7} {theirs * 1000:8.1f} ms"
              f"   ratio {ours / theirs:5.2f}")
    seeds = sorted((ROOT / "tests" / "conformance").glob("*/seed_*.*"))
    seeds = [s for s in seeds if s.suffix in (".py", ".js")]
    if not seeds:
        sys.exit("no seed snippets under tests/conformance")
    for suffix in (".py", ".js"):
        group = [s for s in seeds if s.suffix == suffix]
        ours = sum(wall([gen, "run", str(s)], a.runs) for s in group)
        theirs = sum(wall(real_cmd(s), a.runs) for s in group if not s.with_suffix(".timeout").exists())
        print(f"seed {suffix} snippets ({len(group)}): gen {ours * 1000:.1f} ms, real runtime spawned "
              f"per snippet {theirs * 1000:.1f} ms (never-ending ones excluded from the real side)")

if __name__ == "__main__":
    main()
