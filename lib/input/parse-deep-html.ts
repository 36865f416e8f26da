import type {Root} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import {parse} from 'parse5'
import type {DefaultTreeAdapterMap} from 'parse5'
import type {VFile} from 'vfile'
import {parseOrdered} from './ordered-parser.js'
import {parse5ToHast} from './parse5-to-hast.js'
import type {SourceRanks} from './ordered-parser.js'

type Node = DefaultTreeAdapterMap['node']
type ChildNode = DefaultTreeAdapterMap['childNode']
type ParentNode = DefaultTreeAdapterMap['parentNode']
type TextNode = DefaultTreeAdapterMap['textNode']

/** Deepest nesting the later (recursive) stages are given. */
export const maxDepth = 256

/** Elements without an end tag: they never nest. */
const voids = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/** Leaves with no children worth keeping when flattening: they show something. */
const keptEmpty = new Set([...voids, 'iframe', 'video', 'audio', 'object', 'canvas', 'svg', 'math', 'textarea', 'select'])

/**
 * Parse HTML that nests too deep for the recursive hast tools (thousands of
 * `<div>`s or `<b>`s): parse5 builds its tree iteratively, then everything
 * below `limit` levels is flattened into its ancestor at the limit — its
 * text, images and line breaks kept in order (adjacent text merged), empty
 * wrappers dropped — before the tree becomes hast. Same result as
 * `rehype-parse` for shallower pages. `<template>` contents are walked too.
 *
 * With `positions`, nodes get their source positions (`node.position`, so
 * messages carry line and column); without, parse5 runs without location
 * tracking (about 2.4 times faster) and elements get their start-tag rank
 * instead (`lib/util/source-order.ts`), which keeps document order and
 * parser re-opening visible to the later stages, recorded while the tree
 * becomes hast (`parse5ToHast`).
 */
export function parseDeepHtml(value: string, file: VFile, limit = maxDepth, positions = true): Root {
  let document: DefaultTreeAdapterMap['document']
  let ranks: SourceRanks | undefined
  if (positions) document = parse(value, {sourceCodeLocationInfo: true, scriptingEnabled: false})
  else ({document, ranks} = parseOrdered(value, {scriptingEnabled: false}))
  const stack: Array<[ParentNode, number]> = [[document, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth >= limit) {
      node.childNodes = leavesOf(node)
      for (const child of node.childNodes) child.parentNode = node
      if ('content' in node && node.content) node.content.childNodes = []
      continue
    }
    for (const child of node.childNodes) {
      if ('childNodes' in child && child.childNodes.length > 0) stack.push([child, depth + 1])
      if ('content' in child && child.content && child.content.childNodes.length > 0) stack.push([child.content, depth + 1])
    }
  }
  if (!ranks) return fromParse5(document, {file}) as Root
  return parse5ToHast(document, ranks)
}

/**
 * The childless descendants of `node` worth keeping (text, images, line
 * breaks, embeds; not empty wrappers), in document order, iteratively;
 * adjacent text nodes are merged so later stages see one run of text.
 */
function leavesOf(node: ParentNode): Array<ChildNode> {
  const leaves: Array<ChildNode> = []
  const stack: Array<Node> = [...node.childNodes].reverse()
  while (stack.length > 0) {
    const child = stack.pop()!
    if ('childNodes' in child && child.childNodes.length > 0) {
      for (let index = child.childNodes.length - 1; index >= 0; index--) stack.push(child.childNodes[index])
      continue
    }
    if ('tagName' in child && !keptEmpty.has(child.tagName)) continue
    const previous = leaves[leaves.length - 1]
    if (child.nodeName === '#text' && previous && previous.nodeName === '#text') {
      mergeText(previous as TextNode, child as TextNode)
      continue
    }
    leaves.push(child as ChildNode)
  }
  return leaves
}

function mergeText(into: TextNode, from: TextNode): void {
  into.value += from.value
  const start = into.sourceCodeLocation
  const end = from.sourceCodeLocation
  // Positions are only kept when they still describe one contiguous span.
  if (start && end && start.endOffset === end.startOffset) {
    into.sourceCodeLocation = {...start, endLine: end.endLine, endCol: end.endCol, endOffset: end.endOffset}
  } else into.sourceCodeLocation = null
}
