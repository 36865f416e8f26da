// Reads that stop once the answer is known (`lib/util/bounded-text.ts`, the
// tag footer's one read in `lib/util/tag-footer.ts`) must answer what
// reading the whole text answers: on every element of every fixture page,
// of generated pages, and of hand-made ones with hidden elements, bidi
// controls, zero-width and no-break spaces.
import fc from 'fast-check'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toString} from 'hast-util-to-string'
import {toText} from 'hast-util-to-text'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {holdsText, renderedLongerThan, someText, textUpTo, textWithin} from '../lib/util/bounded-text.js'
import {findTagFooterAmong, startsWithTagLabel} from '../lib/util/tag-footer.js'
import {collapse} from '../lib/util/text.js'
import {fixtureInputs, page} from './util/fuzz-html.js'

const seed = 20_261_201
const limits = [0, 1, 20, 80, 120, 600]

function elementsOf(tree: Root): Array<Element> {
  const found: Array<Element> = []
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element') found.push(node)
    for (const child of node.children) if (child.type === 'element') stack.push(child)
  }
  return found
}

/** The tag footer as read before the one-read version: link texts, then the whole text's length. */
function footerByWholeReads(node: Element): Array<string> | undefined {
  const seen = new Set<string>()
  const stack = [...node.children].reverse()
  while (stack.length > 0) {
    const child = stack.pop()!
    if (child.type !== 'element') continue
    if (child.tagName === 'a') {
      const text = collapse(toString(child))
      if (text) seen.add(text)
    } else for (let index = child.children.length - 1; index >= 0; index--) stack.push(child.children[index])
  }
  return seen.size > 0 && collapse(toString(node)).length < 600 ? [...seen] : undefined
}

/** Tag footers compared (`check`). */
let footers = 0

function check(tree: Root, name: string): number {
  let checked = 0
  for (const element of elementsOf(tree)) {
    const whole = collapse(toString(element))
    const rendered = collapse(toText(element))
    assert.is(holdsText(element), whole !== '', name + ' holdsText <' + element.tagName + '>')
    assert.is(
      someText(element, (value) => /\S/.test(value)),
      /\S/.test(toString(element)),
      name + ' someText <' + element.tagName + '>'
    )
    for (const max of limits) {
      const upTo = textUpTo(element, max)
      if (upTo === undefined) assert.ok(whole.length > max, name + ' textUpTo <' + element.tagName + '> ' + max)
      else assert.is(upTo, whole, name + ' textUpTo <' + element.tagName + '> ' + max)
      assert.is(textWithin(element, max), [...whole].length > max ? undefined : whole, name + ' textWithin <' + element.tagName + '> ' + max)
      if (renderedLongerThan(element, max)) assert.ok(rendered.length > max, name + ' renderedLongerThan <' + element.tagName + '> ' + max)
    }
    if (startsWithTagLabel(element)) {
      const found = findTagFooterAmong(
        [{element}],
        () => true,
        () => true
      )
      assert.equal(found && found.tags, footerByWholeReads(element), name + ' tag footer <' + element.tagName + '>')
      footers++
    }
    checked++
  }
  return checked
}

test('bounded text: the answers of whole reads on every element of the fixture pages', function () {
  let checked = 0
  for (const {name, bytes} of fixtureInputs()) checked += check(fromHtml(new TextDecoder().decode(bytes)), name)
  assert.ok(checked > 5000 && footers > 5, 'checked ' + checked + ' elements, ' + footers + ' tag footers')
})

test('bounded text: the answers of whole reads on generated and hand-made pages', function () {
  fc.assert(
    fc.property(page, (generated) => {
      check(fromHtml(generated.html), 'generated')
    }),
    {seed, numRuns: 100}
  )
  const long = 'word '.repeat(40)
  const cases = [
    '<div>\u200b \u00a0\u3000<span> </span></div>',
    '<div>\u200e\u200f\u202a\u2066' + '\u061c'.repeat(200) + '<b>a</b></div>',
    '<div><script>' + long + '</script><style>' + long + '</style><template>' + long + '</template>short</div>',
    '<div><p hidden>' + long + '</p><dialog>' + long + '</dialog><dialog open>' + long + '</dialog></div>',
    '<div><noscript>' + long + '</noscript><title>' + long + '</title><rp>' + long + '</rp></div>',
    '<p>' + 'a\u00a0'.repeat(70) + '</p>',
    '<pre>  ' + long + '\n\n  </pre>',
    '<div>Tags: <a href="/t/a">A</a>, <a href="/t/b"> B <i>b</i></a><a href="/t/a">A</a><a href="#"> </a><span><a href="/t/c">C</a></span></div>',
    '<div>Tags: <a href="/t/a">A<a href="/t/b">B</a></a> ' + 'x'.repeat(598) + '</div>',
    '<div>Tags: <a href="/t/a">A</a> ' + 'x '.repeat(400) + '</div>',
    '<div>Tags: <a href="/t/a">A</a>' + ' '.repeat(2000) + 'y</div>',
    '<p>' + 'ab '.repeat(12) + '</p><p>' + '😀 '.repeat(30) + '\udc00</p>'
  ]
  for (const html of cases) check(fromHtml(html, {fragment: true}), html.slice(0, 40))
})

test.run()
