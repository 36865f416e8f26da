import type {Element, Root} from 'hast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {captureImagesPart, collectImagesPart} from '../images/collect.js'
import {cjkSpacingPart, removeCjkLineBreaks} from './rehype-cjk-spacing.js'
import {collapseWalk} from './collapse-walk.js'
import {rehypeExtractMeta} from './rehype-extract-meta.js'
import {normalizeMedia, quietSubtreesPart, tidyMediaChildren} from './rehype-normalize-media.js'
import {noscriptSitesPart} from '../media/noscript.js'
import {settleHiddenImages} from '../media/hidden-kept.js'
import {figureHintsPart} from '../media/caption.js'
import {captionSitesPart} from '../media/caption-shortcode.js'
import {normalizeStructurePart} from './rehype-normalize-structure.js'
import {rehypePruneToRoot} from './rehype-prune-to-root.js'
import {locateRelated, relatedArticles} from './rehype-related-articles.js'
import type {LocatedLists} from './rehype-related-articles.js'
import {removePromos} from './rehype-remove-promos.js'
import {pageIndexOptions, rehypeResolveProfile} from './rehype-resolve-profile.js'
import {analysePage, baseUrlOf} from '../analyse/analysis.js'
import type {IndexOptions} from '../analyse/page-index.js'
import {rehypeSelectRoot} from './rehype-select-root.js'
import {stripInvisiblePart} from './rehype-strip-invisible.js'
import {rewriteSupSub, styledSupSubListener} from './rehype-sup-sub.js'
import {fragmentLinksPart, mayHoldFragmentLinks, rewriteFootnotes} from './rehype-footnotes.js'
import {report} from '../messages.js'
import type {NewsArticleOptions} from '../types.js'
import {measurePage} from '../verdict/index.js'
import {holdsContentPart} from '../util/holds-content.js'
import {walk, walkParts} from '../util/walk.js'
import {listNumberingListener} from '../util/list-numbering.js'
import type {WalkPart} from '../util/walk.js'
import {recordHeaderMoved} from '../analyse/meta/header-texts.js'

/**
 * The whole hast stage in one plugin, in order: remove CJK line breaks and
 * write superscript and subscript in the title and headings, resolve the
 * profile, select the article root, extract metadata, prune to the root,
 * remove promos, keep related lists, nest lists and unwrap layout tables,
 * write footnotes as footnote markers (`rehype-footnotes.ts`), normalise media (listing the article's images in `file.data.images`),
 * collapse nested formatting, write superscript and subscript, fix CJK
 * spacing, remove invisible break hints (soft hyphens), the last four on
 * one walk. Use it between `rehype-parse` and `rehype-remark`; each step
 * is also exported alone.
 */
