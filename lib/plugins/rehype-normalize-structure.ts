import type {Root} from 'hast'
import type {Plugin} from 'unified'
import {nestLists} from '../util/nest-lists.js'
import {splitBreakRunsIn} from '../util/split-break-runs.js'
import {unwrapLayoutTables} from '../util/unwrap-layout-tables.js'

/**
 * Give the article the structure Markdown can write:
 *
 * *   a list directly inside a list (`<ul><li>a</li><ul>…</ul></ul>`)
 *     nests under the item before it, and stray content in a list
 *     continues the item before it (see `nestLists`)
 * *   layout tables (a table around the article, image beside caption) are
 *     replaced by their cells' content in reading order, so that a data
 *     table inside one becomes a table of its own (see
 *     `unwrapLayoutTables` and `isLayoutTable`)
 *
 * *   paragraphs written as runs of `<br>` in one block become paragraphs
 *     (see `splitBreakRuns`)
 *
 * Data tables stay tables; with nested tables unwrapped first, a table
 * never lands in another table's cell (where its cells and rows would run
 * together).
 */
export const rehypeNormalizeStructure: Plugin<[], Root> = function () {
  return function (tree) {
    unwrapLayoutTables(tree)
    nestLists(tree)
    splitBreakRunsIn(tree)
  }
}
