import type {Element, Root} from 'hast'
import {moveGathered, select, wrapGathered} from '../util/select.js'
import type {SelectorTable} from '../util/select.js'
import type {Plugin} from 'unified'
import {findArticleRoot} from '../analyse/root/find-article-root.js'
import type {ArticleRoot} from '../analyse/root/find-article-root.js'
import {holdsArticle, proseMass, withRecordedProse} from '../analyse/root/holds-article.js'
import type {VFile} from 'vfile'
import {genericNews} from '../profiles/index.js'
import {attachWrapper} from '../util/attach-wrapper.js'
import {analysePage, usesFallbackProfile} from '../analyse/analysis.js'
import type {Analysis} from '../analyse/analysis.js'
import {selectOrdered} from '../util/select-ordered.js'
import {someText} from '../util/bounded-text.js'
import {createRemovalLog} from '../util/removal-log.js'
import {withShortTexts} from '../analyse/blocks/short-text.js'
import {keepLeadUnderHeadline} from '../analyse/root/lead-under-headline.js'
import {leadAboveRoot} from '../analyse/root/lead-above-root.js'
import {recordMoved, recordWrapper} from '../analyse/rendered-text.js'
import {recordWrapped} from '../verdict/page-text.js'
import {recordHeaderLeads, recordHeaderMoved, recordHeaderWrapper} from '../analyse/meta/header-texts.js'
import {pageTitles, titledItem, titledSibling} from '../analyse/root/titled-sibling.js'
import {headingsWrapped} from '../analyse/root/headings-wrapped.js'
import {joinContinuations} from '../analyse/root/section-continuations.js'
import type {ArticleSections} from '../analyse/root/section-continuations.js'

/**
 * Choose the article root (`file.data.analysis.root`): the first of the
 * profile's content selectors that holds text, else content scoring, else
 * `<body>`. With the fallback profile (no site profile matched), a selector's
 * match must also hold the article: at least half the prose of the root
 * content scoring finds (`holdsArticle`), so related-post cards under
 * `.post-content` do not beat the article in `div.entry`. The tree is not pruned here, so that metadata outside the root
 * (head, title, tag footer) stays readable until `rehypePruneToRoot`.
 * Where the root came from is recorded in `file.data.articleSources.root`.
 */
export const rehypeSelectRoot: Plugin<[], Root> = function () {
  return function (tree, file) {
    // Candidates' prose is told from the index walk's page text while it knows them (`proseMass`).
    withRecordedProse(analysePage(tree, file).index.pageText, () => selectRoot(tree, file))
  }
}

