import type {Element, Root, Text} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Plugin} from 'unified'
import {inlineTextElements} from '../util/inline-elements.js'
import {walkParts} from '../util/walk.js'
import type {WalkPart} from '../util/walk.js'

/**
 * Wide characters of the scripts that write without spaces: Han, kana,
 * Bopomofo, CJK symbols and punctuation, full-width and half-width forms
 * (East Asian Width F, W or H). Hangul is left out: Korean separates words
 * with spaces, so its line breaks stay spaces.
 */
const wide =
  // `\u3099-\u30ff` starts at the combining kana voicing marks on purpose: they are wide too.
  // eslint-disable-next-line no-misleading-character-class
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2e80-\u2fdf\u2ff0-\u2fff\u3000-\u303f\u3099-\u30ff\u31c0-\u31ef\u3200-\u32ff\u3300-\u33ff\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff60\uff61-\uff9f\uffe0-\uffe6]/u

/**
 * Punctuation and symbols of East Asian Width “Ambiguous” that Chinese and
 * Japanese text use as full-width marks: quotes `‘’“”`, `…`, `—`, `·`, `※`.
 */
const ambiguous = /[\u00a7\u00b0\u00b7\u2010\u2013-\u2016\u2018\u2019\u201c\u201d\u2020\u2021\u2025\u2026\u2030\u2032\u2033\u203b]/u

/**
 * A field label opening the text after a break (`…新京报⏎责任编辑：…`): a new
 * field of a credit line, kept apart by a space.
 */
const fieldLabel = /^(?:本文|文章|稿件)?(?:来源|來源|作者|记者|記者|责任编辑|責任編輯|编辑|編輯|责编|責編|摄影|攝影|发布时间|發布時間|时间|時間|日期|原标题|原標題)\s*[:：]/u

/**
 * A segment break: a line ending and the collapsible white space after it
 * (the spaces before it are added by `flush`, so the pattern cannot
 * backtrack over a run of spaces).
 */
const segmentBreak = /[\r\n][ \t\r\n\f]*/g

/** Elements whose white space is preserved (or not text at all): left alone. */
const preserved = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp', 'script', 'style', 'template'])

/**
 * Remove segment breaks (white space holding a line ending) between two
 * CJK characters, as CSS Text 3 renders them (§4.1.2, segment break
 * transformation): HTML source wraps long lines there, a browser shows no
 * gap, but Markdown would turn the break into a stray space
 * (`记者在现场⏎看到` → `记者在现场 看到`).
 *
 * A break goes when the characters on both sides are wide (East Asian Width
 * F, W or H: Han, kana, full-width punctuation), or when one is and the
 * other is ambiguous-width punctuation such as `“` or `…` (between two such
 * marks, the nearest other character decides: `灯亮了……⏎”她`); also next to a
 * zero-width space. A break before a credit field label (`⏎责任编辑：`)
 * stays a space, keeping the fields apart. Hangul keeps its breaks (Korean uses spaces), as does
 * any break next to Latin text (`中文⏎English` keeps one space). Works
 * across inline elements (`<strong>现场⏎</strong>看到`, `<a>许多⏎市民</a>`);
 * blocks, `<br>` and images end a run. Text in `<pre>`, `<textarea>` and
 * elements styled `white-space: pre…` is untouched. Spaces typed on one
 * line are kept. A ruby annotation without `<rp>` brackets gets brackets
 * (`八百屋（やおや）`), so the reading does not run into the text it annotates.
 */
export const rehypeCjkSpacing: Plugin<[], Root> = function () {
  return function (tree) {
    removeCjkLineBreaks(tree)
  }
}

/**
 * Remove segment breaks between CJK characters in `tree` (a root or any
 * element), as `rehypeCjkSpacing` does.
 *
 * @param tree
 *   hast root or element; changed in place.
 */
export function removeCjkLineBreaks(tree: Root | Element): void {
  walkParts(tree, [cjkSpacingPart()])
}

/**
 * `removeCjkLineBreaks` as a part of a shared walk (`walkParts`): gathers
 * the runs of text that flow inline as the walk meets them (a barrier
 * element closes the current run; its own content is a run of its own,
 * closed when the walk leaves it) and fixes each run when it closes. Edits
 * only the values of text nodes the walk has already passed.
 */
export function cjkSpacingPart(): WalkPart {
  let run: Array<Text> = []
  const close = () => {
    flush(run)
    run = []
  }
  return {
    listener: {
      enter(element, parent) {
        if (inlineTextElements.has(element.tagName)) return
        close()
        if (element.tagName === 'rt') bracketRubyText(element, parent)
        if (preserved.has(element.tagName) || preservesWhiteSpace(element)) return false
      },
      text(node) {
        run.push(node)
      },
      leave(element) {
        if (!inlineTextElements.has(element.tagName)) close()
      }
    },
    done: close
  }
}

