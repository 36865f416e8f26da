import type {Element, Root} from 'hast'
import {detachGathered, gatheredMatches, selectAll} from '../util/select.js'
import type {Plugin} from 'unified'
import {walk} from '../util/walk.js'
import {textOf} from '../util/text.js'
import {cleanLine} from '../util/yaml-text.js'
import {createRemovalLog} from '../util/removal-log.js'
import {kickerBefore} from '../analyse/clean/kicker.js'

const headings = 'h1, h2'

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
    const candidates = gathered ? gathered.matches.get(headings)! : selectAll(headings, root)
    const heading = candidates.find((node) => (!gathered || gathered.below(node)) && cleanLine(textOf(node)).value === title)
    if (!heading) return
    const table = gathered && analysis.index.selectorMatches
    const parents: Map<Element, Root | Element> = table ? table.parents : parentsUpTo(root, heading)
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

/** Parent of each element of `root` met before `target` (in walk order), `target`'s included. */
function parentsUpTo(root: Element, target: Element): Map<Element, Root | Element> {
  const parents = new Map<Element, Root | Element>()
  walk(root, function (node, parent) {
    if (node.type !== 'element') return
    parents.set(node, parent)
    if (node === target) return 'exit'
  })
  return parents
}
