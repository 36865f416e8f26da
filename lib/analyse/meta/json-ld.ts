/**
 * Read article metadata from JSON-LD (`<script type="application/ld+json">`).
 *
 * Parsing is defensive: invalid JSON is repaired where cheap (comments,
 * CDATA, raw control characters, trailing commas) and skipped otherwise.
 * Top-level arrays, `@graph` and nested entities (`mainEntity`, `itemListElement`)
 * are flattened; `{"@id": …}` references are resolved (Yoast-style graphs).
 *
 * The entity used is the best-ranked one: a NewsArticle family type, then
 * Article/BlogPosting/…, then WebPage as a fallback. Fields missing on it are
 * taken from lower-ranked entities. Every value says where it came from as
 * `json-ld:<Type>.<property>`.
 *
 * @module
 */

import type {Found} from './found.js'
import {collapse} from '../page-index.js'

type Json = null | boolean | number | string | Array<Json> | {[key: string]: Json}
type JsonObject = {[key: string]: Json}

/** Fields read from JSON-LD. */
export interface JsonLdMeta {
  title?: Found<string>
  authors?: Found<Array<string>>
  /** Authors of a WebPage (weaker than any article byline). */
  pageAuthors?: Found<Array<string>>
  /** Authors that are organisations (used only when no person is found anywhere). */
  orgAuthors?: Found<Array<string>>
  date?: Found<string>
  modified?: Found<string>
  keywords?: Found<Array<string>>
  section?: Found<string>
  url?: Found<string>
  image?: Found<string>
  description?: Found<string>
  publisher?: Found<string>
  siteName?: Found<string>
  language?: Found<string>
}

const RANKS: Record<string, number> = {
  newsarticle: 5,
  reportagenewsarticle: 5,
  analysisnewsarticle: 5,
  opinionnewsarticle: 5,
  reviewnewsarticle: 5,
  backgroundnewsarticle: 5,
  askpublicnewsarticle: 5,
  article: 4,
  blogposting: 4,
  liveblogposting: 4,
  socialmediaposting: 4,
  techarticle: 4,
  scholarlyarticle: 4,
  report: 4,
  posting: 4,
  discussionforumposting: 3,
  webpage: 1,
  itempage: 1,
  aboutpage: 1
}

const NOT_WORKS =
  /^(?:person|organi[sz]ation|newsmediaorganization|corporation|website|breadcrumblist|listitem|itemlist|imageobject|sitenavigationelement|searchaction|entrypoint|place|postaladdress|contactpoint|brand|offer|aggregaterating|rating|review|comment|question|answer)$/i

/**
 * Read metadata from the texts of JSON-LD scripts.
 *
 * @param texts
 *   Raw script contents.
 * @returns
 *   Fields found (empty when nothing usable).
 */
export function readJsonLd(texts: Array<string>): JsonLdMeta {
  const nodes: Array<JsonObject> = []
  for (const text of texts) {
    const data = parse(text)
    if (data !== undefined) flatten(data, nodes, 0)
  }
  const ids = new Map<string, JsonObject>()
  for (const node of nodes) {
    const id = node['@id']
    // Register definitions, not bare `{"@id": …}` references.
    if (typeof id === 'string' && !ids.has(id) && Object.keys(node).length > 1) ids.set(id, node)
  }
  const ranked = nodes
    .map((node) => ({node, type: typeOf(node), rank: rankOf(node)}))
    .filter((entry) => entry.rank > 0)
    .sort((a, b) => b.rank - a.rank)
  const meta: JsonLdMeta = {}
  const store = meta as Record<string, Found<string | Array<string>> | undefined>
  const resolve = (value: Json | undefined): Json | undefined => (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1 ? (ids.get(value['@id']) ?? value) : value)

  for (const {node, type} of ranked) {
    const from = (property: string) => `json-ld:${type}.${property}`
    const set = (key: keyof JsonLdMeta, property: string, value: string | Array<string> | undefined): void => {
      if (meta[key] || value === undefined || value.length === 0) return
      store[key] = {value, from: from(property)}
    }
    const article = rankOf(node) > 1 || rankOf(node) === 0.5
    set('title', 'headline', text(node.headline))
    if (article) set('title', 'name', text(node.name))
    set(article ? 'authors' : 'pageAuthors', 'author', names(node.author, resolve, 'person'))
    if (article) set('authors', 'creator', names(node.creator, resolve, 'person'))
    set('orgAuthors', 'author', names(node.author, resolve, 'organization'))
    set('date', 'datePublished', text(node.datePublished))
    if (article) set('date', 'dateCreated', text(node.dateCreated))
    set('modified', 'dateModified', text(node.dateModified))
    set('keywords', 'keywords', keywords(node.keywords))
    set('section', 'articleSection', text(node.articleSection))
    set('url', 'url', link(node.url))
    set('url', 'mainEntityOfPage', link(resolve(node.mainEntityOfPage)))
    set('image', 'image', link(resolve(node.image)) || link(node.thumbnailUrl))
    set('description', 'description', text(node.description))
    set('publisher', 'publisher', names(node.publisher, resolve, 'any')?.[0])
    set('language', 'inLanguage', text(node.inLanguage))
    const site = resolve(node.isPartOf)
    if (isObject(site) && /website/i.test(typeOf(site))) set('siteName', 'isPartOf', text(site.name))
  }
  for (const node of nodes) {
    if (!meta.siteName && /^website$/i.test(typeOf(node)) && text(node.name)) {
      meta.siteName = {value: text(node.name) as string, from: 'json-ld:WebSite.name'}
    }
  }
  return meta
}

