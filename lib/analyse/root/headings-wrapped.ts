import type {Element} from 'hast'
import type {Headline} from '../page-index.js'

/**
 * The headings of `headings` (the page's `<h1>`–`<h3>` with their
 * ancestors as the index walk recorded them, `PageIndex.titleHeadings`)
 * that now lie in `wrapper`, a merged root whose children are blocks of
 * the page moved whole into it (`attachWrapper`), each with its ancestors
 * up to `wrapper` (nearest first, `wrapper` last): those below the block it
 * lies in are as recorded. Reads only the wrapper's children.
 *
 * @param headings
 *   Headings with their ancestors before the blocks moved (nearest first).
 * @param wrapper
 *   The merged root, its children the blocks (unchanged inside since the
 *   headings were recorded).
 * @returns
 *   The headings inside `wrapper`, in the order of `headings`.
 */
export function headingsWrapped(headings: ReadonlyArray<Headline>, wrapper: Element): Array<Headline> {
  const blocks = new Set<Element>()
  for (const child of wrapper.children) if (child.type === 'element') blocks.add(child)
  const inside: Array<Headline> = []
  for (const heading of headings) {
    if (blocks.has(heading.element)) {
      inside.push({element: heading.element, ancestors: [wrapper]})
      continue
    }
    const at = heading.ancestors.findIndex((ancestor) => blocks.has(ancestor))
    if (at >= 0) inside.push({element: heading.element, ancestors: [...heading.ancestors.slice(0, at + 1), wrapper]})
  }
  return inside
}
