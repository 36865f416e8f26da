import type {Element, ElementContent, Parents, Root} from 'hast'
import {h} from 'hastscript'
import type {Plugin} from 'unified'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {captionParagraphs, captionText, captionTextOf, isCaptionNamed, isFigure, isFigureNamed, splitFigure} from '../media/caption.js'
import type {FigureHints} from '../media/caption.js'
import {embedKind, nonContent} from '../media/embed-kind.js'
import {playerFallbackText} from '../analyse/vocabulary.js'
import {embedLabel, labelLanguage} from '../media/embed-label.js'
import type {LabelLanguage} from '../media/embed-label.js'
import {attribute, imageCandidates, isPlaceholder, isPlaceholderPixel, pictureCandidates} from '../media/image-source.js'
import {backgroundImageUrl, revealBackgroundImage} from '../media/css-background.js'
import {adoptBoxSource} from '../media/box-source.js'
import {replaceInlineSvg} from '../media/inline-svg.js'
import {previewFacts, previewInPair} from '../media/preview.js'
import type {PreviewFacts} from '../media/preview.js'
import {isCompanionPath, savedPageLink} from '../media/saved-page.js'
import {linksAroundStructure} from '../media/link-into-structure.js'
import {lazyPlayerUrl, mayBeLazyPlayer, posterPlayerUrl} from '../media/lazy-player.js'
import {mayBeSocialBox, socialBoxUrl} from '../media/social-box.js'
import {expandCaptionShortcodes, joinSplitCaptionShortcode, opensCaptionShortcode} from '../media/caption-shortcode.js'
import type {CaptionSite} from '../media/caption-shortcode.js'
import {embedCandidates, isPixel, noteMedia} from '../media/note.js'
import {revealNoscripts, revealNoscriptsIn} from '../media/noscript.js'
import {adTags, holdsMedia, imageTags, innerImage, isMedia} from '../media/tags.js'
import {report} from '../messages.js'
import type {NormalizeMediaOptions} from '../types.js'
import {baseUrlOf} from '../analyse/analysis.js'
import {fileUrl, safeUrl} from '../util/safe-url.js'
import {textOf} from '../util/text.js'
import {holdsText} from '../util/bounded-text.js'
import {walk} from '../util/walk.js'
import {phrasingTags} from '../analyse/blocks/tags.js'
import type {WalkListener} from '../util/walk.js'
import {replaceChild} from '../util/replace-child.js'
import {detach} from '../util/detach.js'
import {describeElement, noteRemoval} from '../util/removals.js'

const emptyOptions: Readonly<NormalizeMediaOptions> = {}

/** Embeds that become a link (`<video>`/`<audio>` are handled apart). */
const frameTags: ReadonlySet<string> = new Set([
  'iframe',
  'embed',
  'object',
  'amp-iframe',
  'amp-youtube',
  'amp-vimeo',
  'amp-twitter',
  'amp-instagram',
  'lite-youtube',
  'lite-vimeo',
  'video-js',
  'mux-player',
  'mux-video'
])

/** Players of direct media files. */
const playerTags: ReadonlySet<string> = new Set(['video', 'audio', 'amp-video', 'amp-audio'])

/**
 * Make links, images, figures and embeds publishable:
 *
 * - `<noscript>` fallbacks replace the lazy placeholder they stand for
 *   (once: a copy of an image that has a real source goes)
 * - images take their real URL from lazy-loading attributes, `srcset`s and
 *   `<picture>` sources, never a placeholder (1×1 GIF, `data:` URI)
 * - every URL is resolved against `<base href>`, the page URL or the `url`
 *   option; `javascript:`/`vbscript:`/`data:` URLs are dropped (their text
 *   kept), anchors without a target unwrapped
 * - figures (`<figure>`, WordPress `.wp-caption` and `[caption]` shortcodes
 *   left as text, captions right after an image) become their content followed by the caption as emphasised
 *   lines, links in captions kept
 * - embeds (`<iframe>`, `<embed>`, `<object>`, `<video>`, `<audio>`, AMP
 *   players, `lite-youtube`/`lite-vimeo` facades, empty boxes a lazy
 *   loader would put a video player in) from any host become a labelled
 *   link; only ads, trackers and share buttons go
 *
 * Every image or embed removed is recorded (`file.data.removals`,
 * `dropped-image` or `dropped-embed` naming its URL and rule).
 */
