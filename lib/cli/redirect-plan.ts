/**
 * Old URLs in a batch: which page holds each old URL, which pages keep
 * their alias, and what goes into the redirect map.
 *
 * - An old URL belongs to one page. Claims are made in a fixed order:
 *   pages unchanged since the last run first (they keep what they hold, as
 *   they keep their file names), then converted pages in sorted input path
 *   order, so a clean run gives the old URL to the first page by input path.
 *   Every other page claiming it is reported (`duplicate-old-url`) and gets
 *   neither an alias nor a redirect.
 * - An alias is a redirect page the generator writes at a file of the
 *   built site. It is written only when no page lives at that file (a
 *   page's own address, or another page's) and no other alias writes it.
 *   A page whose alias is no longer allowed after a later page took the
 *   file is written again without it (`fixups`).
 * - The redirect map lists each old URL held by a written page with its
 *   new address (`--permalink`), unless the old URL is a page's address.
 *
 * @module
 */
import {aliasFile, aliasPath} from '../output/alias-path.js'
import type {AliasGenerator, AliasOptions} from '../output/alias-path.js'
import {encodeTarget, parseOldUrl} from '../output/old-url.js'
import {expandPermalink} from '../output/permalink.js'
import {targetKey} from '../output/redirects.js'
import type {Redirect} from '../output/redirects.js'
import type {PageRedirect} from './convert-task.js'
import type {ManifestEntry} from './manifest.js'
import type {ReportMessage} from './report.js'

/** How a batch treats old URLs. */
export interface PlanSettings {
  /** The generator writing aliases for the layout (`hugo`, `jekyll`), if any. */
  generator: AliasGenerator | undefined
  aliasOptions: AliasOptions
  /** A checked permalink pattern for new addresses, if the layout has one or one was given. */
  permalink: string | undefined
  /** Whether a redirect map is written (`--redirects`), and its format's name for messages. */
  map: string | undefined
}

/** What the manifest records about a page's old URL. */
export type StoredRedirect = NonNullable<ManifestEntry['redirect']>

interface Planned {
  relative: string
  output: string
  redirect: StoredRedirect | null
  /** `OldUrl.key` of the old URL. */
  key: string | undefined
  /** Old URL for messages (decoded path and query). */
  shown: string
  /** New address (encoded), or why it is unknown. */
  to: string | undefined
  toReason: string | undefined
  /** The built page's file (case-folded), when the layout has a generator. */
  file: string | undefined
  /** The page holding the old URL, when another one does. */
  lostTo: string | undefined
  /** The alias this page may keep. */
  alias: string | undefined
  /** Why it has no alias. */
  aliasReason: string | undefined
  /** The old URL is this page's own new address. */
  self: boolean
}

/** Old URL claims, aliases and redirects of one batch. */
export class RedirectPlan {
  /** Old URL key → the page holding it. */
  private readonly urls = new Map<string, string>()
  /** Built file (case-folded) → the page that lives there or whose alias writes it. */
  private readonly files = new Map<string, {relative: string; kind: 'page' | 'alias'}>()
  private readonly pages = new Map<string, Planned>()
  private readonly fixes = new Set<string>()
  private readonly mapRejected = new Map<string, string>()
  private addressCache: {ok: ReadonlySet<string>; map: Map<string, string>} | undefined

  constructor(readonly settings: PlanSettings) {}

  /** Whether old URLs matter in this batch (aliases or a map). */
  get active(): boolean {
    return Boolean(this.settings.generator || this.settings.map)
  }

  /**
   * Claim the old URLs of unchanged pages (sorted by input path), first
   * the pages whose files have an alias, then the others. Returns the pages
   * that must be converted again: written by an older version (no
   * `redirect` in the manifest), an alias that clashes with one claimed
   * before, or a page without alias that may have one now (its old URL or
   * the alias's file is free again).
   */
  planUnchanged(items: ReadonlyArray<{relative: string; entry: ManifestEntry}>): Set<string> {
    const redo = new Set<string>()
    if (!this.active) return redo
    const planned: Array<Planned> = []
    for (const {relative, entry} of items) {
      if (entry.redirect === undefined) redo.add(relative)
      else planned.push(this.record(relative, entry.output, entry.redirect))
    }
    for (const page of planned) this.takePageFile(page, false)
    for (const page of planned) {
      const alias = page.redirect?.alias
      if (!alias) continue
      if (this.urlFree(page) && this.aliasProblem(page, alias) === undefined) {
        this.takeUrl(page)
        this.takeAlias(page, alias)
      } else {
        redo.add(page.relative)
        this.pages.delete(page.relative)
      }
    }
    const {generator} = this.settings
    for (const page of planned) {
      if (!page.redirect || page.redirect.alias) continue
      if (this.urlFree(page) && generator) {
        const alias = aliasPath(page.redirect.from, generator, this.settings.aliasOptions)
        const problem = alias.path === undefined ? alias.reason : this.aliasProblem(page, alias.path)
        if (problem === undefined) {
          redo.add(page.relative)
          this.pages.delete(page.relative)
          continue
        }
        page.aliasReason = problem
      }
      this.takeUrl(page)
    }
    return redo
  }

