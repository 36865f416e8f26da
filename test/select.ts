/**
 * `lib/util/select.ts`, the CSS selector engine over hast (`css-select` with
 * a hast adapter): attributes as HTML serializes them, combinators and
 * pseudo-classes with and without the ancestors a query walked, one walk
 * for many selectors, and which selectors look at ancestors only.
 */
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import fs from 'node:fs'
import {dependsOnAncestorsOnly, gatherSelectors, matches, moveGathered, select, selectAll, selectEach, selectTable, stillBelow} from '../lib/util/select.js'
import {selectorKeys} from '../lib/util/selector-keys.js'
import {walkShared} from '../lib/util/walk.js'
import {pageIndexOptions} from '../lib/plugins/rehype-resolve-profile.js'
import {builtinProfiles, genericNews} from '../lib/profiles/index.js'

const tree = (html: string): Root => fromHtml(html, {fragment: true})
const ids = (elements: Array<Element>) => elements.map((element) => String(element.properties.id))

test('select: boolean and comma-separated attributes match as HTML writes them', function () {
  const root = tree('<input id="a" hidden accept="image/png, image/jpeg"><input id="b" class="x y">')
  assert.equal(ids(selectAll('[hidden]', root)), ['a'])
  assert.equal(ids(selectAll('[hidden=""]', root)), ['a'], 'a boolean attribute has the empty value')
  assert.equal(ids(selectAll('[accept="image/png, image/jpeg"]', root)), ['a'], 'comma-separated lists join with `, `')
  assert.equal(ids(selectAll('[class="x y"]', root)), ['b'], 'space-separated lists join with a space')
  assert.equal(ids(selectAll('[accept*="jpeg"]', root)), ['a'])
})

test('select: sibling combinators skip text between elements; without a walked parent an element has no siblings', function () {
  const root = tree('<div><h1 id="h">标题</h1> 文字 <p id="p1">一</p><p id="p2">二</p></div>')
  assert.equal(ids(selectAll('h1 + p', root)), ['p1'], 'text between does not break `+`')
  assert.equal(ids(selectAll('h1 ~ p', root)), ['p1', 'p2'])
  assert.equal(ids(selectAll('p:first-of-type', root)), ['p1'])
  const p2 = select('#p2', root) as Element
  assert.ok(matches('p', p2))
  assert.not.ok(matches('p + p', p2), 'on its own an element has no previous sibling')
  assert.not.ok(matches('div > p', p2), 'on its own an element has no parent')
  assert.ok(matches(':first-child', p2), 'on its own an element is its only child')
})

test('select: a text node holds no element; `select` gives the first match or `undefined`', function () {
  const root = tree('<p id="a">一<b id="b">二</b></p><p id="c">三</p>')
  const text = (select('#a', root) as Element).children[0]
  assert.equal(selectAll('b', text), [])
  assert.is(select('b', text), undefined)
  assert.is(select('p', root)?.properties.id, 'a')
  assert.is(select('i', root), undefined)
  assert.equal(ids(selectAll('p:has(b)', root)), ['a'])
  assert.equal(ids(selectAll('p:empty', tree('<p id="e"></p><p id="f">x</p>'))), ['e'])
})

test('select: one walk for many selectors, each element with which it matches; a table by selector', function () {
  const root = tree('<div id="d"><p id="a" class="x">一</p><p id="b">二</p></div>')
  assert.equal(
    selectEach(['p.x', 'div > p'], root).map(({element, matches}) => [element.properties.id, matches]),
    [
      ['a', [true, true]],
      ['b', [false, true]]
    ]
  )
  const table = selectTable(['p.x', 'div > p', 'p.x', 'span'], root)
  assert.equal([...table.keys()], ['p.x', 'div > p', 'span'], 'each selector once')
  assert.equal(ids(table.get('p.x') as Array<Element>), ['a'])
  assert.equal(ids(table.get('div > p') as Array<Element>), ['a', 'b'])
  assert.equal(table.get('span'), [])
  assert.equal(selectTable([], root), new Map())
})

test('select: which selectors depend only on the element and its ancestors (quotes and escapes are not operators)', function () {
  for (const selector of ['div p', 'div > p.x', 'a[title="x + y ~ z"]', "a[title='it\\'s : fine']", 'p\\+q', 'p:not(.x)', ':is(div, section) p', 'p:where(.a)', '[data-x="a]b"] p'])
    assert.ok(dependsOnAncestorsOnly(selector), selector)
  for (const selector of ['h1 + p', 'h1 ~ p', 'p:first-child', 'p:has(b)', 'p:nth-child(2)', 'p:empty', 'a[title="x"] + p', 'p:contains(x)']) assert.not.ok(dependsOnAncestorsOnly(selector), selector)
})

test('select: the keys of a selector are what its last compound requires, or none when unsure', function () {
  assert.equal(selectorKeys('div.a p#b.c'), [{kind: 'id', value: 'b'}])
  assert.equal(selectorKeys('h1, h2.x, [itemprop=headline]'), [
    {kind: 'tag', value: 'h1'},
    {kind: 'class', value: 'x'},
    {kind: 'attribute', value: 'itemprop'}
  ])
  assert.equal(selectorKeys('.a > P:not(.b)'), [{kind: 'tag', value: 'p'}], 'what is inside a pseudo-class requires nothing')
  assert.equal(selectorKeys('footer a[rel~="tag"]'), [{kind: 'tag', value: 'a'}])
  assert.equal(selectorKeys('[data-x="a, b"] [title=\'y > z\' i]'), [{kind: 'attribute', value: 'title'}])
  // Escapes and non-ASCII names are read as `css-select` reads them (both parse with `css-what`).
  assert.equal(selectorKeys('.a\\:b'), [{kind: 'class', value: 'a:b'}])
  assert.equal(selectorKeys('p.é'), [{kind: 'class', value: 'é'}])
  assert.equal(selectorKeys('[class~=X i]'), [{kind: 'attribute', value: 'class'}], 'a class compared without case: only the attribute is required')
  for (const selector of ['*', 'div *', ':is(.a, .b)', '[a!=b]', 'p, *', 'svg|a', '[dataX]', 'p::before', 'a[title="x"']) assert.is(selectorKeys(selector), undefined, selector)
})

