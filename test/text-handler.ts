// The `text` handler of `stringifyOptions` (`lib/util/text-handler.ts`)
// writes exactly what `mdast-util-to-markdown`'s default writes, on random
// trees whose text is built from every character some unsafe pattern
// escapes, white space at the edges, line endings and backslashes, in every
// construct text can sit in (issue #12); also with the Hugo and kramdown
// dialects' extra patterns.
import fc from 'fast-check'
import type {PhrasingContent, Root, RootContent} from 'mdast'
import {defaultHandlers} from 'mdast-util-to-markdown'
import type {Options as StringifyOptions} from 'remark-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import stringWidth from 'string-width'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {hugoUnsafe} from '../lib/output/body-escape-hugo.js'
import {kramdownUnsafe} from '../lib/output/body-escape-kramdown.js'
import {stringifyOptions} from '../lib/preset.js'
import {textHandler} from '../lib/util/text-handler.js'

const seed = 20_261_130

/** Pieces of text: every ASCII punctuation character, white space, line endings, CJK, autolink-literal shapes, shortcodes. */
const tokens = [
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ...'aZ09 \t\n\r',
  ...'中文。，（）',
  '\u00A0',
  '\u3000',
  '\x7F',
  '\x01',
  '😀',
  'word',
  ' ',
  '  ',
  '1.',
  '1)',
  '# ',
  '- ',
  '+ ',
  '> ',
  '***',
  '___',
  '~~',
  '```',
  '{{<',
  '{{%',
  '{%',
  '{{',
  'http://x.org',
  'www.x.org',
  'a@b.co',
  '&amp;',
  '&#1;',
  '<a>',
  '<!--',
  '[x]',
  '](',
  '|',
  '\\*',
  'Mr. Smith (aged 40) said: ',
  '3.5-inch',
  'Wow! ',
  ' - ',
  '1. ',
  '2) ',
  'e.g. ',
  'W.',
  's:/',
  '_x_',
  'snake_case',
  '*',
  '_'
]

const textValue = fc.array(fc.constantFrom(...tokens), {minLength: 0, maxLength: 8}).map((parts) => parts.join(''))

const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{node: PhrasingContent}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    textValue.map((value): PhrasingContent => ({type: 'text', value})),
    textValue.map((value): PhrasingContent => ({type: 'text', value})),
    fc.array(tie('node'), {maxLength: 3}).map((children): PhrasingContent => ({type: 'emphasis', children})),
    fc.array(tie('node'), {maxLength: 3}).map((children): PhrasingContent => ({type: 'strong', children})),
    fc.array(tie('node'), {maxLength: 3}).map((children): PhrasingContent => ({type: 'delete', children})),
    fc.tuple(fc.array(tie('node'), {maxLength: 3}), textValue).map(([children, url]): PhrasingContent => ({type: 'link', url: 'https://x.org/' + url, children})),
    textValue.map((value): PhrasingContent => ({type: 'inlineCode', value})),
    fc.constant<PhrasingContent>({type: 'break'})
  )
})).node

const inline = fc.array(phrasing, {minLength: 1, maxLength: 5})

const block: fc.Arbitrary<RootContent> = fc.oneof(
  inline.map((children): RootContent => ({type: 'paragraph', children})),
  fc.tuple(fc.integer({min: 1, max: 6}), inline).map(([depth, children]): RootContent => ({type: 'heading', depth: depth as 1 | 2 | 3 | 4 | 5 | 6, children})),
  inline.map((children): RootContent => ({type: 'blockquote', children: [{type: 'paragraph', children}]})),
  fc.tuple(fc.boolean(), fc.array(inline, {minLength: 1, maxLength: 3})).map(([ordered, items]): RootContent => ({
    type: 'list',
    ordered,
    spread: false,
    children: items.map((children) => ({type: 'listItem', spread: false, children: [{type: 'paragraph', children}]}))
  })),
  fc.array(inline, {minLength: 2, maxLength: 4}).map((cells): RootContent => ({
    type: 'table',
    align: [],
    children: [
      {type: 'tableRow', children: cells.map((children) => ({type: 'tableCell', children}))},
      {type: 'tableRow', children: cells.map((children) => ({type: 'tableCell', children: [...children].reverse()}))}
    ]
  }))
)

