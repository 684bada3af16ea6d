// Builds a folder of Markdown notes with the pinned VitePress and prints, as JSON, the
// heading ids and the title of every page it produced: the oracle for gen's heading ids.
//
//   node record-ids.mjs SRC_DIR [PUBLIC_DIR]
//
// SRC_DIR is copied (without hidden files, node_modules/ and tsconfig.json, which name
// things outside it) into a scratch directory (.scratch-*, removed afterwards; PUBLIC_DIR,
// if given, becomes its public/), given a minimal .vitepress/config.mjs and built with
// `vitepress build`. The ids are read
// back from the built HTML: every <h1>-<h6> that markdown-it-anchor processed (it gives each
// heading tabindex="-1"). Output: {"vitepress": VERSION, "pages": {"a/b.md": {"title": T,
// "ids": [...]}, ...}} on stdout, pages sorted by path. Nothing is written outside the
// scratch directory.

import { build } from 'vitepress'
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const [src, publicDir] = process.argv.slice(2)
if (!src) {
  console.error('usage: node record-ids.mjs SRC_DIR [PUBLIC_DIR]')
  process.exit(2)
}

const require = createRequire(import.meta.url)
const version = require('vitepress/package.json').version
const SITE_TITLE = 'GenOracleSite'

// Inside this folder, so that the build resolves vue and vitepress from its node_modules.
const scratch = mkdtempSync(join(dirname(fileURLToPath(import.meta.url)), '.scratch-'))
const root = join(scratch, 'docs')
try {
  cpSync(src, root, {
    recursive: true,
    dereference: true,
    filter: (p) =>
      !relative(src, p)
        .split(sep)
        .some((part) => part === 'node_modules' || part === 'tsconfig.json' || part.startsWith('.'))
  })
  if (publicDir) cpSync(publicDir, join(root, 'public'), { recursive: true })
  mkdirSync(join(root, '.vitepress'), { recursive: true })
  writeFileSync(
    join(root, '.vitepress', 'config.mjs'),
    `export default { title: ${JSON.stringify(SITE_TITLE)}, ignoreDeadLinks: true, srcExclude: ['**/README.md', '**/node_modules/**'], outDir: ${JSON.stringify(join(scratch, 'dist'))} }\n`
  )
  const log = console.log
  console.log = (...args) => console.error(...args)
  await build(root)
  console.log = log
  const pages = {}
  for (const md of walk(root).filter((f) => f.endsWith('.md')).sort()) {
    const rel = relative(root, md).split(sep).join('/')
    if (rel.startsWith('public/') || rel.endsWith('README.md')) continue
    const html = readFileSync(join(scratch, 'dist', rel.replace(/\.md$/, '.html')), 'utf8')
    pages[rel] = { title: pageTitle(html), ids: headingIds(html) }
  }
  process.stdout.write(JSON.stringify({ vitepress: version, pages }, null, 1) + '\n')
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || e.name === 'node_modules') return []
    const p = join(dir, e.name)
    return e.isDirectory() ? walk(p) : [p]
  })
}

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
    return { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" }[e.toLowerCase()]
  })
}

function headingIds(html) {
  const ids = []
  for (const m of html.matchAll(/<h[1-6]((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>/g)) {
    const attrs = Object.fromEntries(
      [...m[1].matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ''])
    )
    if (attrs.tabindex === '-1' && 'id' in attrs) ids.push(decode(attrs.id))
  }
  return ids
}

function pageTitle(html) {
  const m = html.match(/<title>([^<]*)<\/title>/)
  if (!m) return null
  const title = decode(m[1])
  return title === SITE_TITLE ? '' : title.replace(new RegExp(` \\| ${SITE_TITLE}$`), '')
}
