import type {Element, ElementContent, Root} from 'hast'
import type {Plugin} from 'unified'

// `u` becomes emphasis in `hast-util-to-mdast` too.
const kinds: Record<string, 'strong' | 'emphasis' | undefined> = {b: 'strong', strong: 'strong', i: 'emphasis', em: 'emphasis', u: 'emphasis'}

/**
 * Unwrap formatting nested in formatting of the same kind (`<b>` in
 * `<strong>`, `<i>` or `<u>` in `<em>`), `<span>`s, which carry nothing
 * Markdown can show, and paragraphs holding nothing but white space
 * (`<p>&nbsp;</p>` spacers). Keeps serialisation linear on pages that nest
 * formatting deeply.
 */
export const rehypeCollapseFormatting: Plugin<[], Root> = function () {
  return function (tree) {
    const stack: Array<[Root | Element, boolean, boolean]> = [[tree, false, false]]
    while (stack.length > 0) {
      const [parent, inStrong, inEmphasis] = stack.pop()!
      const children: Array<ElementContent> = []
      // Reversed, so `pop` takes the next child and unwrapping pushes in order.
      const pending = [...(parent.children as Array<ElementContent>)].reverse()
      while (pending.length > 0) {
        const child = pending.pop()!
        if (child.type !== 'element') {
          children.push(child)
          continue
        }
        const kind = kinds[child.tagName]
        const redundant = (kind === 'strong' && inStrong) || (kind === 'emphasis' && inEmphasis) || (child.tagName === 'span' && Object.keys(child.properties).length === 0)
        if (redundant) {
          for (let index = child.children.length - 1; index >= 0; index--) pending.push(child.children[index])
          continue
        }
        if (child.tagName === 'p' && isBlank(child)) continue
        children.push(child)
        stack.push([child, inStrong || kind === 'strong', inEmphasis || kind === 'emphasis'])
      }
      parent.children = children as typeof parent.children
    }
  }
}

/** A paragraph with only white space (nbsp included) and no other element. */
function isBlank(node: Element): boolean {
  return node.children.every((child) => (child.type === 'text' && !/[^\s\u00a0\u3000]/.test(child.value)) || child.type === 'comment')
}
