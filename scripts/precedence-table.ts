// Write the README's metadata precedence table from `lib/analyse/meta/fields.ts`
// (between `<!-- precedence:start -->` and `<!-- precedence:end -->`).
// `test/generic-meta.ts` fails when the README is stale.
//
// Usage: npx tsx scripts/precedence-table.ts
import fs from 'node:fs'
import path from 'node:path'
import {precedenceTable} from '../lib/analyse/meta/fields.js'

const readme = path.resolve(import.meta.dirname, '../README.md')
const text = fs.readFileSync(readme, 'utf8')
const start = '<!-- precedence:start -->\n'
const end = '<!-- precedence:end -->'
const from = text.indexOf(start)
const to = text.indexOf(end)
if (from === -1 || to < from) throw new Error('README.md has no precedence markers')
fs.writeFileSync(readme, text.slice(0, from + start.length) + precedenceTable() + text.slice(to))
console.log('README.md: precedence table written')
