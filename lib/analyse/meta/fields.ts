/**
 * Where each frontmatter field comes from, in the order the sources are
 * tried: the one place that decides metadata precedence.
 * `rehypeExtractMeta` runs these lists as they are (the first source that
 * gives a value wins, its `from` goes to `file.data.articleSources`), and
 * the README's precedence table is generated from them
 * (`npx tsx scripts/precedence-table.ts`; `test/generic-meta.ts` fails when
 * the README is stale).
 *
 * `standard` is the standard metadata of the page (JSON-LD, OpenGraph,
 * meta tags, microdata, visible bylines), read by `extractGenericMeta` with
 * its own order per field (the table at the top of `generic-meta.ts`).
 *
 * @module
 */

/** Fields whose source is recorded in `file.data.articleSources`. */
export type SourcedField = 'title' | 'source' | 'author' | 'date' | 'url' | 'tags'

/** A place a field's value can come from. */
export type SourceId = 'credit-line' | 'fallback:title' | 'page-url' | 'profile:author' | 'profile:date' | 'profile:source' | 'profile:tags' | 'profile:title' | 'standard' | 'tag-footer' | 'url-path'

/** One source of a field and what it reads (for the README). */
export interface FieldSource {
  id: SourceId
  reads: string
}

/** The fields in the order they are extracted (the credit line leaves the body while `source` is read, the tag footer before `tags`). */
export const fieldOrder: ReadonlyArray<SourcedField> = ['title', 'source', 'author', 'date', 'url', 'tags']

