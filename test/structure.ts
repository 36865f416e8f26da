import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'
import {isLayoutTable} from '../lib/analyse/blocks/table-kind.js'
import {nestLists} from '../lib/util/nest-lists.js'
import {splitBreakRunsListener} from '../lib/util/split-break-runs.js'
import {unwrapLayoutTables} from '../lib/util/unwrap-layout-tables.js'
import {walk, walkShared} from '../lib/util/walk.js'
import {tableCell} from '../lib/util/table-cell-handler.js'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {gatherSelectors, selectAll, stillBelow} from '../lib/util/select.js'

const fragment = (html: string): Root => fromHtml(html, {fragment: true})
const table = (html: string): Element => fragment(html).children.find((node): node is Element => node.type === 'element')!

/** Markup of a tree: tag names and text only, enough to compare structure. */
function toHtml(node: Root | Element | Root['children'][number]): string {
  if (node.type === 'text') return node.value
  if (node.type === 'root') return node.children.map(toHtml).join('')
  if (node.type !== 'element') return ''
  return '<' + node.tagName + '>' + node.children.map(toHtml).join('') + '</' + node.tagName + '>'
}

/** The Markdown body of a bannedbook-like page (the profile path). */
async function profileBody(html: string): Promise<string> {
  const page = '<html><body><h2>标题</h2><div class="entry">' + html + '</div><div class="postfooter"></div></body></html>'
  return String(await convert(page)).replace(/^---\n[\s\S]*?\n---\n\n/, '')
}

/** The Markdown body of a generic page (content scoring). */
async function genericBody(html: string): Promise<string> {
  const lead = '<p>' + 'The council met on Monday, and the clerk read the agenda aloud, item by item, to a full room. '.repeat(3) + '</p>'
  const page = '<html><head><title>T</title></head><body><nav><a href="/">Home</a></nav><article><h1>T</h1>' + lead + html + '</article></body></html>'
  return String(await convert(page))
    .replace(/^---\n[\s\S]*?\n---\n\n/, '')
    .replace(lead.replace(/<\/?p>/g, '').trim() + '\n\n', '')
}

test('table kind: data tables have headers or a grid of short cells', function () {
  assert.not.ok(isLayoutTable(table('<table><tr><th>City</th><th>High</th></tr><tr><td>Oslo</td><td>12</td></tr></table>')))
  assert.not.ok(isLayoutTable(table('<table><tr><td>City</td><td>High</td></tr><tr><td>Oslo</td><td>12</td></tr></table>')))
  // Editors wrap cell text in `<p>`: still data.
  assert.not.ok(isLayoutTable(table('<table><tr><td><p>City</p></td><td><p>High</p></td></tr><tr><td><p>Oslo</p></td><td><p>12</p></td></tr></table>')))
  // A header row with lists in its cells is data too.
  assert.not.ok(isLayoutTable(table('<table><tr><th>Plan</th><th>Includes</th></tr><tr><td>Basic</td><td><ul><li>Mail</li><li>Web</li></ul></td></tr></table>')))
})

test('table kind: layout tables hold regions, or one row, one column or one cell', function () {
  assert.ok(isLayoutTable(table('<table role="presentation"><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>')))
  assert.ok(isLayoutTable(table('<table><tr><th>Summary</th></tr><tr><td>Before<table><tr><td>a</td><td>b</td></tr></table></td></tr></table>')))
  assert.ok(isLayoutTable(table('<table><tr><td><h1>Title</h1><p>Text</p></td><td>Menu</td></tr></table>')))
  assert.ok(isLayoutTable(table('<table><tr><td><p>' + 'Long text. '.repeat(60) + '</p><p>More text.</p></td><td>x</td></tr><tr><td>y</td><td>z</td></tr></table>')))
  assert.ok(isLayoutTable(table('<table><tr><td><img src="a.jpg"></td></tr><tr><td>Caption</td></tr></table>')))
  assert.ok(isLayoutTable(table('<table><tr><td><img src="a.jpg"></td><td><img src="b.jpg"></td></tr></table>')))
  assert.ok(isLayoutTable(table('<table><tr><td>Only cell</td></tr></table>')))
  assert.ok(isLayoutTable(table('<table><tr><td>Awards</td><td><ul><li>2019</li><li>2020</li></ul></td></tr><tr><td>x</td><td>y</td></tr></table>')))
})