/** The transform of `rehypeSelectRoot`. */
function selectRoot(tree: Root, file: VFile): undefined {
  const profile = file.data.profile || genericNews
  let from = ''
  let root: Element | undefined
  const analysis = analysePage(tree, file)
  const stats = analysis.index.stats
  // The index walk's short texts answer `shortText` until blocks move (a merged root, a lead).
  const texts = analysis.index.shortTexts
  const unchanged = <Result>(run: () => Result): Result => (texts ? withShortTexts(texts, run) : run())
  // Content scoring's root, found once (`null`: not looked for yet).
  let scored: ArticleRoot | undefined | null = null
  const scoring = () => {
    if (scored === null) scored = unchanged(() => findArticleRoot(tree, stats))
    return scored
  }
  const selectors = profile.content || []
  // With the fallback profile, a selector that matches must still hold the article.
  const check = usesFallbackProfile(file)
  let scoringProse = -1
  // Whether a lead under the page's `<h1>` may join the root (not when the root holds its own headline).
  let keepLead = true
  let merged = false
  let next = 0
  while (next < selectors.length) {
    const rest = selectors.slice(next)
    const byProfile = selectOrdered(rest, tree, hasText, analysis.selected)
    if (!byProfile) break
    const node = byProfile.nodes[0]
    if (check) {
      if (scoringProse < 0) {
        const found = scoring()
        scoringProse = found ? proseMass(found.node) : 0
      }
      // Whether the match lies inside the scoring root, told from the parents the index walk saw (the tree is as it was).
      const table = analysis.index.selectorMatches
      if (!holdsArticle(node, scoring()?.node, scoringProse, table && ((element) => table.parents.get(element)))) {
        next += rest.indexOf(byProfile.selector) + 1
        continue
      }
    }
    root = node
    from = byProfile.selector
    break
  }
  // Sections: the article's text may go on in sibling sections of a page builder (not a marked `articleBody`, not a site profile's choice).
  let sections: ArticleSections | undefined
  if (root && check) {
    const found = scoring()
    sections = found ? joinContinuations(root, false, found.stats) : undefined
  }
  // One of several article-like blocks (a story beside the next ones in full): the one the page's headline titles.
  const titles = check ? pageTitles(analysis.index) : []
  // The index walk's `<h1>`–`<h3>` with their ancestors: valid until blocks move (a merged root, a lead).
  const headings = analysis.index.titleHeadings
  if (root && titles.length > 0) {
    const found = scoring()
    const chosen = root
    const titled = found && unchanged(() => titledSibling(chosen, [chosen], found.parentOf, titles, headings) || titledItem(chosen, titles, headings))
    if (titled) {
      root = titled
      from += '+titled-sibling'
      keepLead = false
      sections = undefined
    }
  }
  if (!root) {
    const found = scoring()
    // Looked for before a merged root's blocks move into their wrapper.
    const titled = found && titles.length > 0 ? unchanged(() => titledSibling(found.node, found.merged ? elementsOf(found.node) : [found.node], found.parentOf, titles, headings)) : undefined
    if (titled) {
      root = titled
      from = 'content-scoring+titled-sibling'
      keepLead = false
    } else if (found) {
      sections = joinContinuations(found.node, found.merged, found.stats)
      root = sections ? sections.node : found.node
      from = sections ? 'content-scoring+sections' : 'content-scoring'
      const between = sections ? [...found.between, ...sections.between] : found.between
      if (between.length > 0) {
        // Furniture between the kept blocks stays out of the article: accounted for like any removal.
        const log = createRemovalLog(file)
        for (const node of between) log.note(node, 'furniture-hint')
        log.flush(root)
      }
      sections = undefined
      if (found.merged || root !== found.node) {
        // Blocks moved into the wrapper: the `<h1>`s the index found no longer tell where they are.
        merged = true
        attachWrapped(analysis, tree, root, found.parentOf)
      }
      // A merged root's headings: those the index found in its blocks, up to the wrapper.
      const item = titles.length === 0 ? undefined : merged ? titledItem(root, titles, headings && headingsWrapped(headings, root)) : unchanged(() => titledItem(found.node, titles, headings))
      if (item) {
        root = item
        from += '+titled-item'
        keepLead = false
      }
    }
  }
  if (sections && root) {
    // A selector's match joined with its continuations (no titled item replaced it).
    const found = scoring()
    if (sections.between.length > 0) {
      const log = createRemovalLog(file)
      for (const node of sections.between) log.note(node, 'furniture-hint')
      log.flush(sections.node)
    }
    // `sections` is only made when content scoring found a root (its statistics tell the parents).
    attachWrapped(analysis, tree, sections.node, found!.parentOf)
    root = sections.node
    from += '+sections'
    merged = true
  }
  if (!root) {
    root = select('body', tree)
    if (root) from = 'body'
  } else if (keepLead) {
    // The root's ancestors from the parents the index walk saw (kept through a wrapper's placing), checked by the lead walk when it meets the root.
    const table = analysis.index.selectorMatches
    const above = table && table.parents.has(root) ? ancestorsIn(table, root) : undefined
    // A merged root (the wrapper) holds an `<h1>` when one of the index's lies in its blocks.
    const headlines = analysis.index.headlines
    const holdsHeadline = merged && headlines ? headingsWrapped(headlines, root).length > 0 : undefined
    const moved = keepLeadUnderHeadline(tree, root, merged ? undefined : headlines, above, holdsHeadline)
    // None under a headline: a lead right above the root in its `<article>` (not when the root holds the headline, or may: blocks above it are above the headline).
    const chosen = root
    const holdsH1 = headlines ? (merged ? holdsHeadline : headlines.some((headline) => headline.ancestors.includes(chosen))) : true
    if (moved.length === 0 && table && above && !holdsH1) {
      const leads = leadAboveRoot(root, (node) => table.parents.get(node), titles)
      for (const {node, parent} of leads) parent.children.splice(parent.children.indexOf(node), 1)
      root.children.unshift(...leads.map((lead) => lead.node))
      moved.push(...leads.map((lead) => lead.node))
    }
    if (moved.length > 0) {
      // A lead moved into the root: the index walk's selector matches are told where it went (read again only there), so is the page text.
      if (analysis.index.selectorMatches) moveGathered(analysis.index.selectorMatches, moved, root)
      if (analysis.index.pageText) analysis.index.pageText.moved.push(...moved)
      if (analysis.index.renderedText) recordMoved(analysis.index.renderedText, root, moved)
      if (analysis.index.headerTexts) recordHeaderLeads(analysis.index.headerTexts, moved)
      // The short texts of the lead's old and new ancestors changed.
      analysis.index.shortTexts = undefined
    }
  }
  analysis.selected = undefined
  analysis.index.stats = undefined
  analysis.root = root
  file.data.articleSources = {...file.data.articleSources, root: from || 'document'}
  analysis.sources = file.data.articleSources
  return undefined
}

