/**
 * The metadata as the frontmatter of a site takes it, before any layout:
 * tags cleaned (`lib/output/tags.ts`), a date without offset given one
 * (`lib/output/timezone.ts`).
 *
 * @module
 */
import type {VFile} from 'vfile'
import type {RuleId} from '../messages.js'
import type {ArticleMeta} from '../types.js'
import {junkReasons, normalizeTags} from './tags.js'
import {withTimeZone} from './timezone.js'

/** A message about what was changed, to report on the file. */
export interface ArticleNote {
  ruleId: Extract<RuleId, 'tag-dropped' | 'tags-merged'>
  reason: string
}

/**
 * `file.data.article` made ready for a site's frontmatter (a new object;
 * the file's data is left as it is): tags normalised (`normalizeTags`:
 * NFKC, junk dropped, case variants merged), a date without offset given
 * the offset of the matched profile's `timeZone`, else of `timezone` (an
 * IANA zone, `Asia/Shanghai`; the CLI's `--timezone`). The notes say which
 * tags were dropped (`tag-dropped`) or merged (`tags-merged`).
 */
export function prepareArticle(file: VFile, timezone?: string | null | undefined): {article: ArticleMeta; notes: Array<ArticleNote>} {
  const notes: Array<ArticleNote> = []
  if (!file.data.article) return {article: {}, notes}
  const article: ArticleMeta = {...file.data.article}
  const zone = file.data.profile?.timeZone || timezone
  if (zone && article.date) article.date = withTimeZone(article.date, zone)
  if (article.tags && article.tags.length > 0) {
    const result = normalizeTags(article.tags)
    article.tags = result.tags
    for (const {tag, reason} of result.dropped) notes.push({ruleId: 'tag-dropped', reason: 'Tag `' + clipTag(tag) + '` dropped: ' + junkReasons[reason]})
    for (const {kept, forms} of result.merged)
      notes.push({ruleId: 'tags-merged', reason: 'Tags ' + forms.map((form) => '`' + form + '`').join(', ') + ' merged into `' + kept + '` (they differ only in case)'})
  }
  return {article, notes}
}

function clipTag(tag: string): string {
  const characters = [...tag]
  return characters.length > 60 ? characters.slice(0, 60).join('') + '…' : tag
}