test('unwrap: layout tables become their cells in reading order; data tables inside stay tables', function () {
  const tree = fragment('<table><tr><td>Left <b>nav</b></td><td><p>Body</p><table><tr><th>K</th><th>V</th></tr><tr><td>a</td><td>1</td></tr></table></td><td> </td></tr></table>')
  assert.is(unwrapLayoutTables(tree), 1)
  assert.is(toHtml(tree), '<div>Left <b>nav</b></div><div><p>Body</p><table><tbody><tr><th>K</th><th>V</th></tr><tr><td>a</td><td>1</td></tr></tbody></table></div>')
  // Text left between rows (a flattened or hand-built tree) is kept.
  const stray: Root = {
    type: 'root',
    children: [{type: 'element', tagName: 'table', properties: {}, children: [{type: 'element', tagName: 'tr', properties: {}, children: [{type: 'text', value: 'deep text'}]}]}]
  }
  unwrapLayoutTables(stray)
  assert.is(toHtml(stray), '<div>deep text</div>')
  // A cell without its table (an article root picked from a layout table).
  const cell: Root = {type: 'root', children: [{type: 'element', tagName: 'td', properties: {width: '600'}, children: [{type: 'text', value: 'Text'}]}]}
  unwrapLayoutTables(cell)
  assert.is(toHtml(cell), '<div>Text</div>')
  // The same cell given as the tree itself.
  const root: Element = {type: 'element', tagName: 'td', properties: {width: '600'}, children: [{type: 'text', value: 'Text'}]}
  unwrapLayoutTables(root)
  assert.is(toHtml(root), '<div>Text</div>')
  // A layout table (`role=presentation`): its caption becomes a paragraph; column definitions and comments go.
  const captioned = fragment('<table role="presentation"><caption>Front page</caption><colgroup><col><col></colgroup><!-- layout --><tr><td><p>Lead story</p></td><td><p>Weather</p></td></tr></table>')
  assert.is(unwrapLayoutTables(captioned), 1)
  assert.is(toHtml(captioned), '<p>Front page</p><div><p>Lead story</p></div><div><p>Weather</p></div>')
})

test('break runs: two or more `<br>` end a paragraph in prose blocks; one stays a line break', function () {
  const split = (html: string) => {
    const tree = fragment(html)
    walkShared(tree, [splitBreakRunsListener()])
    return toHtml(tree)
  }
  assert.is(split('<p>One.<br><br>Two.<br>Line.<br> \u00a0 <br><!-- x --><br>Three.<br><br></p>'), '<p>One.</p><p>Two.<br></br>Line.</p><p>Three.</p>')
  assert.is(split('<div>Lead:<br><br><blockquote>Q</blockquote>After.<br><br><b>Bold</b> end.</div>'), '<div><p>Lead:</p><blockquote>Q</blockquote><p>After.</p><p><b>Bold</b> end.</p></div>')
  assert.is(split('<ul><li>A.<br><br>B.</li></ul>'), '<ul><li><p>A.</p><p>B.</p></li></ul>')
  // Nothing to split: one `<br>`, or breaks in table cells, code and addresses.
  assert.is(split('<p>One.<br>Two.</p>'), '<p>One.<br></br>Two.</p>')
  assert.is(split('<table><tr><td>A<br><br>B</td></tr></table>'), '<table><tbody><tr><td>A<br></br><br></br>B</td></tr></tbody></table>')
  assert.is(split('<pre>a<br><br>b</pre><address>Street<br><br>Town</address>'), '<pre>a<br></br><br></br>b</pre><address>Street<br></br><br></br>Town</address>')
})

test('nest lists: a list in a list nests under the item before it', function () {
  const tree = fragment('<ul><li>One</li><li>Two</li><ul><li>Two a</li><li>Two b</li></ul><li>Three</li></ul>')
  assert.is(nestLists(tree), 1)
  assert.is(toHtml(tree), '<ul><li>One</li><li>Two<ul><li>Two a</li><li>Two b</li></ul></li><li>Three</li></ul>')
})

test('nest lists: with no item before it, its items join the list; stray content continues the item before it', function () {
  const first = fragment('<ol><ol><li>a</li><li>b</li></ol><li>c</li></ol>')
  nestLists(first)
  assert.is(toHtml(first), '<ol><li>a</li><li>b</li><li>c</li></ol>')
  const stray = fragment('<ul>Intro <b>text</b><li>a</li>\n loose\n<li>b</li><p>Note</p></ul>')
  nestLists(stray)
  assert.is(toHtml(stray), '<ul><li><p>Intro <b>text</b></p></li><li>a<p>\n loose\n</p></li><li>b<p>Note</p></li></ul>')
  // Deeply nested editor lists, each level without items of its own (built
  // by hand: the HTML parser itself recurses per level).
  let deep: Element = {type: 'element', tagName: 'ul', properties: {}, children: [{type: 'element', tagName: 'li', properties: {}, children: [{type: 'text', value: 'x'}]}]}
  for (let index = 0; index < 20000; index++) deep = {type: 'element', tagName: 'ul', properties: {}, children: [deep]}
  const tree: Root = {type: 'root', children: [deep]}
  nestLists(tree)
  assert.is(toHtml(tree), '<ul><li>x</li></ul>')
})