/**
 * Put a merged root's wrapper into the tree (`attachWrapper`), telling the
 * index walk's selector matches where its blocks went (`wrapGathered`);
 * when that cannot be told, they are dropped (the selectors are queried).
 * The rendered text is told the wrapper is its blocks (`recordWrapper`),
 * so are the page text (`recordWrapped`) and the texts after the headline
 * (`recordHeaderWrapper`).
 */
function attachWrapped(analysis: Analysis, tree: Root, wrapper: Element, parentOf: (node: Element) => Root | Element | undefined): void {
  const first = attachWrapper(tree, wrapper, parentOf)
  if (analysis.index.renderedText) recordWrapper(analysis.index.renderedText, wrapper)
  // The page text is told the wrapper's blocks left their places for the first one's (when each was one taken from the tree).
  if (analysis.index.pageText && first) recordWrapped(analysis.index.pageText, wrapper, elementsOf(wrapper))
  // So are the texts after the headline (the wrapper stands where its first block was); else they tell nothing.
  if (analysis.index.headerTexts) {
    if (first) recordHeaderWrapper(analysis.index.headerTexts, wrapper, first)
    else recordHeaderMoved(analysis.index.headerTexts)
  }
  // The short texts of the blocks' old ancestors changed.
  analysis.index.shortTexts = undefined
  const table = analysis.index.selectorMatches
  if (table && !(first && wrapGathered(table, wrapper, first))) analysis.index.selectorMatches = undefined
}

/** The elements above `element` (attached where `table` says), from its parent up. */
function ancestorsIn(table: SelectorTable, element: Element): Set<Element> {
  const above = new Set<Element>()
  for (let parent = table.parents.get(element); parent && parent.type === 'element'; parent = table.parents.get(parent)) above.add(parent)
  return above
}

/** Element children of `node`. */
function elementsOf(node: Element): Array<Element> {
  return node.children.filter((child): child is Element => child.type === 'element')
}

/** Whether `element` holds any non-white-space text (stops at the first, in document order). */
function hasText(element: Element): boolean {
  return someText(element, (value) => /\S/.test(value))
}
