import {walkInOrder} from '../util/walk.js'
import type {Element, Root} from 'hast'
import {detachGathered, gatheredMatches} from '../util/select.js'
import type {Plugin} from 'unified'
import {textOf} from '../util/text.js'
import {cleanLine} from '../util/yaml-text.js'
import {createRemovalLog} from '../util/removal-log.js'
import {kickerBefore} from '../analyse/clean/kicker.js'

const headings = 'h1, h2'

/** Most `<h1>`s and `<h2>`s of the page whose text is read to tell that none is the title (beyond: searched for below the root). */
const headingsRead = 32

/**
 * Keep only the article root chosen by `rehypeSelectRoot`
 * (`file.data.analysis.root`): head, menus,
 * sidebar, comments and footer leave the tree before the expensive stages.
 * A heading inside the root that repeats the title (now in the frontmatter)
 * goes too; the blocks that held it are recorded
 * (`file.data.analysis.headBlocks`): they are the article's head (its lead,
 * byline, date), whatever their class says, and cleaning judges their parts
 * one by one. A kicker right above the heading (its section's link,
 * `kickerBefore`) goes with it, recorded (`file.data.removals`, rule
 * `kicker`). Without a root the tree is left as it is.
 */
export const rehypePruneToRoot: Plugin<[], Root> = function () {
  return function (tree, file) {
    const root = file.data.analysis && file.data.analysis.root
    if (!root) return
    tree.children = [root]
    const title = file.data.article && file.data.article.title
    if (!title) return
    // The title was cleaned of characters YAML refuses (`cleanMeta`); the heading was not.
    // The index walk's `h1, h2` still in the root, else a query.
    const analysis = file.data.analysis
    const gathered = analysis && gatheredMatches(analysis.index.selectorMatches, [headings], root)
    const matchesTitle = (node: Element) => cleanLine(textOf(node)).value === title
    let heading: Element | undefined
    let parents: Map<Element, Root | Element>
    const table = gathered && analysis.index.selectorMatches
    if (gathered && table) {
      heading = gathered.matches.get(headings)!.find((node) => gathered.below(node) && matchesTitle(node))
      parents = table.parents
    } else {
      // Else one search, stopping at the heading; none when no `<h1>`, `<h2>` of the page (the index walk met them all, nothing since made one) reads as the title.
      const known = analysis && analysis.index.titleHeadings
      const pageHeadings = known && known.filter((entry) => entry.element.tagName !== 'h3')
      if (pageHeadings && pageHeadings.length <= headingsRead && !pageHeadings.some((entry) => matchesTitle(entry.element))) return
      const found = firstHeading(root, matchesTitle)
      heading = found && found.heading
      parents = found ? found.parents : new Map()
    }
    if (!heading) return
    if (analysis) {
      // The heading's ancestors below the root, as they are before it goes.
      let parent = parents.get(heading)
      while (parent && parent !== root && parent.type === 'element') {
        analysis.headBlocks.add(parent)
        parent = parents.get(parent)
      }
    }
    // A kicker above the headline (its section's link) would become the article's first line: it goes, recorded.
    const head = parents.get(heading)
    const kicker = head && head.type === 'element' ? kickerBefore(head, heading) : []
    const log = kicker.length > 0 ? createRemovalLog(file) : undefined
    if (log) for (const node of kicker) log.note(node, 'kicker')
    if (table) {
      detachGathered(table, heading)
      for (const node of kicker) detachGathered(table, node)
    } else if (head) {
      head.children = head.children.filter((child) => child !== heading && !(child.type === 'element' && kicker.includes(child)))
    }
    if (log) log.flush(root)
  }
}

/**
 * The first `<h1>` or `<h2>` below `root` in document order that passes
 * `test` (as the first match of `selectAll('h1, h2', root)` would be: the
 * content of `<template>` is not searched), with the parent of it and of
 * each of its ancestors up to `root`.
 */
function firstHeading(root: Element, test: (node: Element) => boolean): {heading: Element; parents: Map<Element, Root | Element>} | undefined {
  let found: {heading: Element; parents: Map<Element, Root | Element>} | undefined
  walkInOrder(root, function (child, parent, frames) {
    if (child.type !== 'element') return undefined
    if ((child.tagName === 'h1' || child.tagName === 'h2') && test(child)) {
      const parents = new Map<Element, Root | Element>([[child, parent]])
      for (let at = frames.length - 1; at > 0; at--) parents.set(frames[at].parent as Element, frames[at - 1].parent)
      found = {heading: child, parents}
      return 'exit'
    }
    return child.tagName === 'template' ? 'skip' : undefined
  })
  return found
}
