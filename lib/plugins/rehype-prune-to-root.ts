import type {Root} from 'hast'
import {detachGathered, gatheredMatches, selectAll} from '../util/select.js'
import type {Plugin} from 'unified'
import {detach} from '../util/detach.js'
import {textOf} from '../util/text.js'
import {cleanLine} from '../util/yaml-text.js'

const headings = 'h1, h2'

/**
 * Keep only the article root chosen by `rehypeSelectRoot`
 * (`file.data.analysis.root`): head, menus,
 * sidebar, comments and footer leave the tree before the expensive stages.
 * A heading inside the root that repeats the title (now in the frontmatter)
 * goes too. Without a root the tree is left as it is.
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
    if (heading && gathered) detachGathered(analysis.index.selectorMatches!, heading)
    else if (heading) detach(root, heading)
  }
}
