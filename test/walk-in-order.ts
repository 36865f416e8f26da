// `walkInOrder` (`lib/util/walk.ts`) on its own, against its docstring:
// every node below the tree (not the tree) in document order, as
// `unist-util-visit-parents` visits them; `parent` and `frames` (the tree
// first, each frame's parent the parent of the next, its index one past the
// child being read); `skip` passes over an element's subtree, `exit` stops
// the walk and reads no further child; no recursion, so a tree nested
// 100,000 levels deep is walked. Its users (`select.ts`, `bounded-text.ts`,
// `rehype-prune-to-root.ts`) rely on each of these.
import fc from 'fast-check'
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {SKIP, visitParents} from 'unist-util-visit-parents'
import type {WalkAction, WalkFrame} from '../lib/util/walk.js'
import {walkInOrder} from '../lib/util/walk.js'
import {fixtureInputs} from './util/fuzz-html.js'

type Child = RootContent | ElementContent

const seed = 20_261_201

/** Random hast trees: elements (some empty) holding text, comments and elements, up to a few levels deep. */
const tree: fc.Arbitrary<Root> = fc
  .letrec<{node: Child; children: Array<Child>}>((arbitrary) => ({
    node: fc.oneof(
      {depthSize: 'small', withCrossShrink: true},
      fc.string({maxLength: 3}).map((value): Child => ({type: 'text', value})),
      fc.string({maxLength: 3}).map((value): Child => ({type: 'comment', value})),
      fc
        .record({tagName: fc.constantFrom('div', 'p', 'span', 'template'), children: arbitrary('children')})
        .map(({tagName, children}): Child => ({type: 'element', tagName, properties: {}, children: children as Array<ElementContent>}))
    ),
    children: fc.array(arbitrary('node'), {maxLength: 4})
  }))
  .children.map((children): Root => ({type: 'root', children}))

/** One call of the visitor, as seen during the call. */
interface Visit {
  node: Child
  parent: Root | Element
  /** `frames`' parents, copied during the call. */
  parents: Array<Root | Element>
  /** `frames`' indices, copied during the call. */
  indices: Array<number>
}

/** Walk `root` with `walkInOrder`, recording each call; `act` answers each. */
function record(root: Root | Element, act: (node: Child, count: number) => WalkAction = () => undefined): {visits: Array<Visit>; exited: boolean} {
  const visits: Array<Visit> = []
  const exited = walkInOrder(root, function (node, parent, frames: ReadonlyArray<WalkFrame>) {
    visits.push({node, parent, parents: frames.map((frame) => frame.parent), indices: frames.map((frame) => frame.index)})
    return act(node, visits.length)
  })
  return {visits, exited}
}

/** What `unist-util-visit-parents` visits below `root` (the oracle), with each node's ancestors; `skip` elements are not gone into. */
function expected(root: Root | Element, skip: (node: Child) => boolean = () => false): Array<{node: Child; ancestors: Array<Root | Element>}> {
  const found: Array<{node: Child; ancestors: Array<Root | Element>}> = []
  visitParents(root, function (node, ancestors) {
    if (node === root) return undefined
    const child = node as Child
    found.push({node: child, ancestors: [...ancestors] as Array<Root | Element>})
    return skip(child) ? SKIP : undefined
  })
  return found
}

/** Check one walk's calls against the oracle: same nodes, same order, same parents and frames. */
function same(visits: Array<Visit>, oracle: Array<{node: Child; ancestors: Array<Root | Element>}>): void {
  assert.is(visits.length, oracle.length, 'one call per node')
  for (const [at, visit] of visits.entries()) {
    const {node, ancestors} = oracle[at]
    assert.ok(visit.node === node, 'node ' + at + ' in document order')
    assert.ok(visit.parent === ancestors[ancestors.length - 1], 'parent of node ' + at)
    assert.is(visit.parents.length, ancestors.length, 'one frame per ancestor of node ' + at)
    for (const [depth, parent] of visit.parents.entries()) {
      assert.ok(parent === ancestors[depth], 'frame ' + depth + ' of node ' + at)
      // The index of the next child to read: one past the ancestor below, or past the node itself.
      const below = depth + 1 < ancestors.length ? ancestors[depth + 1] : node
      assert.ok(parent.children[visit.indices[depth] - 1] === below, 'index of frame ' + depth + ' of node ' + at)
    }
  }
}

/** Nodes of `root` below it, in document order (the oracle's). */
function nodes(root: Root): Array<Child> {
  return expected(root).map((entry) => entry.node)
}

test('walkInOrder: every node below the tree, in document order, with its parent and frames (random trees)', function () {
  fc.assert(
    fc.property(tree, function (root) {
      const {visits, exited} = record(root)
      same(visits, expected(root))
      assert.is(exited, false, 'no exit: false')
    }),
    {seed, numRuns: 300}
  )
})

