/**
 * Make emphasis, strong and strikethrough (“attention”) parse back the way
 * they were meant, without character references, moving as little as
 * possible.
 *
 * CommonMark (§6.2, left- and right-flanking delimiter runs) lets `*` and
 * `~~` open before and close after any character, except that they cannot:
 *
 * *   have white space on their inner side (`** x**`)
 * *   have punctuation on their inner side and a letter on their outer side
 *     (`说**“引号”**后`: a CJK sentence has no spaces to put there)
 *
 * `mdast-util-to-markdown` would write such attention with character
 * references (`&#x8BF4;**“引号”**`) or let it fall apart. So, per edge:
 *
 * *   white space and line breaks at an inner edge always move outside
 *     (`<s> gone </s>` → ` ~~gone~~ `), through every level of nested
 *     attention that shares the edge
 * *   punctuation moves outside only where a letter is on the outer side,
 *     one character at a time; a bracket or quote takes its partner with it
 *     (`这是*（注）*内容` → `这是（*注*）内容`), so a pair is never split;
 *     when the partner is inside the text the attention is split around
 *     the pair (`这是*（注）释*` → `这是（*注*）*释*`); `*（注）*` alone on its
 *     line is left whole
 * *   in Latin (Greek, Cyrillic) text, trailing punctuation before a letter
 *     stays inside and a space is written after the attention instead
 *     (`<b>Note:</b>text` → `**Note:** text`), so a label keeps its colon
 * *   a link at an edge next to a letter takes the attention inside
 *     (`见**[链接](…)**文` → `见[**链接**](…)文`); code, an image or a
 *     break there goes outside, unformatted
 * *   attention nested at the edge of attention next to a letter (`中<b><i>
 *     引</i></b>中`) cannot be written without references: the inner level
 *     is dropped, or the outer one when the inner one is strong and covers
 *     it all (its text stays)
 *
 * Attention left empty goes (its white space stays), as does attention
 * inside attention of the same type.
 *
 * @module
 */

import type {Delete, Emphasis, Heading, Nodes, Link, LinkReference, Paragraph, Parents, PhrasingContent, Strong, TableCell, Text} from 'mdast'

type Attention = Emphasis | Strong | Delete
/** A parent of phrasing content: the only place attention can be. */
type Parent = Paragraph | Heading | TableCell | Attention | Link | LinkReference
type Kind = 'space' | 'punctuation' | 'letter'

const punctuation = /[\p{P}\p{S}]/u
const whitespace = /\s/u
/** Scripts written with spaces between words. */
const spaced = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}0-9]/u

/** Opening brackets and quotes and their partners. */
const partners: Record<string, string> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '（': '）',
  '［': '］',
  '｛': '｝',
  '「': '」',
  '『': '』',
  '“': '”',
  '‘': '’',
  '【': '】',
  '〔': '〕',
  '〖': '〗',
  '〘': '〙',
  '〚': '〛',
  '《': '》',
  '〈': '〉',
  '«': '»',
  '‹': '›',
  '„': '“',
  '‚': '‘',
  '"': '"',
  "'": "'",
  '＂': '＂',
  '＇': '＇'
}
const openers = new Map(Object.entries(partners))
const closers = new Map(Object.entries(partners).map(([open, close]) => [close, open]))

const attentionTypes = new Set(['emphasis', 'strong', 'delete'])

/** Bound on edits per attention node (each moves at least one character or node). */
const maxSteps = 1000