/**
 * Put a ruby annotation (`<ruby>八百屋<rt>やおや</rt></ruby>`) in brackets
 * when the markup gives none (`<rp>（</rp>`, what browsers without ruby
 * show): Markdown has no ruby, and written inline the reading runs into the
 * base text (`八百屋やおや`). Full-width brackets after wide text
 * (`八百屋（やおや）`, `汉（hàn）`), else ASCII ones.
 */
function bracketRubyText(element: Element, parent: Root | Element): void {
  const text = toString(element)
  if (!text.trim()) return
  // Found here, not given by the walk: what tells the listener of the tree may have moved it since.
  const index = parent.children.indexOf(element)
  for (let at = index - 1; at >= 0; at--) {
    const sibling = parent.children[at]
    if (sibling.type === 'element' && sibling.tagName === 'rp') return
    if (sibling.type !== 'text' || sibling.value.trim()) break
  }
  const base = parent.children
    .slice(0, index)
    .map((child) => toString(child))
    .join('')
    .trim()
  const full = wide.test(text) || (base !== '' && wide.test(characterBefore(base, base.length)))
  element.children = [{type: 'text', value: full ? '（' : '('}, ...element.children, {type: 'text', value: full ? '）' : ')'}]
}

/** Whether an inline `style` keeps white space (`white-space: pre`, `pre-wrap`, `pre-line`, `break-spaces`). */
function preservesWhiteSpace(node: Element): boolean {
  const style = node.properties.style
  return typeof style === 'string' && /white-space\s*:\s*(?:pre|break-spaces)/i.test(style)
}

/** Remove the segment breaks between CJK characters in one inline run of text nodes. */
function flush(run: Array<Text>): void {
  if (run.length === 0) return
  const joined = run.map((node) => node.value).join('')
  if (!/[\r\n]/.test(joined)) return
  // Ranges `[start, end)` of `joined` to delete.
  const ranges: Array<[number, number]> = []
  for (const match of joined.matchAll(segmentBreak)) {
    let start = match.index
    const end = start + match[0].length
    while (start > 0 && (joined[start - 1] === ' ' || joined[start - 1] === '\t' || joined[start - 1] === '\f')) start--
    if (start === 0 || end === joined.length) continue
    const before = characterBefore(joined, start)
    const after = characterAt(joined, end)
    if (fieldLabel.test(joined.slice(end, end + 12))) continue
    if (joins(before, after) || (ambiguous.test(before) && ambiguous.test(after) && wide.test(nearestUnambiguous(joined, start, end)))) {
      ranges.push([start, end])
    }
  }
  if (ranges.length === 0) return
  // Cut the ranges out of the nodes they cover (a range may span nodes).
  let offset = 0
  let range = 0
  for (const node of run) {
    const from = offset
    const to = offset + node.value.length
    offset = to
    let value = ''
    let cursor = from
    while (range < ranges.length && ranges[range][0] < to) {
      const [start, end] = ranges[range]
      value += joined.slice(cursor, Math.max(cursor, start))
      cursor = Math.min(Math.max(cursor, end), to)
      // The range goes on into the next node.
      if (end > to) break
      range++
    }
    value += joined.slice(cursor, to)
    if (value.length !== node.value.length) node.value = value
  }
}

/** The code point ending before `index`. */
function characterBefore(value: string, index: number): string {
  const code = value.charCodeAt(index - 1)
  const low = code >= 0xdc00 && code <= 0xdfff && index > 1
  return String.fromCodePoint(value.codePointAt(index - (low ? 2 : 1))!)
}

/** The code point starting at `index`. */
function characterAt(value: string, index: number): string {
  return String.fromCodePoint(value.codePointAt(index)!)
}

/**
 * Between two ambiguous-width marks (`灯亮了……⏎”她`), the nearest other
 * character on either side, before first: the marks take the width of the
 * text they belong to.
 */
function nearestUnambiguous(value: string, start: number, end: number): string {
  let index = start
  while (index > 0 && ambiguous.test(characterBefore(value, index))) index -= characterBefore(value, index).length
  if (index > 0 && !/\s/.test(characterBefore(value, index))) return characterBefore(value, index)
  index = end
  while (index < value.length && ambiguous.test(characterAt(value, index))) index += characterAt(value, index).length
  return index < value.length ? characterAt(value, index) : ''
}

/** Whether a segment break between `before` and `after` renders as nothing (CSS Text 3, §4.1.2). */
function joins(before: string, after: string): boolean {
  if (before === '\u200b' || after === '\u200b') return true
  const wideBefore = wide.test(before)
  const wideAfter = wide.test(after)
  return (wideBefore && wideAfter) || (wideBefore && ambiguous.test(after)) || (ambiguous.test(before) && wideAfter)
}
