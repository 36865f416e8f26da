/**
 * The Markdown-side stages used on their own, on Markdown that did not come
 * from `rehypeNewsArticle` (no article read, no page measured):
 * `remarkArticleFrontmatter` writes the article's frontmatter in place of
 * one the Markdown has, and leaves it be when there is no article;
 * `remarkVerdict` judges the text alone, with every page measure at zero.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {remarkArticleFrontmatter, remarkVerdict} from '../index.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkArticleFrontmatter).use(remarkVerdict).use(remarkStringify)
const markdown = '---\ntitle: Old title\n---\n\nBoats came back early from the islands on Monday, the harbour master said.\n'

test('remark stages: the article’s frontmatter replaces the one the Markdown has; without an article that one is kept', async function () {
  const file = new VFile(markdown)
  file.data.article = {title: 'Boats back early', author: 'Ada Byrne'}
  assert.is(String(await processor.process(file)), '---\ntitle: Boats back early\nauthor: Ada Byrne\n---\n\nBoats came back early from the islands on Monday, the harbour master said.\n')
  assert.is(String(await processor.process(new VFile(markdown))), markdown)
})

test('remark stages: the verdict of Markdown alone measures no page and no field sources', async function () {
  const file = new VFile(markdown)
  await processor.process(file)
  const verdict = file.data.verdict
  assert.ok(verdict)
  assert.is(verdict.status, 'review')
  assert.equal(verdict.reasons, ['short-article'])
  const measurements = verdict.measurements
  assert.is(measurements.outputCharacters, 74)
  assert.is(measurements.pageCharacters, 0)
  assert.is(measurements.titleNearRoot, false)
  assert.is(measurements.sentenceTextOutsideRoot, 0)
  assert.equal(measurements.fields.title, {source: null, conflict: null})
})

test.run()
