import type {Element} from 'hast'
import type {State} from 'hast-util-to-mdast'
import {defaultHandlers} from 'hast-util-to-mdast'
import type {Nodes as MdastNodes} from 'mdast'

/**
 * `hast-util-to-mdast` handler for `<table>`: the default one, with the
 * table's `<caption>` (which the default drops, text and all, as GFM
 * tables have no caption) written as the paragraphs before the table. A
 * layout table's caption became a paragraph when the table was unwrapped
 * (`unwrapLayoutTables`); this keeps a data table's.
 *
 * @param state
 *   Converter state.
 * @param node
 *   `<table>` element.
 * @returns
 *   The caption's flow content (if any), then the table.
 */
export function table(state: State, node: Element): MdastNodes | Array<MdastNodes> | undefined {
  const result = defaultHandlers.table(state, node)
  const captions = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'caption')
  if (captions.length === 0 || !result) return result
  const before = captions.flatMap((caption) => state.toFlow(state.all(caption)))
  return [...before, ...(Array.isArray(result) ? result : [result])]
}