  /**
   * Claim the old URL of a converted page (in input order), once its output
   * path is known. Returns whether the page keeps the alias it was written
   * with (`redirect.alias`); when not, it must be written without one.
   */
  claim(relative: string, output: string, redirect: PageRedirect | null): boolean {
    if (!this.active) return Boolean(redirect?.alias)
    // What the page's file will have: the alias only if it is kept.
    const page = this.record(relative, output, redirect && {from: redirect.from, date: redirect.date, alias: undefined})
    this.takePageFile(page, true)
    if (!redirect || !this.takeUrl(page)) return false
    if (!redirect.alias) {
      page.aliasReason = redirect.aliasReason
      return false
    }
    const problem = this.aliasProblem(page, redirect.alias)
    if (problem !== undefined) {
      page.aliasReason = problem
      return false
    }
    this.takeAlias(page, redirect.alias)
    page.redirect = {...(page.redirect as StoredRedirect), alias: redirect.alias}
    return true
  }

  /** Record that a page was written again without its alias. */
  dropAlias(relative: string): void {
    const page = this.pages.get(relative)
    if (page?.redirect) page.redirect = {...page.redirect, alias: undefined}
    this.fixes.delete(relative)
  }

  /** Pages written with an alias they may not keep (a later page lives at its file). */
  fixups(): Array<string> {
    return [...this.fixes].sort()
  }

  /** What the manifest records for a page. */
  stored(relative: string): StoredRedirect | null | undefined {
    return this.pages.get(relative)?.redirect
  }

  /**
   * The redirects of the map: every old URL held by a written page (`ok`)
   * with a known new address, except old URLs that are a page's address.
   */
  redirects(ok: ReadonlySet<string>): Array<{relative: string; redirect: Redirect}> {
    if (!this.settings.map) return []
    const addresses = this.addresses(ok)
    const result: Array<{relative: string; redirect: Redirect}> = []
    for (const page of this.pages.values()) {
      if (!ok.has(page.relative) || !page.redirect || page.lostTo || !page.to || page.key === undefined) continue
      if (addresses.has(page.key)) continue
      result.push({relative: page.relative, redirect: {from: page.redirect.from, to: page.to}})
    }
    return result
  }

  /** Record why the map could not hold a page's redirect. */
  rejectFromMap(relative: string, reason: string): void {
    this.mapRejected.set(relative, reason)
  }

  /** Messages about a written page's old URL, for the report. */
  messages(relative: string, ok: ReadonlySet<string>): Array<ReportMessage> {
    const page = this.pages.get(relative)
    if (!page || !page.redirect || page.self) return []
    const subject = 'Old URL `' + page.shown + '`'
    if (page.lostTo) {
      return [
        message(
          'duplicate-old-url',
          'warning',
          subject + ' is also the original URL of `' + page.lostTo + '`, which keeps it (the first by input path, or unchanged since the last run): this page gets no alias and no redirect'
        )
      ]
    }
    const owner = page.key === undefined ? undefined : this.addresses(ok).get(page.key)
    if (owner !== undefined && owner !== relative) {
      return [message('old-url-not-redirected', 'warning', subject + ' is not redirected: it is now the address of the page of `' + owner + '`')]
    }
    const {generator, map} = this.settings
    const aliased = Boolean(page.redirect.alias)
    const mapped = Boolean(map && page.to && !this.mapRejected.has(relative))
    const mapReason = !map ? undefined : !page.to ? 'its new address is unknown (' + page.toReason + ')' : this.mapRejected.get(relative)
    if (!generator) {
      return map && !mapped ? [message('old-url-not-redirected', 'warning', subject + ' is not in the redirect map: ' + mapReason)] : []
    }
    if (!aliased && !mapped) {
      const why = 'it cannot be an alias (' + (page.aliasReason || 'unknown') + ')'
      const hint = map ? ' and the redirect map cannot hold it: ' + mapReason : '; write a redirect map for your web server with `--redirects FILE`'
      return [message('old-url-not-redirected', 'warning', subject + ' is not redirected: ' + why + hint)]
    }
    if (!aliased) return [message('redirect-map-only', 'info', subject + ' is only in the redirect map: it cannot be an alias (' + (page.aliasReason || 'unknown') + ')')]
    if (map && !mapped) return [message('redirect-alias-only', 'warning', subject + ' has only an alias (a redirect page, not a 301): the redirect map cannot hold it: ' + mapReason)]
    return []
  }

