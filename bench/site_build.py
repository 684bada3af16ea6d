#!/usr/bin/env python3
"""Benchmark: build a synthetic 1000-page site with gen and with Hugo, in the same run.

usage: bench/site_build.py [--pages N] [--runs R]
Prints the median wall time and peak RSS of each tool and gen's ratio to Hugo.
Needs a release build of gen (built here) and `hugo` (Debian package `hugo`)."""
import argparse, os, pathlib, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent

def timed(cmd, cwd):
    """Runs cmd, returns (seconds, peak RSS in MiB of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{r.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return dt, max(before, after) / 1024

def peak_rss(cmd, cwd):
    """Peak RSS in MiB via /usr/bin/time when present (per command, not cumulative)."""
    if not shutil.which("/usr/bin/time"):
        return None
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    try:
        return int(r.stderr.strip().splitlines()[-1]) / 1024
    except (ValueError, IndexError):
        return None

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    gen = ROOT / "target" / "release" / "gen"
    hugo = shutil.which("hugo")
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp) / "site"
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_synthetic_site.py"), str(site),
                        "--pages", str(a.pages), "--hugo", "--mermaid"], check=True)
        results = {}
        # gen: cold cache every run (the snippets are executed each time).
        def gen_cmd():
            shutil.rmtree(site / ".gen-cache", ignore_errors=True)
            return [str(gen), "build", "--root", str(site), "--out", str(pathlib.Path(tmp) / "gen-out")]
        times = [timed(gen_cmd(), site)[0] for _ in range(a.runs)]
        results["gen (cold cache)"] = (statistics.median(times), peak_rss(gen_cmd(), site))
        warm = [timed([str(gen), "build", "--root", str(site), "--out", str(pathlib.Path(tmp) / "gen-out")], site)[0]
                for _ in range(a.runs)]
        results["gen (warm cache)"] = (statistics.median(warm), None)
        if hugo:
            hcmd = [hugo, "--quiet", "--source", str(site), "--destination", str(pathlib.Path(tmp) / "hugo-out")]
            times = [timed(hcmd, site)[0] for _ in range(a.runs)]
            results["hugo"] = (statistics.median(times), peak_rss(hcmd, site))
        print(f"{a.pages} pages, median of {a.runs} runs")
        for name, (secs, rss) in results.items():
            print(f"  {name:18} {secs * 1000:8.0f} ms   peak RSS {f'{rss:.0f} MiB' if rss else 'n/a'}")
        if hugo:
            h = results["hugo"][0]
            for name in ("gen (cold cache)", "gen (warm cache)"):
                print(f"  {name} / hugo = {results[name][0] / h:.2f}")
        else:
            print("  hugo not installed (apt-get install hugo): no baseline")

if __name__ == "__main__":
    main()
