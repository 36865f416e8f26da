import type {Node} from 'unist'
import type {VFile} from 'vfile'

/** A message on a file (`vfile-message`'s `VFileMessage`). */
type VFileMessage = ReturnType<VFile['message']>

/** What kind of message a rule produces. */
export type MessageKind = 'info' | 'warning' | 'fatal'

/** One rule: its id is stable and never renamed once released. */
export interface Rule {
  kind: MessageKind
  /** When the rule fires, for the README. */
  description: string
}

/** The source of every message this package emits. */
export const source = 'news-markdown'

/** Every message the package emits, by `ruleId`. */
export const rules = {
  'profile-field-unparsed': {
    kind: 'warning',
    description: 'a site profile’s `author`, `source` or `date` selector matched, but its text gave no value (no date in the `dateFormat`, nothing left after `authorTrim`); the next source was used'
  },
  'no-profile': {kind: 'info', description: 'no site profile matched; the generic news profile and content scoring were used'},
  'missing-title': {kind: 'warning', description: 'no title was found'},
  'missing-author': {kind: 'warning', description: 'no author was found'},
  'missing-source': {kind: 'info', description: 'no source (outlet) was found'},
  'missing-date': {kind: 'info', description: 'no publication date was found'},
  'promo-removed': {kind: 'info', description: 'a promo or clutter block named by the profile was removed'},
  'related-list-empty': {kind: 'warning', description: 'a related-article list matched but had no usable links'},
  'figure-without-image': {kind: 'info', description: 'a figure had a caption but no image; the caption is kept as an emphasised line'},
  'dropped-content': {kind: 'warning', description: 'text inside the article root was removed by a cleaning heuristic (how many characters, which rule, the start of the text)'},
  'dropped-image': {
    kind: 'warning',
    description:
      'an image inside the article was removed (its URL and why: `no-source`, `unsafe-url`, `data-url`, `hidden`, `boilerplate`, `promo`, `clutter`), or an inline `<svg>` chart or diagram Markdown cannot hold (`inline-svg`, its title and size)'
  },
  'hidden-image-kept': {
    kind: 'info',
    description: 'a hidden copy of an image (`hidden`, `display:none`, a lazy duplicate) was removed, but the same image (same URL) is kept elsewhere in the article: not a lost image'
  },
  'dropped-embed': {
    kind: 'info',
    description: 'an embed inside the article (iframe, object, player, an emptied social embed box) or a tracking pixel was removed: an ad, tracker or share button, or one without a source (its URL)'
  },
  'suspect-root': {
    kind: 'warning',
    description:
      'the output may not be the article: the chosen root holds a small share of the page’s sentence-like text, a longer block of sentences lies outside it, or the output is mostly link text (the page’s verdict is `review`)'
  },
  'short-article': {kind: 'warning', description: 'the output is short beside the page’s own text (verdict `review`), or holds almost no text (verdict `failed`)'},
  'metadata-conflict': {
    kind: 'warning',
    description:
      'two sources of the page disagree on a field: dates that cannot be the same calendar day in any time zone (JSON-LD or `<meta>` against the visible date; an ambiguous day/month order only when neither reading agrees), person-like authors sharing no name (verdict `review`)'
  },
  'boilerplate-tail': {
    kind: 'warning',
    description: 'one of the output’s last three text blocks is site furniture: a call to follow, subscribe or scan a QR code, a comment policy, a copyright line (verdict `review`)'
  },
  'suspect-author': {
    kind: 'warning',
    description: 'the author field holds a name glued to other words (`Joe Davidson Washington Post`), or more than three names: bylines of other articles (verdict `review`)'
  },
  'garbled-text': {kind: 'warning', description: 'the output holds U+FFFD replacement characters: text lost to a wrong decoding before or while reading the page (verdict `review`)'},
  'lead-outside-root': {
    kind: 'warning',
    description:
      'sentence-like text between the headline and the article root (a standfirst or lead the root leaves out: one that links out too much, or sits in a container unlike the article) is not in the output: how many characters and its start; the verdict is unchanged'
  },
  'relative-urls-unresolved': {
    kind: 'warning',
    description:
      'the output keeps relative links or images because the page gives no URL of its own (a `<base href>` that is not `http(s)`, such as `file:///…`, does not count): pass the `url` option (CLI: `--base-url`); the verdict is unchanged'
  },
  'astro-relative-image': {
    kind: 'warning',
    description:
      'with `--layout astro` and `--images keep`, an image with a relative path was written as a link: Astro imports such images as files and stops the whole build when one is missing (pass `--base-url`, or `--images copy` to save the files beside the page)'
  },
  'unsafe-url': {kind: 'warning', description: 'a `javascript:`, `vbscript:` or `data:` URL was dropped; its text is kept'},
  'saved-page-link': {
    kind: 'warning',
    description:
      'a link pointed into a saved page’s companion folder (`Page_files/…`, from “Save page as…, complete”): a local copy, not the article’s link; the link is dropped, its text kept (frames there are dropped with `dropped-embed`, rule `saved-page-copy`)'
  },
  'charset-mismatch': {
    kind: 'warning',
    description: 'the declared charset disagrees with the bytes (they are UTF-8, or broken or gibberish in the declared charset but not in a detected one); decoded as the bytes say'
  },
  'charset-sniffed': {kind: 'warning', description: 'no charset was declared; the encoding was detected from the bytes'},
  'unknown-charset': {kind: 'warning', description: 'the declared charset is not one this package knows; another was used'},
  'invalid-bytes': {kind: 'warning', description: 'some bytes could not be decoded and became U+FFFD'},
  'invalid-characters': {
    kind: 'warning',
    description:
      'a metadata value had characters no YAML reader accepts (control characters, U+FFFE, U+FFFF, lone surrogates) or that YAML 1.1 reads as line breaks (NEL, LS, PS): removed, or replaced with a space or U+FFFD; generator layouts also remove control characters from the article text'
  },
  'fallback-title': {kind: 'warning', description: 'a generator layout needs a title and none was found: the first heading or sentence of the article, else the file name, was used'},
  'unusable-tag': {
    kind: 'warning',
    description:
      'a generator layout shortened a tag longer than 100 UTF-8 bytes, or dropped one with no letter or digit, a repeat, or a name the generator reserves (Eleventy: `__proto__`, `constructor`, `all`…)'
  },
  'tag-dropped': {
    kind: 'info',
    description: 'a tag was dropped before the frontmatter: a `key:value` pair or URL, an `@handle`, digits and punctuation only, or over 50 characters'
  },
  'tags-merged': {kind: 'info', description: 'tags of the page differing only in case were merged into the most frequent form'},
  'zero-width-space': {
    kind: 'warning',
    description:
      'hugo layout: code quotes Hugo syntax no escape works on (`{{<` or `{{%` with no closing `>}}`/`%}}`, `<!--more-->`); a zero-width space was put in so Hugo leaves it alone (copying the code copies it)'
  },
  'not-html': {kind: 'fatal', description: 'the input is empty, binary, or has no markup'},
  'too-large': {kind: 'fatal', description: 'the input is larger than `maxSize`, or has more elements than `maxElements` or more nodes than `maxNodes`'},
  'no-content': {kind: 'fatal', description: 'nothing convertible was left after extraction'}
} as const satisfies Record<string, Rule>

