import type {Emphasis, Nodes, Parents, PhrasingContent, Root, Strong} from 'mdast'
import type {Plugin} from 'unified'
import {visitParents} from 'unist-util-visit-parents'

/** Unicode punctuation, symbols and white space: what CommonMark flanking rules look at. */
const edge = /[\p{P}\p{S}\s]/u
const leading = /^[\p{P}\p{S}\s]+/u
const trailing = /(?<![\p{P}\p{S}\s])[\p{P}\p{S}\s]+$/u

/**
 * Make emphasis and strong parse back under plain CommonMark in CJK text:
 * punctuation, white space and line breaks at the inner edges move outside
 * the delimiters (`说**“引号”**后` → `说“**引号**”后`), empty emphasis goes, a
 * lone link inside emphasis takes the emphasis inside, and emphasis that
 * still cannot open or close next to a letter is unwrapped (its text kept)
 * instead of being serialised with character references. Line endings in
 * inline code become spaces (as CommonMark renders them), so code in a
 * heading or table cell stays on its line, and adjacent code spans merge.
 * Paragraphs, headings, table cells, emphasis and links keep phrasing only:
 * a code block, list or quote in them becomes its text (code as a code
 * span), or the row or paragraph would break and its lines could be read as
 * raw HTML.
 */
export const remarkCjkEmphasis: Plugin<[], Root> = function () {
  return function (tree) {
    // Phrasing parents (a paragraph, a heading, a GFM table cell, emphasis,
    // a link) hold one run of inline content. `hast-util-to-mdast` can put a
    // code block, list or quote there (`<pre>` in `<td>` or `<b>`,
    // `<plaintext>`); serialised, its fences and lines end the row or the
    // paragraph, and its text is read back as raw HTML
    // (`<td><pre>&lt;script&gt;…` → `<script>…`).
    visitParents(tree, function (node) {
      if (phrasingParents.has(node.type)) (node as Parents).children = phrasingOf((node as Parents).children as Array<Nodes>) as never
    })
    const found: Array<[Emphasis | Strong, Parents]> = []
    visitParents(tree, function (node, ancestors) {
      if (node.type === 'emphasis' || node.type === 'strong') found.push([node, ancestors[ancestors.length - 1]])
      // A line ending in a code span renders as a space (CommonMark), but in
      // a heading or table cell it would end the line: write the space.
      if (node.type === 'inlineCode') node.value = node.value.replace(/\r\n|[\r\n]/g, ' ')
    })
    // Innermost first, so outer edges see the moved punctuation.
    for (let index = found.length - 1; index >= 0; index--) {
      const [node, parent] = found[index]
      fix(node, parent as Parents & {children: Array<PhrasingContent>})
    }
    // Code spans side by side (`<code>a</code><code>b</code>`, or left so by
    // unwrapped emphasis) would print `a``b`: one broken span. Merge them.
    visitParents(tree, function (node) {
      if (!('children' in node)) return
      const children = node.children as Array<{type: string; value?: string}>
      for (let index = children.length - 1; index > 0; index--) {
        const previous = children[index - 1]
        if (children[index].type === 'inlineCode' && previous.type === 'inlineCode') {
          previous.value = String(previous.value) + String(children[index].value)
          children.splice(index, 1)
        }
      }
    })
  }
}

const phrasingParents = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference'])
const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'linkReference', 'imageReference', 'footnoteReference'])

/** Flow content as phrasing: code blocks become code spans, blocks their text, separated by a space. */
function phrasingOf(nodes: Array<Nodes>): Array<PhrasingContent> {
  const result: Array<PhrasingContent> = []
  const block = (content: Array<PhrasingContent>) => {
    if (content.length === 0) return
    if (result.length > 0) result.push({type: 'text', value: ' '})
    result.push(...content)
  }
  for (const node of nodes) {
    if (phrasingTypes.has(node.type)) result.push(node as PhrasingContent)
    else if (node.type === 'code') block(node.value.trim() ? [{type: 'inlineCode', value: node.value}] : [])
    else if ('children' in node) block(phrasingOf(node.children as Array<Nodes>))
  }
  return result
}

function fix(node: Emphasis | Strong, parent: Parents & {children: Array<PhrasingContent>}): void {
  const at = parent.children.indexOf(node)
  if (at === -1) return
  const before: Array<PhrasingContent> = []
  const after: Array<PhrasingContent> = []
  // Line breaks at the edges go outside too: `**a\⏎**` cannot close, and
  // mdast-util-to-markdown then writes `**a\&#xA;**`, stray text.
  while (node.children.length > 0 && node.children[0].type === 'break') before.push(node.children.shift()!)
  while (node.children.length > 0 && node.children[node.children.length - 1].type === 'break') after.unshift(node.children.pop()!)
  const first = node.children[0]
  if (first && first.type === 'text') {
    const match = leading.exec(first.value)
    if (match) {
      before.push({type: 'text', value: match[0]})
      first.value = first.value.slice(match[0].length)
    }
  }
  const last = node.children[node.children.length - 1]
  if (last && last.type === 'text') {
    const match = trailing.exec(last.value)
    if (match) {
      after.unshift({type: 'text', value: match[0]})
      last.value = last.value.slice(0, -match[0].length)
    }
  }
  // A break that the moved white space uncovered.
  node.children = node.children.filter((child) => !(child.type === 'text' && child.value === ''))
  while (node.children.length > 0 && node.children[0].type === 'break') before.push(node.children.shift()!)
  while (node.children.length > 0 && node.children[node.children.length - 1].type === 'break') after.unshift(node.children.pop()!)
  node.children = node.children.filter((child) => !(child.type === 'text' && child.value === ''))
  let replacement: Array<PhrasingContent> = [node]
  const only = node.children.length === 1 ? node.children[0] : undefined
  if (node.children.length === 0) replacement = []
  else if (only && only.type === 'link') {
    // The emphasis moves inside the link; its new edges need the same care.
    const inner: Emphasis | Strong = {...node, children: only.children}
    const link = {...only, children: [inner]}
    parent.children.splice(at, 1, ...before, link, ...after)
    fix(inner, link)
    return
  } else if (!flanks(node, parent.children, at)) replacement = node.children
  parent.children.splice(at, 1, ...before, ...replacement, ...after)
}

/**
 * Whether delimiters can open and close where `node` sits: an inner edge
 * that is not text (a link, code) next to an outer letter cannot.
 */
function flanks(node: Emphasis | Strong, siblings: Array<PhrasingContent>, at: number): boolean {
  const inner = [node.children[0], node.children[node.children.length - 1]]
  const outer = [siblings[at - 1], siblings[at + 1]]
  for (let side = 0; side < 2; side++) {
    const inside = inner[side]
    const outside = outer[side]
    if (!inside || inside.type === 'text') continue
    const outChar = outside && outside.type === 'text' ? (side === 0 ? outside.value.slice(-1) : outside.value.charAt(0)) : ''
    if (outChar && !edge.test(outChar)) return false
  }
  return true
}