const phrasingParentTypes = new Set<string>(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** Whether `node` holds phrasing content (where attention can be). */
function isPhrasingParent(node: Parents): node is Parent {
  return phrasingParentTypes.has(node.type)
}

/**
 * Fix the attention in `parent` and below, outer attention first (its
 * edges decide what the inner attention sits next to), and find the
 * attention with a letter right outside it on either side, where `_` can
 * neither open nor close. One walk: a parent's children are final once
 * its own attention is fixed (fixing deeper attention changes only the
 * deeper children lists), so they are looked at then.
 *
 * @param parent
 *   Any mdast parent (a root, a paragraph, attention, …).
 * @param each
 *   Called with every parent after its children are fixed and looked at,
 *   before its children are walked; it may change its children list.
 * @returns
 *   The attention nodes with a letter outside.
 */
export function fixEmphasisEdges(parent: Parents, each?: (node: Parents) => undefined): Array<Attention> {
  const found: Array<Attention> = []
  // Each parent with the attention types around it: attention inside
  // attention of its own type (`~~a ~~b~~~~`) says nothing more and would
  // misparse, so it is unwrapped.
  const stack: Array<[Parents, ReadonlySet<string>]> = [[parent, new Set()]]
  while (stack.length > 0) {
    const [current, around] = stack.pop()!
    if (isPhrasingParent(current)) {
      fixChildren(current, around)
      for (let index = 0; index < current.children.length; index++) {
        const child = current.children[index]
        if (isAttention(child) && (outerKind(current, index, 0) === 'letter' || outerKind(current, index, 1) === 'letter')) found.push(child)
      }
    }
    if (each) each(current)
    for (const child of current.children) {
      if (!('children' in child)) continue
      stack.push([child, isAttention(child) ? new Set([...around, child.type]) : around])
    }
  }
  return found
}

/** Fix the attention among the children of `current`, itself inside the attention types `around`. */
function fixChildren(current: Parent, around: ReadonlySet<string>): void {
  for (let index = 0; index < current.children.length; index++) {
    const child = current.children[index]
    if (!isAttention(child)) continue
    if (around.has(child.type)) {
      current.children.splice(index, 1, ...child.children)
      index--
      continue
    }
    index = fixAttention(current, index)
  }
}

function isAttention(node: Nodes | undefined): node is Attention {
  return node !== undefined && attentionTypes.has(node.type)
}

function kindOf(character: string): Kind {
  if (!character || whitespace.test(character)) return 'space'
  return punctuation.test(character) ? 'punctuation' : 'letter'
}

/**
 * What the serialised node starts (`side` 0) or ends (`side` 1) with, or
 * `undefined` for nothing (empty text). With `through`, emphasis and strong
 * count as their text (see `outerKind`).
 */
function edgeKind(node: PhrasingContent, side: 0 | 1, through: boolean): Kind | undefined {
  if (node.type === 'text') {
    if (!node.value) return undefined
    return kindOf(side === 0 ? String.fromCodePoint(node.value.codePointAt(0)!) : [...node.value.slice(-2)].pop()!)
  }
  // A hard break ends in a line ending; everything else in markup.
  if (node.type === 'break') return side === 0 ? 'punctuation' : 'space'
  if (through && (node.type === 'emphasis' || node.type === 'strong')) {
    const child = node.children[side === 0 ? 0 : node.children.length - 1]
    return (child && edgeKind(child, side, through)) || 'punctuation'
  }
  return 'punctuation'
}

/**
 * What is outside `parent.children[index]` on `side` (0: before, 1: after).
 * With `through`, emphasis or strong beside it counts as its text: where
 * `*` has to be used for both (a letter outside, `asteriskOnly`), their
 * runs merge (`*a-*` + `**b**` → `*a-***b**`, a run between `-` and `b`
 * that can only open), so the edge is fixed as if the text were there.
 */
function outerKind(parent: Parent, index: number, side: 0 | 1, through = false): Kind {
  const step = side === 0 ? -1 : 1
  for (let at = index + step; at >= 0 && at < parent.children.length; at += step) {
    const kind = edgeKind(parent.children[at], side === 0 ? 1 : 0, through)
    if (kind) return kind
  }
  // The edge of the parent: a line edge, or the parent's own markup.
  return attentionTypes.has(parent.type) || parent.type === 'link' || parent.type === 'linkReference' ? 'punctuation' : 'space'
}

/** The chain of attention sharing `node`'s edge on `side`, outermost first. */
function edgeChain(node: Attention, side: 0 | 1): Array<Attention> {
  const chain: Array<Attention> = [node]
  for (;;) {
    const last = chain[chain.length - 1]
    const child = last.children[side === 0 ? 0 : last.children.length - 1]
    if (!isAttention(child)) return chain
    chain.push(child)
  }
}

/**
 * What one change did: the node's new index (`at`), or that the nodes from
 * `revisit` on are new and must be looked at again (a split or unwrap).
 */
type Change = {at: number} | {revisit: number}

/**
 * Fix the edges of `parent.children[index]`; returns the index after which
 * to go on (nodes moved before it shift it right; a split or unwrap goes
 * back so the new pieces are fixed too).
 */
function fixAttention(parent: Parent, index: number): number {
  for (let step = 0; step < maxSteps; step++) {
    const node = parent.children[index]
    if (!isAttention(node)) return index
    const change = fixSide(parent, index, 0) ?? fixSide(parent, index, 1)
    if (change === undefined) {
      if (node.children.length === 0) {
        parent.children.splice(index, 1)
        return index - 1
      }
      return index
    }
    if ('revisit' in change) return change.revisit - 1
    index = change.at
  }
  return index
}

/**
 * Make one change on one side of `parent.children[index]`, if one is
 * needed; `undefined` when that side is fine.
 */
function fixSide(parent: Parent, index: number, side: 0 | 1): Change | undefined {
  const node = parent.children[index] as Attention
  const chain = edgeChain(node, side)
  const holder = chain[chain.length - 1]
  const edgeIndex = side === 0 ? 0 : holder.children.length - 1
  const edge = holder.children[edgeIndex]
  const outer = outerKind(parent, index, side, true)

  // Empty attention (inner level emptied): drop it, keep looking.
  if (!edge) {
    if (holder === node) return undefined
    removeEmpty(chain)
    return {at: index}
  }

  if (edge.type === 'text') {
    if (!edge.value) {
      holder.children.splice(edgeIndex, 1)
      return {at: index}
    }
    const space = side === 0 ? edge.value.length - edge.value.trimStart().length : edge.value.length - edge.value.trimEnd().length
    if (space > 0) return {at: moveOut(parent, index, side, holder, edgeIndex, space)}
    if (outer !== 'letter') return undefined
    const characters = [...edge.value]
    const character = side === 0 ? characters[0] : characters[characters.length - 1]
    if (kindOf(character) === 'punctuation') return movePunctuation(parent, index, side, chain, character)
    if (chain.length > 1) return dropNested(parent, index, side, chain)
    return undefined
  }

  // A line break at the edge cannot be inside (`**a\⏎**`).
  if (edge.type === 'break') return {at: moveNode(parent, index, side, holder, edgeIndex)}
  if (outer !== 'letter') return undefined
  if (chain.length > 1) return dropNested(parent, index, side, chain)
  if (edge.type === 'link') return takeIntoLink(parent, index, side, edge)
  return {at: moveNode(parent, index, side, holder, edgeIndex)}
}

/** Remove empty attention at the end of `chain` (not the first). */
function removeEmpty(chain: Array<Attention>): void {
  for (let level = chain.length - 1; level > 0; level--) {
    if (chain[level].children.length > 0) return
    const parent = chain[level - 1]
    parent.children.splice(parent.children.indexOf(chain[level]), 1)
  }
}

/** Insert `nodes` next to `parent.children[index]` on `side`; returns the node's new index. */
function insertOutside(parent: Parent, index: number, side: 0 | 1, nodes: Array<PhrasingContent>): number {
  if (side === 0) {
    parent.children.splice(index, 0, ...nodes)
    return index + nodes.length
  }
  parent.children.splice(index + 1, 0, ...nodes)
  return index
}

/** Move `length` characters (UTF-16) at the `side` edge of the text `holder.children[edgeIndex]` outside. */
function moveOut(parent: Parent, index: number, side: 0 | 1, holder: Attention, edgeIndex: number, length: number): number {
  const text = holder.children[edgeIndex] as Text
  const moved = side === 0 ? text.value.slice(0, length) : text.value.slice(text.value.length - length)
  text.value = side === 0 ? text.value.slice(length) : text.value.slice(0, text.value.length - length)
  if (!text.value) holder.children.splice(edgeIndex, 1)
  return insertOutside(parent, index, side, [{type: 'text', value: moved}])
}

/** Move the node at the edge outside, unformatted. */
function moveNode(parent: Parent, index: number, side: 0 | 1, holder: Attention, edgeIndex: number): number {
  const [moved] = holder.children.splice(edgeIndex, 1)
  return insertOutside(parent, index, side, [moved])
}

/**
 * Punctuation at an edge next to an outer letter: move it out with its
 * partner, split around the pair, or (Latin trailing punctuation) write a
 * space after the attention.
 */
function movePunctuation(parent: Parent, index: number, side: 0 | 1, chain: Array<Attention>, character: string): Change {
  const node = chain[0]
  const holder = chain[chain.length - 1]
  const edgeIndex = side === 0 ? 0 : holder.children.length - 1
  const text = holder.children[edgeIndex] as Text
  const isPair = side === 0 ? openers.has(character) : closers.has(character)

  if (!isPair) {
    // `Note:` before a letter in Latin text: keep the colon, add a space.
    if (side === 1 && !closers.has(character)) {
      const characters = [...text.value]
      const previous = characters[characters.length - 2] || ''
      if (spaced.test(previous)) return {at: insertOutside(parent, index, 1, [{type: 'text', value: ' '}])}
    }
    return {at: moveOut(parent, index, side, holder, edgeIndex, character.length)}
  }

  // Find the partner in the whole text of the attention.
  const flat = flatten(node)
  const position = side === 0 ? 0 : flat.length - 1
  const partner = side === 0 ? findCloser(flat, position) : findOpener(flat, position)
  // No partner inside: the pair spans the edge already, move this one.
  if (partner === undefined) return {at: moveOut(parent, index, side, holder, edgeIndex, character.length)}

  // The partner ends the other edge (only punctuation and white space beyond):
  // move both, and what lies beyond the partner.
  const beyond = side === 0 ? flat.slice(partner.index + 1) : flat.slice(0, partner.index)
  if (beyond.every((item) => item.kind !== 'letter' && item.node === undefined)) {
    const otherSide = side === 0 ? 1 : 0
    const count = beyond.length + 1
    const at = moveFlatCount(parent, index, side, node, 1)
    return {at: moveFlatCount(parent, at, otherSide as 0 | 1, node, count)}
  }

  // The partner is inside the text of the attention itself (not nested):
  // split the attention around the pair.
  if (chain.length === 1 && partner.node === undefined && partner.text && node.children.includes(partner.text)) {
    return splitAroundPair(parent, index, partner)
  }

  // Nested structure around the pair: give up the outer formatting, keep the text.
  parent.children.splice(index, 1, ...node.children)
  return {revisit: index}
}

/** One character (or non-text node) of an attention's content, in order. */
interface FlatItem {
  character: string
  kind: Kind
  /** Text node holding the character (`undefined` for a non-text node). */
  text?: Text
  /** Offset of the character in `text`. */
  offset: number
  /** A non-text node (link, code, …), as one item. */
  node?: PhrasingContent
  index: number
}

/** The content of `node` as characters (non-text nodes as one item each), nested attention included. */
function flatten(node: Attention): Array<FlatItem> {
  const items: Array<FlatItem> = []
  const walk = (children: Array<PhrasingContent>) => {
    for (const child of children) {
      if (child.type === 'text') {
        let offset = 0
        for (const character of child.value) {
          items.push({character, kind: kindOf(character), text: child, offset, index: items.length})
          offset += character.length
        }
      } else if (isAttention(child)) walk(child.children)
      else items.push({character: '', kind: 'letter', node: child, offset: 0, index: items.length})
    }
  }
  walk(node.children)
  return items
}

/** The partner closing the opener at `position`, by nesting depth (quotes: the next closing quote, skipping apostrophes). */
function findCloser(items: Array<FlatItem>, position: number): FlatItem | undefined {
  const open = items[position].character
  const close = partners[open]
  let depth = 0
  for (let index = position + 1; index < items.length; index++) {
    const character = items[index].character
    if (character === close && !apostrophe(items, index)) {
      if (depth === 0) return items[index]
      depth--
    } else if (character === open && open !== close) depth++
  }
  return undefined
}

/** The partner opening the closer at `position`. */
function findOpener(items: Array<FlatItem>, position: number): FlatItem | undefined {
  const close = items[position].character
  const open = closers.get(close)!
  let depth = 0
  for (let index = position - 1; index >= 0; index--) {
    const character = items[index].character
    if (character === open && !apostrophe(items, index)) {
      if (depth === 0) return items[index]
      depth--
    } else if (character === close && open !== close) depth++
  }
  return undefined
}

/** `’` or `'` between two letters is an apostrophe (`don’t`), not a quote. */
function apostrophe(items: Array<FlatItem>, index: number): boolean {
  const character = items[index].character
  if (character !== '’' && character !== "'") return false
  const before = items[index - 1]
  const after = items[index + 1]
  return Boolean(before && after && before.kind === 'letter' && after.kind === 'letter')
}

/** Move `count` characters from the `side` edge outside, one text node at a time (through nested edges). */
function moveFlatCount(parent: Parent, index: number, side: 0 | 1, node: Attention, count: number): number {
  const moved: Array<string> = []
  while (count > 0) {
    const chain = edgeChain(node, side)
    const holder = chain[chain.length - 1]
    const edgeIndex = side === 0 ? 0 : holder.children.length - 1
    const edge = holder.children[edgeIndex]
    if (!edge) {
      if (holder === node) break
      removeEmpty(chain)
      continue
    }
    if (edge.type !== 'text') break
    const characters = [...edge.value]
    const take = Math.min(count, characters.length)
    const part = side === 0 ? characters.slice(0, take).join('') : characters.slice(characters.length - take).join('')
    edge.value = side === 0 ? edge.value.slice(part.length) : edge.value.slice(0, edge.value.length - part.length)
    if (!edge.value) holder.children.splice(edgeIndex, 1)
    removeEmpty(chain)
    if (side === 0) moved.push(part)
    else moved.unshift(part)
    count -= take
  }
  if (moved.length === 0) return index
  return insertOutside(parent, index, side, [{type: 'text', value: moved.join('')}])
}

/**
 * Split flat attention around a bracket or quote pair whose one mark is at
 * the `side` edge and whose partner is inside the text: the pair goes
 * outside its attention, the rest stays formatted
 * (`*（注）释*` → `（*注*）*释*`).
 */
function splitAroundPair(parent: Parent, index: number, partner: FlatItem): Change {
  const node = parent.children[index] as Attention
  const textIndex = node.children.indexOf(partner.text!)
  const text = partner.text!
  const head = text.value.slice(0, partner.offset)
  const mark = partner.character
  const tail = text.value.slice(partner.offset + mark.length)
  const before = [...node.children.slice(0, textIndex), ...(head ? [{type: 'text', value: head} as Text] : [])]
  const after = [...(tail ? [{type: 'text', value: tail} as Text] : []), ...node.children.slice(textIndex + 1)]
  // side 0: `(` + inner + `)` + rest; side 1: rest + `(` + inner + `)`.
  const first: Attention = {...node, children: before} as Attention
  const second: Attention = {...node, children: after} as Attention
  const replacement: Array<PhrasingContent> = [first, {type: 'text', value: mark}, second]
  parent.children.splice(index, 1, ...replacement.filter((item) => !isAttention(item) || item.children.length > 0))
  // Fix the new pieces (the edge mark of `first` or `second` moves out next).
  return {revisit: index}
}

/**
 * Attention nested at the edge of attention next to a letter: drop the
 * inner level (its content stays), or the outer one when the inner level is
 * strong and covers all of it.
 */
function dropNested(parent: Parent, index: number, side: 0 | 1, chain: Array<Attention>): Change {
  const [outer, inner] = chain
  if (outer.children.length === 1 && inner.type === 'strong' && outer.type !== 'strong') {
    parent.children.splice(index, 1, inner)
    return {at: index}
  }
  const at = side === 0 ? 0 : outer.children.length - 1
  outer.children.splice(at, 1, ...inner.children)
  return {at: index}
}

/**
 * A link at the edge of attention next to a letter: the link takes the
 * attention inside (`见**[链接](…)文字**` → `见[**链接**](…)**文字**`).
 */
function takeIntoLink(parent: Parent, index: number, side: 0 | 1, link: Link): Change {
  const node = parent.children[index] as Attention
  const inner = {...node, children: link.children} as Attention
  const wrapped: Link = {...link, children: [inner]}
  if (node.children.length === 1) {
    parent.children.splice(index, 1, wrapped)
    fixEmphasisEdges(wrapped as Parent)
    return {at: index}
  }
  node.children.splice(side === 0 ? 0 : node.children.length - 1, 1)
  fixEmphasisEdges(wrapped as Parent)
  return {at: insertOutside(parent, index, side, [wrapped])}
}