test('walkInOrder: every node of the fixture pages, in document order, with its parent and frames', function () {
  let checked = 0
  for (const {name, bytes} of fixtureInputs()) {
    const root = fromHtml(new TextDecoder().decode(bytes))
    const {visits} = record(root)
    try {
      same(visits, expected(root))
    } catch (error) {
      throw new Error(name + ': ' + String(error), {cause: error})
    }
    checked += visits.length
  }
  assert.ok(checked > 10_000, 'fixture nodes checked: ' + checked)
})

test('walkInOrder: the tree itself is not visited; an element tree with no children is no call', function () {
  const empty: Element = {type: 'element', tagName: 'div', properties: {}, children: []}
  assert.equal(record(empty), {visits: [], exited: false})
  const root = fromHtml('<p>a</p>', {fragment: true})
  const {visits} = record(root.children[0] as Element)
  assert.equal(
    visits.map((visit) => visit.node),
    [(root.children[0] as Element).children[0]]
  )
})

test('walkInOrder: `skip` passes over the subtree of that element only (random trees and choices)', function () {
  fc.assert(
    fc.property(tree, fc.func(fc.boolean()), function (root, choose) {
      const skipped = new Set(nodes(root).filter((node, at) => node.type === 'element' && choose(at)))
      const {visits, exited} = record(root, (node) => (skipped.has(node) ? 'skip' : undefined))
      same(
        visits,
        expected(root, (node) => skipped.has(node))
      )
      assert.is(exited, false, 'skip is not exit')
    }),
    {seed, numRuns: 300}
  )
})

test('walkInOrder: `skip` on a text node or comment changes nothing', function () {
  fc.assert(
    fc.property(tree, function (root) {
      const {visits} = record(root, (node) => (node.type === 'element' ? undefined : 'skip'))
      same(visits, expected(root))
    }),
    {seed, numRuns: 100}
  )
})

test('walkInOrder: `exit` stops at once and answers true (random trees, any node)', function () {
  fc.assert(
    fc.property(
      tree.filter((root) => root.children.length > 0),
      fc.nat(),
      function (root, pick) {
        const all = expected(root)
        const stop = pick % all.length
        const {visits, exited} = record(root, (_, count) => (count === stop + 1 ? 'exit' : undefined))
        assert.is(exited, true)
        same(visits, all.slice(0, stop + 1))
      }
    ),
    {seed, numRuns: 300}
  )
})

test('walkInOrder: a search that exits reads no child past the one it stopped at', function () {
  const root = fromHtml('<div><p>one</p><p>two <b>bold</b></p><p>three</p></div><div>four</div>', {fragment: true})
  const read = new Map<Root | Element, Set<number>>()
  // Every `children` array records the indices read from it.
  const stack: Array<Root | Element> = [root]
  while (stack.length > 0) {
    const parent = stack.pop()!
    const indices = new Set<number>()
    read.set(parent, indices)
    parent.children = new Proxy(parent.children, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) indices.add(Number(key))
        return Reflect.get(target, key, receiver) as unknown
      }
    })
    for (const child of parent.children) if (child.type === 'element') stack.push(child)
  }
  const [first, second] = root.children as Array<Element>
  const bold = (first.children[1] as Element).children[1] as Element
  for (const indices of read.values()) indices.clear()
  const {exited} = record(root, (node) => (node === bold ? 'exit' : undefined))
  assert.ok(exited)
  assert.equal([...read.get(root)!], [0], 'the second div is not read')
  assert.equal([...read.get(first)!], [0, 1], 'the third paragraph is not read')
  assert.equal([...read.get(bold)!], [], 'nothing in the element it stopped at')
  assert.equal([...read.get(second)!], [])
})

test('walkInOrder: no recursion, a tree nested 100,000 elements deep is walked to the bottom', function () {
  const depth = 100_000
  const top: Element = {type: 'element', tagName: 'div', properties: {}, children: []}
  let bottom = top
  for (let level = 1; level < depth; level++) {
    const next: Element = {type: 'element', tagName: 'div', properties: {}, children: []}
    bottom.children.push(next, {type: 'text', value: String(level)})
    bottom = next
  }
  bottom.children.push({type: 'text', value: 'bottom'})
  const root: Root = {type: 'root', children: [top]}
  let calls = 0
  let deepest = 0
  let last: Child | undefined
  const exited = walkInOrder(root, function (node, parent, frames) {
    calls++
    if (frames.length > deepest) deepest = frames.length
    if (node.type === 'text' && node.value === 'bottom') assert.ok(parent === bottom && frames[frames.length - 1].parent === bottom)
    last = node
    return undefined
  })
  assert.is(exited, false)
  // One element per level, one text per level but the top's, and the bottom's text.
  assert.is(calls, depth + (depth - 1) + 1)
  assert.is(deepest, depth + 1, 'the tree and one frame per element above the bottom text')
  assert.equal(last, {type: 'text', value: '1'}, 'the text after the top div comes last')
})

test.run()
