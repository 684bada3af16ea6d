#!/usr/bin/env python3
"""Writes a synthetic notes site for benchmarks: N pages, each with YAML frontmatter,
CJK and Latin text, a table, python/js/bash fences and (optionally) a mermaid diagram.

usage: gen_synthetic_site.py OUT_DIR [--pages N] [--hugo] [--mermaid]
  OUT_DIR/content/...      the notes (gen layout; also valid Hugo content)
  --hugo adds a minimal Hugo config and layouts so `hugo` builds the same notes."""
import argparse, pathlib, random

CJK = "内存管理引用计数垃圾回收分代新生代老生代标记清除整理闭包事件循环弱引用终结器对象数组字符串"
WORDS = "memory heap stack object reference count garbage collector generation young old mark sweep compact closure event loop weak finalizer".split()

def para(rng, n):
    out = []
    for _ in range(n):
        if rng.random() < 0.5:
            out.append("".join(rng.choice(CJK) for _ in range(rng.randint(8, 30))) + "。")
        else:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize() + ".")
    return "".join(out)

def page(rng, i, sec, mermaid):
    parts = [f"---\ntitle: \"笔记 {i}: {rng.choice(WORDS)} {rng.choice(WORDS)}\"\ndesc: \"第 {i} 篇\"\n"
             f"tags: [\"t{i % 17}\", \"mem\"]\nupdateTime: \"2025-{1 + i % 12}-{1 + i % 28} 10:00\"\n---\n"]
    fences = [
        "```python\nitems = [{i}, {h}, 3]\nalias = items\nprint(len(items) + {h})\ndel alias\n```",
        "```javascript\nconst o = {{ n: {i}, h: {h} }};\nlet r = o;\nconsole.log(o.n + r.h);\nr = null;\n```",
        "```bash\nnode --inspect index.js\n```",
    ]
    for h in range(3):
        parts.append(f"\n## 第{h}节 {rng.choice(WORDS)} {h}\n\n{para(rng, 4)}\n")
        parts.append("\n| 特性 | Python | JavaScript |\n|---|---|---|\n" +
                     "".join(f"| {rng.choice(WORDS)} | {para(rng, 1)} | {rng.choice(WORDS)} |\n" for _ in range(4)))
        parts.append("\n" + fences[h].format(i=i, h=h) + "\n")
    if mermaid and i % 10 == 0:
        parts.append("\n```mermaid\nsequenceDiagram\n    participant A as 变量\n    participant B as 堆\n    A->>B: 分配\n    B-->>A: 引用\n```\n")
    return "".join(parts)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--hugo", action="store_true")
    ap.add_argument("--mermaid", action="store_true")
    a = ap.parse_args()
    rng = random.Random(42)
    root = pathlib.Path(a.out)
    for i in range(a.pages):
        sec = f"section-{i % 10}"
        p = root / "content" / sec / f"note-{i}.md"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(page(rng, i, sec, a.mermaid), encoding="utf-8")
    (root / "gen.toml").write_text('title = "Synthetic"\n', encoding="utf-8")
    if a.hugo:
        (root / "hugo.toml").write_text('baseURL = "http://example.org/"\ntitle = "Synthetic"\n'
                                        'disableKinds = ["RSS"]\n[markup.highlight]\nnoClasses = false\n', encoding="utf-8")
        lay = root / "layouts" / "_default"
        lay.mkdir(parents=True, exist_ok=True)
        base = ('<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
                                '<main>{{ block "main" . }}{{ end }}</main></body></html>')
        (lay / "baseof.html").write_text(base, encoding="utf-8")
        (lay / "single.html").write_text('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}', encoding="utf-8")
        (lay / "list.html").write_text('{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}', encoding="utf-8")

if __name__ == "__main__":
    main()
