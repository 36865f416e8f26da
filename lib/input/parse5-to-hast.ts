import type {Element, ElementContent, Properties, Root, RootContent} from 'hast'
import {h, s} from 'hastscript'
import type {DefaultTreeAdapterMap} from 'parse5'
import {find, html, normalize} from 'property-information'
import type {Info} from 'property-information'
import {parse as parseCommas} from 'comma-separated-tokens'
import {parse as parseSpaces} from 'space-separated-tokens'
import {webNamespaces} from 'web-namespaces'
import {setSourceSpan} from '../util/source-order.js'
import type {SourceRanks} from './ordered-parser.js'

type P5Node = DefaultTreeAdapterMap['childNode']
type P5Element = DefaultTreeAdapterMap['element']

const own = {}.hasOwnProperty
const proto = Object.prototype

/** `find(html, name)` per attribute name, cached (`find` is pure for a schema). */
const infos = new Map<string, Info>()

function infoOf(name: string): Info {
  let info = infos.get(name)
  if (!info) {
    info = find(html, name)
    // Bounded: a hostile page can hold any number of distinct names.
    if (infos.size >= 4096) infos.clear()
    infos.set(name, info)
  }
  return info
}

/**
 * A parse5 document parsed without source locations to hast, as
 * `fromParse5(document)` (`hast-util-from-parse5` 8, without `file`) makes
 * it, with each element's start-tag span from `ranks` recorded on the way
 * (`setSourceSpan`), in one walk.
 *
 * HTML elements are built here with `hastscript`'s property rules
 * (`addProperty` of `hastscript` 9: `property-information` names,
 * space- and comma-separated lists, numbers, booleans, `class` merged into
 * `className`), without its per-call costs (tag name read as a selector,
 * argument checks, children copied one by one, the schema searched for
 * every attribute). Elements `h` would read differently (a tag name with
 * `#` or `.`) and SVG elements go through `hastscript` itself. Recursive,
 * as `fromParse5`: give it trees no deeper than `parseDeepHtml` leaves
 * them. `test/parse5-to-hast.ts` compares it with `fromParse5` on every
 * fixture, the corpora and generated markup.
 */
export function parse5ToHast(document: DefaultTreeAdapterMap['document'], ranks: SourceRanks | undefined): Root {
  const quirksMode = document.mode === 'quirks' || document.mode === 'limited-quirks'
  return {type: 'root', children: all(document.childNodes, ranks), data: {quirksMode}}
}

function all(nodes: ReadonlyArray<P5Node>, ranks: SourceRanks | undefined): Array<RootContent> {
  const results: Array<RootContent> = []
  for (const node of nodes) results.push(one(node, ranks))
  return results
}

function one(node: P5Node, ranks: SourceRanks | undefined): RootContent {
  switch (node.nodeName) {
    case '#comment': {
      return {type: 'comment', value: (node as DefaultTreeAdapterMap['commentNode']).data}
    }
    case '#documentType': {
      return {type: 'doctype'}
    }
    case '#text': {
      return {type: 'text', value: (node as DefaultTreeAdapterMap['textNode']).value}
    }
    default: {
      return element(node as P5Element, ranks)
    }
  }
}

function element(node: P5Element, ranks: SourceRanks | undefined): Element {
  const isSvg = node.namespaceURI === webNamespaces.svg
  const attributes: Record<string, string> = {}
  for (const attribute of node.attrs) {
    const name = (attribute.prefix ? attribute.prefix + ':' : '') + attribute.name
    if (!own.call(proto, name)) attributes[name] = attribute.value
  }
  const children = all(node.childNodes, ranks) as Array<ElementContent>
  let result: Element
  if (isSvg || node.tagName.includes('#') || node.tagName.includes('.')) {
    result = (isSvg ? s : h)(node.tagName, attributes, children)
  } else {
    result = {type: 'element', tagName: node.tagName.toLowerCase(), properties: {}, children}
    for (const name in attributes) addProperty(result.properties, name, attributes[name])
    if (result.tagName === 'template') {
      result.content = {type: 'root', children: result.children}
      result.children = []
    }
  }
  if (result.tagName === 'template') {
    if (node.namespaceURI === webNamespaces.html) {
      const content = (node as DefaultTreeAdapterMap['template']).content
      // A document fragment, which has no quirks mode.
      result.content = {type: 'root', children: all(content.childNodes, ranks), data: {quirksMode: false}}
    } else if (result.content) {
      result.children = result.content.children as Array<ElementContent>
      delete result.content
    }
  }
  if (ranks) {
    const start = ranks.start.get(node)
    if (start !== undefined) setSourceSpan(result, start, ranks.end.get(node) ?? Number.POSITIVE_INFINITY)
  }
  return result
}

/** `hastscript`'s `addProperty` for a string value in the HTML schema. */
function addProperty(properties: Properties, key: string, value: string): void {
  const info = infoOf(key)
  let result: Array<string | number> | string | number | boolean
  if (info.spaceSeparated) result = parseSpaces(value)
  else if (info.commaSeparated) result = parseCommas(value)
  else if (info.commaOrSpaceSeparated) result = parseSpaces(parseCommas(value).join(' '))
  else result = parsePrimitive(info, info.property, value)
  if (Array.isArray(result)) {
    const items: Array<string | number> = []
    for (const item of result) items.push(parsePrimitive(info, info.property, item as string) as string | number)
    result = items
  }
  if (info.property === 'className' && Array.isArray(properties.className)) {
    result = [...properties.className, ...(Array.isArray(result) ? result : [result as string | number])]
  }
  properties[info.property] = result
}

/** `hastscript`'s `parsePrimitive`. */
function parsePrimitive(info: Info, name: string, value: string): string | number | boolean {
  if (info.number && value && !Number.isNaN(Number(value))) return Number(value)
  if ((info.boolean || info.overloadedBoolean) && (value === '' || normalize(value) === normalize(name))) return true
  return value
}