/** Selectors a walk can gather (hand-made, the built-in profiles', the index walk's) and pages to gather them on (a hand-made one, every fourth fixture). */
function gatherCases(): {gatherable: Array<string>; pages: Array<string>} {
  const selectors = new Set<string>([
    'div p',
    'p.x',
    '.x',
    '#main',
    '#main .x',
    'div > p:not(.x)',
    ':is(div, section) p',
    '*',
    '[id]',
    '[class~=x]',
    '[href^="http"]',
    '[lang|=en]',
    'a[rel~=tag], h1',
    'h2.entry-title, .byline',
    'P',
    '[data-x!=y]',
    '.X',
    'svg clipPath',
    'svg clippath',
    '.a\\:b',
    'span.é',
    '[class~=x i]',
    '#Main'
  ])
  for (const profile of [...builtinProfiles, genericNews])
    for (const list of [profile.content, profile.title, profile.date, profile.author, profile.source, profile.tags, profile.remove, profile.signature])
      for (const selector of list || []) selectors.add(selector)
  for (const selector of pageIndexOptions({}).selectors || []) selectors.add(selector)
  const gatherable = [...selectors].filter((selector) => dependsOnAncestorsOnly(selector))
  const pages = [
    '<div id="main" class="x  y"><p class="x\u00a0z" id="p">a</p><section><p lang="en-GB">b <a rel="tag nofollow" href="https://a">t</a></p></section><svg><clipPath id="c"></clipPath></svg><template><p class="x">t</p></template><h1 class="X">h</h1><span class="a:b é">e</span><span class="é">f</span><i id="Main">g</i></div>'
  ]
  const fixtures = new URL('../fixtures/', import.meta.url)
  for (const name of fs
    .readdirSync(fixtures)
    .sort()
    .filter((_, index) => index % 4 === 0)) {
    const file = new URL(name + '/input.html', fixtures)
    if (fs.existsSync(file)) pages.push(fs.readFileSync(file, 'utf8'))
  }
  return {gatherable, pages}
}

test('select: a shared walk gathers, by key, what testing every selector on every element gathers', function () {
  const {gatherable, pages} = gatherCases()
  for (const page of pages) {
    const root = fromHtml(page)
    const gathered = gatherSelectors(gatherable)
    walkShared(root, [gathered.listener])
    const table = gathered.result()
    const queried = selectTable([...table.matches.keys()], root)
    for (const [selector, found] of table.matches) assert.equal(found, queried.get(selector), selector)
  }
})

test('select: matches kept current when leads move to the start of a root answer as a new walk does', function () {
  const {gatherable, pages} = gatherCases()
  let random = 20_261_201
  const next = (below: number) => {
    random = (random * 1_103_515_245 + 12_345) % 2_147_483_648
    return random % below
  }
  let moves = 0
  for (const page of pages) {
    for (let round = 0; round < 8; round++) {
      const tree = fromHtml(page)
      const gathered = gatherSelectors(gatherable)
      walkShared(tree, [gathered.listener])
      const table = gathered.result()
      const elements = [...table.parents.keys()]
      const root = elements[next(elements.length)]
      const holdsRoot = new Set<Root | Element>()
      for (let at: Root | Element | undefined = root; at; at = at.type === 'element' ? table.parents.get(at) : undefined) holdsRoot.add(at)
      // Leads: elements outside the root, none holding it or another lead (an `<h2>` becomes a `<p>`, as `keepLeadUnderHeadline` does).
      const leads: Array<Element> = []
      for (let tries = 0; tries < 12 && leads.length < 3; tries++) {
        const lead = elements[next(elements.length)]
        const chain: Array<Root | Element> = []
        for (let at: Root | Element | undefined = lead; at; at = at.type === 'element' ? table.parents.get(at) : undefined) chain.push(at)
        if (holdsRoot.has(lead) || chain.includes(root) || chain.some((node) => leads.includes(node as Element)) || leads.some((other) => inside(other, lead))) continue
        leads.push(lead)
      }
      if (leads.length === 0) continue
      for (const lead of leads) {
        const parent = table.parents.get(lead)!
        parent.children.splice(parent.children.indexOf(lead), 1)
        if (lead.tagName === 'h2') lead.tagName = 'p'
      }
      root.children.unshift(...leads)
      moveGathered(table, leads, root)
      const again = gatherSelectors(gatherable)
      walkShared(tree, [again.listener])
      const fresh = again.result()
      for (const [selector, found] of fresh.matches) assert.equal(table.matches.get(selector), found, selector)
      for (const [element, parent] of fresh.parents) assert.ok(table.parents.get(element) === parent, 'parent of <' + element.tagName + '>')
      for (const found of table.matches.values()) for (const element of found) assert.ok(stillBelow(table, element, tree))
      // Below the root, with the nodes found in place remembered, as without.
      const inPlace = new Set<Element>()
      for (const found of table.matches.values()) for (const element of found) assert.is(stillBelow(table, element, root, inPlace), stillBelow(table, element, root), 'below the root')
      moves++
    }
  }
  assert.ok(moves > 50, 'moves: ' + moves)
})

/** Whether `node` is inside `element`. */
function inside(element: Element, node: Element): boolean {
  return selectAll('*', element).includes(node)
}

test.run()
