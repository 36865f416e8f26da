import type {Element} from 'hast'
import {shortText} from './short-text.js'

/** Leading children that can title a section. */
const headingLike = /^(?:h[1-6]|header|strong|b|span|p|div|dt|legend|caption)$/

/** Headings of comment threads (the whole heading, an optional count); white space collapsed by `sectionHeading`. */
const commentHeading =
  /^(?:\d+ ?)?(?:comments?|reader comments|kommentare?|leserkommentare|commentaires?|comentarios?|commenti|reacties|reactions?|leave a (?:comment|reply)|join the discussion|discussion|(?:网友|热门|最新|全部|发表|精彩|读者)?评论|(?:網友|熱門|最新|全部|發表|精彩|讀者)?評論|(?:网友|我要)?留言|跟帖)(?: ?[(（[]? ?\d+ ?[)）\]]?)? ?[:：]?$/i

/** Headings of related-article lists. */
const relatedHeading =
  /^(?:related|see also|more on|read also|also read|lesen sie auch|mehr zum thema|ähnliche (?:beiträge|artikel)|verwandte artikel|à lire aussi|lire aussi|相关|相關|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀)/i

/**
 * Text of the first child of `node` when it looks like a short section title
 * (`<h2>Comments</h2>`, `<div class="title">相关阅读</div>`), else `undefined`.
 * Bounded cost: only the first element child, at most 40 characters.
 */
export function sectionHeading(node: Element): string | undefined {
  for (const child of node.children) {
    if (child.type === 'text') {
      if (child.value.trim()) return undefined
      continue
    }
    if (child.type !== 'element') continue
    if (!headingLike.test(child.tagName)) return undefined
    const text = shortText(child, 40, 40)
    return text === undefined ? undefined : text.replace(/\s+/g, ' ').trim()
  }
  return undefined
}

/** Whether `text` titles a comment thread. */
export function isCommentHeading(text: string): boolean {
  return commentHeading.test(text)
}

/** Whether `text` titles a related-article list. */
export function isRelatedHeading(text: string): boolean {
  return relatedHeading.test(text)
}
