import type {Delete, Emphasis, Heading, Link, LinkReference, Nodes, Paragraph, PhrasingContent, Root, Strong, TableCell} from 'mdast'
import {defaultHandlers} from 'mdast-util-to-markdown'
import type {Attention, Handle, Options as ToMarkdownOptions} from 'mdast-util-to-markdown'
import type {Plugin} from 'unified'
import {fixEmphasisEdges} from '../util/emphasis-edges.js'

type AttentionHandle = Handle & {attention?: Attention; peek?: Handle}

/**
 * Emphasis and strong with a letter right outside them: serialised with `*`
 * only, as `_` can neither open nor close next to a letter (CommonMark
 * §6.2, rules 2 and 4), so choosing it would need character references.
 */
const asteriskOnly = new WeakSet<Nodes>()

/**
 * Make emphasis, strong and strikethrough parse back under plain CommonMark,
 * CJK text included, without character references: white space at their
 * inner edges, and punctuation there when a letter is outside, move out
 * (a bracket or quote with its partner: `说**“引号”**后` → `说“**引号**”后`),
 * moving nothing CommonMark does not need (see `util/emphasis-edges.ts`);
 * attention next to a letter is written with `*`, never `_` (a
 * `toMarkdownExtensions` entry this plugin adds). Line endings in inline
 * code become spaces (as CommonMark renders them), so code in a heading or
 * table cell stays on its line, and adjacent code spans merge. Paragraphs,
 * headings, table cells, emphasis and links keep phrasing only: a code
 * block, list or quote in them becomes its text (code as a code span), or
 * the row or paragraph would break and its lines could be read as raw HTML.
 */
export const remarkCjkEmphasis: Plugin<[], Root> = function () {
  const data = this.data()
  const extensions = data.toMarkdownExtensions || (data.toMarkdownExtensions = [])
  extensions.push(asteriskExtension)
  return function (tree) {
    // Two walks. The first, parents before their children:
    // - Phrasing parents (a paragraph, a heading, a GFM table cell,
    //   emphasis, a link) hold one run of inline content.
    //   `hast-util-to-mdast` can put a code block, list or quote there
    //   (`<pre>` in `<td>` or `<b>`, `<plaintext>`); serialised, its fences
    //   and lines end the row or the paragraph, and its text is read back
    //   as raw HTML (`<td><pre>&lt;script&gt;…` → `<script>…`).
    // - Attention of one type side by side (`<b>a</b><b>b</b>`) is one
    //   span: written apart, both with `*` next to letters, their runs
    //   merge (`**a****b**`) and neither forms.
    // - A line ending in a code span renders as a space (CommonMark), but
    //   in a heading or table cell it would end the line: write the space.
    const stack: Array<Nodes> = [tree]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (node.type === 'inlineCode') node.value = node.value.replace(/\r\n|[\r\n]/g, ' ')
      if (!('children' in node)) continue
      if (isPhrasingParent(node)) node.children = phrasingOf(node.children)
      mergeAttention(node.children as Array<PhrasingContent>)
      for (const child of node.children as Array<Nodes>) stack.push(child)
    }
    // The second fixes attention edges (outer first), notes attention next
    // to letters, and merges code spans side by side
    // (`<code>a</code><code>b</code>`, or left so by unwrapped emphasis),
    // which would print `a``b`: one broken span.
    for (const node of fixEmphasisEdges(tree, mergeCode)) asteriskOnly.add(node)
  }
}

/**
 * Merge attention of one type side by side into the first; both are made
 * phrasing first, as each would have been before (so a block in the second
 * is separated by a space only from what is in it, not from the first).
 */
function mergeAttention(children: Array<PhrasingContent>): void {
  for (let index = children.length - 1; index > 0; index--) {
    const previous = children[index - 1]
    const current = children[index]
    if (previous.type === current.type && (current.type === 'emphasis' || current.type === 'strong' || current.type === 'delete')) {
      const target = previous as Emphasis | Strong | Delete
      target.children = phrasingOf(target.children)
      target.children.push(...phrasingOf(current.children))
      children.splice(index, 1)
    }
  }
}

/** Merge code spans side by side. */
function mergeCode(node: Nodes): undefined {
  if (!('children' in node)) return
  const children = node.children as Array<{type: string; value?: string}>
  for (let index = children.length - 1; index > 0; index--) {
    const previous = children[index - 1]
    if (children[index].type === 'inlineCode' && previous.type === 'inlineCode') {
      previous.value = String(previous.value) + String(children[index].value)
      children.splice(index, 1)
    }
  }
}

const phrasingParents = new Set<string>(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** A parent that holds one run of inline content. */
type PhrasingParent = Paragraph | Heading | TableCell | Emphasis | Strong | Delete | Link | LinkReference

function isPhrasingParent(node: Nodes): node is PhrasingParent {
  return phrasingParents.has(node.type)
}
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

/**
 * `mdast-util-to-markdown` writes emphasis or strong touching the same
 * marker of a parent or sibling with `_` (`**a *b***` → `**a _b_**`); next to
 * a letter (`*初稿**而已***`) `_` does not form, so it would encode the
 * letter. This extension keeps such attention (found by the transformer) on
 * `*`, which forms there.
 */
const asteriskExtension: ToMarkdownOptions = {
  handlers: {emphasis: asteriskOnlyHandle(defaultHandlers.emphasis), strong: asteriskOnlyHandle(defaultHandlers.strong)}
}

function asteriskOnlyHandle(base: AttentionHandle): AttentionHandle {
  const handle: AttentionHandle = function (node, parent, state, info) {
    return base(node, parent, state, info)
  }
  if (base.peek) handle.peek = base.peek
  if (base.attention) {
    const attention: Attention = base.attention
    handle.attention = function (node: Nodes, state) {
      const info = attention(node, state)
      if (!asteriskOnly.has(node)) return info
      const markers = info.markers.filter((marker: string) => marker !== '_')
      return {...info, markers: markers.length > 0 ? markers : info.markers}
    }
  }
  return handle
}
