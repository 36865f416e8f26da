import type {Root} from 'mdast'
import type {Handlers, Unsafe} from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import stringWidth from 'string-width'
import {unified} from 'unified'
import type {Processor} from 'unified'
import {SKIP, visit} from 'unist-util-visit'
import {stringifyOptions} from '../preset.js'

/** How a Markdown dialect differs from the CommonMark + GFM that `convert()` writes. */
export interface Dialect {
  /** More patterns to escape (`mdast-util-to-markdown`'s `unsafe`), added to the defaults. */
  unsafe?: Array<Unsafe> | undefined
  /** Handlers replacing the default ones (and `convert()`'s). */
  handlers?: Partial<Handlers> | undefined
}

const processors = new WeakMap<Dialect, Processor<Root, undefined, undefined, Root, string>>()

/**
 * Parse Markdown that `convert()` wrote (CommonMark + GFM), let `transform`
 * change the tree (code values, URLs), and serialise it again with
 * `convert()`'s settings plus the dialect's escapes and handlers (keep
 * `dialect` one object per dialect: its processor is cached on it). Without changes the result is the
 * input: `convert()`'s output is a fixed point of parsing and serialising
 * (every fixture is; `test/escape-generators.ts` checks it on generated
 * pages too), so only what the dialect escapes differs.
 */
export function restringify(markdown: string, dialect: Dialect, transform?: ((tree: Root) => void) | undefined): string {
  let processor = processors.get(dialect)
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .use(remarkGfm, {stringLength: stringWidth})
      .use(remarkStringify, {...stringifyOptions, unsafe: [...(stringifyOptions.unsafe || []), ...(dialect.unsafe || [])], handlers: {...stringifyOptions.handlers, ...dialect.handlers}})
      .freeze() as unknown as Processor<Root, undefined, undefined, Root, string>
    processors.set(dialect, processor)
  }
  const tree = processor.parse(markdown)
  unlinkLiterals(tree, markdown)
  if (transform) transform(tree)
  return processor.stringify(tree)
}

/**
 * GFM's literal autolinks (`http://…`, `www.…`, `a@b.c` in text) are found
 * in text after escapes are resolved, so `http\://…` and `a\@b.c`, which
 * `convert()` writes to keep them text, come back as links: turn them back
 * into text (a link from `[…](…)` or `<…>` starts with `[` or `<`; the
 * others come from the transform that finds literals, without a position).
 */
function unlinkLiterals(tree: Root, markdown: string): void {
  visit(tree, 'link', function (node, index, parent) {
    // The transform that finds them gives them no position.
    const start = node.position?.start.offset
    if (index === undefined || !parent || (start !== undefined && /[[<]/.test(markdown.charAt(start)))) return undefined
    parent.children.splice(index, 1, ...node.children)
    return [SKIP, index]
  })
}