const tree = fc.array(block, {minLength: 1, maxLength: 4}).map((children): Root => ({type: 'root', children}))

/** Two serialisers with the same options but the `text` handler: ours and the default. */
function pair(options: StringifyOptions) {
  const make = (text: typeof textHandler) =>
    unified()
      .use(remarkGfm, {stringLength: stringWidth})
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkStringify, {...options, handlers: {...options.handlers, text}})
      .freeze()
  return {ours: make(textHandler), reference: make(defaultHandlers.text)}
}

const settings: Array<[string, StringifyOptions]> = [
  ['convert()', stringifyOptions],
  ['hugo', {...stringifyOptions, unsafe: [...(stringifyOptions.unsafe || []), ...hugoUnsafe]}],
  ['kramdown', {...stringifyOptions, unsafe: [...(stringifyOptions.unsafe || []), ...kramdownUnsafe]}],
  // Patterns tied to the nodes beside the text (one type or a list), and an empty construct list (in scope everywhere).
  [
    'node-scoped',
    {
      ...stringifyOptions,
      unsafe: [
        ...(stringifyOptions.unsafe || []),
        {character: '|', beforeNode: 'emphasis'},
        {character: '%', afterNode: ['strong', 'inlineCode']},
        {character: '@', before: 'a', beforeNode: 'strong', afterNode: 'emphasis'},
        {character: '^', inConstruct: [], notInConstruct: []}
      ]
    }
  ]
]

test('stringifyOptions uses the fast text handler', function () {
  assert.is(stringifyOptions.handlers && stringifyOptions.handlers.text, textHandler)
})

for (const [name, options] of settings) {
  test('text handler: the same Markdown as the default (' + name + ' patterns)', function () {
    const {ours, reference} = pair(options)
    fc.assert(
      fc.property(tree, (root) => {
        assert.is(ours.stringify(structuredClone(root)), reference.stringify(structuredClone(root)))
      }),
      {seed, numRuns: 400}
    )
  })
}

test('text handler: plain text is written as it is, text that needs escapes is not', function () {
  const {ours} = pair(stringifyOptions)
  const paragraph = (value: string): Root => ({type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value}]}]})
  assert.is(ours.stringify(paragraph('中文 plain text, 10.5 percent')), '中文 plain text, 10.5 percent\n')
  assert.is(ours.stringify(paragraph('a *b* [c] {{< x >}}')), 'a \\*b\\* \\[c] {\\{< x >}}\n')
  assert.is(ours.stringify(paragraph('# not a heading')), '\\# not a heading\n')
  assert.is(ours.stringify(paragraph('Mr. Smith (aged 40) said - wow! - it cost $3.50.')), 'Mr. Smith (aged 40) said - wow! - it cost $3.50.\n')
  assert.is(ours.stringify(paragraph('1. not a list')), '1\\. not a list\n')
  assert.is(ours.stringify(paragraph('see www.example.com')), 'see www\\.example.com\n')
})

test('text handler: text straight under the root, and more pattern lists than it keeps scopes for, are written as the default writes them', function () {
  const root: Root = {type: 'root', children: [{type: 'text', value: '# a *b* 1. c'} as RootContent]}
  const {ours, reference} = pair(stringifyOptions)
  assert.is(ours.stringify(structuredClone(root)), reference.stringify(structuredClone(root)))
  // 70 processors, each with a pattern list of its own: the scopes kept are dropped and built again.
  const paragraph: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'k5 and *x* [y]'}]}]}
  for (let index = 0; index < 70; index++) {
    const own = pair({...stringifyOptions, unsafe: [...(stringifyOptions.unsafe || []), {character: String.fromCharCode(0x61 + (index % 26)), after: String(index % 10)}]})
    assert.is(own.ours.stringify(structuredClone(paragraph)), own.reference.stringify(structuredClone(paragraph)), 'list ' + index)
  }
})

test.run()
