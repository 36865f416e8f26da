/**
 * Tags as they go into the frontmatter: Unicode NFKC (full-width letters
 * and digits become ASCII, compatibility forms fold), trimmed, inner white
 * space collapsed, a leading `#` dropped; exact duplicates merged; forms
 * that differ only in case merged into the most frequent one (ties: the
 * first seen); junk dropped with the reason.
 *
 * Junk is what sites put in tag lists that no taxonomy wants: `key:value`
 * pairs and URLs (`category:news`, `https://…`), `@handles`, values of
 * digits and punctuation only (`2020`, `10:30`), and tags longer than
 * `maxTagLength` characters (a sentence or a pasted paragraph).
 *
 * @module
 */

/** Longest tag kept, in characters (code points). */
export const maxTagLength = 50

/** Why a tag was dropped. */
export type TagJunk = 'key-value' | 'handle' | 'number' | 'too-long' | 'empty'

/** Tags after `normalizeTags`. */
export interface NormalizedTags {
  /** The tags kept, in first-seen order. */
  tags: Array<string>
  /** Tags dropped, with why. */
  dropped: Array<{tag: string; reason: TagJunk}>
  /** Case-only variants merged: the form kept and the others. */
  merged: Array<{kept: string; forms: Array<string>}>
}

/** Describe a junk reason in words. */
export const junkReasons: Record<TagJunk, string> = {
  'key-value': 'a `key:value` pair or a URL',
  handle: 'an `@handle`',
  number: 'digits and punctuation only',
  'too-long': 'longer than ' + maxTagLength + ' characters',
  empty: 'empty'
}

/** One tag cleaned (NFKC, trimmed, white space collapsed, no leading `#`). */
export function cleanTag(tag: string): string {
  const collapsed = tag.normalize('NFKC').split(/\s+/).filter(Boolean).join(' ')
  return collapsed.startsWith('#') && collapsed.length > 1 && !collapsed.startsWith('##') ? collapsed.slice(1).trimStart() : collapsed
}

/** Why `tag` (cleaned) is junk, if it is. */
export function junk(tag: string): TagJunk | undefined {
  if (tag === '') return 'empty'
  if ([...tag].length > maxTagLength) return 'too-long'
  if (/^@[\p{L}\p{N}_.-]+$/u.test(tag)) return 'handle'
  if (!/[\p{L}]/u.test(tag)) return 'number'
  if (/^[\p{L}\p{N}_.-]+:[^\s:]/u.test(tag)) return 'key-value'
  return undefined
}

/**
 * Normalise the tags of one page (see the module). The order of the tags
 * kept is their first appearance; the result is the same for the same input.
 */
export function normalizeTags(tags: ReadonlyArray<string>): NormalizedTags {
  const dropped: NormalizedTags['dropped'] = []
  // Case-folded key → forms with their counts, in first-seen order.
  const groups = new Map<string, Map<string, number>>()
  for (const raw of tags) {
    const tag = cleanTag(raw)
    const reason = junk(tag)
    if (reason) {
      if (reason !== 'empty') dropped.push({tag: raw, reason})
      continue
    }
    const key = tag.toLowerCase()
    let forms = groups.get(key)
    if (!forms) groups.set(key, (forms = new Map()))
    forms.set(tag, (forms.get(tag) || 0) + 1)
  }
  const kept: Array<string> = []
  const merged: NormalizedTags['merged'] = []
  for (const forms of groups.values()) {
    const form = mostFrequent(forms)
    kept.push(form)
    if (forms.size > 1) merged.push({kept: form, forms: [...forms.keys()].filter((each) => each !== form)})
  }
  return {tags: kept, dropped, merged}
}

/** The form with the highest count; ties: the first in `forms`' order. */
function mostFrequent(forms: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = -1
  for (const [form, count] of forms) {
    if (count > bestCount) {
      best = form
      bestCount = count
    }
  }
  return best
}

/** Case-folded key of a cleaned tag: forms with one key differ only in case. */
export function tagKey(tag: string): string {
  return tag.toLowerCase()
}

/**
 * The batch's form of each tag. Pages are converted one by one, so each
 * page's frontmatter first gets the forms its own page uses
 * (`normalizeTags`); once the batch is known, every form is replaced by the
 * one **most pages of the batch** use among the forms that differ from it
 * only in case. Ties: the first in code-unit order (`AI` before `Ai` before
 * `ai`), so the choice depends only on the set of pages, never on their
 * order, their shard or the worker that converted them.
 */
export class BatchTags {
  /** Case-folded key → form → pages using it. */
  private readonly counts = new Map<string, Map<string, number>>()
  /** Case-folded key → chosen form (cleared by `add`). */
  private readonly chosen = new Map<string, string>()

  /** Count the tags of one page (each form once per page). */
  add(tags: ReadonlyArray<string>): void {
    this.chosen.clear()
    for (const form of new Set(tags)) {
      const key = tagKey(form)
      let forms = this.counts.get(key)
      if (!forms) this.counts.set(key, (forms = new Map()))
      forms.set(form, (forms.get(form) || 0) + 1)
    }
  }

  /** The batch's form of `tag` (the tag itself when the batch never saw it). */
  form(tag: string): string {
    const key = tagKey(tag)
    let form = this.chosen.get(key)
    if (form === undefined) {
      const forms = this.counts.get(key)
      form = forms ? batchForm(forms) : tag
      this.chosen.set(key, form)
    }
    return form
  }

  /** A page's tags in the batch's forms (order kept; forms that become equal appear once). */
  forms(tags: ReadonlyArray<string>): Array<string> {
    return [...new Set(tags.map((tag) => this.form(tag)))]
  }

  /**
   * What the batch changed in a page's tags, in words (for a `tags-merged-batch`
   * note), or `undefined` when it changed nothing.
   */
  describe(tags: ReadonlyArray<string>): string | undefined {
    const changes: Array<string> = []
    for (const tag of tags) {
      const form = this.form(tag)
      if (form === tag) continue
      const forms = this.counts.get(tagKey(tag)) as Map<string, number>
      const pages = [...forms.values()].reduce((sum, count) => sum + count, 0)
      changes.push('`' + tag + '` written as `' + form + '` (' + forms.get(form) + ' of the ' + pages + ' pages with this tag use that form)')
    }
    if (changes.length === 0) return undefined
    return (changes.length === 1 ? 'Tag ' : 'Tags ') + changes.join(', ') + ': the batch writes each tag in its most frequent form'
  }
}

/** The form most pages use; ties: the first in code-unit order. */
function batchForm(forms: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = -1
  for (const [form, count] of forms) {
    if (count > bestCount || (count === bestCount && form < best)) {
      best = form
      bestCount = count
    }
  }
  return best
}
