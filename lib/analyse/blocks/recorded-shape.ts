import type {Element} from 'hast'
import {elementRecords} from './element-records.js'
import {shapeFromParts} from './inline-parts.js'
import {inlineShape} from './inline-runs.js'
import type {InlineShape} from './inline-runs.js'

/**
 * `inlineShape(node)` with its default budget, from the records in scope:
 * noted there, or composed from the node's parts (and noted); read when
 * they hold neither (or the read stops at its budget), noted in them.
 */
export function recordedShape(node: Element): InlineShape {
  const records = elementRecords()
  if (!records) return inlineShape(node)
  let shape = records.shapes.get(node)
  if (!shape) {
    const parts = records.parts.get(node)
    shape = (parts && shapeFromParts(parts)) || inlineShape(node)
    records.shapes.set(node, shape)
  }
  return shape
}
