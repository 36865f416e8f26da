import type {Element, ElementContent} from 'hast'
import {blockStats} from './block-stats.js'
import {judgeBlock} from './boilerplate.js'
import {holdsMedia} from '../media/tags.js'
import {isAriaHidden, isHidden} from './hints.js'
import {phrasingTags} from './tags.js'

/** Elements that never belong to article text. */
const dropTags: ReadonlySet<string> = new Set([
  'aside',
  'button',
  'dialog',
  'input',
  'nav',
  'noscript',
  'script',
  'select',
  'style',
  'template',
  'textarea'
])

/** Embeds: they stay (ads and trackers are dropped, recorded, by `rehypeNormalizeMedia`). */
const embedTags: ReadonlySet<string> = new Set(['iframe', 'embed', 'object'])

/**
 * Remove boilerplate inside an article root, in place: share bars, comment
 * sections, cookie banners, newsletter boxes, “read more” teasers, author
 * bios, ads, `nav`/`aside`/`form`/controls, and hidden elements.
 *
 * Decides on block containers only (class/id hints, link density, text
 * length), so inline elements inside a sentence are never removed (hidden
 * ones aside). Related-article link lists stay and get
 * `properties.dataNewsMarkdownRelated = 'true'`. Figures, tables,
 * blockquotes, lists, embeds and `<noscript>` image fallbacks stay.
 *
 * @param root
 *   Article root, as returned by `findArticleRoot`.
 */
export function cleanArticleRoot(root: Element): void {
  const stats = blockStats(root)
  const rootBlock = stats.byNode.get(root)
  const rootText = rootBlock ? rootBlock.all.text : 0
  const stack: Array<Element> = [root]

  while (stack.length > 0) {
    const parent = stack.pop() as Element
    const kept: Array<ElementContent> = []
    let changed = false
    for (const child of parent.children) {
      if (child.type === 'comment') {
        changed = true
        continue
      }
      if (child.type !== 'element') {
        kept.push(child)
        continue
      }
      const verdict = judge(child)
      if (verdict === 'remove') {
        changed = true
        continue
      }
      if (verdict === 'related') {
        child.properties.dataNewsMarkdownRelated = 'true'
      } else {
        stack.push(child)
      }
      kept.push(child)
    }
    if (changed) parent.children = kept
  }

  function judge(node: Element): 'keep' | 'remove' | 'related' {
    const name = node.tagName
    // An `<aside>` of related stories is a related list, not furniture.
    if (name === 'aside') return judgeBlock(node, stats.byNode.get(node), rootText) === 'related' ? 'related' : 'remove'
    // `<noscript>` holding an image and embeds are judged by `rehypeNormalizeMedia`.
    if (name === 'noscript' && holdsMedia(node)) return 'keep'
    if (dropTags.has(name)) return 'remove'
    if (embedTags.has(name)) return 'keep'
    const phrasing = phrasingTags.has(name)
    if (isHidden(node) || (isAriaHidden(node) && !phrasing)) return 'remove'
    if (phrasing) return 'keep'
    const block = stats.byNode.get(node)
    if (name === 'form') {
      // Some pages wrap everything in one `<form>`: keep that one.
      return block && block.all.text > rootText * 0.5 ? 'keep' : 'remove'
    }
    return judgeBlock(node, block, rootText)
  }
}