/** Per field, its sources, first tried first. */
export const fieldSources: Readonly<Record<SourcedField, ReadonlyArray<FieldSource>>> = {
  title: [
    {id: 'profile:title', reads: 'a site profile’s `title` selectors: the match whose text is the standard title, else the one nearest before the article root'},
    {id: 'standard', reads: 'a headline that agrees with the page’s metadata, else JSON-LD `headline` > `og:title` > `twitter:title` > … > `<title>` without the site name'},
    {id: 'fallback:title', reads: 'the fallback profile’s `title` selectors (`h1.entry-title`, …, `h1`, `h2`), nearest before the root'}
  ],
  source: [
    {id: 'profile:source', reads: 'a site profile’s `source` selectors (the element’s text)'},
    {id: 'credit-line', reads: 'the credit line in the article (`来源：…`), which then leaves the body'},
    {
      id: 'standard',
      reads:
        'a visible `来源：…` credit or a news agency’s credit closing the text (`(dpa)`, `(Jane Roe, dpa)`, `Jane Roe/AFP`), else in the dateline opening it (`CHICAGO (Reuters) —`, `PARIS — AFP —`, `新华社北京3月5日电`), a byline above the text or none > JSON-LD `publisher` name > `og:site_name`'
    }
  ],
  author: [
    {id: 'credit-line', reads: 'the credit line (`作者：…`, `记者：…`)'},
    {id: 'profile:author', reads: 'a site profile’s `author` selectors, the text without its `authorTrim` patterns'},
    {
      id: 'standard',
      reads:
        'JSON-LD `author` > `article:author` and other author metas > site-wide `<meta name=author>` > microdata > `rel=author` > visible byline (Chinese bylines in the text too) > `twitter:data1`; the first whose names read as people’s wins (an account name such as `jroe_42`, a JSON-LD `Person` too, yields to a byline or meta naming a person, not to a sign-off; an account’s name in the byline element yields to a person’s Chinese byline in the text), publishers, editors in charge (`责任编辑：…`) and placeholders (`佚名`, `本站`, `admin`) never do, nor does an outlet’s name (a word of the press or an organisation, `Die Hafenzeitung`, `Harbour Illustrierte`, or a leading article, `The …`, `La …`), even declared a JSON-LD `Person`; byline labels of more languages (`By`, `Von`, `Par`, `Por`, `Door`, `Di`, `Av`, `Af`, `Escrito por`, `Scritto da`, `Geschreven door`, `Autore:`, `Forfatter:`); a visible byline naming more writers than the metadata wins; a first name alone is completed from the visible byline or the JSON-LD person (`givenName` + `familyName`, a description opening with the full name); a masthead marked as a byline (a link home, the site’s own name) yields to the post’s byline; a sign-off closing the text (`— Jane Roe`) and a biography closing it (`Jane Roe is a reporter for …`) are bylines, and so is a full name before a news agency closing it (`(Jane Roe, dpa)`, `Jane Roe/AFP`; initials, `(jr/dpa)`, name no one); when no source names anyone but the site (its brand, its owner), a signature (a name alone, right-aligned or in italics, after the last paragraph) or else an author box (`div.author-bio`, even one marked as a footer or sidebar) names the writer; when no person is named anywhere, an organisation the visible byline names (`By Harbour Trust`) is the author; last, a personal site’s owner (`© 2014- Jane Roe`, `Jane Roe’s Blog`)'
    }
  ],
  date: [
    {id: 'profile:date', reads: 'a site profile’s `date` selectors: `datetime`, else the text (read with `dateFormat` and `timeZone` when given)'},
    {
      id: 'standard',
      reads:
        'JSON-LD `datePublished` > `article:published_time` and other date metas > microdata > `<time>` (not a teaser’s) > visible credit line, byline or date (not in a listing, a row of teasers, a teaser, even inside the article: a list item or card holding a link to another article and its date; nor in a link, a citation or a table row other than the byline’s; after `Updated … | Published …` and its French, Spanish, Italian, Portuguese and Dutch forms the published day; days written in parts, `26 | 01 | 2022`, `26 · 01 · 2022`; a reading time beside the date, `3 March 2023 · 5 min read`; month names of 20 languages; Chinese numerals too, `二〇二四年三月五日`) > a WeChat article’s instant in its script (`var ct`, in China’s time) > a dateline opening the text (or a line of places and a day alone, `Bad Vilbel | Frankfurt am Main, 7. März 2023`) > `/YYYY/MM/DD/` in the URL > a day shown without its year (`发布时间：11月30日`, an unlabelled `03-15 09:10`) completed from the modified date, never given a year otherwise > the modified date (a visible last-edited line too; on a MediaWiki page its last-edited line beats the dates in its text); an all-numeric day (`04/11/2024`) is read in the order of the page’s language (`en-US` month first, `en-GB`, `de`, `fr` day first; plain `en` by the host’s country, else month first with the other reading noted; on a page naming no language at all a visible day that reads both ways gives no date; a two-digit year last, `26.01.22`, only in the page’s order); a UTC instant is written in the page’s own offset (a visible date one day apart, else another date of the page written with its offset)'
    },
    {id: 'url-path', reads: 'a site profile’s `urlDate` pattern on the page URL'}
  ],
  url: [{id: 'page-url', reads: 'the `url` option > `<link rel=canonical>` > `og:url` > a saved page’s `<!-- saved from url=… -->` comment (absolute `http(s)` only)'}],
  tags: [
    {id: 'profile:tags', reads: 'a site profile’s `tags` selectors (link texts, deduplicated)'},
    {id: 'tag-footer', reads: 'a labelled tag footer (`本文标签：`, `Tags:`), which leaves the body'},
    {id: 'standard', reads: '`article:tag` > JSON-LD `keywords` > meta `keywords` > `news_keywords` > `rel=tag` links'}
  ]
}

/** Fields written from the standard metadata only, without a recorded source. */
export const standardOnlyFields: Readonly<Record<'description' | 'image', string>> = {
  description: '`og:description` > JSON-LD `description` > meta `description` > `twitter:description`',
  image: '`og:image` > JSON-LD `image` > `twitter:image`'
}

/**
 * The precedence table of the README (Markdown, one row a field).
 *
 * @returns
 *   Table, ending in a line feed.
 */
export function precedenceTable(): string {
  const rows = ['| field | sources, first tried first |', '| ----- | -------------------------- |']
  for (const field of fieldOrder) {
    const cells = fieldSources[field].map((source, index) => index + 1 + '. `' + source.id + '`: ' + source.reads)
    rows.push('| `' + field + '` | ' + cells.join('<br>') + ' |')
  }
  for (const [field, reads] of Object.entries(standardOnlyFields)) rows.push('| `' + field + '` | 1. `standard`: ' + reads + ' |')
  return rows.join('\n') + '\n'
}
