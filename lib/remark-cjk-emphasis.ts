import type {Emphasis, Parents, PhrasingContent, Root, Strong} from 'mdast'
import type {Plugin} from 'unified'
import {visitParents} from 'unist-util-visit-parents'

/** Unicode punctuation, symbols and white space: what CommonMark flanking rules look at. */
const edge = /[\p{P}\p{S}\s]/u
const leading = /^[\p{P}\p{S}\s]+/u
const trailing = /[\p{P}\p{S}\s]+$/u

/**
 * Make emphasis and strong parse back under plain CommonMark in CJK text:
 * punctuation and white space at the inner edges move outside the
 * delimiters (`说**“引号”**后` → `说“**引号**”后`), empty emphasis goes, a
 * lone link inside emphasis takes the emphasis inside, and emphasis that
 * still cannot open or close next to a letter is unwrapped (its text kept)
 * instead of being serialised with character references.
 */
export const remarkCjkEmphasis: Plugin<[], Root> = function () {
  return function (tree) {
    const found: Array<[Emphasis | Strong, Parents]> = []
    visitParents(tree, function (node, ancestors) {
      if (node.type === 'emphasis' || node.type === 'strong') found.push([node, ancestors[ancestors.length - 1]])
    })
    // Innermost first, so outer edges see the moved punctuation.
    for (let index = found.length - 1; index >= 0; index--) {
      const [node, parent] = found[index]
      fix(node, parent as Parents & {children: Array<PhrasingContent>})
    }
  }
}

function fix(node: Emphasis | Strong, parent: Parents & {children: Array<PhrasingContent>}): void {
  const at = parent.children.indexOf(node)
  if (at === -1) return
  const before: Array<PhrasingContent> = []
  const after: Array<PhrasingContent> = []
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
  node.children = node.children.filter((child) => !(child.type === 'text' && child.value === ''))
  let replacement: Array<PhrasingContent> = [node]
  const only = node.children.length === 1 ? node.children[0] : undefined
  if (node.children.length === 0) replacement = []
  else if (only && only.type === 'link') {
    replacement = [{...only, children: [{...node, children: only.children}]}]
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
