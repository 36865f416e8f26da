// `parse5ToHast` (`lib/input/parse5-to-hast.ts`) builds the same hast as
// `hast-util-from-parse5` (issue #12): on every fixture page, every page
// of the shared corpora and cases, hand-written markup with every kind of
// attribute `hastscript` parses, and generated markup; and it records the
// start-tag ranks of `parseOrdered` on the elements they belong to.
import fs from 'node:fs'
import path from 'node:path'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type {Element, Nodes} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import type {DefaultTreeAdapterMap} from 'parse5'
import {test} from 'uvu'
import {parseOrdered} from '../lib/input/ordered-parser.js'
import {parse5ToHast} from '../lib/input/parse5-to-hast.js'
import {sourceSpan} from '../lib/util/source-order.js'

const options = {scriptingEnabled: false}

/** Both conversions of `html` are deep-equal, and every element with a rank has it as its span. */
function check(html: string, label: string): void {
  const {document, ranks} = parseOrdered(html, options)
  const expected = fromParse5(document)
  const actual = parse5ToHast(document, ranks)
  assert.deepStrictEqual(actual, expected, label)
  // Spans: walk the parse5 tree and the hast tree side by side.
  const stack: Array<[DefaultTreeAdapterMap['parentNode'], Nodes]> = [[document, actual]]
  while (stack.length > 0) {
    const [from, to] = stack.pop()!
    if (to.type !== 'root' && to.type !== 'element') continue
    for (const [index, child] of from.childNodes.entries()) {
      const node: Nodes | undefined = to.children[index]
      if (!('tagName' in child)) continue
      assert.equal(node.type, 'element', label)
      const start = ranks.start.get(child)
      const span = sourceSpan(node as Element)
      if (start === undefined) assert.equal(span, undefined, label + ': ' + child.tagName)
      else assert.deepEqual(span, [start, ranks.end.get(child) ?? Number.POSITIVE_INFINITY], label + ': ' + child.tagName)
      stack.push([child, node!])
      if ('content' in child && child.content && (node as Element).content) stack.push([child.content, (node as Element).content!])
    }
  }
}

function htmlFiles(directory: string): Array<string> {
  if (!fs.existsSync(directory)) return []
  const found: Array<string> = []
  for (const entry of fs.readdirSync(directory, {withFileTypes: true, recursive: true})) {
    if (entry.isFile() && /\.html?$/.test(entry.name)) found.push(path.join(entry.parentPath, entry.name))
  }
  return found.sort()
}

test('attributes of every kind hastscript parses', () => {
  check(
    [
      '<!doctype html><html><head><meta charset=utf-8><meta http-equiv=refresh content="0; url=/x"><link rel="stylesheet alternate" href=/a.css sizes="16x16 32x32"></head><body>',
      '<div class=" a  b\tc " class=d id=main hidden data-x-y="1" data-count=2 aria-hidden=true title="">',
      '<input type=checkbox checked=CHECKED disabled=disabled readonly=no maxlength=10 size=abc value=" 3 " accept="image/png, image/jpeg">',
      '<img srcset="a.jpg 1x, b.jpg 2x" width=300 height=" 200 " alt="" loading=lazy>',
      '<a href=/x rel="nofollow noopener" download ping="/a /b" target=_blank>x</a>',
      '<td colspan=2 rowspan=x headers="h1 h2">c</td><ol start=3 reversed><li value=4>x</li></ol>',
      '<div classname="e f" class="g" htmlfor=x for=y __proto__=z constructor=w tostring=v hasownproperty=u></div>',
      '<video controls autoplay="" muted=muted preload=none poster=p.jpg><source src=v.mp4 type=video/mp4></video>',
      '<p contenteditable=true draggable=false spellcheck translate=no dir=rtl lang=zh-CN tabindex=-1 style="color: red">t</p>',
      '<svg viewBox="0 0 10 10" class="i j"><path d="M0 0" stroke-width=2 /><foreignObject><div class=k>in svg</div></foreignObject><template><g/></template></svg>',
      '<math><mi mathvariant=bold>x</mi></math>',
      '<template id=t><p class=l>in template<template><b>nested</b></template></p></template>',
      '<my-element some-attr=1 class=m></my-element><x-y.z class=n>dotted</x-y.z><a#b>hash</a#b>',
      '<!-- a comment --><script>var a = "<b>"</script><style>p{}</style><textarea>x</textarea>',
      '<table><tr><td>foster<b>parented</table><p><b>re<i>opened</p>text</i></b>',
      '</body></html>'
    ].join(''),
    'hand-written'
  )
  check('<p>quirks mode, no doctype', 'quirks')
  check('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><p>limited quirks', 'limited quirks')
})

test('every fixture page, the shared corpora and cases', () => {
  const files = [...htmlFiles(path.resolve(import.meta.dirname, '../fixtures')), ...['spec', 'cases', 'corpus'].flatMap((name) => htmlFiles(path.join('/work/shared', name)))]
  assert.ok(files.length > 100, 'pages found: ' + files.length)
  for (const file of files) check(fs.readFileSync(file, 'utf8'), file)
})

test('generated markup', () => {
  const names = ['div', 'p', 'b', 'i', 'a', 'table', 'tr', 'td', 'li', 'ul', 'template', 'svg', 'img', 'input', 'select', 'option', 'x-y', 'math']
  const attributes = ['class', 'id', 'hidden', 'href', 'rel', 'srcset', 'width', 'checked', 'value', 'data-a', 'style', 'classname', 'viewbox', 'download', 'colspan']
  const values = ['', ' ', 'a b', 'a, b', '1', ' 2 ', 'x', 'true', 'checked', 'NaN', '-0', '1e3']
  const tag = fc.record({
    name: fc.constantFrom(...names),
    attributes: fc.array(fc.tuple(fc.constantFrom(...attributes), fc.constantFrom(...values)), {maxLength: 3}),
    close: fc.boolean(),
    text: fc.constantFrom('', 'text', '<!--c-->', ' ')
  })
  fc.assert(
    fc.property(fc.array(tag, {maxLength: 30}), (tags) => {
      const html = tags
        .map((entry) => '<' + entry.name + entry.attributes.map(([name, value]) => ' ' + name + '="' + value + '"').join('') + '>' + entry.text + (entry.close ? '</' + entry.name + '>' : ''))
        .join('')
      check(html, html)
    }),
    {seed: 20_261_130, numRuns: 500}
  )
})

test.run()
