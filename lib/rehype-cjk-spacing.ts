import type {Root, Text} from 'hast'
import type {Plugin} from 'unified'
import {visit} from 'unist-util-visit'

/** Han, kana, Hangul, CJK punctuation and full-width forms. */
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026]/u
const cjkEnd = new RegExp(cjk.source + '$', 'u')
const cjkStart = new RegExp('^' + cjk.source, 'u')
const lineBreakInside = new RegExp('(' + cjk.source + ')[ \\t]*[\\r\\n][\\s]*(?=' + cjk.source + ')', 'gu')

/**
 * Remove white space with a line break between two CJK characters: HTML
 * source wraps lines there, and a browser shows no gap, but a Markdown
 * converter would turn it into a stray space. Spaces typed on one line are
 * kept. Works across inline element boundaries.
 */
export const rehypeCjkSpacing: Plugin<[], Root> = function () {
  return function (tree) {
    const texts: Array<Text> = []
    visit(tree, 'text', function (node) {
      texts.push(node)
    })
    for (let index = 0; index < texts.length; index++) {
      const node = texts[index]
      node.value = node.value.replace(lineBreakInside, '$1')
      if (!/^\s*[\r\n]\s*/.test(node.value)) continue
      const previous = texts[index - 1]
      const rest = node.value.replace(/^\s+/, '')
      const next = rest || firstText(texts, index + 1)
      if (previous && cjkEnd.test(previous.value) && next && cjkStart.test(next)) {
        node.value = rest
      }
    }
  }
}

function firstText(texts: Array<Text>, from: number): string | undefined {
  for (let index = from; index < texts.length; index++) {
    const value = texts[index].value.trimStart()
    if (value) return value
  }
  return undefined
}
