import type {Element, ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Profile} from '../profiles/types.js'
import {detach} from './detach.js'
import {parseCreditLine} from '../analyse/meta/credit-line.js'
import type {CreditLine} from '../analyse/meta/credit-line.js'
import {selectAll} from './select.js'
import {collapse} from './text.js'

/** A credit line found in the article, and how to take it out. */
export interface FoundCredit {
  line: CreditLine
  /** The element the credit line is in (or is). */
  element: Element
  /** The credit line's text, white space collapsed (what `remove` takes out). */
  text: string
  /**
   * Remove the credit line (and only it) from the tree; returns the element
   * whose children changed (`parent`) and the child removed from it when
   * that is all (`removed`), or whether text deeper down changed (`deep`);
   * `undefined`: nothing changed.
   */
  remove(): {parent: Root | Element; removed?: Element | undefined; deep?: boolean | undefined} | undefined
}

/** Elements that show something besides text: kept when a credit line around them goes. */
const media = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'embed', 'object', 'svg', 'figure', 'canvas', 'math', 'table'])

/** Default number of candidates tried at each end of the article. */
const defaultLimit = 3

/**
 * Find the site's credit line (`（来源：… 作者：…）`) in the article root:
 * among the first and the last `limit` elements matching the profile's
 * `credit.selector`, so a credit line in the first paragraph, after the
 * lead image or in the last paragraph is found. An element whose text is
 * the credit line goes; one that also holds an image, or other lines
 * (`<br>`), loses only the credit line's text, and a bracketed credit line
 * opening a paragraph (`（来源：美国之音）今天……`) only the brackets.
 *
 * @param profile
 *   Profile (`credit` gives the selector and limit).
 * @param root
 *   Article root.
 * @param matches
 *   The elements below `root` matching `credit.selector`, in document order,
 *   when a shared walk gathered them (default: queried).
 * @param detachMatch
 *   Removes one of `matches` from its parent and returns the parent, without
 *   a search (with `matches`; default: `root` is searched for it).
 * @returns
 *   The credit line, or `undefined`.
 */
export function findCreditLine(
  profile: Profile,
  root: Element | undefined,
  matches?: ReadonlyArray<Element> | null | undefined,
  detachMatch?: ((element: Element) => Root | Element | undefined) | null | undefined
): FoundCredit | undefined {
  if (!root || !profile.credit) return undefined
  const all = matches || selectAll(profile.credit.selector, root)
  const limit = profile.credit.limit || defaultLimit
  const candidates = [...all.slice(0, limit), ...all.slice(Math.max(limit, all.length - limit)).reverse()]
  const remove = (matches && detachMatch) || ((element: Element) => detach(root, element))
  for (const element of candidates) {
    const found = inElement(element, remove)
    if (found) return found
  }
  return undefined
}

function inElement(element: Element, detachElement: (element: Element) => Root | Element | undefined): FoundCredit | undefined {
  const split = lines(element)
  for (const line of split) {
    const text = collapse(line.map((node) => toString(node)).join(''))
    const head = bracketHead(text)
    // A bracketed credit line opening the line: only the brackets go.
    if (head && head.length < text.length) {
      const credit = parseCreditLine(head)
      if (credit) {
        return {
          line: credit,
          element,
          text: head,
          remove() {
            removeLeadingBrackets(line)
            return {parent: element, deep: true}
          }
        }
      }
      continue
    }
    const credit = parseCreditLine(text)
    if (!credit) continue
    // The element is the credit line: it goes whole.
    if (split.length === 1 && !hasMedia(element)) return {line: credit, element, text, remove: () => removed(detachElement(element), element)}
    return {line: credit, element, text, remove: () => (removeLine(element, line) ? {parent: element} : undefined)}
  }
  return undefined
}

/** What `FoundCredit.remove` returns for `element` detached from `parent`. */
function removed(parent: Root | Element | undefined, element: Element): {parent: Root | Element; removed: Element} | undefined {
  return parent ? {parent, removed: element} : undefined
}

/** The bracketed text opening `text` (`（来源：…）` in `（来源：…）今天……`), if it opens with a bracket. */
function bracketHead(text: string): string | undefined {
  if (!/^[（(]/.test(text)) return undefined
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (character === '（' || character === '(') depth++
    else if ((character === '）' || character === ')') && --depth === 0) return text.slice(0, index + 1)
  }
  return undefined
}

/** Whether `node` is or holds an image, video, embed, figure or table. */
function hasMedia(node: ElementContent): boolean {
  if (node.type !== 'element') return false
  return media.has(node.tagName) || node.children.some(hasMedia)
}

/** The children of `element` as lines: runs between `<br>`s and blocks (the latter as their own lines). */
function lines(element: Element): Array<Array<ElementContent>> {
  const result: Array<Array<ElementContent>> = []
  let current: Array<ElementContent> = []
  for (const child of element.children) {
    if (child.type === 'element' && child.tagName === 'br') {
      result.push(current)
      current = []
    } else current.push(child)
  }
  result.push(current)
  return result.filter((line) => line.some((node) => collapse(toString(node)) !== '' || hasMedia(node)))
}

/**
 * Remove the text of one line of `element` (and the `<br>` after it, or the
 * one before when it is the last line); images, videos and other media in
 * the line stay. Returns whether the line was found.
 */
function removeLine(element: Element, line: Array<ElementContent>): boolean {
  const kept = line.filter(hasMedia)
  const first = element.children.indexOf(line[0])
  const last = element.children.indexOf(line[line.length - 1])
  if (first === -1 || last === -1) return false
  let start = first
  let end = last + 1
  const next = element.children[end]
  if (next && next.type === 'element' && next.tagName === 'br') end++
  else {
    const previous = element.children[start - 1]
    if (previous && previous.type === 'element' && previous.tagName === 'br') start--
  }
  element.children.splice(start, end - start, ...kept)
  return true
}

/**
 * Remove the bracketed text opening the line (through the bracket that
 * closes the first one) and the white space after it; text nodes only.
 */
function removeLeadingBrackets(line: Array<ElementContent>): void {
  let depth = 0
  let done = false
  let started = false
  const visit = (nodes: Array<ElementContent>) => {
    for (const node of nodes) {
      if (done) {
        if (node.type === 'text') node.value = node.value.replace(/^[\s\u00a0\u3000\u200b]+/, '')
        if (node.type !== 'text' || node.value) return
        continue
      }
      if (node.type === 'element') {
        visit(node.children)
        continue
      }
      if (node.type !== 'text') continue
      let index = 0
      for (; index < node.value.length && !done; index++) {
        const character = node.value[index]
        if (character === '（' || character === '(') {
          depth++
          started = true
        } else if ((character === '）' || character === ')') && started && --depth === 0) done = true
      }
      node.value = node.value.slice(index)
      if (done) node.value = node.value.replace(/^[\s\u00a0\u3000\u200b]+/, '')
      if (done && node.value) return
    }
  }
  visit(line)
}
