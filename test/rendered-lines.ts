// `endLines` (`lib/util/rendered-lines.ts`) reads an article's first and
// last lines from as few children as hold them: it must give exactly the
// first and last lines of the whole text, on every element of every fixture
// page and of generated pages, including text children at the cut, `<pre>`,
// tables and `<br>` (issue #12); with no last lines asked, the first alone.
import fc from 'fast-check'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {endLines, renderedLines} from '../lib/util/rendered-lines.js'
import {fixtureInputs, page} from './util/fuzz-html.js'

const seed = 20_261_130

/** What `endLines` must give: the first `head` and last `tail` lines, or all. */
function expected(element: Element, head: number, tail: number): Array<string> {
  const lines = renderedLines(element)
  return lines.length <= head + tail ? lines : [...lines.slice(0, head), ...lines.slice(lines.length - tail)]
}

/** Elements of `tree` with at least two children. */
function parents(tree: Root): Array<Element> {
  const found: Array<Element> = []
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element' && node.children.length > 1) found.push(node)
    for (const child of node.children) if (child.type === 'element') stack.push(child)
  }
  return found
}

test('endLines: the ends of the whole text on every element of the fixture pages', function () {
  let checked = 0
  let shortened = 0
  for (const {name, bytes} of fixtureInputs()) {
    const tree = fromHtml(new TextDecoder().decode(bytes))
    for (const element of parents(tree)) {
      for (const [head, tail] of [
        [5, 4],
        [1, 1],
        [2, 3],
        // No last lines: the end is not read.
        [5, 0]
      ]) {
        const got = endLines(element, head, tail)
        assert.equal(got, expected(element, head, tail), name + ' <' + element.tagName + '> ' + head + '/' + tail)
        checked++
        if (renderedLines(element).length > head + tail) shortened++
      }
    }
  }
  assert.ok(checked > 1000 && shortened > 100, 'checked ' + checked + ', ' + shortened + ' with more lines than asked')
})

test('endLines: the ends of the whole text on generated pages and hand-made cuts', function () {
  fc.assert(
    fc.property(page, fc.integer({min: 1, max: 6}), fc.integer({min: 0, max: 6}), (generated, head, tail) => {
      for (const element of parents(fromHtml(generated.html))) assert.equal(endLines(element, head, tail), expected(element, head, tail))
    }),
    {seed, numRuns: 150}
  )
  const cases = [
    '<div>  lead text  <p>one</p>two<br>three <b>bold</b> four<p>five</p>  six  <br><br>seven<p>eight</p> nine <span>ten</span>\n eleven <p>twelve</p> tail text </div>',
    '<pre>a\nb\n\nc\n<b>d</b>\ne\nf\ng\nh\ni\nj</pre>',
    '<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr><tr><td>4</td></tr><tr><td>5</td></tr><tr><td>6</td></tr><tr><td>7</td></tr><tr><td>8</td></tr><tr><td>9</td></tr><tr><td>10</td></tr></table>',
    '<div>a<br>b<br>c<br>d<br>e<br>f<br>g<br>h<br>i<br>j<br>k</div>',
    // Cuts inside a line: inline elements on either side of the cut.
    '<div>' + Array.from({length: 14}, (_, index) => 'L' + index + ' <i>a</i> <b>b</b> c<br>').join('') + '</div>',
    '<section><div> <article>' + Array.from({length: 14}, (_, index) => '<span>s' + index + '</span> <em>e</em><p>p' + index + '</p>').join('') + '</article> </div></section>',
    '<ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li><li>f</li><li>g</li><li>h</li><li>i</li><li>j</li></ul>'
  ]
  for (const html of cases) {
    for (const element of parents(fromHtml(html, {fragment: true}))) {
      for (let head = 1; head <= 6; head++) for (let tail = 0; tail <= 6; tail++) assert.equal(endLines(element, head, tail), expected(element, head, tail), html)
    }
  }
})

test.run()
