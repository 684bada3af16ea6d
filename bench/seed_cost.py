#!/usr/bin/env python3
"""What executing the seed note's snippets and drawing its diagrams adds to a build.

usage: bench/seed_cost.py [--runs 11] [--gen PATH]
Builds a copy of this repository's site twice over, interleaved, with a cold cache each
time (.gen-cache removed): once as it is, once with the seed note's ```python/```js
fences marked `norun` and its ```mermaid fences shown as text. The difference of the
medians is the cost of the 16 runs (simulation, trace views, sequence diagrams) and the
2 Mermaid diagrams. Goal: under 50 ms."""
import argparse, pathlib, re, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = "content/notes/python-js-memory.md"


def without_execution(text):
    """The note with its executable fences not run and its diagrams left as source."""
    text = re.sub(r"^(\s*)```(python|py|javascript|js)\b", r"\1```\2 norun", text, flags=re.M)
    return re.sub(r"^(\s*)```mermaid\b", r"\1```text", text, flags=re.M)


def cpu_s():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def build_ms(gen, site):
    """Wall and CPU milliseconds of one cold-cache build."""
    shutil.rmtree(site / ".gen-cache", ignore_errors=True)
    cpu = cpu_s()
    t = time.perf_counter()
    r = subprocess.run([gen, "build", "--root", str(site), "--out", str(site / "public")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ms = (time.perf_counter() - t) * 1000
    if r.returncode != 0:
        sys.exit(f"gen build failed:\n{r.stderr[-2000:]}")
    return ms, (cpu_s() - cpu) * 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--gen", help="a gen binary (default: cargo build --release)")
    a = ap.parse_args()
    gen = a.gen
    if gen is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "gen"], cwd=ROOT, check=True)
        gen = str(ROOT / "target" / "release" / "gen")
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for name in ("with", "without"):
            site = pathlib.Path(tmp) / name
            for part in ("content", "templates", "static", "fixtures", "gen.toml"):
                src = ROOT / part
                if src.is_dir():
                    shutil.copytree(src, site / part)
                elif src.exists():
                    site.mkdir(parents=True, exist_ok=True)
                    shutil.copy(src, site / part)
            sites[name] = site
        seed = sites["without"] / SEED
        plain = without_execution(seed.read_text(encoding="utf-8"))
        seed.write_text(plain, encoding="utf-8")
        fences = len(re.findall(r"norun", plain))
        diagrams = len(re.findall(r"^\s*```text", plain, flags=re.M))
        print(f"seed: {fences} fences not run, {diagrams} diagrams as text")
        times = {"with": [], "without": []}
        for _ in range(a.runs):
            for name in ("with", "without"):
                times[name].append(build_ms(gen, sites[name]))
    med = lambda name, k: statistics.median(t[k] for t in times[name])
    w, wo = med("with", 0), med("without", 0)
    cw, cwo = med("with", 1), med("without", 1)
    print(f"cold-cache build, median of {a.runs}: wall {w:.1f} ms with the seed's runs and "
          f"diagrams, {wo:.1f} ms without; CPU {cw:.1f} ms and {cwo:.1f} ms")
    print(f"cost of the 16 runs + 2 diagrams: {w - wo:.1f} ms wall (goal < 50 ms: "
          f"{'met' if w - wo < 50 else 'NOT met'}), {cw - cwo:.1f} ms CPU")


if __name__ == "__main__":
    main()
