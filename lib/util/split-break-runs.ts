/**
 * Paragraphs written as runs of line breaks: many CMSs (and editors pasting
 * from word processors) put a whole article in one `<p>` or `<div>` and mark
 * each paragraph with `<br><br>`. Markdown would show hard-break runs
 * (`\` lines) inside one paragraph; a reader sees paragraphs. Each run of
 * two or more `<br>` (white space, `&nbsp;` and comments between them
 * aside) in a prose block ends a paragraph; a single `<br>` stays a line
 * break.
 *
 * Prose blocks: `<p>`, `<div>`, `<section>`, `<article>`, `<blockquote>`,
 * `<li>`, `<dd>`, `<center>`, `<main>`, `<aside>`. Not table cells (a
 * Markdown table cell holds one line), `<pre>`, `<address>`, or anything
 * inside them.
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import {inlineTextElements} from './inline-elements.js'
import type {WalkListener} from './walk.js'

/** Blocks whose inline content is split into paragraphs at `<br>` runs. */
const proseBlocks: ReadonlySet<string> = new Set(['p', 'div', 'section', 'article', 'blockquote', 'li', 'dd', 'center', 'main', 'aside'])

/** Inline content besides text-level elements: kept inside a paragraph. */
const inlineOther: ReadonlySet<string> = new Set(['br', 'img', 'picture', 'sup', 'sub', 'span', 'small', 'strong', 'time', 'wbr', 'svg', 'math', 'ruby'])

/**
 * Split a prose block at its runs of `<br>`: a `<p>` becomes one `<p>` per
 * run of content; any other prose block gets its inline content between
 * runs (and between its block children) wrapped in `<p>`s, in place.
 *
 * @param node
 *   Element (any).
 * @returns
 *   What replaces `node` in its parent (`[node]` itself for a changed
 *   container), or `undefined` when it holds no `<br>` run or is no prose
 *   block.
 */
export function splitBreakRuns(node: Element): Array<ElementContent> | undefined {
  // A run needs two children at least (most paragraphs are one text node).
  if (!proseBlocks.has(node.tagName) || node.children.length < 2 || !hasBreakRun(node.children)) return undefined
  const segments: Array<Array<ElementContent>> = []
  let current: Array<ElementContent> = []
  const children = node.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    const end = child.type === 'element' && child.tagName === 'br' ? runEnd(children, index) : index
    if (end > index) {
      segments.push(current)
      current = []
      index = end
      continue
    }
    if (child.type === 'element' && !isInline(child)) {
      segments.push(current, [child])
      current = []
      continue
    }
    current.push(child)
  }
  segments.push(current)
  const paragraphs: Array<ElementContent> = []
  for (const segment of segments) {
    if (segment.length === 1 && segment[0].type === 'element' && !isInline(segment[0])) {
      paragraphs.push(segment[0])
      continue
    }
    const content = trimSegment(segment)
    if (content.length === 0) continue
    const first = paragraphs.length === 0 && node.tagName === 'p'
    paragraphs.push({type: 'element', tagName: 'p', properties: first ? {...node.properties} : {}, children: content, position: node.position})
  }
  if (node.tagName === 'p') return paragraphs
  node.children = paragraphs
  return [node]
}

/** Whether `children` hold a run of two or more `<br>`. */
function hasBreakRun(children: Array<ElementContent>): boolean {
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type === 'element' && child.tagName === 'br' && runEnd(children, index) > index) return true
  }
  return false
}

/**
 * The index of the last `<br>` of the run starting at `start` when the run
 * has two or more, else `start`.
 */
function runEnd(children: Array<ElementContent>, start: number): number {
  let last = start
  let count = 1
  for (let index = start + 1; index < children.length; index++) {
    const child = children[index]
    if (child.type === 'comment' || (child.type === 'text' && blank(child.value))) continue
    if (child.type !== 'element' || child.tagName !== 'br') break
    last = index
    count++
  }
  return count >= 2 ? last : start
}

/** A segment without white space, `&nbsp;` and single `<br>`s at its edges. */
function trimSegment(segment: Array<ElementContent>): Array<ElementContent> {
  let start = 0
  let end = segment.length
  while (start < end && edge(segment[start])) start++
  while (end > start && edge(segment[end - 1])) end--
  const kept = segment.slice(start, end)
  return kept.some((child) => child.type !== 'comment') ? kept : []
}

function edge(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && blank(node.value)) || (node.type === 'element' && node.tagName === 'br')
}

/** Only white space (including `&nbsp;` and the ideographic space). */
function blank(value: string): boolean {
  return value.replace(/[\s\u00a0\u3000]/g, '') === ''
}

function isInline(node: Element): boolean {
  return inlineTextElements.has(node.tagName) || inlineOther.has(node.tagName)
}

/** Elements whose content keeps its line breaks (a table cell holds one Markdown line; preformatted text and addresses are lines). */
const keepLines: ReadonlySet<string> = new Set(['td', 'th', 'pre', 'address', 'table', 'code'])

/**
 * `splitBreakRuns` as a listener of a shared walk (`walkShared`): each prose
 * block is split as the walk enters it (its children changed before they
 * are read; a `<p>` replaced by its paragraphs, which the walk reads next),
 * except table cells, `<pre>`, `<address>` and anything inside them.
 * Listeners that unwrap or restructure an element (layout tables, lists)
 * come before it, so a block is split once its children are final.
 *
 * @returns
 *   Listener (keeps the depth of elements whose lines are kept).
 */
export function splitBreakRunsListener(): WalkListener {
  let keeping = 0
  return {
    enter(element) {
      if (keepLines.has(element.tagName)) {
        keeping++
        return undefined
      }
      if (keeping > 0) return undefined
      const replacement = splitBreakRuns(element)
      if (!replacement || (replacement.length === 1 && replacement[0] === element)) return undefined
      return replacement
    },
    leave(element) {
      if (keepLines.has(element.tagName)) keeping--
    }
  }
}
