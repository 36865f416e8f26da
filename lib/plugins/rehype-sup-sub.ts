import type {Element, ElementContent, Parents, Root, Text} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Plugin} from 'unified'
import {visitParents} from 'unist-util-visit-parents'
import {inlineTextElements} from '../util/inline-elements.js'
import type {WalkListener} from '../util/walk.js'

/** Characters with a Unicode superscript form, and that form. */
const superscripts: Record<string, string> = {
  ...pairs('0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹'),
  ...pairs('+-−=()', '⁺⁻⁻⁼⁽⁾'),
  ...pairs('abcdefghijklmnoprstuvwxyz', 'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'),
  ...pairs('ABDEGHIJKLMNOPRTUVW', 'ᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ'),
  ...pairs('αβγδεθιφχ', 'ᵅᵝᵞᵟᵋᶿᶥᵠᵡ'),
  ...pairs('⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ', '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ')
}

/** Characters with a Unicode subscript form, and that form. */
const subscripts: Record<string, string> = {
  ...pairs('0123456789', '₀₁₂₃₄₅₆₇₈₉'),
  ...pairs('+-−=()', '₊₋₋₌₍₎'),
  ...pairs('aehijklmnoprstuvxə', 'ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓₔ'),
  ...pairs('βγρφχ', 'ᵦᵧᵨᵩᵪ'),
  ...pairs('₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎')
}

/**
 * `value` in Unicode superscript characters (`12` → `¹²`, `a` → `ᵃ`), or
 * `undefined` when one of its characters has no superscript form.
 */
export function toSuperscript(value: string): string | undefined {
  const characters = [...value]
  return characters.length > 0 && characters.every((character) => character in superscripts) ? characters.map((character) => superscripts[character]).join('') : undefined
}

/**
 * Ordinal suffixes written as superscript after a number (`1<sup>st</sup>`,
 * `2<sup>e</sup>`, `3<sup>o</sup>`): they read as plain text (`1st`), with
 * the ordinal indicators `º`/`ª` for Romance `o`/`a`.
 */
const ordinals = /^(?:st|nd|rd|th|e|er|re|ère|ème|eme|es|è|d|o|a|os|as|º|ª|°)$/i

/** French abbreviations with a superscript ending (`M<sup>me</sup>`, `n<sup>o</sup>`), by the letters before. */
const abbreviations: Record<string, RegExp> = {M: /^(?:me|mes|lle|lles|gr|grs)$/, N: /^(?:o|os)$/, n: /^(?:o|os)$/}

