import type {Element} from 'hast'
import {elementRecords} from './element-records.js'
import {shortText} from './short-text.js'
import {commentHeading, readMoreHeading, relatedHeading} from '../vocabulary.js'

/** Leading children that can title a section. */
const headingLike = /^(?:h[1-6]|header|strong|b|span|p|div|dt|legend|caption)$/

/**
 * Text of the first child of `node` when it looks like a short section title
 * (`<h2>Comments</h2>`, `<div class="title">相关阅读</div>`), else `undefined`.
 * Bounded cost: only the first element child, at most 40 characters.
 * Inside `withElementRecords`, noted once per element.
 */
export function sectionHeading(node: Element): string | undefined {
  const records = elementRecords()
  if (!records) return readSectionHeading(node)
  if (records.headings.has(node)) return records.headings.get(node)
  const lead = records.leads.get(node)
  const heading = lead === undefined ? readSectionHeading(node) : lead && titlesSection(lead) ? titleOf(lead) : undefined
  records.headings.set(node, heading)
  return heading
}

function readSectionHeading(node: Element): string | undefined {
  for (const child of node.children) {
    if (child.type === 'text') {
      if (child.value.trim()) return undefined
      continue
    }
    if (child.type !== 'element') continue
    if (!titlesSection(child)) return undefined
    return titleOf(child)
  }
  return undefined
}

function titleOf(child: Element): string | undefined {
  return headingText(shortText(child, headingLength, headingLength))
}

/** Characters, and nodes, of a first child read as a section heading at most (`shortText` limits). */
export const headingLength = 40

/** Whether `child`, the first child of an element (white space before it aside), can title a section (`sectionHeading`). */
export function titlesSection(child: Element): boolean {
  return headingLike.test(child.tagName)
}

/** The section heading of a first child whose `shortText` (at `headingLength`) is `text`. */
export function headingText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.replace(/\s+/g, ' ').trim()
}

/** Whether `text` titles a comment thread. */
export function isCommentHeading(text: string): boolean {
  return commentHeading.test(text)
}

/**
 * Whether `text` titles a related-article list: a related heading
 * (`relatedHeading`), or `Read more` (`readMoreHeading`) over at least two
 * links (`links`, the links of the block it heads).
 */
export function isRelatedHeading(text: string, links: number): boolean {
  return relatedHeading.test(text) || (links >= 2 && readMoreHeading.test(text))
}
