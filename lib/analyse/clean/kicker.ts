/**
 * The kicker (section label) printed above a headline: `<a class="section"
 * href="/local/">Local</a>`, `<p class="kicker"><a href="/sport/">Sport</a></p>`,
 * a short breadcrumb of links. It names the site's section, not the
 * article: once the headline goes to the frontmatter it would be the
 * article's first line.
 *
 * @module
 */
import type {Element, ElementContent} from 'hast'
import {holdsMedia} from '../../media/tags.js'
import {collapse} from '../../util/text.js'

/** Most characters of a kicker's text (collapsed). */
const maxKickerText = 40

/** Most words of a kicker. */
const maxKickerWords = 5

/** Text outside the links a kicker may hold: separators of a breadcrumb. */
const separators = /^[\s›»>/|·•:,-]*$/

/**
 * The elements before `heading` in `parent` when all of them together read
 * as a kicker: only links (each with a target) and separators, at most
 * `maxKickerText` characters and `maxKickerWords` words, no media, no
 * sentence end. Text directly before the heading (not in an element)
 * means no kicker.
 *
 * @param parent
 *   The heading's parent.
 * @param heading
 *   The headline element.
 * @returns
 *   Elements to remove (empty when there is no kicker).
 */
export function kickerBefore(parent: Element, heading: Element): Array<Element> {
  const before: Array<Element> = []
  for (const child of parent.children) {
    if (child === heading) break
    if (child.type === 'comment') continue
    if (child.type === 'text') {
      if (child.value.trim()) return []
      continue
    }
    if (child.type !== 'element') return []
    before.push(child)
  }
  if (before.length === 0) return []
  let linked = ''
  let all = ''
  for (const element of before) {
    const parts = {linked: '', other: ''}
    // Text first: it stops early on a long block, which then needs no search for media.
    if (!gather(element, parts) || holdsMedia(element)) return []
    linked += ' ' + parts.linked
    all += ' ' + parts.linked + ' ' + parts.other
    if (!separators.test(parts.other)) return []
  }
  const text = collapse(all).trim()
  if (!collapse(linked).trim() || text.length > maxKickerText || /[.!?。！？]/.test(text)) return []
  return text.split(' ').length <= maxKickerWords ? before : []
}

/**
 * Add the text of `node` to `parts` (in or out of a link); `false` for a
 * link without a target, or once the text is longer than a kicker's (an
 * explicit stack: any depth is fine, and a long block is not read whole).
 */
function gather(node: Element, parts: {linked: string; other: string}): boolean {
  const stack: Array<[ElementContent, boolean]> = [[node, false]]
  while (stack.length > 0) {
    const [current, inLink] = stack.pop()!
    if (current.type === 'text') {
      if (inLink) parts.linked += current.value
      else parts.other += current.value
      if (parts.linked.length + parts.other.length > maxKickerText * 4) return false
      continue
    }
    if (current.type !== 'element') continue
    let link = inLink
    if (current.tagName === 'a') {
      const href = current.properties.href
      if (typeof href !== 'string' || !href.trim() || href.trim() === '#') return false
      link = true
    }
    for (let index = current.children.length - 1; index >= 0; index--) stack.push([current.children[index], link])
  }
  return true
}
