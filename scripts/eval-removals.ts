// What the cleaning heuristics remove from inside the article root, over a
// corpus: `file.data.removals` counted by kind and rule, and how many of
// them were reported as `dropped-content` warnings (with their samples), to
// check that ordinary pages are not flooded with messages.
// Usage: npx tsx scripts/eval-removals.ts DIR... [--samples]
// DIR holds <name>.html (+ <name>.generic.json or <name>.expected.json for
// the URL and options) or fixture folders (<case>/input.html).
import fs from 'node:fs'
import path from 'node:path'
import {convert} from '../index.js'

const args = process.argv.slice(2)
const samples = args.includes('--samples')
const dirs = args.filter((arg) => !arg.startsWith('--'))

interface Page {
  name: string
  html: string
  options: Record<string, unknown>
  bytes: boolean
}

function pagesIn(dir: string): Array<Page> {
  const pages: Array<Page> = []
  for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'input.html'))) {
      const folder = path.join(dir, entry.name)
      const read = (file: string) => (fs.existsSync(path.join(folder, file)) ? JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) : {})
      const expected = read('expected.json')
      pages.push({name: entry.name, html: path.join(folder, 'input.html'), options: {...read('options.json'), ...expected.options}, bytes: Boolean(expected.bytes)})
    } else if (entry.isFile() && entry.name.endsWith('.html')) {
      const base = path.join(dir, entry.name.replace(/\.html$/, ''))
      const json = [base + '.generic.json', base + '.expected.json'].find((file) => fs.existsSync(file))
      const expected = json ? JSON.parse(fs.readFileSync(json, 'utf8')) : {}
      const options = expected.options || (expected.url ? {url: expected.url} : {})
      pages.push({name: entry.name, html: base + '.html', options, bytes: Boolean(expected.bytes)})
    }
  }
  return pages
}

const byRule = new Map<string, {removals: number; characters: number; warnings: number}>()
let pages = 0
let pagesWithRemovals = 0
let pagesWithWarnings = 0
let warnings = 0
for (const dir of dirs) {
  for (const page of pagesIn(dir)) {
    pages++
    const bytes = fs.readFileSync(page.html)
    let file
    try {
      file = await convert(page.bytes ? new Uint8Array(bytes) : bytes.toString('utf8'), page.options)
    } catch {
      continue
    }
    const removals = file.data.removals || []
    const dropped = file.messages.filter((message) => message.ruleId === 'dropped-content')
    if (removals.length > 0) pagesWithRemovals++
    if (dropped.length > 0) pagesWithWarnings++
    warnings += dropped.length
    for (const removal of removals) {
      const key = removal.kind + ' ' + removal.rule
      const entry = byRule.get(key) || {removals: 0, characters: 0, warnings: 0}
      entry.removals++
      entry.characters += removal.characters
      byRule.set(key, entry)
    }
    for (const message of dropped) {
      const rule = /rule `([^`]+)`/.exec(message.reason)
      const entry = byRule.get('text ' + (rule ? rule[1] : '?'))
      if (entry) entry.warnings++
      if (samples) console.log('  ' + page.name + ': ' + message.reason.slice(0, 220))
    }
  }
}

console.log('| kind rule | removals | characters | dropped-content warnings |')
console.log('| --- | ---: | ---: | ---: |')
for (const [key, entry] of [...byRule].sort((a, b) => b[1].removals - a[1].removals)) {
  console.log('| ' + key + ' | ' + entry.removals + ' | ' + entry.characters + ' | ' + entry.warnings + ' |')
}
console.log(pages + ' pages; ' + pagesWithRemovals + ' with removals; ' + pagesWithWarnings + ' with dropped-content warnings (' + warnings + ' warnings)')