export const rehypeNewsArticle: Plugin<[(Readonly<NewsArticleOptions> | null | undefined)?], Root> = function (options) {
  // Attachers added with `this.use` during freezing would run after the
  // whole chain, so the steps' transformers are created and run here, in order.
  const steps = [
    // Headings and the title are read for metadata before the body is
    // cleaned: they get their CJK line breaks removed and their superscript
    // and subscript written first. The rest waits until the body is clean
    // (cleaning reads the classes of `<sup>`, a meta bar of separate spans
    // is left for the byline reader, which needs its separations).
    // One walk indexes the page for the stages up to pruning (metadata
    // cues, profile selector matches, block statistics; `analysePage`),
    // preparing the headings as it meets them.
    function (tree: Root, file: VFile) {
      if (analyseAndPrepare(tree, file, indexing, options)) indexed.add(file)
    },
    rehypeResolveProfile.call(this, options),
    rehypeSelectRoot.call(this),
    rehypeExtractMeta.call(this, options),
    // The whole page, measured against the root before pruning, for the verdict (right after extraction: what it and the index walk read is current, when that walk was this chain's).
    (tree: Root, file: VFile) => measurePage(tree, file, indexed.has(file)),
    rehypePruneToRoot.call(this),
    // The related lists, and whether a link into the page is left, are
    // found on the walk that finds the promo blocks.
    function (tree: Root, file: VFile) {
      let located: LocatedLists | undefined
      const mayHold = mayHoldFragmentLinks(file.value)
      const pageUrl = mayHold ? baseUrlOf(tree, file, options && options.url) : undefined
      const fragments = mayHold ? fragmentLinksPart(pageUrl) : undefined
      removePromos(tree, file, function () {
        located = locateRelated(tree, file)
        // Nothing after this walk and before structure is normalised makes a `<br>` (elements are removed, unwrapped or moved; lists and notes are built without).
        const parts: Array<WalkPart> = [breaksPart(file)]
        if (located) parts.push(located)
        if (fragments) parts.push(fragments.part)
        return parts
      })
      relatedArticles(tree, file, options || {}, located)
      // Footnotes, while their links to `#…` are still there (media normalising unwraps them).
      if (fragments && fragments.found()) rewriteFootnotes(tree, pageUrl)
    },
    // Structure is normalised, the images' sources noted and the
    // `<noscript>`s found in one walk; then media are normalised, passing
    // over the subtrees that walk found quiet. The media visit cannot ride
    // that walk: the `<noscript>` fallbacks it reveals and the split
    // `[caption]` shortcodes it joins are found by it and edit their
    // parents first, and structure must not see what media builds.
    function (tree: Root, file: VFile) {
      const noscripts = noscriptSitesPart()
      const figures = figureHintsPart()
      const captions = captionSitesPart()
      const quiet = quietSubtreesPart()
      walkParts(tree, [
        normalizeStructurePart({noBreaks: (breaks.get(file) ?? 2) < 2}),
        captureImagesPart(tree, file, options),
        {listener: noscripts.listener},
        {listener: figures.listener},
        {listener: captions.listener},
        {listener: quiet.listener},
        {listener: styledSupSubListener},
        {listener: listNumberingListener}
      ])
      // The media's last pass (empty links, images between blocks) is run on the collapse's walk.
      normalizeMedia(tree, file, options || {}, {noscripts: noscripts.parents(), figures: figures.hints, captions: captions.sites(), quiet: quiet.subtrees}, true)
    }
  ] as Array<(tree: Root, file: VFile) => undefined>
  const indexing: IndexOptions = {...pageIndexOptions(options || {}), prepare: prepareHeading}
  // Files whose page this chain indexed (headings prepared on that walk), not given with an analysis.
  const indexed = new WeakSet<VFile>()
  // Per file, how many `<br>`s the article held on the promo walk (up to 2:
  // with fewer, no parent holds a run of them, and nothing makes one).
  const breaks = new WeakMap<VFile, number>()
  /** A part of the promo walk that counts the tree's `<br>`s, up to 2. */
  function breaksPart(file: VFile): WalkPart {
    let count = 0
    breaks.set(file, count)
    return {
      listener: {
        enter(element) {
          if (element.tagName !== 'br' || count >= 2) return
          count++
          breaks.set(file, count)
        }
      }
    }
  }
  return function (tree, file) {
    for (const step of steps) step(tree, file)
    // One last walk, the collapse's: it runs the media's last pass on each
    // parent before it reads its children, writes superscript and subscript
    // on its way, and tells the steps that only read the tree or change
    // text of the tree it leaves: list the images (`rehypeCollectImages`;
    // nothing after it changes images), fix CJK spacing, strip invisible
    // characters (after CJK spacing, which reads zero width spaces), and
    // check something is left (see `collapseWalk`).
    const content = holdsContentPart()
    collapseWalk(tree, tidyMediaChildren, [collectImagesPart(file), cjkSpacingPart(), stripInvisiblePart(file), content])
    // Hidden images whose copy the article keeps are not lost (`hidden-image-kept`).
    settleHiddenImages(file, file.data.images || [], () => baseUrlOf(tree, file, options && options.url))
    if (!content.holds()) report(file, 'no-content', 'Nothing convertible is left: no article text or image found')
  }
}

const headings = new Set(['title', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * Analyse the page (`analysePage` with `indexing`), preparing the title and
 * headings in the same walk; when the file already holds an analysis, only
 * prepare them.
 *
 * @returns
 *   Whether the page was indexed here.
 */
function analyseAndPrepare(tree: Root, file: VFile, indexing: IndexOptions, options: Readonly<NewsArticleOptions> | null | undefined): boolean {
  if (file.data.analysis) {
    // Headings prepared after the index walk: the texts it read after the headline may not be theirs now.
    const texts = file.data.analysis.index.headerTexts
    if (texts) recordHeaderMoved(texts)
    walk(tree, function (node) {
      if (node.type !== 'element' || !headings.has(node.tagName)) return
      prepareHeading(node)
      return 'skip'
    })
    return false
  }
  analysePage(tree, file, options && options.url, indexing)
  return true
}

/** Remove CJK line breaks and write superscript and subscript in a title or heading (read as metadata before the body is done). */
function prepareHeading(element: Element): undefined {
  rewriteSupSub(element)
  removeCjkLineBreaks(element)
  return undefined
}
