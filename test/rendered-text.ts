// The page's rendered text read on the index walk (`lib/analyse/rendered-text.ts`)
// must give each element's lines as `hast-util-to-text` on the element alone
// does (`renderedLines`), or nothing: on every element of every fixture page,
// of generated pages and of made pages (tables, `<pre>`, `<br>`, hidden
// parts, zero width spaces at line ends), also once blocks are put into a
// wrapper or moved to the start of another.
import fc from 'fast-check'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {toText} from 'hast-util-to-text'
import {recordEdit, recordMoved, recordWrapper, recordedEnds, recordedLines, recordedText, renderedTextPart} from '../lib/analyse/rendered-text.js'
import {renderedLines} from '../lib/util/rendered-lines.js'
import {walkShared} from '../lib/util/walk.js'
import {fixtureInputs, page} from './util/fuzz-html.js'

const seed = 20_261_201

/** Every element of `tree`, in document order. */
function elementsOf(tree: Root): Array<Element> {
  const found: Array<Element> = []
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element') found.push(node)
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index]
      if (child.type === 'element') stack.push(child)
    }
  }
  return found
}

/** First and last lines asked (`recordedEnds`): the byline reader's, and small ones so that cuts fall often. */
const ends: Array<[number, number]> = [
  [5, 4],
  [5, 0],
  [1, 1],
  [2, 3]
]

/** Check every element of `tree`; how many the record told. */
function check(tree: Root, name: string): {told: number; all: number} {
  const part = renderedTextPart(tree)
  walkShared(tree, [part.listener])
  const record = part.result()
  let told = 0
  const all = elementsOf(tree)
  for (const element of all) {
    const lines = recordedLines(record, tree, element)
    if (lines === undefined) continue
    told++
    assert.equal(lines, renderedLines(element), name + ' <' + element.tagName + '>')
    const text = recordedText(record, tree, element)
    assert.ok(text !== undefined, 'the text is told where the lines are')
    assert.is(text, toText(element), name + ' <' + element.tagName + '> text')
    for (const [head, tail] of ends) {
      const expected = lines.length <= head + tail ? lines : [...lines.slice(0, head), ...lines.slice(lines.length - tail)]
      assert.equal(recordedEnds(record, tree, element, head, tail), expected, name + ' <' + element.tagName + '> ' + head + '/' + tail)
    }
  }
  // Once the tree is edited, nothing is told.
  recordEdit(record)
  for (const element of all.slice(0, 20)) assert.is(recordedLines(record, tree, element), undefined)
  return {told, all: all.length}
}

test('rendered text: the lines of every element of the fixture pages, as `hast-util-to-text` gives them', function () {
  let told = 0
  let all = 0
  for (const {name, bytes} of fixtureInputs()) {
    const counted = check(fromHtml(new TextDecoder().decode(bytes)), name)
    told += counted.told
    all += counted.all
  }
  assert.ok(told > 3000 && told > all / 3, 'told ' + told + ' of ' + all)
})

test('rendered text: generated pages and made ones', function () {
  fc.assert(
    fc.property(page, (generated) => void check(fromHtml(generated.html), generated.html)),
    {seed, numRuns: 200}
  )
  const made = [
    '<div>  lead text  <p>one</p>two<br>three <b>bold</b> four<p>five</p>  six  <br><br>seven<p>eight</p> nine <span>ten</span>\n eleven <p>twelve</p> tail text </div>',
    '<div><pre>a\nb\n\nc\n<b>d</b>\ne</pre><p>x</p><nobr>n\no</nobr><textarea>t\nu</textarea></div>',
    '<div><table><tr><td>1</td><td>2</td></tr> <tr><td>3</td><td hidden>h</td></tr><tbody><tr><td>4</td></tr></tbody><tfoot></tfoot></table><p>after</p></div>',
    '<div><table><thead><tr><th>a</th></tr></thead> <tbody><tr><td>b</td></tr><tr hidden><td>c</td></tr></tbody></table></div>',
    '<div><table><tbody><tr><td>b</td></tr></tbody><tbody hidden><tr><td>c</td></tr></tbody></table></div>',
    '<div><p>a\u200b\nb</p><p>c \u200b\n d</p><div>e\u200b <br>f</div><div>\u200bg\nh\u200b</div></div>',
    '<div><span>a</span><div hidden>x</div><span>b</span><dialog>d</dialog><dialog open>o</dialog><noscript>n</noscript><!-- c --> z</div>',
    '<div><p>\n lead</p>\n<p>end \n</p>text\n<br>\n<td>cell</td><td>2</td>\u202atail\u202c</div>',
    // Lines of many items, so that cuts fall inside lines.
    '<div>' + ('<p>' + 'w<i>x</i> '.repeat(30) + '</p>').repeat(6) + '</div>',
    '<div>' + Array.from({length: 9}, (_, index) => 'L' + index + ' ' + '<b>b</b>'.repeat(20) + '<br>').join('') + '</div>',
    '<section><div><p>one</p></div><div><p>two</p><p>three</p></div><pre>p\nq</pre><div><pre>r</pre></div></section>'
  ]
  for (const html of made) {
    check(fromHtml(html, {fragment: true}), html)
    check(fromHtml(html), html)
  }
})

test('rendered text: blocks put into a wrapper or moved to the start of another are read as the tree then is', function () {
  let told = 0
  for (const {name, bytes} of fixtureInputs().slice(0, 60)) {
    const tree = fromHtml(new TextDecoder().decode(bytes))
    const part = renderedTextPart(tree)
    walkShared(tree, [part.listener])
    const record = part.result()
    for (const parent of elementsOf(tree)) {
      const blocks = parent.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'p' || child.tagName === 'div'))
      if (blocks.length < 3) continue
      // A wrapper of every other block (detached here: the record does not read the tree), and the first block moved into the last.
      const wrapper: Element = {type: 'element', tagName: 'div', properties: {}, children: blocks.filter((_, index) => index % 2 === 0)}
      recordWrapper(record, wrapper)
      assert.is(recordedText(record, tree, blocks[0]), undefined, 'blocks moved: only the lines of the root are told')
      const wrapped = recordedLines(record, tree, wrapper)
      if (wrapped) {
        told++
        assert.equal(wrapped, renderedLines(wrapper), name + ' wrapper')
        assert.equal(recordedEnds(record, tree, wrapper, 1, 1), wrapped.length <= 2 ? wrapped : [wrapped[0], wrapped[wrapped.length - 1]], name + ' wrapper ends')
      }
      const last = blocks[blocks.length - 1]
      const before = structuredClone(last)
      const moved = {...before, children: [structuredClone(blocks[0]), ...before.children]}
      recordMoved(record, last, [blocks[0]])
      const lines = recordedLines(record, tree, last)
      if (lines) {
        told++
        assert.equal(lines, renderedLines(moved), name + ' moved')
      }
      record.parts.delete(last)
    }
  }
  assert.ok(told > 20, 'told ' + told)
})

test.run()
