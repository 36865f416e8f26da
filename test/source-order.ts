// Start-tag ranks (pages parsed without source positions) order elements as
// their offsets do, and say the same about which start tags lie inside an
// element: on hand-written mis-nested markup, generated markup and every
// fixture page.
import fs from 'node:fs'
import path from 'node:path'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type {Element, Nodes} from 'hast'
import {test} from 'uvu'
import {VFile} from 'vfile'
import {parseDeepHtml} from '../lib/input/parse-deep-html.js'
import {sourceSpan, sourceStart} from '../lib/util/source-order.js'

/** Elements of both parses, side by side (the trees are the same; only positions differ). */
function pairs(html: string): Array<[Element, Element]> {
  const withPositions = parseDeepHtml(html, new VFile(html), undefined, true)
  const withRanks = parseDeepHtml(html, new VFile(html), undefined, false)
  const found: Array<[Element, Element]> = []
  const stack: Array<[Nodes, Nodes]> = [[withPositions, withRanks]]
  while (stack.length > 0) {
    const [a, b] = stack.pop()!
    assert.equal(a.type, b.type)
    if (a.type === 'element' && b.type === 'element') {
      assert.equal(b.position, undefined, 'no positions without `positions`')
      found.push([a, b])
      if (a.content && b.content) stack.push([a.content, b.content])
    }
    if ('children' in a && 'children' in b) {
      assert.equal(a.children.length, b.children.length)
      for (let index = 0; index < a.children.length; index++) stack.push([a.children[index], b.children[index]])
    }
  }
  return found
}

/** Throw where ranks and offsets disagree on order, or on a start tag inside a span. */
function check(html: string): void {
  const all = pairs(html)
  const starts = all.map(([a, b]) => [sourceStart(a), sourceStart(b)] as const)
  const spans = all.map(([a, b]) => [sourceSpan(a), sourceSpan(b)] as const)
  for (const [index, [offset, rank]] of starts.entries()) {
    assert.equal(offset === undefined, rank === undefined, 'implied in one parse only: `' + all[index][0].tagName + '`')
  }
  for (let i = 0; i < all.length; i++) {
    const [offsetI, rankI] = starts[i]
    if (offsetI === undefined || rankI === undefined) continue
    for (let j = 0; j < all.length; j++) {
      const [offsetJ, rankJ] = starts[j]
      if (offsetJ === undefined || rankJ === undefined) continue
      assert.equal(Math.sign(offsetI - offsetJ), Math.sign(rankI - rankJ), 'order of `' + all[i][0].tagName + '` and `' + all[j][0].tagName + '`')
      const [offsetSpan, rankSpan] = spans[j]
      if (!offsetSpan || !rankSpan) continue
      const inOffsets: boolean = offsetI >= offsetSpan[0] && offsetI < offsetSpan[1]
      const inRanks: boolean = rankI >= rankSpan[0] && rankI < rankSpan[1]
      assert.equal(inRanks, inOffsets, '`' + all[i][0].tagName + '` inside `' + all[j][0].tagName + '`')
    }
  }
}

test('re-opened formatting elements share the start of what they copy', () => {
  const html = '<div class="entry"><p class="notice"><b>promo one</p><p>promo two</b></p><p>text</p></div>'
  check(html)
  const [, reopened] = pairs(html).filter(([a]) => a.tagName === 'b')
  const [, first] = pairs(html).filter(([a]) => a.tagName === 'b')[0]
  assert.equal(sourceStart(reopened[1]), sourceStart(first))
})

test('mis-nested markup: the adoption agency, foster parenting, implied elements, templates', () => {
  for (const html of [
    '<p><b>x<i>y</p>z</i>w</b>',
    '<a href=1><p>one</a>two</p>',
    '<b><div><i>deep</b>after</i></div>',
    '<table><b>foster<tr><td>cell</b></td></tr></table>tail',
    '<p>one<p>two<ul><li>a<li>b</ul>',
    '<template><p><b>t</p>u</template><p>v</p>',
    '<!doctype html><html><head><title>t</title></head><body><font><p>a</font>b</p></body></html>',
    '<b>1<b>2<b>3<b>4<p>x</b></b></p>y'
  ]) {
    check(html)
  }
})

const tags = ['b', 'i', 'a', 'p', 'div', 'span', 'font', 'em', 'strong', 'table', 'tr', 'td', 'ul', 'li', 'h2', 'section', 'nobr', 'u']
const token = fc.oneof(
  fc.constantFrom(...tags).map((tag) => '<' + tag + ' class="c">'),
  fc.constantFrom(...tags).map((tag) => '</' + tag + '>'),
  fc.constantFrom('text ', '文字', '<br>', '<img src=x>', '<!-- c -->')
)

// Known difference, left alone: an element without its own end tag ends,
// in offsets, where its last child ends (`hast-util-from-parse5`), in ranks
// where the parser closes it; a start tag in between that the parser puts
// elsewhere (foster-parented out of a table left open at the end of the
// page) is outside it in offsets, inside in ranks. The generated pages
// close their tables. The stages only ask whether a re-opened element's
// start tag lies inside a removed block: on the fixtures, the cases and
// the generic corpus both parses give the same output
// (`scripts/snapshot.ts compare --ignore-places`).
test('generated mis-nested markup', () => {
  fc.assert(
    fc.property(fc.array(token, {maxLength: 40}), (tokens) => check(tokens.join('') + '</table>')),
    {seed: 12, numRuns: 300}
  )
})

test('every fixture page', () => {
  const fixtures = path.resolve(import.meta.dirname, '../fixtures')
  for (const name of fs.readdirSync(fixtures)) {
    const file = path.join(fixtures, name, 'input.html')
    if (!fs.existsSync(file)) continue
    const html = fs.readFileSync(file, 'utf8')
    // Pages of a few thousand elements keep the pairwise check quick.
    if (html.length > 200_000) continue
    try {
      check(html)
    } catch (error) {
      throw new Error(name + ': ' + String((error as Error).message), {cause: error})
    }
  }
})

test.run()
