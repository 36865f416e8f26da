/**
 * A grid of invented Latin-script news pages, for the kinds of author and
 * date miss the generic path makes on pages nobody tuned for: every byline
 * form and every date form, each set in every page shell (a WordPress
 * theme, a news CMS, a bare page without `<article>`) and with the noise
 * real pages carry around the article (a sidebar of dated teasers before
 * it, related cards with writers and dates after it, dated comments, a
 * copyright footer). The expected values are what a careful reader takes
 * from the page: the writers named (one or several; an organisation only
 * when no person is named), the publication day in the page's own day.
 *
 * `GRID_LIST=1 npx tsx test/latin-news-grid.ts` prints every miss.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'
import {gridCases} from './util/latin-news-pages.js'

/**
 * Kinds of miss left (session 13), each still missed on every shell: a
 * name in capitals is kept in capitals (`BY JANE ROE`; scorers fold case),
 * an academic title stays before the name (`Von Dr. Anna Schmidt`), a
 * day shown with a month name and no year (`Mar 3`) is not completed from
 * the modified date (only numeric and Chinese ones are, `normalize-date.ts`).
 */
const left = [
  /^author \| en: BY A \(capitals\) \| [^:]+: author "JANE ROE"/,
  /^author \| de: Von Dr\. A \| [^:]+: author "Dr\. Anna Schmidt"/,
  /^date \| yearless visible \+ JSON-LD dateModified \| [^:]+: date "2023-03-05"/
]

/**
 * Run the grid.
 *
 * @returns
 *   One line per miss.
 */
export async function gridMisses(): Promise<Array<string>> {
  const misses: Array<string> = []
  for (const item of gridCases()) {
    const file = await convert(item.html, item.url ? {url: item.url} : {})
    const head = String(file).split('\n---\n')[0]
    const author = /^author: (.+)$/m.exec(head)?.[1]?.replace(/^['"]|['"]$/g, '')
    const date = /^date: (.+)$/m.exec(head)?.[1]?.replace(/^['"]/, '').slice(0, 10)
    if (author !== item.author) misses.push(`${item.name}: author ${JSON.stringify(author)}, want ${JSON.stringify(item.author)}`)
    if (date !== item.date) misses.push(`${item.name}: date ${JSON.stringify(date)}, want ${JSON.stringify(item.date)}`)
  }
  return misses
}

if (process.env.GRID_LIST) {
  const misses = await gridMisses()
  console.log(misses.join('\n'))
  console.log(`${misses.length} misses of ${gridCases().length} pages`)
} else {
  test('latin news grid: every byline and date form in every shell, with noise', async function () {
    const misses = await gridMisses()
    assert.equal(
      misses.filter((miss) => !left.some((kind) => kind.test(miss))),
      []
    )
    // A kind left that is read right now is taken off the list.
    for (const kind of left) assert.is(misses.filter((miss) => kind.test(miss)).length, 6, String(kind))
  })

  test.run()
}
