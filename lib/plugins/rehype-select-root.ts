import type {Element, Root} from 'hast'
import {select} from '../util/select.js'
import type {Plugin} from 'unified'
import {findArticleRoot} from '../analyse/root/find-article-root.js'
import {genericNews} from '../profiles/index.js'
import {attachWrapper} from '../util/attach-wrapper.js'
import {analysePage} from '../analyse/analysis.js'
import {selectOrdered} from '../util/select-ordered.js'
import {walk} from '../util/walk.js'

/**
 * Choose the article root (`file.data.analysis.root`): the first of the
 * profile's content selectors that holds text, else content scoring, else
 * `<body>`. The tree is not pruned here, so that metadata outside the root
 * (head, title, tag footer) stays readable until `rehypePruneToRoot`.
 * Where the root came from is recorded in `file.data.articleSources.root`.
 */
export const rehypeSelectRoot: Plugin<[], Root> = function () {
  return function (tree, file) {
    const profile = file.data.profile || genericNews
    let from = ''
    let root: Element | undefined
    const analysis = analysePage(tree, file)
    const byProfile = selectOrdered(profile.content, tree, hasText, analysis.selected)
    if (byProfile) {
      root = byProfile.nodes[0]
      from = byProfile.selector
    }
    if (!root) {
      const found = findArticleRoot(tree, analysis.index.stats)
      if (found) {
        root = found.node
        from = 'content-scoring'
        if (found.merged) {
          attachWrapper(tree, found.node, found.parentOf)
          // Blocks moved into the wrapper: the index walk's selector matches no longer tell where they are.
          analysis.index.selectorMatches = undefined
        }
      }
    }
    if (!root) {
      root = select('body', tree)
      if (root) from = 'body'
    }
    analysis.selected = undefined
    analysis.index.stats = undefined
    analysis.root = root
    file.data.articleSources = {...file.data.articleSources, root: from || 'document'}
    analysis.sources = file.data.articleSources
  }
}

/** Whether `element` holds any non-white-space text (stops at the first). */
function hasText(element: Element): boolean {
  return walk(element, (node) => (node.type === 'text' && /\S/.test(node.value) ? 'exit' : undefined))
}