/** A known rule id. */
export type RuleId = keyof typeof rules

const readme = 'https://github.com/news-markdown/news-markdown#messages'

/**
 * Report `reason` under `ruleId` on `file`, as the rule's kind.
 * Fatal rules throw (through `file.fail`).
 *
 * @returns
 *   The message.
 */
export function report(file: VFile, ruleId: RuleId, reason: string, node?: Node | null | undefined): VFileMessage {
  const options = {place: node && node.position, ruleId, source}
  const kind: MessageKind = rules[ruleId].kind
  if (kind === 'fatal') file.fail(reason, options)
  // A `VFileMessage` is an `Error` whose stack `vfile-message` sets to `''`:
  // capturing one first (up to `Error.stackTraceLimit` frames) costs about
  // ten times the rest of the message, so none is captured.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: ReturnType<VFile['message']>
  try {
    message = kind === 'info' ? file.info(reason, options) : file.message(reason, options)
  } finally {
    Error.stackTraceLimit = limit
  }
  message.url = readme + '-' + ruleId
  return message
}

/**
 * Move `message` to `ruleId` (its kind and README anchor) with `reason`.
 */
export function rereport(message: VFileMessage, ruleId: RuleId, reason: string): void {
  message.ruleId = ruleId
  message.reason = reason
  message.message = reason
  message.fatal = rules[ruleId].kind === 'info' ? undefined : false
  message.url = readme + '-' + ruleId
}
