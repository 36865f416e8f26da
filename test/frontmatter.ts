// The one frontmatter writer (`lib/output/frontmatter.ts`): its fast path
// for plain scalars writes exactly what the `yaml` library writes, on random
// data built to hit every rule of `yaml`'s plain scalars and of our YAML 1.1
// quoting (issue #12); and the library and the CLI write the same frontmatter.
import fc from 'fast-check'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import YAML from 'yaml'
import {fenceFrontmatter, frontmatterData, stringifyFrontmatter, stringifyFrontmatterWithYaml, stringifyPlainFrontmatter, withFrontmatter} from '../lib/output/frontmatter.js'

const seed = 20_261_130

/** Pieces that meet `yaml`'s plain-scalar rules, core-schema tags and YAML 1.1's types. */
const tokens = [
  ...'aZ09 \t:#-?._~=<+\'"%@`[]{},&*!|>/\\中文。，é',
  '\u00A0',
  '\u3000',
  '\uFEFF',
  '\u200B',
  '\x85',
  '\u2028',
  '\u2029',
  '\x7F',
  '\x01',
  '\x1B',
  '\n',
  '\r',
  '\uFFFE',
  '\uD800',
  '\uDC00',
  '😀',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '0x1F',
  '0o17',
  '0b101',
  '017',
  '1:30',
  '190:20:30',
  '1_000',
  '1e3',
  '.5',
  '-.inf',
  '.NaN',
  '2020-04-06',
  '2020-04-06T08:00:00+08:00',
  '2015-07-30 07:30:00',
  '2020-4-6 8:00:00.5 Z',
  '---',
  '...',
  '<<',
  '=',
  ': ',
  ' #',
  'https://example.org/a/b.html?x=1&y=2#z',
  '标题',
  'Title of an article'
]

/** Pieces of text that is mostly written plain: what a plain scalar may hold inside, and a few starts and ends it may not have. */
const inner = [...'aZ09 :#-?._~=+/\'",[]{}()中文。，é😀', '标题', 'yes', '1', '2020-04-06', 'https://example.org/a?b=1', ' ', ' ']
const text = fc.oneof(
  fc.array(fc.constantFrom(...tokens), {minLength: 0, maxLength: 5}).map((pieces) => pieces.join('')),
  fc.array(fc.constantFrom(...inner), {minLength: 1, maxLength: 8}).map((pieces) => pieces.join(''))
)
const name = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'title',
      'date',
      'pubDate',
      'source',
      'author',
      'tags',
      'url',
      'original_url',
      'aliases',
      'redirect_from',
      'layout',
      'render_with_liquid',
      'templateEngineOverride',
      'related',
      'y',
      'on',
      'No',
      'a-b',
      '_x',
      'x_1',
      '1',
      '-x',
      'a b',
      'Title'
    )
  },
  {weight: 1, arbitrary: text}
)
const scalar = fc.oneof({weight: 6, arbitrary: text}, {weight: 1, arbitrary: fc.boolean()}, {weight: 1, arbitrary: fc.constantFrom(0, 1.5, -3, null, undefined)})
const record = fc.dictionary(name, scalar, {maxKeys: 3})
const value = fc.oneof(
  {weight: 5, arbitrary: scalar},
  {weight: 2, arbitrary: fc.array(scalar, {maxLength: 4})},
  {weight: 1, arbitrary: fc.array(record, {maxLength: 3})},
  {weight: 1, arbitrary: record}
)
const data = fc.dictionary(name, value, {maxKeys: 7})

/** Frontmatter as pages have it: the standard keys, mostly plain text. */
const words = fc
  .array(fc.constantFrom('新闻', '标题', 'News', 'of', 'the', 'day', '2020', 'yes', '：', ':', '#', '-', '"', "'", '（', '）', ' '), {minLength: 1, maxLength: 6})
  .map((pieces) => pieces.join(''))
const article = fc.record(
  {
    title: words,
    date: fc.constantFrom('2020-04-06', '2020-04-06T08:00:00+08:00', '2015-07-30 07:30:00', '2020-04-06T08:00'),
    source: words,
    author: words,
    tags: fc.array(words, {maxLength: 4}),
    url: fc.constantFrom('https://www.bannedbook.org/bnews/zh/20200406/1307292.html', 'https://example.org/a?b=1#c', 'https://example.org/a b')
  },
  {requiredKeys: []}
)