/**
 * Whether a URL is only a placeholder, harmless and meaning “no link”:
 * `#`, `javascript:;`, `javascript:void(0)`, `javascript:void 0`,
 * `javascript:` (any case, spaces around). Dropped like unsafe URLs, but
 * counted quietly (`file.data.placeholderUrls`) instead of reported.
 */
export function isPlaceholderUrl(value: string): boolean {
  const compact = value.toLowerCase().split(/\s/).join('')
  return (
    compact === '#' ||
    compact === 'javascript:' ||
    compact === 'javascript:;' ||
    compact === 'javascript:void(0)' ||
    compact === 'javascript:void(0);' ||
    compact === 'javascript:void0' ||
    compact === 'javascript:void0;'
  )
}

export const rehypeNormalizeMedia: Plugin<[(Readonly<NormalizeMediaOptions> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  return function (tree, file) {
    normalizeMedia(tree, file, settings)
  }
}

/** What a shared walk over the tree as it is before `normalizeMedia` found for it. */
export interface MediaSites {
  /** Parents of the `<noscript>`s (`noscriptSitesPart`). */
  noscripts: ReadonlyArray<Parents>
  /** Which elements have a `.wp-caption-text` child (`figureHintsPart`). */
  figures: FigureHints
  /** Elements whose own text opens a `[caption` shortcode (`captionSitesPart`). */
  captions: ReadonlyArray<CaptionSite>
  /** Subtrees the visit has nothing to do in (`quietSubtreesPart`): passed over. */
  quiet?: QuietSubtrees | undefined
}

/** What `quietSubtreesPart` tells of the elements a walk saw. */
export interface QuietSubtrees {
  /** Elements in whose subtree (themselves included) `normalizeMedia`'s visit changes nothing. */
  quiet: WeakSet<Element>
  /** Links holding only text and text-level elements the visit has nothing to do in (it passes over what they hold). */
  quietLinks: WeakSet<Element>
  /** Of the elements of either set, the ones holding text other than white space (which ends a pair of an image and its preview). */
  withText: WeakSet<Element>
  /** Of the links of `quietLinks`, the ones holding a character other than white space and zero width spaces (`holdsText`). */
  shown: WeakSet<Element>
}

/** Elements the media visit acts on (or on what they hold), by tag name. */
const busyTags: ReadonlySet<string> = new Set(['a', 'svg', 'noscript', 'figure', 'figcaption', 'picture', ...imageTags, ...frameTags, ...playerTags, ...adTags])

/**
 * A listener of a shared walk (`walkShared`) telling the subtrees in which
 * `normalizeMedia`'s visit would change nothing, so that it passes over
 * them: no element that is or may be media, a link (nor anything inside
 * one: links around lists are tracked through blocks), an SVG, a
 * `<noscript>`, a figure or caption by its name, a box with a background
 * image or a lazy player's attributes, and no text opening a `[caption`
 * shortcode. Put it after the listeners that change the tree: it is valid
 * for the tree the walk leaves, as long as nothing is moved into a quiet
 * subtree before the visit (the `<noscript>`s revealed and the split
 * shortcodes joined first edit only busy ones).
 *
 * @returns
 *   Listener, and the subtrees (filled as the walk goes).
 */
export function quietSubtreesPart(): {listener: WalkListener; subtrees: QuietSubtrees} {
  const subtrees: QuietSubtrees = {quiet: new WeakSet(), quietLinks: new WeakSet(), withText: new WeakSet(), shown: new WeakSet()}
  // Per open element: whether the visit acts on it or below (`busy`), on it
  // by itself (`own`), below it other than on a link's text (`inner`:
  // something busy by itself, a block, a shortcode), and whether it holds
  // text (other than white space; other than zero width spaces too: `shown`).
  const open: Array<{busy: boolean; own: boolean; inner: boolean; phrasing: boolean; text: boolean; shown: boolean}> = []
  let links = 0
  return {
    listener: {
      enter(element) {
        const own =
          busyTags.has(element.tagName) ||
          isMedia(element) ||
          isFigureNamed(element) ||
          isCaptionNamed(element, false) ||
          mayBeLazyPlayer(element) ||
          mayBeSocialBox(element) ||
          backgroundImageUrl(element) !== undefined
        open.push({busy: own || links > 0, own, inner: false, phrasing: phrasingTags.has(element.tagName), text: false, shown: false})
        if (element.tagName === 'a') links++
      },
      text(node) {
        const frame = open[open.length - 1]
        if (!frame) return
        if (node.value.trim()) frame.text = true
        if (/[^\s\u200b]/.test(node.value)) frame.shown = true
        if (opensCaptionShortcode(node.value)) frame.busy = frame.inner = true
      },
      leave(element) {
        const frame = open.pop()!
        if (element.tagName === 'a') {
          links--
          if (!frame.inner) subtrees.quietLinks.add(element)
          if (!frame.inner && frame.shown) subtrees.shown.add(element)
        }
        if (!frame.busy) subtrees.quiet.add(element)
        if (frame.text) subtrees.withText.add(element)
        const up = open[open.length - 1]
        if (!up) return
        up.busy ||= frame.busy
        up.inner ||= frame.inner || frame.own || !frame.phrasing
        up.text ||= frame.text
        up.shown ||= frame.shown
      }
    },
    subtrees
  }
}

/**
 * Normalise the media of `tree` (`rehypeNormalizeMedia`). `sites`, when
 * given, were found by a walk over the tree as it is now; else a walk finds
 * the `<noscript>`s and figures are told by their children. With
 * `tidyLater`, the last pass (`tidyMediaChildren`: links left empty go,
 * images between blocks get a paragraph) is left to the caller, who runs it
 * on a walk of its own before anything else reads the tree.
 */
export function normalizeMedia(tree: Root, file: VFile, settings: Readonly<NormalizeMediaOptions>, sites?: MediaSites | undefined, tidyLater?: boolean | undefined): undefined {
  const base = baseUrlOf(tree, file, settings.url)
  const allowFile = Boolean(settings.allowFileImages)
  const context: Context = {
    file,
    allowData: Boolean(settings.allowDataImages),
    language: undefined,
    tree,
    resolve(value, node, data = false) {
      if (typeof value !== 'string' || !value.trim()) return undefined
      const url = safeUrl(value, base, data && context.allowData) ?? (data && allowFile ? fileUrl(value) : undefined)
      if (!url && isPlaceholderUrl(value)) file.data.placeholderUrls = (file.data.placeholderUrls || 0) + 1
      else if (!url && !/^\s*data:image\//i.test(value)) report(file, 'unsafe-url', 'Dropped unsafe URL `' + value.slice(0, 40) + '`', node)
      return url
    }
  }

  if (sites) revealNoscriptsIn(sites.noscripts)
  else revealNoscripts(tree)
  // `[caption …]<img>` in one paragraph, `The mill[/caption]` in the next: joined, expanded as its text is visited.
  if (sites) {
    for (const {element, parent} of sites.captions) {
      const index = parent.children.indexOf(element)
      if (index !== -1) joinSplitCaptionShortcode(element, parent, index)
    }
  }

  const split = new Set<Element>()
  const linksAround = linksAroundStructure()
  // Elements this pass built (figure bodies, caption paragraphs): visited for their content, never turned into a figure or caption again, which could repeat forever (a `.wp-caption-text` holding an image stays in the body it is moved to).
  const built = new WeakSet<Element>()
  // The last image written, while no text followed it, and the images found to be previews of their neighbour (removed after the walk).
  let previous: {img: Element; parent: Parents; facts: PreviewFacts} | undefined
  const previews: Array<{img: Element; parent: Parents}> = []
  // With the sites given (no split shortcode is joined on the visit, which
  // would read the siblings after each element), a figure that becomes
  // more than one node is put in its place in a holder, unwrapped once the
  // visit is over: the children after the first holder in a parent are
  // moved once, not once per figure. Per parent, the place of the first
  // holder when it was put there.
  const held = new Map<Parents, number>()
  const quiet = sites && sites.quiet
  visit(tree, function (node, index, parent) {
    if (node.type === 'text') {
      if (parent && parent.type === 'element' && index !== undefined && opensCaptionShortcode(node.value)) {
        // The shortcode reads and rebuilds the whole of its parent: its figures' holders (all before the text) go first.
        const first = held.get(parent)
        const at = first === undefined ? index : index + unwrapHolders(parent, first)
        held.delete(parent)
        if (expandCaptionShortcodes(parent)) {
          // `[caption …]<img> The old mill[/caption]` left as text: a figure, visited next; a paragraph holding one is split after the walk.
          if (parent.tagName === 'p') split.add(parent)
          return at
        }
        // No shortcode that closes: the visit goes on after the text, where it now is.
        if (previous && node.value.trim()) previous = undefined
        return at + 1
      }
      if (previous && node.value.trim()) previous = undefined
      return undefined
    }
    if (node.type !== 'element' || !parent || index === undefined) return undefined
    if (quiet && quiet.quiet.has(node)) {
      // Nothing to do in it; its text still ends an image's wait for its preview.
      if (quiet.withText.has(node)) previous = undefined
      return SKIP
    }
    if (!sites) joinSplitCaptionShortcode(node, parent, index)
    linksAround.enter(node, parent)
    // A content image given as a CSS background becomes an `<img>` first in its element, visited with it.
    revealBackgroundImage(node)
    // `<div data-src="…/photo.jpg"><img src=""></div>`: the image takes the box's URL.
    adoptBoxSource(node)
    if (node.tagName === 'svg') {
      // The raster image an SVG frames, visited in its place; a content SVG is reported.
      replaceChild(parent, index, replaceInlineSvg(node, context.file))
      return [SKIP, index]
    }
    if (node.tagName === 'a') {
      // A link holding only text and text-level elements wraps no figure, and nothing in it is to be done.
      const still = quiet !== undefined && quiet.quietLinks.has(node)
      if (!still && wrapsFigure(node)) {
        // `<a href=big><figure>…</figure></a>`: the link goes onto the images.
        replaceChild(parent, index, pushLinkDown(node))
        return [SKIP, index]
      }
      const kept = link(node, context, still && quiet.shown.has(node))
      if (!Array.isArray(kept)) {
        if (!still) return undefined
        if (quiet.withText.has(node)) previous = undefined
        return SKIP
      }
      replaceChild(parent, index, kept)
      return [SKIP, index]
    }
    // A social embed whose script never ran (`div.fb-post[data-href]`, an emptied Instagram quote, a bare WordPress embed URL): a link to the post, or reported.
    const social = socialBoxUrl(node)
    if (social !== undefined) {
      const replacement = socialBox(node, social, context)
      replaceChild(parent, index, replacement)
      return [SKIP, index + replacement.length]
    }
    if (built.has(node)) return undefined
    if (isFigure(node, sites && sites.figures)) {
      const replacement = figure(node, context)
      for (const child of replacement) if (child.type === 'element') built.add(child)
      if (sites && replacement.length > 1) {
        const holder: Element = {type: 'element', tagName: 'div', properties: {}, children: replacement}
        holders.add(holder)
        built.add(holder)
        parent.children[index] = holder
        if (!held.has(parent)) held.set(parent, index)
      } else replaceChild(parent, index, replacement)
      // Visit the figure's content in its new place.
      return [SKIP, index]
    }
    const siblings = parent.children as Array<ElementContent>
    const text = captionTextOf(node, false)
    const captioned = text === undefined ? undefined : captionedMedia(siblings, index)
    if (captioned) {
      fillAlt(captioned, captionText([text!]))
      const replacement = captionParagraphs([node])
      for (const child of replacement) built.add(child)
      replaceChild(parent, index, replacement)
      // A caption in the image's paragraph (`<p><img><br><span class="img_descr">`): the paragraph is split after the walk.
      if (replacement.length > 0 && parent.type === 'element' && parent.tagName === 'p') split.add(parent)
      return [SKIP, index + replacement.length]
    }
    let replacement: Array<ElementContent> | undefined
    if (node.tagName === 'picture' || imageTags.has(node.tagName)) {
      replacement = image(node, context)
      const shown = replacement[0]
      if (shown && shown.type === 'element') {
        const facts = previewFacts(node, String(shown.properties.src))
        const preview = previous && previewInPair(previous.facts, facts)
        if (preview === 'second') {
          notePreview(context.file, node, String(shown.properties.src))
          replacement = []
        } else {
          if (preview === 'first' && previous) {
            notePreview(context.file, previous.img, String(previous.img.properties.src))
            previews.push(previous)
          }
          previous = {img: shown, parent, facts}
        }
      }
    } else if (frameTags.has(node.tagName)) replacement = embed(node, context)
    else if (playerTags.has(node.tagName)) replacement = player(node, context)
    else if (adTags.has(node.tagName)) {
      const slot = [node.properties.type, attribute(node, 'data-slot') || attribute(node, 'data-ad-slot')].filter(Boolean).join(' ')
      noteMedia(context.file, node, 'ad-embed', slot || node.tagName)
      replacement = []
    } else if (node.tagName === 'noscript') replacement = []
    else {
      // An empty box a lazy-loading script would put a player in: the player as a link.
      const box = lazyPlayerUrl(node, parent.children as Array<ElementContent>)
      if (box) replacement = embed({...node, properties: {...node.properties, src: box}}, context)
      // A player box showing a poster image: the poster stays, the video follows it as a link.
      const poster = box ? undefined : posterPlayerUrl(node, parent.children as Array<ElementContent>)
      if (poster) parent.children.splice(index + 1, 0, ...embed({...node, properties: {...node.properties, src: poster}}, context))
    }
    if (!replacement) return undefined
    replaceChild(parent, index, replacement)
    return [SKIP, index + replacement.length]
  })

  // `<a href><ul>…</ul></a>`, `<a href><table>…</table></a>`: the link goes onto each item's and cell's content.
  for (const [parent, first] of held) unwrapHolders(parent, first)
  held.clear()
  linksAround.done()
  for (const preview of previews) {
    const at = preview.parent.children.indexOf(preview.img)
    if (at === -1) detach(tree, preview.img)
    else preview.parent.children.splice(at, 1)
  }
  if (split.size > 0) splitParagraphs(tree, split, built)
  if (!tidyLater) tidy(tree)
  return undefined
}

/**
 * Split each paragraph of `split` that now holds caption paragraphs (or a
 * figure's content, `built` by this pass) into paragraphs: its runs of
 * phrasing (line breaks at their edges dropped) and the captions and
 * figures, in order.
 */
function splitParagraphs(tree: Root, split: ReadonlySet<Element>, built: WeakSet<Element>): void {
  walk(tree, function (node, parent, index) {
    if (node.type !== 'element' || !split.has(node)) return undefined
    const parts: Array<Element> = []
    let run: Array<ElementContent> = []
    const flush = () => {
      while (run.length > 0 && isBreakOrSpace(run[0])) run.shift()
      while (run.length > 0 && isBreakOrSpace(run[run.length - 1])) run.pop()
      if (run.length > 0) parts.push({type: 'element', tagName: 'p', properties: parts.length === 0 ? node.properties : {}, children: run})
      run = []
    }
    for (const child of node.children) {
      if (child.type === 'element' && (child.tagName === 'p' || built.has(child))) {
        flush()
        parts.push(child)
      } else run.push(child)
    }
    flush()
    parent.children.splice(index, 1, ...parts)
    return 'skip'
  })
}

/** Record an image removed as the low-quality preview of its neighbour (non-content, like a tracker pixel: a `dropped-embed` info). */
function notePreview(file: VFile, node: Element, src: string): void {
  noteRemoval(file, {kind: 'embed', rule: 'image-preview', characters: 0, element: describeElement(node), sample: src.slice(0, 200)}, node)
}

function isBreakOrSpace(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && !node.value.trim()) || (node.type === 'element' && node.tagName === 'br')
}

interface Context {
  file: VFile
  allowData: boolean
  /** Language of embed labels, from the article text (computed once, when needed). */
  language: LabelLanguage | undefined
  tree: Root
  /** Resolve and check a URL; reports `unsafe-url` (not for `data:image/`, recorded by the caller). */
  resolve(value: unknown, node: Element, data?: boolean): string | undefined
}

/**
 * An `<img>`, `<amp-img>` or `<picture>` as one plain `<img>` with its real
 * source, or nothing (recorded) when it has none, only unsafe ones, or is
 * a tracker.
 */
function image(node: Element, context: Context): Array<ElementContent> {
  const img = node.tagName === 'picture' ? innerImage(node) : node
  const candidates = node.tagName === 'picture' ? pictureCandidates(node) : imageCandidates(node)
  let src: string | undefined
  let unsafe: string | undefined
  let from: string | undefined
  for (const candidate of candidates) {
    src = context.resolve(candidate.value, node, true)
    from = candidate.from
    if (src) break
    if (!isPlaceholderUrl(candidate.value)) unsafe ||= candidate.value
  }
  // A lone `data:` image (small ones count as placeholders) when they are allowed.
  const written = img && typeof img.properties.src === 'string' ? img.properties.src.trim() : ''
  if (!src && context.allowData && /^data:image\//i.test(written) && !/^data:image\/svg/i.test(written)) src = context.resolve(written, node, true)
  // A 1×1 GIF or PNG is a lazy-loading placeholder, not a picture (`--images copy` saved it as a file).
  if (src && isPlaceholderPixel(src)) src = undefined
  if (!src) {
    const rule = unsafe ? (/^\s*data:/i.test(unsafe) ? 'data-url' : 'unsafe-url') : 'no-source'
    noteMedia(context.file, node, rule, unsafe || (written && isPlaceholder(written) ? written : undefined))
    return []
  }
  // A 1×1 size marks a tracker pixel, unless the picture comes from a lazy
  // attribute (`data-src`, `data-srcset`…): the size is then the placeholder's,
  // which the page's script replaces with the picture.
  const lazy = from !== undefined && from !== 'src' && from !== 'srcset' && !from.startsWith('source')
  if (nonContent(src) || (img && !lazy && isPixel(img))) {
    noteMedia(context.file, img || node, 'tracker-pixel', src)
    return []
  }
  const props = img ? img.properties : node.properties
  return [h('img', {src, alt: String(props.alt || '').trim(), title: props.title ? String(props.title) : undefined})]
}

/** The link itself when kept, else what replaces it (its children, or nothing); `shown`: it is known to hold text (`holdsText`). */
function link(node: Element, context: Context, shown: boolean): Element | Array<ElementContent> {
  const hasContent = shown || holdsText(node) || holdsMedia(node)
  if (!hasContent) return []
  if (typeof node.properties.href === 'string' && isCompanionPath(node.properties.href)) return savedPageLink(node, context.file)
  const href = node.properties.href === undefined ? undefined : context.resolve(node.properties.href, node)
  if (!href || href.startsWith('#')) return node.children
  const title = node.properties.title && node.properties.title !== textOf(node) ? node.properties.title : undefined
  node.properties = {href, title}
  return node
}

/**
 * An `<iframe>`, `<embed>`, `<object>` or AMP player as a paragraph holding a
 * labelled link to what it shows; nothing (recorded) for ads, trackers,
 * share buttons and frames without a usable source. An `<object>` whose
 * data is an image becomes that image; one without a source keeps its
 * fallback content.
 */
function embed(node: Element, context: Context): Array<ElementContent> {
  let url: string | undefined
  let unsafe: string | undefined
  let copy: string | undefined
  for (const candidate of embedCandidates(node)) {
    // A saved page's copy of the frame (`Page_files/Tweet.html`) is not what it showed.
    if (isCompanionPath(candidate)) {
      copy ||= candidate
      continue
    }
    url = context.resolve(candidate, node)
    if (url) break
    if (!isPlaceholderUrl(candidate)) unsafe ||= candidate
  }
  if (!url) {
    const fallback = node.tagName === 'object' ? node.children.filter((child) => child.type !== 'element' || (child.tagName !== 'param' && child.tagName !== 'embed')) : []
    if (fallback.some((child) => textOf(child) || (child.type === 'element' && holdsMedia(child)))) return fallback
    noteMedia(context.file, node, unsafe ? (/^\s*data:/i.test(unsafe) ? 'data-url' : 'unsafe-url') : copy ? 'saved-page-copy' : node.properties.srcDoc ? 'srcdoc' : 'no-source', unsafe || copy)
    return []
  }
  const reason = nonContent(url)
  if (reason) {
    noteMedia(context.file, node, reason, url)
    return []
  }
  if (node.tagName === 'object' && (/^image\//i.test(String(node.properties.type || '')) || /\.(?:svg|png|jpe?g|gif|webp)(?:[?#]|$)/i.test(url))) {
    return [h('p', [h('img', {src: url, alt: textOf(node)})])]
  }
  return [h('p', [h('a', {href: url}, embedLabel(node, url, embedKind(url), language(context)))])]
}

/**
 * An emptied social embed box as a link to the post it names (`written`,
 * see `socialBoxUrl`) resolved against the page's base; when it names none,
 * or one that is unsafe or stays relative (no base), nothing, recorded as
 * a `dropped-embed` (rules `no-source`, `unsafe-url`, `relative-url`).
 */
function socialBox(node: Element, written: string, context: Context): Array<ElementContent> {
  const url = written ? context.resolve(written, node) : undefined
  if (url && /^https?:/i.test(url)) return embed({...node, properties: {...node.properties, src: url}}, context)
  const rule = !written ? 'no-source' : url ? 'relative-url' : 'unsafe-url'
  noteRemoval(context.file, {kind: 'embed', rule, characters: 0, element: describeElement(node), sample: written.slice(0, 200) || '(no source)'}, node)
  return []
}

/**
 * A `<video>` or `<audio>` as a link to its source (`src`, else the first
 * `<source src>`), labelled with its title or fallback text, else by kind
 * and host; its poster is dropped. Unsafe sources are dropped like links'
 * (the fallback text kept): left alone, `hast-util-to-mdast` would write
 * `[text](javascript:…)` and a poster image with any URL.
 */
function player(node: Element, context: Context): Array<ElementContent> {
  let src: string | undefined
  let unsafe: string | undefined
  for (const candidate of embedCandidates(node)) {
    src = context.resolve(candidate, node)
    if (src) break
    if (!isPlaceholderUrl(candidate)) unsafe ||= candidate
  }
  const fallback = textOf(node)
  if (!src) {
    noteMedia(context.file, node, unsafe ? 'unsafe-url' : 'no-source', unsafe)
    return fallback ? [h('p', fallback)] : []
  }
  const kind = node.tagName.endsWith('audio') ? 'audio' : 'video'
  // The fallback sentence for browsers without players names no clip.
  const named = fallback && !playerFallbackText.test(fallback) ? fallback : ''
  const label = String(node.properties.title || '').trim() || named || embedLabel(node, src, kind, language(context))
  return [h('p', [h('a', {href: src}, label)])]
}

/**
 * A figure as its content (in a `<div>`, so it starts its own paragraph)
 * followed by its caption lines; images without `alt` take the caption
 * text. Reports `figure-without-image` for a caption-only figure.
 */
function figure(node: Element, context: Context): Array<ElementContent> {
  const {body, captions, texts} = splitFigure(node)
  const text = captionText(texts)
  const container = h('div', body)
  if (text) fillAlt(container, text)
  if (text && !holdsMedia(container)) report(context.file, 'figure-without-image', 'Figure has a caption but no image', node)
  const result: Array<ElementContent> = []
  if (body.some((child) => child.type !== 'text' || child.value.trim())) result.push(container)
  result.push(...captionParagraphs(captions))
  return result
}

/** Give images without `alt` inside `node` the caption text. */
function fillAlt(node: Element, text: string): void {
  visit(node, 'element', function (child) {
    if (imageTags.has(child.tagName) && !String(child.properties.alt || '').trim()) child.properties.alt = text
  })
}

/** The element before `index` (white space aside) when it is an image block (media and no text), which a caption at `index` describes. */
function captionedMedia(siblings: Array<ElementContent>, index: number): Element | undefined {
  const previous = previousElement(siblings, index)
  return previous && holdsMedia(previous) && !holdsText(previous) ? previous : undefined
}

function previousElement(siblings: Array<ElementContent>, index: number): Element | undefined {
  for (let at = index - 1; at >= 0; at--) {
    const child = siblings[at]
    // White space, comments and line breaks between an image and its caption (`<img><br><span class="img_descr">`).
    if (child.type === 'comment' || (child.type === 'text' && !child.value.trim()) || (child.type === 'element' && child.tagName === 'br')) continue
    // A figure's holder stands for its last node (elements only, see `normalizeMedia`).
    if (child.type === 'element' && holders.has(child)) return child.children[child.children.length - 1] as Element
    return child.type === 'element' ? child : undefined
  }
  return undefined
}

/** Holders of the nodes a figure became (`normalizeMedia`), while the visit runs. */
const holders = new WeakSet<Element>()

/**
 * Put the nodes in the holders among the children of `parent` in their
 * place, the first holder having been put at `first` (nothing before it
 * is moved or removed while the visit runs).
 *
 * @returns
 *   How many more children `parent` has.
 */
function unwrapHolders(parent: Parents, first: number): number {
  const children = parent.children as Array<ElementContent>
  const tail: Array<ElementContent> = []
  for (let at = first; at < children.length; at++) {
    const child = children[at]
    if (child.type === 'element' && holders.has(child)) tail.push(...child.children)
    else tail.push(child)
  }
  const added = first + tail.length - children.length
  children.length = first
  for (const child of tail) children.push(child)
  return added
}

/** Whether a link wraps a whole figure (`<a><div class="wp-caption">…</div></a>`). */
function wrapsFigure(node: Element): boolean {
  let found = false
  visit(node, 'element', function (child) {
    if (child !== node && isFigure(child)) found = true
    return found ? false : undefined
  })
  return found
}

/** The link's children, each image in them wrapped in a copy of the link. */
function pushLinkDown(node: Element): Array<ElementContent> {
  visit(node, 'element', function (child, index, parent) {
    if (!parent || index === undefined || !imageTags.has(child.tagName)) return undefined
    parent.children[index] = {type: 'element', tagName: 'a', properties: {...node.properties}, children: [child], position: node.position}
    return 'skip'
  })
  return node.children
}

/**
 * After the media pass, in one walk: drop links whose only content was an
 * image that went, and give an image standing between blocks a paragraph
 * of its own (not glued to the next image).
 */
function tidy(tree: Root): void {
  const stack: Array<Root | Element> = [tree]
  const into = (element: Element) => void stack.push(element)
  while (stack.length > 0) {
    const parent = stack.pop()!
    tidyMediaChildren(parent, parent.children as Array<ElementContent>, into)
  }
}

/**
 * The last pass of `normalizeMedia` on one parent's children, changed in
 * place (`children` is `parent.children` or a copy of it that takes its
 * place): links whose only content was an image that went are dropped, an
 * image (or a link holding only images) standing between blocks of a flow
 * container gets a paragraph of its own. Run top-down, on the tree and then
 * on each element given to `into` (its subtree is not yet tidied: what this
 * reads below `parent` is the same whichever order the parents are tidied
 * in, as it reads text and images, which tidying does not change).
 *
 * @param parent
 *   Parent of `children` (its tag name tells a flow container).
 * @param children
 *   Its children, changed in place.
 * @param into
 *   Called with each element left in `children` whose own children are to be tidied.
 * @returns
 *   Whether `children` changed.
 */
export function tidyMediaChildren(parent: Root | Element, children: Array<ElementContent>, into: (element: Element) => undefined | void): boolean {
  const flow = parent.type === 'root' || flowContainers.has(parent.tagName)
  let changed = false
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (node.type !== 'element') continue
    if (node.tagName === 'a' && !holdsText(node) && !holdsMedia(node)) {
      children.splice(index, 1)
      index--
      changed = true
      continue
    }
    if (flow && isImageUnit(node)) {
      if (standsAlone(children, index, -1) && standsAlone(children, index, 1)) {
        children[index] = h('p', [node])
        changed = true
      }
      continue
    }
    into(node)
  }
  return changed
}

/** Elements whose children are blocks (an image there is not in a line of text). */
const flowContainers: ReadonlySet<string> = new Set(['article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'figure', 'footer', 'header', 'li', 'main', 'section', 'td', 'th'])

/** An image, or a link holding only images. */
function isImageUnit(node: ElementContent): boolean {
  if (node.type !== 'element') return false
  if (node.tagName === 'img') return true
  return node.tagName === 'a' && !holdsText(node) && node.children.some((child) => child.type === 'element' && child.tagName === 'img')
}

/** Whether the sibling before (`-1`) or after (`1`) `index` is no text: none, a block, or another image. */
function standsAlone(siblings: Array<ElementContent>, index: number, step: -1 | 1): boolean {
  for (let at = index + step; at >= 0 && at < siblings.length; at += step) {
    const sibling = siblings[at]
    if (sibling.type === 'comment' || (sibling.type === 'text' && !sibling.value.trim())) continue
    if (sibling.type === 'text') return false
    return sibling.type === 'element' && (isImageUnit(sibling) || !phrasingWithText(sibling))
  }
  return true
}

/** Whether an element is inline and shows text (`<a>`, `<span>`, `<b>` with words). */
function phrasingWithText(node: Element): boolean {
  return !/^(?:p|div|h[1-6]|ul|ol|dl|table|blockquote|figure|pre|hr|section|article|header|footer|aside|details|main|nav|address|form|fieldset|center|br)$/.test(node.tagName) && holdsText(node)
}

function language(context: Context): LabelLanguage {
  context.language ||= labelLanguage(textOf(context.tree))
  return context.language
}