/** Marks that cannot run into a number or word: bracketed notes (`[1]`, `【注】`), note symbols, `®` and the like. */
const standalone = /^(?:[[(（【〔［《〈<].*[\])）】〕］》〉>]|[*†‡§¶#※✝'"’”®©℗™℠°]+)$/su

/** Letters and digits (what a mark would otherwise be read together with). */
const letter = /[\p{L}\p{N}]/u

/** Longest mark (in characters) written with Unicode letters; longer text is a word, not an index. */
const maxMapped = 6

/**
 * Keep the meaning of superscript (`<sup>`) and subscript (`<sub>`), which
 * Markdown has no syntax for: flattened, `10<sup>6</sup>` would read `106`,
 * `m<sup>2</sup>` `m2` and the note in `12%<sup>1</sup>` `12%1`.
 *
 * In order:
 *
 * 1.  an ordinal suffix after a number is plain text (`1<sup>st</sup>` →
 *     `1st`, `1<sup>o</sup>` → `1º`), so is a French abbreviation
 *     (`M<sup>me</sup>` → `Mme`, `n<sup>o</sup>` → `nº`); `<sup>TM</sup>`
 *     and `<sup>SM</sup>` become `™` and `℠`
 * 2.  text of at most six characters that all have a Unicode superscript or
 *     subscript form is written with them: digits, `+ - − = ( )`, most
 *     lowercase Latin letters and some capitals and Greek letters
 *     (`10⁶`, `m²`, `H₂O`, `xⁿ⁺¹`, `10⁻³`, `aᵢⱼ`, `12%¹`); spaces around
 *     `+ - =` are dropped (`n + 1` → `ⁿ⁺¹`); links inside keep their target
 *     (`<sup><a href="#fn1">1</a></sup>` → `[¹](#fn1)`)
 * 3.  a bracketed note (`[1]`, `（注）`), note symbols (`*`, `†`) and marks
 *     such as `®` or `°` are plain text: they cannot run into the text before
 * 4.  text that runs into no letter or digit on either side (a whole line in
 *     `<sub>`, used for small print) is plain text
 * 5.  anything else is marked `^` (superscript) or `_` (subscript), the
 *     text in parentheses unless it is one word followed by no letter or
 *     digit: `x<sup>q</sup>` → `x^q`, `V<sub>CE</sub>x` → `V_(CE)x`,
 *     `说<sup>注1</sup>` → `说^(注1)`
 *
 * White space at the edges of the element stays outside the mark. A
 * `<span>` raised or lowered by its inline style (`vertical-align: super`)
 * is read as `<sup>`/`<sub>` (see `styledSupSubTag`).
 */
export const rehypeSupSub: Plugin<[], Root> = function () {
  return function (tree) {
    rewriteSupSub(tree)
  }
}

/** The tag names `rewriteSupSub` works on. */
export const supSubTags: ReadonlySet<string> = new Set(['sup', 'sub'])

/** Elements that raise or lower their text by inline style alone (a link or emphasis keeps its tag). */
const styledTags: ReadonlySet<string> = new Set(['span', 'font', 'small'])

/** `vertical-align` or `baseline-shift` set to `super` or `sub` in an inline style. */
const raisedStyle = /(?:^|;)\s*(?:vertical-align|baseline-shift)\s*:\s*(super|sub)\s*(?:!important\s*)?(?:;|$)/i

/**
 * The tag (`sup` or `sub`) that a `<span>`, `<font>` or `<small>` stands
 * for when its inline style raises or lowers it (`vertical-align: super`,
 * `vertical-align: sub`, `baseline-shift: super|sub`), as word processors
 * and some editors write them; `undefined` for any other element or style.
 */
export function styledSupSubTag(element: Element): 'sup' | 'sub' | undefined {
  if (!styledTags.has(element.tagName)) return undefined
  const style = element.properties.style
  if (typeof style !== 'string') return undefined
  const match = raisedStyle.exec(style)
  if (!match) return undefined
  return match[1].toLowerCase() === 'super' ? 'sup' : 'sub'
}

/**
 * A walk listener that renames the elements `styledSupSubTag` reads as
 * superscript or subscript to `<sup>`/`<sub>`, so that they are written
 * as `rewriteSupSub` writes those (`10⁹`, not `109`).
 */
export const styledSupSubListener: WalkListener = {
  enter(element) {
    const tag = styledSupSubTag(element)
    if (tag) element.tagName = tag
  }
}

/**
 * Rewrite the `<sup>` and `<sub>` elements in `tree` (a root or any
 * element), as `rehypeSupSub` does.
 *
 * @param tree
 *   hast root or element; changed in place.
 * @param gathered
 *   The `<sup>` and `<sub>` elements of `tree` in document order, each with
 *   its ancestors (root first), when a walk over the tree as it is now
 *   gathered them; default: found by a walk here.
 * @param written
 *   Told of each element rewritten, with what took its place (default: nothing told).
 */
export function rewriteSupSub(
  tree: Root | Element,
  gathered?: ReadonlyArray<[Element, Array<Parents>]> | undefined,
  written?: ((node: Element, replacement: Array<ElementContent>) => undefined) | undefined
): void {
  let found = gathered
  if (!found) {
    const all: Array<[Element, Array<Parents>]> = []
    visitParents(tree, 'element', function (node, ancestors) {
      styledSupSubListener.enter!(node, ancestors[ancestors.length - 1] as Root | Element, 0)
      if (supSubTags.has(node.tagName)) all.push([node, ancestors as Array<Parents>])
    })
    found = all
  }
  // Innermost last in `found` (preorder): rewrite from the end so nested
  // marks are done before the mark around them.
  for (let index = found.length - 1; index >= 0; index--) {
    const [node, ancestors] = found[index]
    const parent = ancestors[ancestors.length - 1]
    const at = parent.children.indexOf(node)
    if (at === -1) continue
    const replacement = rewrite(node, ancestors)
    parent.children.splice(at, 1, ...replacement)
    if (written) written(node, replacement)
  }
}

/** The content that replaces one `<sup>` or `<sub>`. */
function rewrite(node: Element, ancestors: Array<Parents>): Array<ElementContent> {
  const children = node.children
  const text = toString(node)
  const core = text.trim()
  if (!core || !children.every(phrasingOnly)) return children
  const sup = node.tagName === 'sup'
  const before = adjacent(node, ancestors, -1)
  const after = adjacent(node, ancestors, 1)

  // 1. Ordinals, abbreviations, trade marks.
  if (sup) {
    if (/\d$/.test(before) && ordinals.test(core)) {
      return replaceText(children, (value) => value.replace(/^o$/i, 'º').replace(/^a$/i, 'ª'), core)
    }
    const abbreviation = abbreviations[before]
    if (abbreviation && abbreviation.test(core) && !letter.test(beforeLetter(node, ancestors))) {
      return replaceText(children, (value) => (before.toLowerCase() === 'n' ? value.replace(/^o/, 'º') : value), core)
    }
    if (core === 'TM' || core === 'SM') return replaceText(children, () => (core === 'TM' ? '™' : '℠'), core)
  }

  // 2. Unicode superscript or subscript characters.
  const table = sup ? superscripts : subscripts
  const squeezed = squeezeOperators(core)
  if ([...squeezed].length <= maxMapped && [...squeezed].every((character) => character in table)) {
    return mapText(children, table)
  }

  // 3. Bracketed notes and note symbols, 4. text that runs into nothing.
  if (standalone.test(core) || (!letter.test(before) && !letter.test(after))) return children

  // 5. A readable mark.
  const word = /^[\p{L}\p{N}]+$/u.test(core) && !letter.test(after)
  const mark = sup ? '^' : '_'
  const open: Text = {type: 'text', value: word ? mark : mark + '('}
  const close: Text = {type: 'text', value: ')'}
  const [leading, content, trailing] = trimEdges(children)
  return [...leading, open, ...content, ...(word ? [] : [close]), ...trailing]
}

/** Map the characters of every text node through `table`, dropping spaces around operators. */
function mapText(children: Array<ElementContent>, table: Record<string, string>): Array<ElementContent> {
  const [leading, content, trailing] = trimEdges(children)
  const mapped = structuredClone(content)
  for (const child of mapped) {
    forText(child, (node) => {
      node.value = [...squeezeOperators(node.value)].map((character) => table[character] ?? character).join('')
    })
  }
  return [...leading, ...mapped, ...trailing]
}

/** Drop the white space around `+`, `-`, `−` and `=` (`n - 1` → `n-1`). */
function squeezeOperators(value: string): string {
  const parts = value.split(/([+\-−=])/)
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return part
      const start = index > 0 ? part.trimStart() : part
      return index < parts.length - 1 ? start.trimEnd() : start
    })
    .join('')
}

