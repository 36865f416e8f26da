/** Elements whose content is never article text. */
export const skipTags: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'textarea',
  'option',
  'button'
])

/**
 * Phrasing (inline) elements: text inside them belongs to the surrounding
 * paragraph. Every other element (including unknown and custom ones) is
 * treated as a block.
 */
export const phrasingTags: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'acronym',
  'audio',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'button',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'output',
  'picture',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'source',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'video',
  'wbr'
])

/** Initial content score by tag, as in Readability (`article` added). */
export function tagScore(tagName: string): number {
  switch (tagName) {
    case 'article':
      return 10
    case 'div':
    case 'main':
    case 'section':
      return 5
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5
    default:
      return 0
  }
}

/** Elements that are never picked as the article root on their own. */
export const notCandidateTags: ReadonlySet<string> = new Set(['html', 'body', 'head', 'li', 'dt', 'dd', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Section headings, `<h1>` to `<h6>`. */
export const headingTags: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
