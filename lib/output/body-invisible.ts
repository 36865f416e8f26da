/**
 * Control characters in article text, which Markdown readers disagree
 * about: Go's Goldmark (Hugo) counts NEL (U+0085) as white space where
 * micromark (remark, Astro) and markdown-it do not, so `*a\u0085*` is
 * emphasis in one and two asterisks in the other; a C1 control or
 * U+FFFE/U+FFFF written as a character reference (as a serialiser does next
 * to emphasis markers) is read back as U+FFFD. They show nothing in a
 * browser, so the generator layouts remove them from the article text,
 * code, alt text and titles.
 *
 * @module
 */
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {restringify} from './body-restringify.js'
import type {Dialect} from './body-restringify.js'

/** C0 controls but tab, LF and CR; DEL; C1 controls (NEL included); U+FFFE, U+FFFF. */
const invisible = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/g

/** Whether `markdown` has a character `removeInvisible` removes. */
export function hasInvisible(markdown: string): boolean {
  invisible.lastIndex = 0
  return invisible.test(markdown)
}

/** Remove the characters from every text, code, alt text and title of `tree`; how many were removed. */
export function removeInvisible(tree: Root): number {
  let removed = 0
  const clean = (value: string) =>
    value.replace(invisible, () => {
      removed++
      return ''
    })
  visit(tree, function (node) {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') node.value = clean(node.value)
    if (node.type === 'image' && node.alt) node.alt = clean(node.alt)
    if ((node.type === 'image' || node.type === 'link' || node.type === 'definition') && node.title) node.title = clean(node.title)
  })
  return removed
}

const plain: Dialect = {}

/**
 * `markdown` without the characters (see the module docs), serialised as
 * `convert()` does; as it is when it has none.
 */
export function removeInvisibleCharacters(markdown: string): {markdown: string; removed: number} {
  if (!hasInvisible(markdown)) return {markdown, removed: 0}
  let removed = 0
  const result = restringify(markdown, plain, (tree) => {
    removed = removeInvisible(tree)
  })
  return {markdown: result, removed}
}
