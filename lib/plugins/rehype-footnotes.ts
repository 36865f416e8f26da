/**
 * Footnotes: a reference linked to a note on the same page
 * (`<sup id="fnref1"><a href="#fn1">1</a></sup>` … `<li id="fn1">…<a
 * href="#fnref1">↩</a></li>`) becomes a Markdown footnote (`[^1]` and
 * `[^1]: …`, GFM), instead of a mark whose link is lost.
 *
 * Forms read (the note is found by the reference's fragment, by `id` or
 * `<a name>`): Pandoc and GFM renderers (`li#fn1`, `li#user-content-fn-1`),
 * WordPress Easy Footnotes and similar plugins (an empty anchor inside the
 * note's `<li>`), MediaWiki (`li#cite_note-1` with a `↑` back link), Word's
 * HTML (`<a name="_ftn1">` at the start of a note paragraph). Back links in
 * the notes (to the reference, `role=doc-backlink`, `data-footnote-backref`)
 * go: every renderer writes its own.
 *
 * Only a clear structure is rewritten: the reference's text is a short mark
 * (`1`, `[2]`, `*`, `a`, `注3`; a word of two or more letters only in
 * superscript or brackets, never a linked word of the sentence); the note comes after it, is a list item or a
 * paragraph of its own, without headings, lists or tables; and a list of
 * notes is rewritten only when every item in it is referenced (Markdown
 * renderers drop a footnote nobody refers to). Anything else is left as it
 * is: the link to `#…` is unwrapped later and its mark kept as text.
 *
 * The references become `<news-footnote-ref>` and the notes
 * `<news-footnote>` elements (in a `<news-footnotes>` where a list held
 * them), which `footnoteHandlers` turn into mdast `footnoteReference` and
 * `footnoteDefinition` nodes; without those handlers `rehype-remark` keeps
 * their content (the mark, the note's text).
 *
 * @module
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import type {Handle, State} from 'hast-util-to-mdast'
import {toString} from 'hast-util-to-string'
import type {FootnoteDefinition, FootnoteReference} from 'mdast'
import {textOf} from '../util/text.js'
import {textWithin} from '../util/bounded-text.js'
import type {WalkPart} from '../util/walk.js'

/** Tag of a footnote reference marker (its `dataLabel` the label). */
export const footnoteRefTag = 'news-footnote-ref'
/** Tag of a footnote (its `dataLabel` the label, its children the note). */
export const footnoteTag = 'news-footnote'
/** Tag of a group of footnotes that replaced a list of notes. */
export const footnotesTag = 'news-footnotes'

/** A reference mark: one to four letters, digits or note symbols, maybe in brackets. */
const markPattern = /^[[(（【〔［]?[\p{L}\p{N}*†‡§¶]{1,4}[\])）】〕］]?$/u

/** Tags a note may not hold (a whole section, not a note). */
const sectionTags: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'article', 'section', 'main', 'nav', 'aside'])

/** Block elements a note may be (the nearest one holding an inline anchor). */
const noteBlocks: ReadonlySet<string> = new Set(['li', 'p', 'div', 'dd', 'aside', 'section', 'footer'])

/** Longest note, in characters: longer is a section the link jumps to, not a note. */
const maxNote = 3000

interface Found {
  /** Parent of each element. */
  parents: Map<Element, Element | Root>
  /** Pre-order position of each element. */
  order: Map<Element, number>
  /** Elements by `id` and by `<a name>`. */
  anchors: Map<string, Element>
  /** Links with a fragment (`#x`, or this page's URL with `#x`), and the fragment. */
  links: Array<[Element, string]>
}

interface Reference {
  /** The element replaced by the marker: the `<sup>` around the link, the link around a `<sup>`, or the link. */
  node: Element
  link: Element
  mark: string
  note: Element
}

/**
 * Rewrite the footnotes of `tree` (see the module comment).
 *
 * @param tree
 *   Article tree, pruned to the root; changed in place.
 * @param pageUrl
 *   The page's own URL or base, if known: links to it with a fragment are
 *   links within the page.
 * @returns
 *   How many notes were rewritten.
 */
