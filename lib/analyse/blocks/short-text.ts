import type {Element} from 'hast'

/**
 * Text of `node` when it is short: `undefined` once the text passes
 * `maxLength` characters or the walk passes `maxNodes` nodes (bounded cost,
 * explicit stack, document order).
 */
export function shortText(node: Element, maxLength = 200, maxNodes = 300): string | undefined {
  let value = ''
  let visited = 0
  const stack: Array<Element | string> = [node]
  while (stack.length > 0) {
    const item = stack.pop() as Element | string
    if (typeof item === 'string') {
      value += item
      if (value.length > maxLength) return undefined
      continue
    }
    visited += item.children.length
    if (visited > maxNodes) return undefined
    for (let index = item.children.length - 1; index >= 0; index--) {
      const child = item.children[index]
      if (child.type === 'text') stack.push(child.value)
      else if (child.type === 'element') stack.push(child)
    }
  }
  return value
}
