// Time and peak memory of `convert()` on huge and deep pages, each in its
// own process (so peak RSS is that page's alone, and a crash or a heap
// overflow is recorded instead of ending the run). Prints a Markdown table.
//
// Usage: npx tsx scripts/reliability-report.ts [--only <case>] [--timeout 600]
import {spawn} from 'node:child_process'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'

const mb = 1_000_000

/** Each case builds its input lazily, in the child. */
const cases: Record<string, {label: string; build: () => string}> = {
  'paragraphs-100k': {label: '100,000 paragraphs (`<p>段落<b>粗</b>文字。</p>`, 2.4 MB)', build: () => page('<p>段落<b>粗</b>文字。</p>'.repeat(100_000))},
  'deep-div': {label: '100,000 nested `<div>`', build: () => page('<div>'.repeat(100_000) + 'deep text' + '</div>'.repeat(100_000))},
  'deep-b': {label: '100,000 nested `<b>`', build: () => page('<b>'.repeat(100_000) + 'deep text' + '</b>'.repeat(100_000))},
  'deep-span': {label: '100,000 nested `<span>`', build: () => page('<span>'.repeat(100_000) + 'deep text' + '</span>'.repeat(100_000))},
  'misnested-b-div': {label: '20,000 × `<b><div></b>` (adoption agency nesting)', build: () => page('<b><div></b>'.repeat(20_000) + 'deep text')},
  'empty-b': {label: '5,000 × `<b></b>` in one paragraph', build: () => page('<p>x' + '<b></b>'.repeat(5000) + 'y</p>')},
  '50mb-paragraph': {label: '50 MB: one paragraph of text', build: () => page('<p>' + fill('很长的文字，没有任何标签。', 50 * mb) + '</p>')},
  '50mb-data-image': {label: '50 MB: an inline `data:` image', build: () => page('<p>正文。</p><img src="data:image/png;base64,' + 'A'.repeat(50 * mb - 300) + '">')},
  '50mb-script': {label: '50 MB: inline scripts', build: () => page('<p>正文。</p><script>' + fill('var a = "xxxxxxxxxxxxxxxxxxxxxxxxxx";\n', 50 * mb - 300) + '</script>')},
  '10mb-paragraphs': {label: '10 MB: 120,000 short paragraphs', build: () => page(fill('<p>这是一个段落，有一些文字。Some words too.</p>', 10 * mb))},
  '50mb-paragraphs': {label: '50 MB: 600,000 short paragraphs', build: () => page(fill('<p>这是一个段落，有一些文字。Some words too.</p>', 50 * mb))},
  '5mb-table': {label: '5 MB: a table of 100,000 rows', build: () => page('<table>' + fill('<tr><td>单元格一</td><td>cell two</td><td>3</td></tr>', 5 * mb) + '</table>')},
  '60mb-too-large': {label: '60 MB (over the default `maxSize`)', build: () => page('<p>' + 'x'.repeat(60 * mb) + '</p>')}
}

function page(body: string): string {
  return '<h2>Big page</h2><div class="entry"><p>（来源：美國之音 作者：张三）</p>' + body + '<p>end of page</p></div><div class="postfooter"></div>'
}

/** `unit` repeated to about `bytes` UTF-8 bytes. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))))
}

const {values} = parseArgs({options: {case: {type: 'string'}, only: {type: 'string', multiple: true}, timeout: {type: 'string', default: '600'}}})

if (values.case) {
  // Child: convert one case, print one JSON line.
  const {convert} = await import('../index.js')
  const html = cases[values.case].build()
  const bytes = Buffer.byteLength(html)
  const start = performance.now()
  let result: string
  try {
    const file = await convert(html)
    const markdown = String(file)
    result = markdown.includes('end of page') ? 'converted' : 'converted, text missing'
  } catch (error) {
    const cause = error as {ruleId?: string; message?: string}
    result = cause.ruleId ? '`' + cause.ruleId + '`' : 'crash: ' + String(cause.message).slice(0, 60)
  }
  const ms = performance.now() - start
  console.log(JSON.stringify({bytes, ms, rss: process.resourceUsage().maxRSS * 1024, result}))
} else {
  const names = values.only && values.only.length > 0 ? values.only : Object.keys(cases)
  const rows: Array<string> = ['| input | result | time | peak RSS |', '| --- | --- | --- | --- |']
  for (const name of names) {
    const line = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--case', name], {stdio: ['ignore', 'pipe', 'pipe']})
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
      const timer = setTimeout(() => child.kill('SIGKILL'), Number(values.timeout) * 1000)
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        const json = stdout.trim().split('\n').pop() || ''
        try {
          const data = JSON.parse(json) as {ms: number; rss: number; result: string}
          resolve('| ' + cases[name].label + ' | ' + data.result + ' | ' + (data.ms / 1000).toFixed(1) + ' s | ' + Math.round(data.rss / mb) + ' MB |')
        } catch {
          const why =
            signal === 'SIGKILL'
              ? 'no result after ' + values.timeout + ' s'
              : /heap out of memory|Reached heap limit/.test(stderr)
                ? 'process died: JavaScript heap out of memory'
                : 'process died (' + (signal || code) + ')'
          resolve('| ' + cases[name].label + ' | ' + why + ' | — | — |')
        }
      })
    })
    console.error(line)
    rows.push(line)
  }
  console.log(rows.join('\n'))
}
