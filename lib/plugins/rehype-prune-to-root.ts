import {walkInOrder} from '../util/walk.js'
import type {Element, Root} from 'hast'
import {detachGathered, gatheredMatches} from '../util/select.js'
import type {Plugin} from 'unified'
import {textOf} from '../util/text.js'
import {cleanLine} from '../util/yaml-text.js'
import {createRemovalLog} from '../util/removal-log.js'
import {kickerBefore} from '../analyse/clean/kicker.js'
import {articleHead, articleTail, judgeHead, judgeTail} from '../analyse/root/article-tail.js'
import type {TailBlock} from '../analyse/root/article-tail.js'
import {h} from 'hastscript'
import {mediaUrl, noteMedia} from '../media/note.js'
import {mediaIn} from '../media/tags.js'
import {avatarName} from '../analyse/vocabulary.js'
import type {VFile} from 'vfile'

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
 * `kicker`). The blocks after the root inside the same `<article>`
 * (`articleTail`) do not go unseen: a related list among them moves to the
 * end of the root, where cleaning keeps it as one; the others are recorded
 * (rule `outside-root`, or `comment-thread`). So are the blocks before the
 * root inside it (`articleHead`: the headline block, a standfirst left
 * out, a share bar). Without a root the tree is left as it is.
 */
export const rehypePruneToRoot: Plugin<[], Root> = function () {
  return function (tree, file) {
    const root = file.data.analysis && file.data.analysis.root
    if (!root) return
    // The root's ancestors as the index walk saw them (the tree above the root is as it was).
    const table = file.data.analysis!.index.selectorMatches
    const parentOf = (node: Element) => table!.parents.get(node)
    const head = table && articleHead(root, parentOf)
    const tail = table && articleTail(root, parentOf)
    tree.children = [root]
    if (head && head.length > 0) noteHead(root, head, file)
    dropTitleHeading(root, file)
    if (tail && tail.length > 0) keepTail(root, tail, file)
  }
}

/**
 * Keep the related lists of `tail` at the end of `root` (a heading sibling
 * that titles one goes with it, in a `<section>`) and record the other
 * blocks as removed (`judgeTail`).
 */
function keepTail(root: Element, tail: ReadonlyArray<TailBlock>, file: VFile): void {
  const verdicts = judgeTail(tail)
  const titles = new Set<Element>()
  for (const verdict of verdicts) if (verdict.keep && verdict.heading) titles.add(verdict.heading)
  const log = createRemovalLog(file)
  for (const [index, {node}] of tail.entries()) {
    const verdict = verdicts[index]
    if (titles.has(node)) continue
    if (verdict.keep) root.children.push(verdict.heading ? h('section', [verdict.heading, node]) : node)
    else log.note(node, verdict.rule)
  }
  log.flush(root)
}

/**
 * Record the blocks of `head` (the article container before the root, its
 * headline block, standfirst, share bar) as removed (`judgeHead`).
 */
function noteHead(root: Element, head: ReadonlyArray<TailBlock>, file: VFile): void {
  const rules = judgeHead(head)
  const title = file.data.article && file.data.article.title
  const log = createRemovalLog(file)
  for (const [index, {node}] of head.entries()) {
    // The headline itself is the frontmatter's title, not a loss.
    if (title && (node.tagName === 'h1' || node.tagName === 'h2') && cleanLine(textOf(node)).value === title) continue
    log.note(node, rules[index])
    if (rules[index] === 'outside-root') noteHeadMedia(node, file)
  }
  log.flush(root)
}

/**
 * Report the pictures and embeds of a block before the root that is not
 * furniture (`dropped-image`, `dropped-embed`, rule `outside-root`): the
 * article's lead picture, a featured image. Once per URL (a lazy copy of
 * the same picture is not another); an author's picture (an avatar, a
 * byline's portrait) and a placeholder (no source, a `data:` URL) beside a
 * real source are not reported.
 */
function noteHeadMedia(node: Element, file: VFile): void {
  const media = mediaIn(node)
  const urls = media.map((element) => mediaUrl(element))
  const real = urls.some((url) => url !== undefined && !url.startsWith('data:'))
  const seen = new Set<string>()
  for (const [index, element] of media.entries()) {
    const url = urls[index]
    if (url === undefined ? real : seen.has(url) || (real && url.startsWith('data:'))) continue
    if (url !== undefined) seen.add(url)
    const names = [element.properties.src, element.properties.alt, element.properties.className].flat().map((value) => String(value ?? ''))
    if (names.some((name) => avatarName.test(name) || name.toLowerCase().includes('author'))) continue
    noteMedia(file, element, 'outside-root', url)
  }
}

/** Drop the heading inside `root` that repeats the title, and a kicker above it (see `rehypePruneToRoot`). */
function dropTitleHeading(root: Element, file: VFile): undefined {
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
  return undefined
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