/** Parse one script text, repairing common breakage; `undefined` if hopeless. */
function parse(raw: string): Json | undefined {
  const text = raw.trim()
  if (!text) return undefined
  try {
    return JSON.parse(text) as Json
  } catch {}
  const cleaned = text
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .replace(/[\u0000-\u001f]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1')
    .trim()
  try {
    return JSON.parse(cleaned) as Json
  } catch {}
  return undefined
}

/** Collect every object in `value` that has a `@type`, looking into graphs and nested entities. */
function flatten(value: Json, nodes: Array<JsonObject>, depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, nodes, depth + 1)
    return
  }
  if (value['@type'] !== undefined || typeof value['@id'] === 'string') nodes.push(value)
  // Not `itemListElement`/`hasPart`: lists hold other articles.
  for (const key of ['@graph', 'mainEntity', 'author', 'publisher', 'isPartOf']) {
    const child = value[key]
    if (child && typeof child === 'object') flatten(child, nodes, depth + 1)
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** First schema.org type of an entity, without the vocabulary prefix. */
function typeOf(node: JsonObject): string {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']]
  const names = types.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''))
  return names.sort((a, b) => (RANKS[b.toLowerCase()] ?? 0) - (RANKS[a.toLowerCase()] ?? 0))[0] ?? ''
}

/**
 * Rank of an entity: article types high, WebPage low; other creative works
 * (HowTo, VideoObject, Recipe, …) with a headline or publication date lowest.
 */
function rankOf(node: JsonObject): number {
  const type = typeOf(node)
  const rank = RANKS[type.toLowerCase()]
  if (rank !== undefined) return rank
  if (!type || NOT_WORKS.test(type)) return 0
  return node.headline !== undefined || node.datePublished !== undefined ? 0.5 : 0
}

/** A plain string value (first of a list; `@value` objects unwrapped). */
function text(value: Json | undefined): string | undefined {
  if (Array.isArray(value)) return text(value[0])
  if (isObject(value)) return text(value['@value'])
  if (typeof value === 'string' || typeof value === 'number') {
    const result = collapse(decodeEntities(String(value)))
    return result || undefined
  }
  return undefined
}

/** A URL from a string, `{url}`, `{@id}` or a list of those. */
function link(value: Json | undefined): string | undefined {
  if (Array.isArray(value)) return link(value[0])
  if (isObject(value)) return link(value.url ?? value.contentUrl ?? value['@id'])
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/**
 * Names of persons or organisations (strings, `{name}`, references, lists).
 * `kind` keeps persons (and plain strings) or organisations only.
 */
function names(value: Json | undefined, resolve: (value: Json | undefined) => Json | undefined, kind: 'person' | 'organization' | 'any'): Array<string> | undefined {
  const result: Array<string> = []
  const add = (item: Json | undefined): void => {
    item = resolve(item)
    if (Array.isArray(item)) {
      for (const each of item) add(each)
    } else if (isObject(item)) {
      const organization = /organi[sz]ation|corporation|newsmedia|company|website/i.test(typeOf(item))
      if (kind !== 'any' && organization !== (kind === 'organization')) return
      const given = text(item.givenName)
      const family = text(item.familyName)
      const name = text(item.name) ?? (given || family ? [given, family].filter(Boolean).join(' ') : undefined)
      if (name) result.push(organization ? name : completeFirstName(name, given, family, text(item.description)))
    } else if (kind !== 'organization') {
      const name = text(item)
      if (name) result.push(name)
    }
  }
  add(value)
  return result.length > 0 ? result : undefined
}

/** What may follow a name opening a person's description: a dash, a comma, a bracket, a colon or a bar (`Jane Roe – editor …`). */
const AFTER_NAME = /^(?:[-–—,(:|]|$)/

/**
 * A person's full name when `name` is a first name alone (`Stefanus`, as
 * WordPress SEO plugins write a user's display name): `givenName` and
 * `familyName` when they extend it, else the one or two capitalised words
 * after it where the person's `description` opens with it, before a dash,
 * comma, bracket or colon (`Stefanus Stahl - Maschinenbauer, …`). Fixture:
 * meta-author-first-name-json-ld.
 */
function completeFirstName(name: string, given: string | undefined, family: string | undefined, description: string | undefined): string {
  if (name.includes(' ')) return name
  if (given && family && given.toLowerCase() === name.toLowerCase()) return given + ' ' + family
  if (!description || !description.startsWith(name + ' ')) return name
  const words = description.slice(name.length + 1, name.length + 120).split(' ')
  const surname: Array<string> = []
  for (const word of words.slice(0, 2)) {
    if (!/^\p{Lu}[\p{Ll}'’-]+$/u.test(word)) break
    surname.push(word)
  }
  if (surname.length === 0) return name
  const after = words.slice(surname.length).join(' ').trimStart()
  return AFTER_NAME.test(after) ? [name, ...surname].join(' ') : name
}

/** Keywords from a string (split on commas) or a list. */
function keywords(value: Json | undefined): Array<string> | undefined {
  const list = Array.isArray(value) ? value : [value]
  const result: Array<string> = []
  for (const item of list) {
    const value = text(item)
    if (value) result.push(...value.split(/[,，、;；]/))
  }
  return result.length > 0 ? result : undefined
}

/** JSON-LD is sometimes written with HTML entities in its strings. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[\da-f]+|#\d+|amp|quot|apos|lt|gt|nbsp);/gi, (all, entity: string) => {
    const lower = entity.toLowerCase()
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all
    }
    return ({amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' '} as Record<string, string>)[lower] ?? all
  })
}
