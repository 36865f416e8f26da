/**
 * Cleaning rules for kinds of page furniture that class words do not name:
 * scan-code boxes, vote banners, author boxes, print-only blocks,
 * byline rows, rows of avatar links, stray image file names, breadcrumb trails, “read more” lines, and widgets' “more” links. Each rule names what it
 * removes, so that removals inside the article root are reported under it
 * (`file.data.removals`, `dropped-content`). Words and limits are in
 * `vocabulary.ts`, each with the fixture that shows it.
 *
 * @module
 */

import type {Element} from 'hast'
import {holdsSentence} from '../blocks/prose.js'
import {shortText} from '../blocks/short-text.js'
import {recordedElements} from '../blocks/element-records.js'
import {
  authorBoxLabel,
  avatarMaxSize,
  avatarName,
  authorBoxMax,
  authorBoxName,
  breadcrumbCrumbMax,
  breadcrumbSeparator,
  bylineRowMax,
  fileNameMax,
  imageFileExtensions,
  moreLink,
  printOnlyName,
  readMoreLineMax,
  readMoreLink,
  scanCodeAction,
  scanCodeImage,
  scanCodeMax,
  scanCodeName,
  scanCodeText,
  voteBannerMax,
  voteCall
} from '../vocabulary.js'
import type {BlockFacts} from './boilerplate.js'

/** The rules' verdicts, reported as the removal's rule. */
export type FurnitureRule = 'author-box' | 'avatar-row' | 'breadcrumb' | 'byline-row' | 'file-name' | 'print-only' | 'read-more' | 'scan-code' | 'vote-banner'

/** A furniture rule: its name, and the verdict it gives a block (`undefined`: not this kind). */
export interface FurnitureRuleSpec {
  name: FurnitureRule
  judge(facts: Readonly<BlockFacts>): FurnitureRule | undefined
}

/** Most nodes looked at inside a block for its images and links. */
const budget = 300

/**
 * The furniture rules, in order. None removes a block that holds most of
 * the article's text (`mostText`).
 */
export const furnitureRules: ReadonlyArray<FurnitureRuleSpec> = [
  {
    // Shown only on paper: a print logo, “printed from <address>”.
    name: 'print-only',
    judge: (f) => (!f.mostText && f.names.some((n) => printOnlyName.test(n)) ? 'print-only' : undefined)
  },
  {
    // “Scan the QR code to follow us”, a QR code image alone or beside a call to scan or follow.
    name: 'scan-code',
    judge(f) {
      if (f.mostText || f.text > scanCodeMax) return undefined
      if (f.names.some((n) => scanCodeName.test(n))) return 'scan-code'
      const text = f.text > 0 ? (shortText(f.node, scanCodeMax * 2) ?? '') : ''
      if (text && scanCodeText.test(text) && scanCodeAction.test(text)) return 'scan-code'
      // A QR code picture alone, or with a call to scan it (`Scan the code to get our newsletter`).
      if (f.text > 0 && !(text && scanCodeAction.test(text))) return undefined
      return elementsOf(f.node, 'img').some((image) => scanCodeImage.test(String(image.properties.src || ''))) ? 'scan-code' : undefined
    }
  },
  {
    // “2018 awards: voting is open! 【Vote now】”.
    name: 'vote-banner',
    judge(f) {
      if (f.mostText || f.linkText === 0 || f.text > voteBannerMax) return undefined
      return elementsOf(f.node, 'a').some((link) => voteCall.test((shortText(link, 40) ?? '').trim())) ? 'vote-banner' : undefined
    }
  },
  {
    // “About the author” and the bio under it.
    name: 'author-box',
    judge(f) {
      if (f.mostText || f.positive) return undefined
      if (f.names.some((n) => authorBoxName.test(n))) return 'author-box'
      if (f.text > authorBoxMax) return undefined
      const first = f.shape().runs[0]
      return first && authorBoxLabel.test(first.text) ? 'author-box' : undefined
    }
  },
  {
    // A row of linked avatars and no text (who quoted, who commented).
    name: 'avatar-row',
    judge(f) {
      if (f.mostText || f.text > 0) return undefined
      const links = elementsOf(f.node, 'a')
      if (links.length < 2) return undefined
      return links.every((link) => elementsOf(link, 'img').some(isAvatar)) ? 'avatar-row' : undefined
    }
  },
  {
    // `IMG_2034.jpg` as a line of its own.
    name: 'file-name',
    judge(f) {
      if (f.mostText || f.text === 0 || f.text > fileNameMax) return undefined
      return isFileName((shortText(f.node, fileNameMax) ?? '').trim()) ? 'file-name' : undefined
    }
  },
  {
    // `04/11/2024 | <a rel=author>Ines Berg</a>`: the frontmatter's author and date.
    name: 'byline-row',
    judge(f) {
      if (f.mostText || f.text === 0 || f.text > bylineRowMax || f.linkText === 0) return undefined
      if (!elementsOf(f.node, 'a').some((link) => relWords(link).includes('author'))) return undefined
      return holdsSentence(f.shape()) ? undefined : 'byline-row'
    }
  },
  {
    // `<a>weiterlesen</a> 5 Minuten`: a teaser's “read more” line (a sentence with the words is none).
    name: 'read-more',
    judge(f) {
      if (f.mostText || f.linkText === 0 || f.text > readMoreLineMax) return undefined
      if (!elementsOf(f.node, 'a').some((link) => isReadMoreLink(link))) return undefined
      return holdsSentence(f.shape()) ? undefined : 'read-more'
    }
  },
  {
    // `Home > News > Sport > Title`.
    name: 'breadcrumb',
    judge(f) {
      if (f.mostText || f.density < 0.5 || f.text > breadcrumbCrumbMax * 20) return undefined
      const shape = f.shape()
      if (shape.links < 2 || holdsSentence(shape)) return undefined
      return isTrail(shortText(f.node, breadcrumbCrumbMax * 20) ?? '') ? 'breadcrumb' : undefined
    }
  }
]

