// The floor the required stages set: how fast `convert()` could be if the
// project's own plugins cost nothing. Times, in one process and interleaved,
// the stages every conversion must run (the core packages that stay:
// `rehypeParseSafe` = parse5 + hast, `rehype-remark`, `remark-gfm` +
// `remark-stringify` with the project's handlers) alone and together over
// each page, beside Turndown and `convert()`. Prints CPU milliseconds per
// page (median of rounds) and the ratio to Turndown.
//
//   npm --prefix .. run build && node stages.mjs [--sets fragment,full-page,large] [--rounds 8]
//
// The stages run over the whole page, as `convert()` would on a page that is
// all article (the fragment and the large set are); on a full page
// `convert()` prunes to the article first, so there its floor is lower than
// the row "required stages" shows. `rehype-remark` mutates nothing but is
// given a clone (`structuredClone`, timed on its own row) so every round
// converts the same tree.
import {parseArgs} from 'node:util'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {corpusSet} from './corpus.mjs'
import {median} from './driver.mjs'
import {tools} from './tools.mjs'

const {values} = parseArgs({options: {sets: {type: 'string', default: 'fragment,full-page,large'}, rounds: {type: 'string', default: '8'}}})
const {convert, rehypeParseSafe, stringifyOptions} = await import('../dist/index.js')
const turndown = await tools.turndown()
const parser = unified().use(rehypeParseSafe).freeze()
const toMdast = unified().use(rehypeRemark).freeze()
const stringifier = unified().use(remarkGfm).use(remarkStringify, stringifyOptions).freeze()
const chain = unified().use(rehypeParseSafe).use(rehypeRemark).use(remarkGfm).use(remarkStringify, stringifyOptions).freeze()

for (const set of values.sets.split(',')) {
  const pages = corpusSet(set)
  const trees = pages.map((html) => parser.parse(html))
  const mdasts = await Promise.all(trees.map((tree) => toMdast.run(structuredClone(tree))))
  /** Each row: what one pass over the set runs. */
  const rows = {
    Turndown: async () => {
      for (const html of pages) turndown(html)
    },
    'parse (rehypeParseSafe: parse5 + hast)': async () => {
      for (const html of pages) parser.parse(html)
    },
    'structuredClone of the hast': async () => {
      for (const tree of trees) structuredClone(tree)
    },
    'rehype-remark (hast to mdast, on a clone)': async () => {
      for (const tree of trees) await toMdast.run(structuredClone(tree))
    },
    'remark-gfm + remark-stringify (project handlers)': async () => {
      for (const mdast of mdasts) stringifier.stringify(mdast)
    },
    'required stages, one processor': async () => {
      for (const html of pages) String(await chain.process(html))
    },
    'convert()': async () => {
      for (const html of pages) String(await convert(html))
    }
  }
  // Passes per batch: about 200 ms of Turndown.
  let passes = 1
  for (;;) {
    const start = process.cpuUsage()
    for (let pass = 0; pass < passes; pass++) await rows.Turndown()
    const used = process.cpuUsage(start)
    if ((used.user + used.system) / 1000 >= 200 || passes >= 1024) break
    passes *= 2
  }
  const cpu = Object.fromEntries(Object.keys(rows).map((name) => [name, []]))
  const rounds = Number(values.rounds)
  for (let round = 0; round < rounds + 1; round++) {
    const names = Object.keys(rows)
    // Round-robin start, so no row always runs first; round 0 warms up.
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(round + offset) % names.length]
      const start = process.cpuUsage()
      for (let pass = 0; pass < passes; pass++) await rows[name]()
      const used = process.cpuUsage(start)
      if (round > 0) cpu[name].push((used.user + used.system) / 1000 / passes / pages.length)
    }
  }
  const base = median(cpu.Turndown)
  console.log('\n### ' + set + ': ' + pages.length + ' page(s), ' + rounds + ' rounds of ' + passes + ' pass(es)\n')
  console.log('| stage | ms of CPU a page | × Turndown |')
  console.log('| --- | ---: | ---: |')
  for (const [name, list] of Object.entries(cpu)) console.log('| ' + name + ' | ' + median(list).toFixed(2) + ' | ' + (base / median(list)).toFixed(2) + '× |')
}
