import type {Element} from 'hast'
import {isCommentHeading, sectionHeading} from './section-heading.js'
export {isAriaHidden, isHidden} from './hidden.js'
import {negativeLong, negativeShort, positiveName, unlikelyStrong, unlikelyWeak} from '../vocabulary.js'

/** ARIA roles of page furniture. */
const unlikelyRoles = new Set(['alert', 'alertdialog', 'banner', 'complementary', 'contentinfo', 'dialog', 'menu', 'menubar', 'navigation', 'search'])

/**
 * The class names and id of `node`, camelCase split with dashes and lower-cased
 * (`articleBody` → `article-body`).
 */
export function hintNames(node: Element): Array<string> {
  const names: Array<string> = []
  const className = node.properties.className
  if (Array.isArray(className)) {
    for (const name of className) names.push(normalise(String(name)))
  }
  const id = node.properties.id
  if (typeof id === 'string' && id) names.push(normalise(id))
  return names
}

function normalise(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()
}

/** Whether any of `names` carries a positive hint. */
export function isPositiveName(names: Array<string>): boolean {
  return names.some((name) => positiveName.test(name))
}

/** Whether any of `names` carries a negative hint. */
export function isNegativeName(names: Array<string>): boolean {
  return names.some((name) => negativeLong.test(name) || negativeShort.test(name))
}

/** Whether `node` has schema.org `itemprop=articleBody`. */
export function isArticleBody(node: Element): boolean {
  const itemProp = node.properties.itemProp
  return Array.isArray(itemProp) && itemProp.some((v) => /^articlebody$/i.test(String(v)))
}

/**
 * Readability-style class weight: ±25 for the class names and ±25 for the id,
 * plus a bonus for `itemprop=articleBody`.
 */
export function classWeight(node: Element): number {
  let weight = 0
  const className = node.properties.className
  if (Array.isArray(className) && className.length > 0) {
    weight += nameWeight(className.map((c) => normalise(String(c))))
  }
  const id = node.properties.id
  if (typeof id === 'string' && id) weight += nameWeight([normalise(id)])
  if (isArticleBody(node)) weight += 40
  return weight
}

function nameWeight(names: Array<string>): number {
  let weight = 0
  if (isNegativeName(names)) weight -= 25
  if (isPositiveName(names)) weight += 25
  return weight
}

/**
 * How sure it is that `node` is page furniture (navigation, comments,
 * sidebars…) by tag, role or class/id: `2` always skipped, `1` skipped unless
 * it holds most of the page's text, `0` not furniture (or a positive hint).
 */
export function unlikelyLevel(node: Element): 0 | 1 | 2 {
  return levelBeforeHeading(node) ?? levelWithHeading(node, sectionHeading(node))
}

/**
 * `unlikelyLevel` as far as tag, role and `itemprop` tell it: `undefined`
 * when the rest (`levelWithHeading`) needs the section heading.
 */
export function levelBeforeHeading(node: Element): 0 | 1 | 2 | undefined {
  const name = node.tagName
  if (name === 'nav' || name === 'aside' || name === 'footer') return 1
  if (name === 'body' || name === 'html' || name === 'main' || name === 'article') return 0
  if (isArticleBody(node)) return 0
  const role = node.properties.role
  if (typeof role === 'string' && role.split(/\s+/).some((r) => unlikelyRoles.has(r))) {
    return 1
  }
  return undefined
}

/** The rest of `unlikelyLevel`, given the section heading of `node` (`sectionHeading`). */
export function levelWithHeading(node: Element, heading: string | undefined): 0 | 1 | 2 {
  const names = hintNames(node)
  if (isPositiveName(names)) return 0
  if (heading && isCommentHeading(heading)) return 2
  if (names.length === 0) return 0
  if (names.some((n) => unlikelyStrong.test(n))) return 2
  if (names.some((n) => unlikelyWeak.test(n))) return 1
  return 0
}