/**
 * Whether `image` (an `<img>`) is a person's small picture: named so, or
 * square and at most `avatarMaxSize` pixels (licence badges and logos are
 * wider than high).
 */
function isAvatar(image: Element): boolean {
  const names = [image.properties.src, image.properties.alt, image.properties.className].flat().map((value) => String(value ?? ''))
  if (names.some((name) => avatarName.test(name))) return true
  const width = Number(image.properties.width)
  return width > 0 && width <= avatarMaxSize && width === Number(image.properties.height)
}

/** Whether `text` is only a picture's file name (`IMG_2034.jpg`: letters, digits, `_`, `-`, spaces, one extension). */
function isFileName(text: string): boolean {
  const dot = text.lastIndexOf('.')
  if (dot < 1 || !imageFileExtensions.has(text.slice(dot + 1).toLowerCase())) return false
  const name = text.slice(0, dot)
  return /^[\p{L}\p{N}_-][\p{L}\p{N}_ -]*$/u.test(name) && !name.includes('  ')
}

/** The words of `node`'s `rel` attribute, lower-cased. */
function relWords(node: Element): Array<string> {
  const rel = node.properties.rel
  const words = Array.isArray(rel) ? rel.map(String) : String(rel ?? '').split(' ')
  return words.map((word) => word.toLowerCase())
}

/** Whether `text` is a trail of three or more short crumbs between separators. */
function isTrail(text: string): boolean {
  const crumbs = text.split(breadcrumbSeparator).map((crumb) => crumb.trim())
  return crumbs.length >= 3 && crumbs.every((crumb) => crumb.length > 0 && [...crumb].length <= breadcrumbCrumbMax)
}

/**
 * Whether `node` is a widget's “more” link (`<a>更多></a>`) or a teaser's
 * “read more” link (`<a>Weiterlesen</a>`): its whole text is the
 * `moreLink` word and arrow, or a `readMoreLink` phrase; or an inline
 * element whose whole text is a bracketed `readMoreLink` phrase around such
 * a link (`<b>[<a>czytaj więcej</a>]</b>`).
 */
export function isMoreLink(node: Element): boolean {
  if (node.tagName === 'a') {
    const text = (shortText(node, 40) ?? '').trim()
    return moreLink.test(text) || readMoreLink.test(text)
  }
  // `<b>[<a>czytaj więcej</a>]</b>`: the brackets go with the link (a child of the element).
  const link = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a' && child.properties.href !== undefined)
  if (!link) return false
  const text = (shortText(node, 40) ?? '').trim()
  return text.startsWith('[') && readMoreLink.test(text)
}

/** Whether `node` (an `<a>`) is a “read more” link: its whole text is a `readMoreLink` phrase. */
function isReadMoreLink(node: Element): boolean {
  return node.properties.href !== undefined && readMoreLink.test((shortText(node, 40) ?? '').trim())
}

/** Elements named `tagName` inside `node` (a bounded walk: the first `budget` nodes), from the element records when they know it. */
function elementsOf(node: Element, tagName: string): Array<Element> {
  const recorded = recordedElements(node, tagName, budget)
  if (recorded) return recorded
  const found: Array<Element> = []
  const stack: Array<Element> = [node]
  let visited = 0
  while (stack.length > 0 && visited++ < budget) {
    const element = stack.pop()!
    if (element.tagName === tagName) found.push(element)
    for (const child of element.children) if (child.type === 'element') stack.push(child)
  }
  return found
}
