/**
 * Find what can run or take over in a built HTML page: the elements and
 * attributes a converted article must never bring into a site (its links
 * and images are fine when their URLs are `http(s)`, `mailto`, `tel`,
 * `ftp` or relative). For the generator tests (`test/generators.ts`).
 */
import type {Element, Root} from 'hast'
import {visitParents} from 'unist-util-visit-parents'

/** Elements that run code, load documents, submit data or restyle the page. */
const elements = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'base',
  'link',
  'svg',
  'math',
  'portal',
  'template',
  'noscript',
  'dialog'
])

/** Attributes holding a URL, by hast property name. */
const urlProperties = new Set(['href', 'src', 'action', 'formAction', 'poster', 'xLinkHref', 'data', 'background', 'cite', 'ping', 'longDesc', 'manifest', 'codeBase', 'archive'])

const safeScheme = /^(?:https?|mailto|tel|ftp):/i
const anyScheme = /^([a-z][a-z\d+.-]*):/i

/**
 * Declarations code highlighters write inside `<pre>` (Hugo's Chroma,
 * Astro's Shiki, Jekyll's Rouge uses classes): colours, tab size, overflow,
 * `display: flex` of Chroma's lines, font style and weight. Values are
 * colours, lengths and keywords only (no `url(`, no `expression(`).
 */
const highlighterStyle = /^(?:\s*(?:color|background-color|-moz-tab-size|-o-tab-size|tab-size|overflow-x|display|font-style|font-weight|text-decoration)\s*:\s*[#\w\s.,%-]+\s*(?:;|$))*\s*$/i

/**
 * Every executable or page-changing thing in `tree`, as short descriptions
 * (`'<script>'`, `'p@onMouseOver'`, `'h2@style'`, `'a@href=javascript:…'`);
 * `[]` for a clean page. Elements in `allow` (such as `'link'` of the page
 * head a site template writes) are not reported themselves, their
 * attributes are; a code highlighter's colours inside `<pre>` are not
 * reported.
 */
export function executableContent(tree: Root, allow: ReadonlyArray<string> = []): Array<string> {
  const found: Array<string> = []
  visitParents(tree, 'element', function (node: Element, ancestors) {
    const name = node.tagName.toLowerCase()
    const inPre = name === 'pre' || ancestors.some((ancestor) => ancestor.type === 'element' && ancestor.tagName === 'pre')
    if (elements.has(name) && !allow.includes(name)) found.push('<' + name + '>')
    if (name === 'meta' && /refresh/i.test(String(node.properties.httpEquiv || ''))) found.push('<meta http-equiv=refresh>')
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) found.push(name + '@' + key)
      else if (key === 'style' && inPre && highlighterStyle.test(String(value))) continue
      else if (key === 'style' || key === 'srcDoc' || key === 'formAction') found.push(name + '@' + key)
      else if (urlProperties.has(key) || key === 'srcSet') {
        for (const url of urls(key, value)) {
          // Browsers drop tabs, newlines and leading controls or spaces before reading the scheme.
          const bare = url.replace(/[\u0000-\u0020]/g, '')
          const scheme = anyScheme.exec(bare)
          if (scheme && !safeScheme.test(bare)) found.push(name + '@' + key + '=' + scheme[1].toLowerCase() + ':…')
        }
      }
    }
  })
  return found
}

function urls(key: string, value: unknown): Array<string> {
  const values = Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]
  if (key === 'srcSet') return values.flatMap((entry) => entry.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] || ''))
  return values
}
