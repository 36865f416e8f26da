import type {Root} from 'hast'
import type {Plugin} from 'unified'
import {nestListsListener} from '../util/nest-lists.js'
import {splitBreakRunsListener} from '../util/split-break-runs.js'
import {layoutTablesPart} from '../util/unwrap-layout-tables.js'
import {walkParts} from '../util/walk.js'
import type {WalkListener, WalkPart} from '../util/walk.js'

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
 * *   paragraphs written as runs of `<br>` in one block become paragraphs
 *     (see `splitBreakRuns`)
 *
 * Data tables stay tables; with nested tables unwrapped first, a table
 * never lands in another table's cell (where its cells and rows would run
 * together).
 */
export const rehypeNormalizeStructure: Plugin<[], Root> = function () {
  return function (tree) {
    walkParts(tree, [normalizeStructurePart()])
  }
}

/** Options of `normalizeStructurePart`. */
export interface StructureOptions {
  /**
   * The tree holds fewer than two `<br>`s (as a walk before found, with
   * nothing since that adds one), so no block holds a run of them: no prose
   * block is read for `<br>` runs (default: `false`).
   */
  noBreaks?: boolean | null | undefined
}

/**
 * `rehypeNormalizeStructure` as a part of a shared walk (`walkParts`):
 * layout tables are unwrapped as the walk meets them, lists normalised as
 * it enters them (after the tables around them are gone, before their
 * children are read), prose blocks split at `<br>` runs last; parts after
 * it see the tree as normalised.
 */
export function normalizeStructurePart(options?: Readonly<StructureOptions> | null | undefined): WalkPart {
  const tables = layoutTablesPart()
  const lists = nestListsListener()
  const breaks: WalkListener = options && options.noBreaks ? {} : splitBreakRunsListener()
  return {
    listener: {
      enter(element, parent, index) {
        const replaced = tables.listener.enter!(element, parent, index)
        if (replaced) return replaced
        lists.enter!(element, parent, index)
        const paragraphs = breaks.enter && breaks.enter(element, parent, index)
        // A `<p>` split into paragraphs is left at once (the walk reads the new ones next).
        if (paragraphs) tables.listener.leave!(element)
        return paragraphs
      },
      leave(element) {
        if (breaks.leave) breaks.leave(element)
        tables.listener.leave!(element)
      }
    }
  }
}
