import type {Root} from 'hast'
import {selectAll} from '../util/select.js'
import type {Plugin} from 'unified'
import {markedRoot} from '../util/article-root.js'
import {detach} from '../util/detach.js'
import {textOf} from '../util/text.js'

/**
 * Keep only the article root marked by `rehypeSelectRoot`: head, menus,
 * sidebar, comments and footer leave the tree before the expensive stages.
 * A heading inside the root that repeats the title (now in the frontmatter)
 * goes too. Without a marked root the tree is left as it is.
 */
export const rehypePruneToRoot: Plugin<[], Root> = function () {
  return function (tree, file) {
    const root = markedRoot(tree)
    if (!root) return
    tree.children = [root]
    const title = file.data.article && file.data.article.title
    if (!title) return
    const heading = selectAll('h1, h2', root).find((node) => textOf(node) === title)
    if (heading) detach(root, heading)
  }
}
