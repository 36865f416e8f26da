import type {Element, Root} from 'hast'
import {isAriaHidden, isHidden} from '../analyse/blocks/hints.js'
import {measureText} from '../analyse/blocks/measure-text.js'
import {phrasingTags, skipTags} from '../analyse/blocks/tags.js'
import {isWhiteSpace} from '../util/text.js'
import type {WalkListener} from '../util/walk.js'
import {furniturePhrase} from './tail.js'

/**
 * A sentence end: `.`, `!`, `?` or their CJK forms, then optional closing
 * quotes and brackets (as `readsAsSentence` in `analyse/blocks/prose.ts`).
 */
const sentenceEnd = /[.!?。！？](?:[\p{Pe}\p{Pf}"'»」』]+)?$/u

/** Weighted length (see `measureText`) from which a run can be a sentence: about four Latin words or eight CJK characters. */
const sentenceLength = 16

/** Characters before the root's text within which the title counts as near it (headline, kicker, byline, a lead image's caption). */
const titleWindow = 600

/**
 * Characters of text between the headline and the root's first text within
 * which sentence-like text outside the root counts as left at its edge (a
 * standfirst, a caption, up to three lead paragraphs with their byline and
 * share bar): a longer stretch is no head of the article.
 */
const headWindow = 1500

/** A notice to the reader, by its label (`Note:`, `备注：`, `大陆网友注意：`): about the page, not a lead. */
const noticeLabel = /^(?:(?:editor['’]?s )?note|hinweis|anmerkung|remarque|nota)\s*:|^.{0,8}(?:注意|备注|備註|提示)\s*[:：]/iu

/** Weighted length (see `measureText`) from which the title's run can be told in the page. */
const titleRunLength = 10

/** What the page's visible text looks like, and how much of it the article root holds. */
export interface PageText {
  /** Characters of visible text in `<body>` (code points, white space runs count as one). */
  characters: number
  /** Characters of sentence-like runs in the page. */
  sentenceCharacters: number
  /** Characters of sentence-like runs inside the article root. */
  sentenceInRoot: number
  /** Characters of the longest sentence-like run outside the root (a paragraph the root misses). */
  longestOutside: number
  /** Characters of the longest sentence-like run inside the root. */
  longestInside: number
  /**
   * Whether `title` appears inside the root or at most 600 characters of
   * visible text before it (case and white space folded; `false` without a
   * title or root).
   */
  titleNearRoot: boolean
  /**
   * Characters of sentence-like runs outside the root between the run that
   * holds the title and the root's first run, when at most 1500 characters
   * of text lie in between (a standfirst or lead the root leaves out; not
   * site furniture, a labelled notice, nor text the root repeats); `0`
   * without a title, when the title is inside the root or far from it.
   */
  headOutside: number
  /** Text of the first such run (`''` when there is none). */
  headSample: string
}

/** One run of visible text: between block elements and line breaks. */
interface Run {
  /** The run's text, trimmed. */
  text: string
  /** `text` lower-cased, NFKC, white space collapsed (`fold`): made when the title is looked for near it (`foldedRun`). */
  folded?: string | undefined
  /** Code points, white space runs counted as one. */
  characters: number
  /** Whether the run reads as a sentence. */
  sentence: boolean
  /** Weighted length (`measureText`), and the part inside links. */
  weight: number
  linkWeight: number
  /** Whether the run's last text is inside the article root. */
  inRoot: boolean
}

/**
 * The page's runs as the index walk read them (`pageTextPart`), and the runs
 * each element holds, so that the article root's share can be told once it
 * is chosen. Only what lies outside the root is reused: the root is read
 * again (its credit line and byline lines leave it after the index walk).
 */
export interface PageTextRecord {
  /** Tree the record was made of. */
  tree: Root
  /** Runs of the page, in document order. */
  runs: Array<Run>
  /** Index of the first run of each non-phrasing element outside links that is not skipped. */
  starts: Map<Element, number>
  /** Index after the last run of each such element. */
  ends: Map<Element, number>
  /** Whether the tree outside the root changed after the walk, other than by `moved` (then the record is not used). */
  stale: boolean
  /** Block elements moved from outside the root to its start after the walk, in order (the lead under the headline). */
  moved: Array<Element>
  /**
   * Merged roots put into the tree after the walk (`recordWrapped`), each
   * with the blocks of the page it was made of, in order (its children then).
   */
  wrapped: Map<Element, Array<Element>>
  /** Elements of `starts` whose start ended a run (text before them in their parent's run). */
  cuts: Set<Element>
  /** Nodes the walk met (elements, also those it skips, texts and comments). */
  nodes: number
  /**
   * Changes inside the root after the walk (metadata extraction took a
   * credit line or byline out), each the element whose children changed and
   * the child it removed, if that is all it did (`measurePageText` reads
   * them again).
   */
  edits: Array<PageEdit>
}

/** A change of the page after the index walk (`PageTextRecord.edits`). */
export interface PageEdit {
  /** Element (or root) whose subtree changed. */
  parent: Root | Element
  /** The child removed from `parent`, when that is the whole change. */
  removed?: Element | undefined
  /** Whether text below `parent`'s children changed too (not only which children it has). */
  deep?: boolean | undefined
}

/** A reader of runs: fed text nodes and element boundaries in document order. */
class RunReader {
  runs: Array<Run> = []
  text = ''
  weight = 0
  linkWeight = 0
  runInRoot = false

  /** Add a text node (`inLink`: inside an `<a>`; `inRoot`: inside the article root). */
  add(value: string, inLink: boolean, inRoot: boolean): void {
    const measure = measureText(value).length
    if (this.text && !this.text.endsWith(' ') && /^\s/.test(value)) this.text += ' '
    if (measure === 0) return
    this.text += value.trim()
    if (/\s$/.test(value)) this.text += ' '
    this.weight += measure
    if (inLink) this.linkWeight += measure
    this.runInRoot = inRoot
  }

  /** End the current run. */
  flush(): void {
    if (this.weight > 0) {
      const value = this.text.trim()
      const sentence = this.weight >= sentenceLength && this.linkWeight < this.weight && sentenceEnd.test(value)
      this.runs.push({text: value, characters: codePoints(value), sentence, weight: this.weight, linkWeight: this.linkWeight, inRoot: this.runInRoot})
    }
    this.text = ''
    this.weight = 0
    this.linkWeight = 0
  }
}

/** Whether the page-text walk skips `element` and its subtree. */
function skipped(element: Element): boolean {
  return skipTags.has(element.tagName) || isHidden(element) || isAriaHidden(element)
}

/**
 * The page-text measure's share of the index walk (`indexPage` with
 * `pageText`): reads the page's runs, as `measurePageText` does, into a
 * `PageTextRecord` that `measurePageText` uses in place of a walk of its own.
 *
 * @param tree
 *   Whole page (the tree the walk goes over).
 */
export function pageTextPart(tree: Root): {listener: WalkListener; result(): PageTextRecord} {
  const reader = new RunReader()
  const record: PageTextRecord = {tree, runs: reader.runs, starts: new Map(), ends: new Map(), stale: false, moved: [], wrapped: new Map(), cuts: new Set(), nodes: 0, edits: []}
  let links = 0
  return {
    listener: {
      enter(element) {
        record.nodes++
        if (skipped(element)) return false
        const name = element.tagName
        if (name === 'br') {
          reader.flush()
          return false
        }
        if (name === 'a') links++
        if (!phrasingTags.has(name)) {
          const before = reader.runs.length
          reader.flush()
          if (links === 0) {
            record.starts.set(element, reader.runs.length)
            if (reader.runs.length > before) record.cuts.add(element)
          }
        }
      },
      text(node) {
        record.nodes++
        reader.add(node.value, links > 0, false)
      },
      comment() {
        record.nodes++
      },
      leave(element) {
        const name = element.tagName
        if (!phrasingTags.has(name)) {
          reader.flush()
          if (record.starts.has(element)) record.ends.set(element, reader.runs.length)
        }
        if (name === 'a') links--
      }
    },
    result() {
      reader.flush()
      return record
    }
  }
}

/**
 * Measure the visible text of a page (before pruning) against the chosen
 * article root. Text is split into runs at block elements and line breaks,
 * as `inlineShape` does; a run “reads as a sentence” when it is at least
 * 16 weighted characters long (`measureText`: CJK counts twice) and ends in
 * sentence punctuation, and is not the text of one link. Scripts, styles,
 * hidden and `aria-hidden` elements are skipped. Linear in the page size,
 * iterative.
 *
 * @param tree
 *   Whole page.
 * @param root
 *   Chosen article root (`undefined`: none, all text is outside).
 * @param title
 *   The article's title, looked up in and just before the root (optional).
 * @param record
 *   The page's runs as the index walk read them (`pageTextPart`): then only
 *   the root is walked. Not used when it is of another tree, `stale`, or
 *   does not know the root (a root made after the walk, inside a link or
 *   skipped): the whole page is walked.
 * @param current
 *   Whether `record` is current inside the root but for its `edits`
 *   (nothing else changed the tree since the index walk): then the root's
 *   runs are taken from it too, and only the edited elements are read again.
 */
export function measurePageText(tree: Root, root: Element | undefined, title?: string | null | undefined, record?: PageTextRecord | null | undefined, current?: boolean | undefined): PageText {
  let runs: Array<Run> | undefined
  if (record && record.tree === tree && !record.stale) {
    const parts = root && rootSpans(record, root)
    const leads = parts ? movedSpans(record, parts) : undefined
    if (root && parts && leads) {
      const inside = current ? recordedRuns(record, root, parts) : undefined
      const rootRuns = inside ? [...leads.flatMap((lead) => marked(record, lead.start, lead.end)), ...inside] : readRuns(root, root)
      // The root stands where its first part was; the other parts left their places.
      const start = parts[0].start
      const end = parts[0].end
      runs = [...without(record, 0, start, leads), ...rootRuns, ...without(record, end, record.runs.length, [...leads, ...parts])]
    } else if (!root && record.moved.length === 0) runs = record.runs
  }
  return summarise(runs || readRuns(tree, root), title)
}

/** A stretch of the recorded runs, from `start` to before `end`. */
interface Span {
  start: number
  end: number
}

/**
 * Where the root's runs were read: its own (recorded `start` to `end`), or
 * a merged root's (`recordWrapped`) those of each of its blocks, in
 * document order, each a block that ended no run by starting (so nothing
 * before it joins what followed it once it is gone). `undefined` when the
 * record does not know the root or one of its blocks.
 */
function rootSpans(record: PageTextRecord, root: Element): Array<Span> | undefined {
  const start = record.starts.get(root)
  const end = record.ends.get(root)
  if (start !== undefined && end !== undefined) return [{start, end}]
  const blocks = record.wrapped.get(root)
  if (!blocks || blocks.length === 0) return undefined
  const spans: Array<Span> = []
  for (const block of blocks) {
    const from = record.starts.get(block)
    const to = record.ends.get(block)
    const last = spans[spans.length - 1]
    if (from === undefined || to === undefined || record.cuts.has(block) || (last && from < last.end)) return undefined
    spans.push({start: from, end: to})
  }
  return spans
}

/**
 * The runs of `element` as the index walk read them (`undefined` when the
 * record does not know the element: inside a link, skipped, or made after
 * the walk; or when blocks moved or the tree was edited since). Each run:
 * its text, weighted length and the part inside links.
 */
export function runsOf(record: PageTextRecord, element: Element): Array<{text: string; weight: number; linkWeight: number}> | undefined {
  if (record.stale || record.moved.length > 0 || record.edits.length > 0) return undefined
  const start = record.starts.get(element)
  const end = record.ends.get(element)
  return start === undefined || end === undefined ? undefined : record.runs.slice(start, end)
}

/**
 * Note that `wrapper` (a merged root) was put into the tree after the walk,
 * in the place of its first child, its children (`blocks`, elements of the
 * page in document order) taken from their places (`attachWrapper`).
 */
export function recordWrapped(record: PageTextRecord, wrapper: Element, blocks: ReadonlyArray<Element>): void {
  record.wrapped.set(wrapper, [...blocks])
}

/**
 * Where the blocks moved into the root (`PageTextRecord.moved`) were read:
 * each outside the root (recorded `start` to `end`), a block that ended no
 * run by starting (so nothing before it joins what followed it once it is
 * gone), its runs its own; at the root's start they are read after its
 * start and before its first child, each after a fresh start too.
 * `undefined` when one cannot be placed so.
 */
function movedSpans(record: PageTextRecord, parts: ReadonlyArray<Span>): Array<Span> | undefined {
  const spans: Array<Span> = []
  for (const element of record.moved) {
    const from = record.starts.get(element)
    const to = record.ends.get(element)
    if (from === undefined || to === undefined || record.cuts.has(element) || parts.some((part) => to > part.start && from < part.end)) return undefined
    spans.push({start: from, end: to})
  }
  return spans
}

/** The recorded runs from `start` to `end`, marked as inside the root. */
function marked(record: PageTextRecord, start: number, end: number): Array<Run> {
  const runs: Array<Run> = []
  for (let at = start; at < end; at++) runs.push({...record.runs[at], inRoot: true})
  return runs
}

/** The recorded runs from `start` to `end` but those of `spans`. */
function without(record: PageTextRecord, start: number, end: number, spans: ReadonlyArray<Span>): Array<Run> {
  const runs: Array<Run> = []
  for (let at = start; at < end; at++) if (!spans.some((span) => at >= span.start && at < span.end)) runs.push(record.runs[at])
  return runs
}

/**
 * The runs of `root` (recorded in `parts`, see `rootSpans`) from `record`, each
 * marked as inside it (the root is a block element: each of its runs lies
 * wholly inside it), as the record's edits left them: a removed block
 * element that ended no run by starting (so nothing before it joins what
 * follows it once it is gone) takes its runs along; else the block element
 * whose children changed is read again (its runs are likewise its own).
 * `undefined` when an edit cannot be placed so: a change of the root's own
 * children that is not such a removal, an element the record does not
 * know or that held no run, two edits with the same runs.
 */
function recordedRuns(record: PageTextRecord, root: Element, parts: ReadonlyArray<Span>): Array<Run> | undefined {
  const spans: Array<{element: Element; start: number; end: number; read: boolean}> = []
  const inside = (from: number, to: number) => parts.some((part) => from >= part.start && to <= part.end)
  for (const edit of record.edits) {
    const removed = edit.removed
    const from = removed && record.starts.get(removed)
    const to = removed && record.ends.get(removed)
    if (removed && from !== undefined && to !== undefined && !record.cuts.has(removed) && inside(from, to)) {
      if (from < to) spans.push({element: removed, start: from, end: to, read: false})
      continue
    }
    const parent = edit.parent
    if (parent === root || parent.type !== 'element') return undefined
    const first = record.starts.get(parent)
    const last = record.ends.get(parent)
    if (first === undefined || last === undefined || first === last || !inside(first, last)) return undefined
    spans.push({element: parent, start: first, end: last, read: true})
  }
  // Outer elements first; one inside another goes (or is read) with it.
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const runs: Array<Run> = []
  let last: {start: number; end: number} | undefined
  // The next recorded run to take, and the part it lies in.
  let at = parts[0].start
  let part = 0
  /** Take the parts' runs from `at` to before `to`. */
  const take = (to: number) => {
    for (; part < parts.length; part++) {
      at = Math.max(at, parts[part].start)
      const stop = Math.min(to, parts[part].end)
      for (; at < stop; at++) runs.push({...record.runs[at], inRoot: true})
      if (to < parts[part].end) return
    }
  }
  for (const span of spans) {
    if (last && span.start < last.end) {
      // Inside the last one, or with its very runs (which holds which is not known).
      if (span.end > last.end || (span.start === last.start && span.end === last.end)) return undefined
      continue
    }
    take(span.start)
    if (span.read) runs.push(...readRuns(span.element, span.element))
    at = span.end
    last = span
  }
  take(Number.POSITIVE_INFINITY)
  return runs
}

/** The runs of `node` (the whole page, or the root alone), each told whether it is in `root`. */
function readRuns(node: Root | Element, root: Element | undefined): Array<Run> {
  const reader = new RunReader()
  // Each frame: a parent, the next child index, whether it is inside the root, inside a link.
  const stack: Array<{node: Root | Element; index: number; inRoot: boolean; inLink: boolean}> = [{node, index: 0, inRoot: node === root, inLink: false}]
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    if (frame.index >= frame.node.children.length) {
      stack.pop()
      if (frame.node.type === 'element' && !phrasingTags.has(frame.node.tagName)) reader.flush()
      continue
    }
    const child = frame.node.children[frame.index++]
    if (child.type === 'text') {
      reader.add(child.value, frame.inLink, frame.inRoot)
      continue
    }
    if (child.type !== 'element') continue
    const name = child.tagName
    if (skipped(child)) continue
    if (name === 'br') {
      reader.flush()
      continue
    }
    if (!phrasingTags.has(name)) reader.flush()
    stack.push({node: child, index: 0, inRoot: frame.inRoot || child === root, inLink: frame.inLink || name === 'a'})
  }
  reader.flush()
  return reader.runs
}

/** The measure of a page's runs. */
function summarise(runs: ReadonlyArray<Run>, title: string | null | undefined): PageText {
  const result: PageText = {characters: 0, sentenceCharacters: 0, sentenceInRoot: 0, longestOutside: 0, longestInside: 0, titleNearRoot: false, headOutside: 0, headSample: ''}
  let first = -1
  let last = -1
  for (const [index, run] of runs.entries()) {
    result.characters += run.characters
    if (run.inRoot) {
      if (first < 0) first = index
      last = index
    }
    if (run.sentence) {
      result.sentenceCharacters += run.characters
      if (run.inRoot) {
        result.sentenceInRoot += run.characters
        if (run.characters > result.longestInside) result.longestInside = run.characters
      } else if (run.characters > result.longestOutside) result.longestOutside = run.characters
    }
  }
  if (title && first >= 0) {
    const needle = fold(title)
    result.titleNearRoot = titleNear(runs, first, last, needle)
    if (result.titleNearRoot && !titleOpensRoot(runs, first, last, needle)) headOutside(runs, first, last, needle, result)
  }
  return result
}

/** Runs at the top of the root looked at for its own headline. */
const rootHeadRuns = 20

/** Whether one of the root's first 20 runs (from `first` to `last`) holds the title (folded, `needle`): the root has its own headline. */
function titleOpensRoot(runs: ReadonlyArray<Run>, first: number, last: number, needle: string): boolean {
  for (let index = first; index <= last && index < first + rootHeadRuns; index++) if (foldedRun(runs[index]).includes(needle)) return true
  return false
}

/**
 * Add up the sentence-like runs outside the root (but those holding a
 * phrase of site furniture, `furniturePhrase`, notices opening with a label
 * such as `Note:` or `备注：`, and those the root's text repeats) between the last run before
 * run `first` (the root's first) that holds the title (folded, `needle`) or
 * that the title holds, and `first`; nothing when more than `headWindow`
 * characters lie in between or no such run is found.
 */
function headOutside(runs: ReadonlyArray<Run>, first: number, last: number, needle: string, result: PageText): undefined {
  if (measureText(needle).length < titleRunLength) return
  let between = 0
  let at = first - 1
  for (; at >= 0; at--) {
    const run = runs[at]
    const folded = foldedRun(run)
    if (folded.includes(needle) || (measureText(folded).length >= titleRunLength && needle.includes(folded))) break
    between += run.characters
    if (between > headWindow) return
  }
  if (at < 0) return
  // The root's text, folded, made once a run is met (a lead the body repeats is not lost).
  let inside: string | undefined
  for (let index = at + 1; index < first; index++) {
    const run = runs[index]
    if (!run.sentence || run.inRoot || noticeLabel.test(run.text) || furniturePhrase(run.text) !== undefined) continue
    inside ??= rootText(runs, first, last)
    if (inside.includes(foldedRun(run))) continue
    if (!result.headSample) result.headSample = run.text
    result.headOutside += run.characters
  }
  return undefined
}

/**
 * Whether `needle` (folded) starts in the folded page text (the runs' folded
 * texts joined by spaces) at most `titleWindow` characters before the start
 * of run `first` or anywhere before the end of run `last`. Only the runs that
 * such a match can touch are folded: back from `first` until the window is
 * covered, on after `last` until the needle fits.
 */
function titleNear(runs: ReadonlyArray<Run>, first: number, last: number, needle: string): boolean {
  if (!needle) return false
  // Characters from the start of run `start` to the start of run `first`.
  let start = first
  let before = 0
  while (start > 0 && before < titleWindow) before += foldedRun(runs[--start]).length + 1
  let rootEnd = before
  for (let index = first; index <= last; index++) rootEnd += foldedRun(runs[index]).length + (index < last ? 1 : 0)
  let end = last
  let after = 0
  while (end < runs.length - 1 && after < needle.length) after += 1 + foldedRun(runs[++end]).length
  const page = runs
    .slice(start, end + 1)
    .map((run) => foldedRun(run))
    .join(' ')
  const at = page.indexOf(needle, Math.max(0, before - titleWindow))
  return at >= 0 && at < rootEnd
}

/** The folded text of the runs from `first` to `last` (the root's), joined by spaces. */
function rootText(runs: ReadonlyArray<Run>, first: number, last: number): string {
  const parts: Array<string> = []
  for (let index = first; index <= last; index++) if (runs[index].inRoot) parts.push(foldedRun(runs[index]))
  return parts.join(' ')
}

/** The run's folded text, folded once. */
function foldedRun(run: Run): string {
  if (run.folded === undefined) run.folded = fold(run.text)
  return run.folded
}

/** Code points of `value` with white space runs counted as one. */
export function codePoints(value: string): number {
  let count = 0
  let space = false
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (isWhiteSpace(code)) {
      if (!space) count++
      space = true
    } else {
      // A surrogate pair is one code point (a lone surrogate counts alone).
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < value.length) {
        const next = value.charCodeAt(index + 1)
        if (next >= 0xdc00 && next <= 0xdfff) index++
      }
      count++
      space = false
    }
  }
  return count
}

/** Lower-cased, NFKC, white space collapsed. */
function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}
