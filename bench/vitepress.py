#!/usr/bin/env python3
"""Benchmark: the same folders built with gen and with VitePress, side by side, cold.

usage: bench/vitepress.py REPO [--pages N] [--runs R]

REPO is a checkout or git directory of github.com/vuejs/vitepress (see
scripts/check-vitepress-docs, whose preparation this reuses). Two workloads:
  docs       VitePress's own docs/en and docs/zh: gen builds the two migrated sites
             (`gen init --from-vitepress`), VitePress builds one site holding both;
  synthetic  N synthetic Chinese notes (bench/gen_synthetic_site.py --mermaid: python, js
             and mermaid fences), the same content/ folder for both.
gen executes every python/js fence and renders every mermaid diagram (its cache is
deleted before each build); VitePress shows them as code. Both run as a user runs them,
one process per build, timed by wall clock. Prints the medians and VitePress/gen ratios.
Needs node and the VitePress oracle (scripts/setup-vitepress-oracle, run here)."""
import argparse, importlib.machinery, importlib.util, pathlib, shutil, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ORACLE = ROOT / "tests" / "vitepress-oracle"


def load_check():
    path = ROOT / "scripts" / "check-vitepress-docs"
    loader = importlib.machinery.SourceFileLoader("check_vitepress_docs", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def timed(cmd, cwd=None):
    t = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{r.stderr[-3000:]}")
    return dt


def gen_cold(gen, sites):
    """Seconds to build every site with an empty cache and no previous output."""
    total = 0.0
    for site in sites:
        shutil.rmtree(site / ".gen-cache", ignore_errors=True)
        shutil.rmtree(site / "public", ignore_errors=True)
        total += timed([str(gen), "build", "--root", str(site)])
    return total


def vitepress(src):
    return timed(["node", str(ORACLE / "record-ids.mjs"), str(src)], cwd=ORACLE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo", type=pathlib.Path)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    check = load_check()
    subprocess.run(["bash", str(ROOT / "scripts" / "setup-vitepress-oracle")], check=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="gen-bench-vitepress-"))
    try:
        gen, _, oracle_src, sites = check.prepare(a.repo.resolve(), work, ["en", "zh"])
        for site in sites.values():
            ok, report, _ = check.build_gen(gen, site)
            if not ok:
                sys.exit(f"gen failed to build {site}:\n{report[-3000:]}")
        synthetic = work / "synthetic"
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_synthetic_site.py"), str(synthetic),
                        "--pages", str(a.pages), "--mermaid"], check=True)
        fences = sum(p.read_text().count("```python") + p.read_text().count("```javascript")
                     for p in (synthetic / "content").rglob("*.md"))
        diagrams = sum(p.read_text().count("```mermaid") for p in (synthetic / "content").rglob("*.md"))
        rows = []
        for name, gen_sites, vp_src, what in [
            ("docs en+zh", list(sites.values()), oracle_src, "72 pages"),
            (f"synthetic zh x{a.pages}", [synthetic], synthetic / "content",
             f"{a.pages} pages, {fences} executed fences, {diagrams} diagrams"),
        ]:
            g = [gen_cold(gen, gen_sites) for _ in range(a.runs)]
            v = [vitepress(vp_src) for _ in range(a.runs)]
            rows.append((name, what, statistics.median(g), statistics.median(v)))
        print(f"{'workload':<20} {'gen s':>8} {'VitePress s':>12} {'VitePress/gen':>14}  notes")
        for name, what, g, v in rows:
            print(f"{name:<20} {g:>8.2f} {v:>12.2f} {v / g:>13.1f}x  {what}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
