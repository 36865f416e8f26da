import type {Element, Root} from 'hast'

/** Whether `node` holds any non-white-space text or an image (stops at the first; iterative). */
export function holdsContent(node: Root | Element): boolean {
  const stack: Array<Root | Element> = [node]
  while (stack.length > 0) {
    const parent = stack.pop()!
    for (const child of parent.children) {
      if (child.type === 'text' && child.value.trim()) return true
      if (child.type === 'element') {
        if (child.tagName === 'img') return true
        stack.push(child)
      }
    }
  }
  return false
}