test('frontmatter: the plain-scalar fast path writes what the yaml library writes, on random data', function () {
  let fast = 0
  let runs = 0
  fc.assert(
    fc.property(data, function (value) {
      // The whole map, and each of its entries alone (a whole random map is seldom plain).
      for (const each of [value, ...Object.entries(value).map(([key, entry]) => ({[key]: entry}))]) {
        runs++
        const plain = stringifyPlainFrontmatter(each)
        if (plain === undefined) continue
        fast++
        assert.is(plain, stringifyFrontmatterWithYaml(each), JSON.stringify(each))
      }
    }),
    {seed, numRuns: 10_000}
  )
  // Random data is mostly not plain; enough of it is for the check to mean something.
  assert.ok(fast > runs / 10, 'fast path taken ' + fast + ' times in ' + runs)
})

test('frontmatter: the fast path writes article frontmatter as the yaml library does, and takes most of it', function () {
  let fast = 0
  let runs = 0
  fc.assert(
    fc.property(article, fc.boolean(), function (meta, related) {
      runs++
      const value = frontmatterData(meta, related ? [{title: meta.title || 'x', url: 'https://example.org/r'}] : undefined, {relatedFrontmatter: true})
      const plain = stringifyPlainFrontmatter(value)
      const reference = stringifyFrontmatterWithYaml(value)
      assert.is(stringifyFrontmatter(value), reference)
      if (plain === undefined) return
      fast++
      assert.is(plain, reference, JSON.stringify(value))
    }),
    {seed: seed + 1, numRuns: 5000}
  )
  assert.ok(fast > runs / 10, 'fast path taken ' + fast + ' times in ' + runs)
})

test('frontmatter: fast path on what pages and layouts write; the yaml library for the rest', function () {
  const page = {
    layout: 'post',
    render_with_liquid: false,
    title: '美国之音：标题 (2)',
    date: '2020-04-06 08:00:00',
    source: '美國之音',
    tags: ['新闻', 'AI'],
    original_url: 'https://www.bannedbook.org/bnews/zh/20200406/1307292.html',
    related: [{title: '相关文章', url: 'https://example.org/r'}],
    redirect_from: ['/bnews/zh/20200406/1307292.html']
  }
  assert.is(
    stringifyPlainFrontmatter(page),
    'layout: post\nrender_with_liquid: false\ntitle: 美国之音：标题 (2)\ndate: 2020-04-06 08:00:00\nsource: 美國之音\ntags:\n  - 新闻\n  - AI\noriginal_url: https://www.bannedbook.org/bnews/zh/20200406/1307292.html\nrelated:\n  - title: 相关文章\n    url: https://example.org/r\nredirect_from:\n  - /bnews/zh/20200406/1307292.html\n'
  )
  assert.is(stringifyPlainFrontmatter(page), stringifyFrontmatterWithYaml(page))
  // Not plain: quoted by yaml or by the YAML 1.1 rule, numbers, empty lists, nested maps.
  for (const value of [{title: 'yes'}, {title: 'a: b'}, {title: '-'}, {title: '2020-04-06'}, {tags: []}, {n: 1}, {title: ''}, {a: {b: 'c'}}, {title: 'a\u2028b'}, {y: 'x'}, {}]) {
    assert.is(stringifyPlainFrontmatter(value), undefined, JSON.stringify(value))
    assert.is(stringifyFrontmatter(value), stringifyFrontmatterWithYaml(value))
  }
  // A top-level date stays plain; a date elsewhere is quoted for YAML 1.1 readers.
  assert.is(stringifyFrontmatter({date: '2020-04-06'}), 'date: 2020-04-06\n')
  assert.is(stringifyFrontmatter({title: '2020-04-06'}), 'title: "2020-04-06"\n')
  assert.equal(YAML.parse(stringifyFrontmatter(page)), page)
  assert.is((YAML.parse(stringifyFrontmatter(page), {version: '1.1'}) as {title: string}).title, page.title)
})

test('frontmatter: fenced blocks and pages', function () {
  assert.is(fenceFrontmatter({title: 'T'}), '---\ntitle: T\n---\n')
  assert.is(withFrontmatter({title: 'T'}, 'Body.\n'), '---\ntitle: T\n---\n\nBody.\n')
  assert.is(withFrontmatter({title: 'T'}, ''), '---\ntitle: T\n---\n')
  assert.is(withFrontmatter({}, 'Body.\n'), 'Body.\n')
})

test.run()