test('markdown: nested lists stay tight, in both paths', async function () {
  const html = '<ul><li>One</li><li>Two<ul><li>Two a</li><li>Two b</li></ul></li><li>Three</li></ul><ol><li>First</li><ol><li>First a</li><li>First b</li></ol><li>Second</li></ol>'
  const expected = '- One\n- Two\n  - Two a\n  - Two b\n- Three\n\n1. First\n   1. First a\n   2. First b\n2. Second\n'
  assert.is(await profileBody(html), expected)
  assert.ok((await genericBody(html)).includes(expected), 'generic path')
  // An item with a paragraph is loose, as before.
  assert.is(await profileBody('<ul><li><p>One</p><p>More</p></li><li>Two</li></ul>'), '- One\n\n  More\n\n- Two\n')
})

test('markdown: nested tables are readable: no tabs, no character references, no glued cells', async function () {
  const html = '<table><tr><th>Summary</th></tr><tr><td>Before<table><tr><th>Item</th><th>Amount</th></tr><tr><td>Alpha</td><td>10</td></tr></table></td></tr></table>'
  for (const markdown of [await profileBody(html), await genericBody(html)]) {
    assert.is(markdown.includes('Summary\n\nBefore\n\n| Item  | Amount |\n| ----- | ------ |\n| Alpha | 10     |\n'), true, markdown)
    assert.not.match(markdown, /\t|&#x|BeforeItem/)
  }
})

test('walk: every node below the tree, a parent’s children in order; `skip` and `exit`; any depth', function () {
  const tree = fragment('<div><p>a<b>b</b></p><ul><li>c</li></ul></div><p>d</p>')
  const seen: Array<string> = []
  walk(tree, (node) => {
    seen.push(node.type === 'element' ? node.tagName : node.type === 'text' ? node.value : node.type)
  })
  // Children of a parent in order, then the last element child's subtree first.
  assert.equal(seen, ['div', 'p', 'd', 'p', 'ul', 'li', 'c', 'a', 'b', 'b'])
  const skipped: Array<string> = []
  walk(tree, (node) => {
    if (node.type !== 'element') return
    skipped.push(node.tagName)
    return node.tagName === 'ul' ? 'skip' : undefined
  })
  assert.not.ok(skipped.includes('li'), 'nothing below a skipped element')
  let visits = 0
  assert.ok(walk(tree, (node) => (++visits && node.type === 'element' && node.tagName === 'ul' ? 'exit' : undefined)))
  assert.ok(visits < seen.length, 'stops at `exit`')
  // 100,000 levels: no recursion.
  let deep: Element = {type: 'element', tagName: 'span', properties: {}, children: [{type: 'text', value: 'bottom'}]}
  for (let index = 0; index < 100_000; index++) deep = {type: 'element', tagName: 'span', properties: {}, children: [deep]}
  assert.ok(walk({type: 'root', children: [deep]}, (node) => (node.type === 'text' && node.value === 'bottom' ? 'exit' : undefined)))
})

test('walkShared: listeners hear elements and texts in document order, each skipping on its own; any depth', function () {
  const tree = fragment('<div><p>a<b>b</b></p><ul><li>c</li></ul></div><p>d</p>')
  const all: Array<string> = []
  const skipping: Array<string> = []
  walkShared(tree, [
    {
      enter(element) {
        all.push('<' + element.tagName)
      },
      text(node) {
        all.push(node.value)
      },
      leave(element) {
        all.push(element.tagName + '>')
      }
    },
    {
      enter(element) {
        skipping.push(element.tagName)
        if (element.tagName === 'p') return false
      },
      text(node) {
        skipping.push(node.value)
      }
    }
  ])
  assert.equal(all, ['<div', '<p', 'a', '<b', 'b', 'b>', 'p>', '<ul', '<li', 'c', 'li>', 'ul>', 'div>', '<p', 'd', 'p>'])
  assert.equal(skipping, ['div', 'p', 'ul', 'li', 'c', 'p'], 'nothing below a `p` for the listener that skips it')
  let deep: Element = {type: 'element', tagName: 'span', properties: {}, children: [{type: 'text', value: 'bottom'}]}
  for (let index = 0; index < 100_000; index++) deep = {type: 'element', tagName: 'span', properties: {}, children: [deep]}
  let bottom = false
  walkShared({type: 'root', children: [deep]}, [{text: (node) => void (bottom = node.value === 'bottom')}])
  assert.ok(bottom)
})

test('walkShared: an element replaced by a later listener is left at once by those that entered it, and heard anew by one that skipped it', function () {
  const tree = fragment('<div><b>x</b><aside><b>y</b></aside></div>')
  const entered: Array<string> = []
  const skipper: Array<string> = []
  walkShared(tree, [
    {
      enter(element) {
        entered.push('<' + element.tagName)
      },
      text(node) {
        entered.push(node.value)
      },
      leave(element) {
        entered.push(element.tagName + '>')
      }
    },
    {
      enter(element) {
        skipper.push(element.tagName)
        // Skips each `<b>` and `<aside>`: it hears what replaces a `<b>` only where it is not inside a skipped `<aside>`.
        if (element.tagName === 'b' || element.tagName === 'aside') return false
      },
      text(node) {
        skipper.push(node.value)
      }
    },
    {
      enter(element) {
        // `<b>` is replaced by its text.
        if (element.tagName === 'b') return element.children
      }
    }
  ])
  assert.equal(entered, ['<div', '<b', 'b>', 'x', '<aside', '<b', 'b>', 'y', 'aside>', 'div>'])
  assert.equal(skipper, ['div', 'b', 'x', 'aside'])
  assert.is(toHtml(tree), '<div>x<aside>y</aside></div>')
})

test('gatherSelectors: the matches a query finds, in one shared walk; only selectors that look at ancestors only', function () {
  const tree = fromHtml('<main><div class="entry"><p>a</p><p class="x">b</p></div><template><p>t</p></template><p>c</p></main>')
  const selectors = ['div.entry > p', 'main p', 'p:first-child', 'p + p', 'a[rel~=tag]', 'p:not(.x)']
  const gathered = gatherSelectors(selectors)
  walkShared(tree, [gathered.listener])
  const table = gathered.result()
  assert.equal([...table.matches.keys()], ['div.entry > p', 'main p', 'a[rel~=tag]', 'p:not(.x)'])
  for (const selector of table.matches.keys()) assert.equal(table.matches.get(selector), selectAll(selector, tree), selector)
  const second = selectAll('p', tree)[1]
  assert.ok(stillBelow(table, second, tree))
  const entry = selectAll('div.entry', tree)[0]
  entry.children.splice(0, 1)
  assert.ok(stillBelow(table, second, tree), 'still there after a sibling before it went')
  entry.children.splice(0, 1)
  assert.not.ok(stillBelow(table, second, tree), 'gone')
})

test('tableCell: every block, item and line of a cell is a run of its one line, runs kept apart', async function () {
  // Blocks `convert()` makes a layout table of (quotes, code, rules,
  // headings) are written the same way where the handler meets them.
  const cells = [
    '<blockquote>Quoted words</blockquote>after',
    '<pre>a\n  b</pre><p>x</p>',
    'one<hr>two',
    '<h4>Head</h4>body',
    '<ol start="3"><li> <pre>code</pre></li><li><br>late</li><li></li></ol>',
    '<br><br>only',
    '<ul><li>a<ul><li>b</li></ul></li></ul>',
    'Ends here.<br>Next',
    '甲<br>乙。<br>丙<br>／丁',
    'from<br>- to'
  ]
  const html = '<table><tr><th>A</th><th>B</th></tr>' + cells.map((cell, index) => '<tr><td>' + index + '</td><td>' + cell + '</td></tr>').join('') + '</table>'
  const file = await unified()
    .use(rehypeParse, {fragment: true})
    .use(rehypeRemark, {handlers: {td: tableCell, th: tableCell}})
    .use(remarkGfm)
    .use(remarkStringify)
    .process(html)
  const rows = String(file)
    .split('\n')
    .slice(2, -1)
    .map((line) => line.split('|')[2]!.trim())
  assert.equal(rows, ['Quoted words; after', '`a b`; x', 'one; two', 'Head; body', '3. `code`; 4. late', 'only', 'a; b', 'Ends here. Next', '甲；乙。丙／丁', 'from - to'])
})

test.run()