export function rewriteFootnotes(tree: Root, pageUrl?: string | undefined): number {
  const found = gather(tree, pageUrl)
  if (found.links.length === 0) return 0
  const references: Array<Reference> = []
  for (const [link, fragment] of found.links) {
    const target = found.anchors.get(fragment)
    if (!target) continue
    const mark = textOf(link).trim()
    if (!markPattern.test(mark)) continue
    const node = referenceNode(link, mark, found.parents)
    // A bare word linked to a note (`avoiding a <a href="#n">bug</a>`) is text: as a reference it would read `¹`.
    if (!superscripted(link, node) && !/^[[(（【〔［]/u.test(mark) && !/^(?:\d{1,4}|\p{L}|[*†‡§¶]+)$/u.test(mark)) continue
    const note = noteOf(target, found)
    if (!note || contains(note, node, found.parents) || contains(node, note, found.parents)) continue
    if (found.order.get(note)! < found.order.get(node)!) continue
    references.push({node, link, mark, note})
  }
  if (references.length === 0) return 0

  // Notes grouped by the list holding them (or alone); a list is rewritten only when every item is referenced.
  const referenced = new Set(references.map((reference) => reference.note))
  const accepted = new Set<Element>()
  const lists = new Set<Element>()
  for (const note of referenced) {
    if (accepted.has(note)) continue
    const parent = found.parents.get(note)
    if (note.tagName === 'li' && parent && parent.type === 'element' && (parent.tagName === 'ol' || parent.tagName === 'ul')) {
      const items = parent.children.filter((child): child is Element => child.type === 'element')
      if (items.every((item) => item.tagName === 'li' && (referenced.has(item) || !textOf(item).trim()))) {
        for (const item of items) if (referenced.has(item)) accepted.add(item)
        lists.add(parent)
      }
    } else if (note.tagName !== 'li') {
      accepted.add(note)
    }
  }
  const kept = references.filter((reference) => accepted.has(reference.note))
  if (kept.length === 0) return 0

  // Labels: the mark without brackets when it names one note only, else the note's number.
  const labels = new Map<Element, string>()
  const byMark = new Map<string, Set<Element>>()
  for (const reference of kept) {
    const bare = reference.mark.replace(/^[[(（【〔［]|[\])）】〕］]$/gu, '')
    const notes = byMark.get(bare) || new Set()
    notes.add(reference.note)
    byMark.set(bare, notes)
  }
  const notes = [...accepted].sort((a, b) => found.order.get(a)! - found.order.get(b)!)
  const used = new Set<string>()
  for (const reference of kept) {
    if (labels.has(reference.note)) continue
    const bare = reference.mark.replace(/^[[(（【〔［]|[\])）】〕］]$/gu, '')
    let label = /^[\p{L}\p{N}]+$/u.test(bare) && byMark.get(bare)!.size === 1 && !used.has(bare.toLowerCase()) ? bare : String(notes.indexOf(reference.note) + 1)
    while (used.has(label.toLowerCase())) label += '-' + String(notes.indexOf(reference.note) + 1)
    used.add(label.toLowerCase())
    labels.set(reference.note, label)
  }

  // The back links in the notes go: those to a reference (by its ids and names, or its ancestors' up to the block) and those marked as such.
  const referenceIds = new Set<string>()
  for (const reference of kept) {
    for (const id of idsAround(reference.link, reference.node, found.parents)) referenceIds.add(id)
  }
  for (const note of accepted) removeBackLinks(note, referenceIds, pageUrl)

  // References: a marker holding the mark as superscript (what a processor without the handlers shows).
  for (const reference of kept) {
    const label = labels.get(reference.note)!
    const marker: Element = {
      type: 'element',
      tagName: footnoteRefTag,
      properties: {dataLabel: label},
      children: [{type: 'element', tagName: 'sup', properties: {}, children: [{type: 'text', value: reference.mark}]}]
    }
    replace(reference.node, [marker], found.parents)
  }

  // Notes: in a list, the list becomes a group of footnotes (the rule before it in a footnotes section goes too); alone, in place.
  for (const list of lists) {
    const group: Element = {type: 'element', tagName: footnotesTag, properties: {}, children: []}
    for (const item of list.children) {
      if (item.type === 'element' && accepted.has(item)) group.children.push(footnote(labels.get(item)!, item.children))
    }
    const parent = found.parents.get(list)
    if (parent && parent.type === 'element' && isFootnotesSection(parent)) {
      parent.children = parent.children.filter((child) => !(child.type === 'element' && child.tagName === 'hr'))
    }
    replace(list, [group], found.parents)
  }
  for (const note of accepted) {
    if (note.tagName !== 'li') replace(note, [footnote(labels.get(note)!, note.tagName === 'p' ? note.children : [note])], found.parents)
  }
  return accepted.size
}

/**
 * Whether the page source may hold a footnote reference: an `href`
 * attribute whose value holds `#` before the tag ends (`href="#fn1"`,
 * `href="https://…/page#fn1"`), and a short text (at most 8 characters) or
 * a `<sup>` right after the tag. A scan of the text, so that pages without one (most)
 * cost no walk of the tree. Bytes are read as Latin-1 (ASCII-compatible
 * encodings keep `href` and `#`); a page in UTF-16 reads as holding one.
 *
 * @param value
 *   The page source (`file.value`).
 */
export function mayHoldFragmentLinks(value: unknown): boolean {
  let text: string
  if (typeof value === 'string') text = value
  else if (value instanceof Uint8Array) {
    if (value.length > 1 && ((value[0] === 0xff && value[1] === 0xfe) || (value[0] === 0xfe && value[1] === 0xff) || value[0] === 0 || value[1] === 0)) return true
    text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1')
  } else return true
  for (const name of ['href', 'HREF', 'Href']) {
    let at = text.indexOf(name)
    while (at !== -1) {
      const end = text.indexOf('>', at)
      const hash = text.indexOf('#', at)
      if (hash !== -1 && (end === -1 || hash < end)) {
        // A mark: short text (`1`, `[2]`, `*`) or a `<sup>` right after the tag.
        const next = end === -1 ? -1 : text.indexOf('<', end)
        if (end === -1 || next === -1 || next - end <= 40 || /^<sup/i.test(text.slice(next, next + 4))) {
          if (end === -1 || next === -1 || /^<sup/i.test(text.slice(next, next + 4)) || [...text.slice(end + 1, next).trim()].length <= 8) return true
        }
      }
      at = text.indexOf(name, at + name.length)
    }
  }
  return false
}

/**
 * Handlers of `rehype-remark` (`hast-util-to-mdast`) for the markers
 * `rewriteFootnotes` writes: `footnoteReference`, `footnoteDefinition`.
 */
export const footnoteHandlers: Record<string, Handle> = {
  [footnoteRefTag](state: State, node: Element): FootnoteReference {
    const label = String(node.properties.dataLabel)
    const result: FootnoteReference = {type: 'footnoteReference', identifier: label.toLowerCase(), label}
    state.patch(node, result)
    return result
  },
  [footnoteTag](state: State, node: Element): FootnoteDefinition {
    const label = String(node.properties.dataLabel)
    const result: FootnoteDefinition = {type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children: state.toFlow(state.all(node)) as FootnoteDefinition['children']}
    state.patch(node, result)
    return result
  },
  [footnotesTag](state: State, node: Element) {
    return state.all(node)
  }
}

function footnote(label: string, children: Array<ElementContent>): Element {
  return {type: 'element', tagName: footnoteTag, properties: {dataLabel: label}, children}
}

/**
 * A part of a shared walk (`walkParts`) that tells whether `tree` holds a
 * link into the page (`#x`, or `pageUrl` with `#x`): without one,
 * `rewriteFootnotes` finds nothing, and later steps that only remove
 * elements or copy links' targets (promo removal, related lists) add none.
 */
export function fragmentLinksPart(pageUrl: string | undefined): {part: WalkPart; found(): boolean} {
  const page = pageUrl ? pageUrl.split('#')[0] : undefined
  let found = false
  return {
    part: {
      listener: {
        enter(element) {
          if (!found && element.tagName === 'a' && fragmentOf(element.properties.href, page)) found = true
        }
      }
    },
    found: () => found
  }
}

/** One pre-order walk: parents, order, anchors, links with fragments. */
function gather(tree: Root, pageUrl: string | undefined): Found {
  const found: Found = {parents: new Map(), order: new Map(), anchors: new Map(), links: []}
  const page = pageUrl ? pageUrl.split('#')[0] : undefined
  const stack: Array<[RootContent, Element | Root]> = []
  for (let index = tree.children.length - 1; index >= 0; index--) stack.push([tree.children[index], tree])
  let position = 0
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!
    if (node.type !== 'element') continue
    found.parents.set(node, parent)
    found.order.set(node, position++)
    const id = node.properties.id
    if (typeof id === 'string' && id && !found.anchors.has(id)) found.anchors.set(id, node)
    if (node.tagName === 'a') {
      const name = node.properties.name
      if (typeof name === 'string' && name && !found.anchors.has(name)) found.anchors.set(name, node)
      const fragment = fragmentOf(node.properties.href, page)
      if (fragment) found.links.push([node, fragment])
    }
    for (let index = node.children.length - 1; index >= 0; index--) stack.push([node.children[index], node])
  }
  return found
}

/** The fragment of `href` when it points into this page (`#x`, or `page` with `#x`). */
function fragmentOf(href: unknown, page: string | undefined): string | undefined {
  if (typeof href !== 'string') return undefined
  const value = href.trim()
  const hash = value.indexOf('#')
  if (hash === -1 || hash === value.length - 1) return undefined
  if (hash > 0) {
    if (!page) return undefined
    try {
      if (new URL(value.slice(0, hash), page).href !== new URL(page).href) return undefined
    } catch {
      return undefined
    }
  }
  const fragment = value.slice(hash + 1)
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

/** What stands for the reference: the `<sup>` whose only text is the link's, the link around a `<sup>`, or the link. */
function referenceNode(link: Element, mark: string, parents: Map<Element, Element | Root>): Element {
  const parent = parents.get(link)
  if (parent && parent.type === 'element' && parent.tagName === 'sup' && textOf(parent).trim() === mark) return parent
  return link
}

/** Whether a reference is written in superscript (`<sup>` around or inside the link). */
function superscripted(link: Element, node: Element): boolean {
  if (node.tagName === 'sup') return true
  return link.children.some((child) => child.type === 'element' && child.tagName === 'sup')
}

/** The note an anchor marks: the anchor when it is a note block, else the nearest note block around it (an inline anchor at its start). */
function noteOf(target: Element, found: Found): Element | undefined {
  let note: Element | undefined = target
  if (!noteBlocks.has(target.tagName)) {
    note = undefined
    let node: Element | Root | undefined = found.parents.get(target)
    for (let depth = 0; node && node.type === 'element' && depth < 4; depth++) {
      if (noteBlocks.has(node.tagName)) {
        note = node
        break
      }
      node = found.parents.get(node)
    }
  }
  if (!note) return undefined
  // A paragraph that is all of a list item's text: the item is the note.
  const parent = found.parents.get(note)
  // Read no further than a note's length: a longer text is no note (nor the same as one).
  const text = textWithin(note, maxNote)
  if (text === undefined) return undefined
  if (note.tagName !== 'li' && parent && parent.type === 'element' && parent.tagName === 'li' && textWithin(parent, maxNote) === text) note = parent
  if (!text) return undefined
  if (holdsSection(note)) return undefined
  return note
}

function holdsSection(node: Element): boolean {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (sectionTags.has(child.tagName) || holdsSection(child)) return true
  }
  return false
}

/** Whether `outer` is `inner` or holds it. */
function contains(outer: Element, inner: Element, parents: Map<Element, Element | Root>): boolean {
  let node: Element | Root | undefined = inner
  while (node && node.type === 'element') {
    if (node === outer) return true
    node = parents.get(node)
  }
  return false
}

/** The ids and names of a reference: on the link, inside it, and on its ancestors up to its block. */
function idsAround(link: Element, node: Element, parents: Map<Element, Element | Root>): Array<string> {
  const ids: Array<string> = []
  const add = (element: Element) => {
    for (const value of [element.properties.id, element.properties.name]) if (typeof value === 'string' && value) ids.push(value)
  }
  const visit = (element: Element) => {
    add(element)
    for (const child of element.children) if (child.type === 'element') visit(child)
  }
  visit(node)
  let parent: Element | Root | undefined = parents.get(node)
  for (let depth = 0; parent && parent.type === 'element' && depth < 2 && !noteBlocks.has(parent.tagName); depth++) {
    add(parent)
    parent = parents.get(parent)
  }
  if (!ids.length) add(link)
  return ids
}

/** Remove the back links of a note (and what holds only them). */
function removeBackLinks(note: Element, referenceIds: ReadonlySet<string>, pageUrl: string | undefined): void {
  const page = pageUrl ? pageUrl.split('#')[0] : undefined
  const prune = (parent: Element): void => {
    parent.children = parent.children.filter((child) => {
      if (child.type !== 'element') return true
      if (child.tagName === 'a' && isBackLink(child, referenceIds, page)) return false
      prune(child)
      // A wrapper left empty by the back link's removal (MediaWiki's `span.mw-cite-backlink`) goes too.
      return !(child.children.length === 0 && child.tagName === 'span' && /backlink|back-link|backref/i.test(String(child.properties.className || '')))
    })
  }
  prune(note)
}

function isBackLink(link: Element, referenceIds: ReadonlySet<string>, page: string | undefined): boolean {
  const fragment = fragmentOf(link.properties.href, page)
  if (fragment && referenceIds.has(fragment)) return true
  const role = String(link.properties.role || '')
  const className = Array.isArray(link.properties.className) ? link.properties.className.join(' ') : ''
  const marked = role === 'doc-backlink' || link.properties.dataFootnoteBackref !== undefined || /footnote-back|backlink|backref|to-top|footnote-return/i.test(className)
  return Boolean(fragment) && marked && [...toString(link).trim()].length <= 4
}

/** Replace `node` in its parent by `nodes`. */
function replace(node: Element, nodes: Array<Element>, parents: Map<Element, Element | Root>): void {
  const parent = parents.get(node)
  if (!parent) return
  const index = parent.children.indexOf(node)
  if (index === -1) return
  parent.children.splice(index, 1, ...nodes)
  for (const child of nodes) parents.set(child, parent)
}

/** Whether an element is a footnotes section (`section.footnotes`, `role=doc-endnotes`, `data-footnotes`). */
function isFootnotesSection(element: Element): boolean {
  const className = Array.isArray(element.properties.className) ? element.properties.className.join(' ') : ''
  return /footnote|endnote/i.test(className) || element.properties.role === 'doc-endnotes' || element.properties.dataFootnotes !== undefined
}
