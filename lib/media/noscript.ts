/**
 * Put the images a `<noscript>` holds for readers without JavaScript in the
 * place of the lazy placeholder they stand for, once.
 *
 * @module
 */

import type {Element, ElementContent, Parents, Root, Text} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {imageCandidates, pictureCandidates} from './image-source.js'
import {holdsMedia, imageTags, innerImage} from './tags.js'
import {walkShared} from '../util/walk.js'
import {replaceChild} from '../util/replace-child.js'
import type {WalkListener} from '../util/walk.js'

/** Frames whose own source may be missing (a lazy iframe). */
const frameTags: ReadonlySet<string> = new Set(['iframe', 'amp-iframe'])

/** Players whose own source may be missing (a `<video>` a script fills). */
const playerTags: ReadonlySet<string> = new Set(['video', 'audio'])

/**
 * Resolve every `<noscript>` in `tree` that holds an image or an embed:
 *
 * - next to a placeholder of the same kind (the element right before it,
 *   or the last image inside that element, or the one right after it) that
 *   has no real source (a `<noscript>` holding a video or audio pairs only
 *   with a player, never with a poster image beside it), its media replace the placeholder (keeping the
 *   placeholder's `alt` when the fallback has none)
 * - next to one that has a real source (`data-src`, `srcset`, …), it is a
 *   copy and goes
 * - alone (a `<div data-src>` wrapper, an AMP image), its media take its
 *   place; any text beside them (“enable JavaScript”) goes
 *
 * Raw-text content (as parsers with scripting enabled leave it) is parsed
 * as HTML first. `<noscript>`s without media are left alone.
 *
 * @param tree
 *   Tree to change in place.
 */
export function revealNoscripts(tree: Root | Element): void {
  const part = noscriptSitesPart()
  walkShared(tree, [part.listener])
  revealNoscriptsIn(part.parents())
}

/**
 * The parents of the `<noscript>`s a shared walk meets (`walkShared`; not
 * those inside another `<noscript>`), in document order, for
 * `revealNoscriptsIn` once the walk is over. Put it after listeners that
 * change the tree.
 */
export function noscriptSitesPart(): {listener: WalkListener; parents(): Array<Parents>} {
  const parents: Array<Parents> = []
  return {
    listener: {
      enter(element, parent) {
        if (element.tagName !== 'noscript') return
        if (parents[parents.length - 1] !== parent) parents.push(parent)
        return false
      }
    },
    parents: () => [...new Set(parents)]
  }
}

/**
 * Resolve the `<noscript>`s that are children of `parents` (see
 * `revealNoscripts`); media a lone `<noscript>` leaves in its place are
 * resolved too (a `<noscript>` they hold).
 *
 * @param parents
 *   Parents of `<noscript>`s (`noscriptSitesPart`).
 */
export function revealNoscriptsIn(parents: ReadonlyArray<Parents>): void {
  for (const parent of parents) {
    for (let index = 0; index < parent.children.length; index++) {
      const node = parent.children[index]
      if (node.type !== 'element' || node.tagName !== 'noscript' || !holdsMedia(node)) continue
      const content = noscriptContent(node)
      const partner = findPartner(parent, index, content)
      if (partner && hasSource(partner.node)) {
        keepAlt(partner.node, content)
        parent.children.splice(index, 1)
        index--
        continue
      }
      if (partner) {
        const alt = partner.node.properties.alt
        if (typeof alt === 'string' && alt.trim()) {
          for (const img of imagesIn(content)) if (!img.properties.alt) img.properties.alt = alt
        }
        partner.parent.children.splice(partner.parent.children.indexOf(partner.node), 1, ...content)
        parent.children.splice(parent.children.indexOf(node), 1)
        index = -1 // The partner may sit before this index: rescan this parent.
        continue
      }
      replaceChild(parent, index, content)
      index += content.length - 1
      for (const child of content) if (child.type === 'element') revealNoscripts(child)
    }
  }
}

/** Top-level nodes of a `<noscript>` that hold media, parsed when raw text; placed where the `<noscript>` is. */
function noscriptContent(node: Element): Array<ElementContent> {
  const raw = node.children
  const children = raw.every((child): child is Text => child.type === 'text') ? (fromHtml(raw.map((child) => child.value).join(''), {fragment: true}).children as Array<ElementContent>) : raw
  const kept = children.filter((child) => holdsMedia(child))
  for (const child of kept) place(child, node)
  return kept
}