/** Replace the trimmed text (`core`) of the only text node holding it; other shapes keep their text. */
function replaceText(children: Array<ElementContent>, change: (value: string) => string, core: string): Array<ElementContent> {
  const [leading, content, trailing] = trimEdges(children)
  const result = structuredClone(content)
  let done = false
  for (const child of result) {
    forText(child, (node) => {
      if (!done && node.value.trim() === core) {
        node.value = change(core)
        done = true
      }
    })
  }
  return [...leading, ...result, ...trailing]
}

/** Split white space at the edges into text nodes of their own (kept outside the mark). */
function trimEdges(children: Array<ElementContent>): [Array<Text>, Array<ElementContent>, Array<Text>] {
  const content = [...children]
  const leading: Array<Text> = []
  const trailing: Array<Text> = []
  const first = content[0]
  if (first && first.type === 'text' && /^\s/.test(first.value)) {
    const space = /^\s+/.exec(first.value)![0]
    leading.push({type: 'text', value: space})
    content[0] = {...first, value: first.value.slice(space.length)}
  }
  const last = content[content.length - 1]
  if (last && last.type === 'text' && /\s$/.test(last.value)) {
    const space = last.value.slice(last.value.trimEnd().length)
    trailing.push({type: 'text', value: space})
    content[content.length - 1] = {...last, value: last.value.slice(0, -space.length)}
  }
  return [leading, content.filter((child) => child.type !== 'text' || child.value !== ''), trailing]
}

function forText(node: ElementContent, callback: (node: Text) => void): void {
  if (node.type === 'text') callback(node)
  else if (node.type === 'element') for (const child of node.children) forText(child, callback)
}

/** Whether a node holds only text and inline elements (no image, break or block). */
function phrasingOnly(node: ElementContent): boolean {
  if (node.type === 'text' || node.type === 'comment') return true
  return node.type === 'element' && inlineTextElements.has(node.tagName) && node.children.every(phrasingOnly)
}

/**
 * The character next to `node` in the text that flows around it (`-1`:
 * before, `1`: after), looking through inline elements; an empty string at
 * the edge of a block, a break or an image.
 */
function adjacent(node: Element, ancestors: Array<Parents>, direction: -1 | 1): string {
  let child: Parents | ElementContent = node
  for (let level = ancestors.length - 1; level >= 0; level--) {
    const parent = ancestors[level]
    const siblings = parent.children as Array<ElementContent>
    for (let index = siblings.indexOf(child as ElementContent) + direction; index >= 0 && index < siblings.length; index += direction) {
      const sibling = siblings[index]
      if (sibling.type === 'comment') continue
      if (sibling.type === 'element' && !inlineTextElements.has(sibling.tagName)) return ''
      const value = sibling.type === 'text' ? sibling.value : toString(sibling)
      if (value) return direction === -1 ? [...value].pop()! : [...value][0]
    }
    if (parent.type !== 'element' || !inlineTextElements.has(parent.tagName)) return ''
    child = parent
  }
  return ''
}

/** The character before the one before `node` (`Mme` needs `M` to start a word). */
function beforeLetter(node: Element, ancestors: Array<Parents>): string {
  const parent = ancestors[ancestors.length - 1]
  const previous = parent.children[parent.children.indexOf(node) - 1]
  return previous && previous.type === 'text' ? [...previous.value].slice(-2, -1).join('') : ''
}

function pairs(from: string, to: string): Record<string, string> {
  const result: Record<string, string> = {}
  const targets = [...to]
  for (const [index, character] of [...from].entries()) result[character] = targets[index]
  return result
}
