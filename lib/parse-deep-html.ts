import type {Root} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import {parse} from 'parse5'
import type {DefaultTreeAdapterMap} from 'parse5'
import type {VFile} from 'vfile'

type Node = DefaultTreeAdapterMap['node']
type ParentNode = DefaultTreeAdapterMap['parentNode']

/** Deepest nesting the later (recursive) stages are given. */
export const maxDepth = 256

/**
 * Estimate the element nesting depth of `html` from its tags, cheaply and
 * on the high side (unclosed `<p>`s count), without building a tree.
 */
export function estimateDepth(html: string): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g
  const empty = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i
  let depth = 0
  let max = 0
  let match: RegExpExecArray | null
  while ((match = tag.exec(html))) {
    if (match[1]) depth = Math.max(0, depth - 1)
    else if (!match[3] && !empty.test(match[2])) max = Math.max(max, ++depth)
  }
  return max
}

/**
 * Parse HTML that nests too deep for the recursive hast tools (thousands of
 * `<div>`s or `<b>`s): parse5 builds its tree iteratively, then everything
 * below `limit` levels is flattened into its ancestor at the limit — its
 * text, images and line breaks kept in order, the wrappers dropped — before
 * the tree becomes hast. Same result as `rehype-parse` for shallower pages.
 */
export function parseDeepHtml(value: string, file: VFile, limit = maxDepth): Root {
  const document = parse(value, {sourceCodeLocationInfo: true, scriptingEnabled: false})
  const stack: Array<[ParentNode, number]> = [[document, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth >= limit) {
      node.childNodes = leavesOf(node)
      for (const child of node.childNodes) child.parentNode = node
      continue
    }
    for (const child of node.childNodes) {
      if ('childNodes' in child && child.childNodes.length > 0) stack.push([child, depth + 1])
    }
  }
  return fromParse5(document, {file}) as Root
}

/** The childless descendants of `node`, in document order, iteratively. */
function leavesOf(node: ParentNode): Array<DefaultTreeAdapterMap['childNode']> {
  const leaves: Array<DefaultTreeAdapterMap['childNode']> = []
  const stack: Array<Node> = [...node.childNodes].reverse()
  while (stack.length > 0) {
    const child = stack.pop()!
    if ('childNodes' in child && child.childNodes.length > 0) {
      for (let index = child.childNodes.length - 1; index >= 0; index--) stack.push(child.childNodes[index])
    } else {
      leaves.push(child as DefaultTreeAdapterMap['childNode'])
    }
  }
  return leaves
}