/** Give a subtree the `<noscript>`'s position (messages then point at the page). */
function place(node: ElementContent, noscript: Element): void {
  node.position = noscript.position
  if (node.type === 'element') for (const child of node.children) place(child, noscript)
}

interface Partner {
  parent: Parents
  node: Element
}

/**
 * The placeholder a `<noscript>` at `index` stands for: an image (or frame)
 * right before it (or the last one inside the element right before it,
 * when that element holds nothing else), else right after it, else its
 * parent when that is an AMP image.
 */
function findPartner(parent: Parents, index: number, content: Array<ElementContent>): Partner | undefined {
  const holds = (tags: ReadonlySet<string>) => content.some((child) => child.type === 'element' && hasTag(child, tags))
  const family = holds(playerTags) ? playerTags : holds(frameTags) ? frameTags : imageTags
  if (parent.type === 'element' && parent.tagName.startsWith('amp-') && family.has(parent.tagName)) return undefined
  for (const step of [-1, 1]) {
    const sibling = neighbour(parent, index, step)
    if (!sibling) continue
    if (family.has(sibling.tagName)) return {parent, node: sibling}
    if (step === -1 && !textIn(sibling)) {
      const inner = lastOf(sibling, family)
      if (inner) return inner
    }
  }
  return undefined
}

function neighbour(parent: Parents, index: number, step: number): Element | undefined {
  for (let at = index + step; at >= 0 && at < parent.children.length; at += step) {
    const child = parent.children[at]
    if (child.type === 'comment' || (child.type === 'text' && !child.value.trim())) continue
    return child.type === 'element' ? child : undefined
  }
  return undefined
}

/** The last element of `family` inside `node`, with its parent. */
function lastOf(node: Element, family: ReadonlySet<string>): Partner | undefined {
  for (let index = node.children.length - 1; index >= 0; index--) {
    const child = node.children[index]
    if (child.type !== 'element') continue
    if (family.has(child.tagName)) return {parent: node, node: child}
    const inner = lastOf(child, family)
    if (inner) return inner
  }
  return undefined
}

/**
 * The `<noscript>` copy of an image that already has a source is dropped;
 * its `alt` (the image's words) is not: it goes to the image (the `<img>`
 * of a `<picture>`, else the `<picture>`), when that has none of its own.
 */
function keepAlt(placeholder: Element, content: Array<ElementContent>): void {
  let alt: string | undefined
  for (const img of imagesIn(content)) {
    const value = img.properties.alt
    if (typeof value === 'string' && value.trim()) {
      alt = value
      break
    }
  }
  if (!alt) return
  const inner = placeholder.tagName === 'picture' ? innerImage(placeholder) : undefined
  const target = inner || placeholder
  const own = target.properties.alt
  if (!(typeof own === 'string' && own.trim())) target.properties.alt = alt
}

/** Whether an image or frame placeholder already has a real source. */
function hasSource(node: Element): boolean {
  if (node.tagName === 'picture') return pictureCandidates(node).length > 0
  if (imageTags.has(node.tagName)) return imageCandidates(node).length > 0
  const props = node.properties
  const values = [props.src, props.dataSrc, props.dataLazySrc]
  // A player's `<source src>` children are its source too.
  if (playerTags.has(node.tagName)) for (const child of node.children) if (child.type === 'element' && child.tagName === 'source') values.push(child.properties.src)
  return values.some((value) => typeof value === 'string' && value.trim() !== '' && !/^\s*(?:about:|data:|javascript:)/i.test(value))
}

/** Whether `node` is, or holds, an element named in `tags`. */
function hasTag(node: Element, tags: ReadonlySet<string>): boolean {
  if (tags.has(node.tagName)) return true
  return node.children.some((child) => child.type === 'element' && hasTag(child, tags))
}

function imagesIn(nodes: Array<ElementContent>): Array<Element> {
  const found: Array<Element> = []
  const stack = [...nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'element') continue
    if (node.tagName === 'img' || node.tagName === 'amp-img') found.push(node)
    stack.push(...node.children)
  }
  return found
}

function textIn(node: Element): boolean {
  return node.children.some((child) => (child.type === 'text' ? child.value.trim() !== '' : child.type === 'element' && textIn(child)))
}
