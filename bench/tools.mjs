// The converters under test. Each `load()` resolves to `(html) => markdown`
// (or a promise of it); everything reusable is built once, outside the loop.
// A child process imports only the tool it measures.

const url = 'https://www.bannedbook.org/bnews/'

// linkedom only builds `<html>`/`<body>` for a full document: wrap fragments.
function documentOf(parseHTML, html) {
  const full = /^\s*(<!doctype|<html)/i.test(html)
  return parseHTML(full ? html : '<!DOCTYPE html><html><head></head><body>' + html + '</body></html>').document
}

export const tools = {
  async 'news-markdown'() {
    const {convert} = await import('../dist/index.js')
    return async (html) => String(await convert(html))
  },
  // The A/A control: the same converter in a second child. Its ratio to
  // `news-markdown` shows how much two identical contenders differ in one
  // run on this machine (the noise floor of every other ratio).
  async 'news-markdown-aa'() {
    return tools['news-markdown']()
  },
  async turndown() {
    const {default: TurndownService} = await import('turndown')
    const service = new TurndownService()
    return (html) => service.turndown(html)
  },
  async 'node-html-markdown'() {
    const {NodeHtmlMarkdown} = await import('node-html-markdown')
    const nhm = new NodeHtmlMarkdown()
    return (html) => nhm.translate(html)
  },
  async unified() {
    const {unified} = await import('unified')
    const {default: rehypeParse} = await import('rehype-parse')
    const {default: rehypeRemark} = await import('rehype-remark')
    const {default: remarkGfm} = await import('remark-gfm')
    const {default: remarkStringify} = await import('remark-stringify')
    const processor = unified().use(rehypeParse).use(rehypeRemark).use(remarkGfm).use(remarkStringify).freeze()
    return async (html) => String(await processor.process(html))
  },
  async defuddle() {
    const {parseHTML} = await import('linkedom')
    const {Defuddle} = await import('defuddle/node')
    return async (html) => (await Defuddle(documentOf(parseHTML, html), url, {markdown: true, useAsync: false})).content
  },
  async readability() {
    const {parseHTML} = await import('linkedom')
    const {Readability} = await import('@mozilla/readability')
    const {default: TurndownService} = await import('turndown')
    const service = new TurndownService()
    return (html) => {
      const article = new Readability(documentOf(parseHTML, html)).parse()
      return article ? service.turndown(article.content) : ''
    }
  },
  async parse5() {
    const {parse} = await import('parse5')
    return (html) => {
      parse(html)
      return ''
    }
  }
}

export const toolNames = Object.keys(tools)

/** Labels for the tables. */
export const labels = {
  'news-markdown': '**news-markdown `convert()`**',
  'news-markdown-aa': 'news-markdown again (A/A control)',
  turndown: 'Turndown',
  'node-html-markdown': 'node-html-markdown',
  unified: 'unified (rehype-remark + gfm)',
  defuddle: 'Defuddle (linkedom, markdown)',
  readability: 'Readability + Turndown (linkedom)',
  parse5: 'parse5 parse (floor)'
}