  private record(relative: string, output: string, redirect: StoredRedirect | null): Planned {
    const old = redirect ? parseOldUrl(redirect.from) : undefined
    const page: Planned = {
      relative,
      output,
      redirect,
      key: old?.key,
      shown: old ? clip(old.decodedPath ?? old.path) + (old.query ? '?' + clip(old.query) : '') : '',
      to: undefined,
      toReason: undefined,
      file: undefined,
      lostTo: undefined,
      alias: undefined,
      aliasReason: undefined,
      self: false
    }
    const {permalink, generator} = this.settings
    const target = permalink ? expandPermalink(permalink, {output, date: redirect?.date}) : {reason: 'no `--permalink` was given for this layout'}
    if (target.path === undefined) page.toReason = target.reason
    else {
      try {
        page.to = encodeTarget(target.path)
      } catch (error) {
        page.toReason = (error as Error).message
      }
    }
    if (page.to?.startsWith('/') && generator) page.file = fileKey(aliasFile(targetKey(page.to), generator))
    if (page.to && page.key !== undefined && targetKey(page.to) === page.key) page.self = true
    this.pages.set(relative, page)
    return page
  }

  /** A page lives at its file; an alias of another page that writes it must go. */
  private takePageFile(page: Planned, evict: boolean): void {
    if (!page.file) return
    const holder = this.files.get(page.file)
    if (holder && holder.kind === 'alias' && holder.relative !== page.relative && evict) {
      const other = this.pages.get(holder.relative)
      if (other) {
        other.alias = undefined
        other.aliasReason = 'its file is now the page of `' + page.relative + '`'
        if (other.redirect?.alias) this.fixes.add(other.relative)
      }
    }
    if (!holder || holder.kind === 'alias') this.files.set(page.file, {relative: page.relative, kind: 'page'})
  }

  private urlFree(page: Planned): boolean {
    if (page.key === undefined) return false
    const holder = this.urls.get(page.key)
    return holder === undefined || holder === page.relative
  }

  private takeUrl(page: Planned): boolean {
    if (page.key === undefined) return false
    const holder = this.urls.get(page.key)
    if (holder !== undefined && holder !== page.relative) {
      page.lostTo = holder
      return false
    }
    this.urls.set(page.key, page.relative)
    return true
  }

  /** Why `alias` cannot be this page's, if it cannot. */
  private aliasProblem(page: Planned, alias: string): string | undefined {
    const {generator} = this.settings
    if (!generator) return 'the layout writes no aliases'
    const holder = this.files.get(fileKey(aliasFile(alias, generator)))
    if (!holder || (holder.kind === 'alias' && holder.relative === page.relative)) return undefined
    if (holder.kind === 'page') return holder.relative === page.relative ? 'it is the page’s own address' : 'its file is the page of `' + holder.relative + '`'
    return 'the alias of `' + holder.relative + '` writes the same file'
  }

  private takeAlias(page: Planned, alias: string): void {
    this.files.set(fileKey(aliasFile(alias, this.settings.generator as AliasGenerator)), {relative: page.relative, kind: 'alias'})
    page.alias = alias
  }

  /** Old URL key → the written page whose new address it is (computed once per `ok`). */
  private addresses(ok: ReadonlySet<string>): Map<string, string> {
    if (this.addressCache?.ok === ok) return this.addressCache.map
    const result = new Map<string, string>()
    this.addressCache = {ok, map: result}
    for (const page of this.pages.values()) {
      if (ok.has(page.relative) && page.to?.startsWith('/')) result.set(targetKey(page.to), page.relative)
    }
    return result
  }
}

/** Built files compare as output paths do (case and normalisation folded). */
function fileKey(file: string): string {
  return file.normalize('NFC').toLowerCase()
}

function message(ruleId: string, kind: 'warning' | 'info', reason: string): ReportMessage {
  return {ruleId, reason, line: null, column: null, kind}
}

function clip(value: string): string {
  return value.length > 120 ? value.slice(0, 120) + '…' : value
}
