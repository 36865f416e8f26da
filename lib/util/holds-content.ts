import type {Element, Root, Text} from 'hast'
import {walk} from './walk.js'
import type {WalkPart} from './walk.js'

/** Whether `node` holds any non-white-space text or an image (stops at the first; iterative). */
export function holdsContent(node: Root | Element): boolean {
  return walk(node, (child) => ((child.type === 'text' && child.value.trim()) || (child.type === 'element' && child.tagName === 'img') ? 'exit' : undefined))
}

/**
 * `holdsContent` as a part of a shared walk (`walkParts`): notes the text
 * nodes and whether an image was met; `holds()` answers once the walk (and
 * the `done` of the parts before this one) is over, on the text as it is then.
 */
export function holdsContentPart(): WalkPart & {holds(): boolean} {
  const texts: Array<Text> = []
  let image = false
  return {
    listener: {
      enter(element) {
        if (element.tagName === 'img') image = true
      },
      text(node) {
        texts.push(node)
      }
    },
    holds: () => image || texts.some((node) => node.value.trim() !== '')
  }
}
