import type {Analysis} from './analyse/analysis.js'
import type {ArticleImage} from './images/collect.js'
import type {Profile} from './profiles/types.js'
import type {Removal} from './util/removals.js'

/** One entry of a related-article list. */
export interface RelatedArticle {
  title: string
  url: string
}

/** The article's metadata, as written into the frontmatter. */
export interface ArticleMeta {
  title?: string | undefined
  date?: string | undefined
  source?: string | undefined
  author?: string | undefined
  tags?: Array<string> | undefined
  url?: string | undefined
  description?: string | undefined
  image?: string | undefined
  related?: Array<RelatedArticle> | undefined
}

/** A field of `ArticleMeta`. */
export type MetaField = keyof ArticleMeta

/** Where each field came from (a selector or a named rule), for diagnostics. */
export type MetaSources = Partial<Record<MetaField | 'root' | 'profile', string>>

/** How a converted page looks: fine, worth a look, or probably broken. */
export type VerdictStatus = 'ok' | 'review' | 'failed'

/** Where one metadata field came from, and any other value found for it. */
export interface FieldEvidence {
  /** The selector or named rule that gave the value (as in `MetaSources`), `null` when the field is empty. */
  source: string | null
  /** Another candidate that disagrees with the value (for example JSON-LD against `<meta>`), else `null`. */
  conflict: {value: string; source: string} | null
}

/**
 * What a verdict is based on. Characters are Unicode code points of
 * visible text (whitespace runs count as one); shares are fractions from
 * `0` to `1`.
 */
export interface VerdictMeasurements {
  /** Characters of text in the Markdown body (without frontmatter and markup). */
  outputCharacters: number
  /** Paragraphs (and other text blocks: headings, list items, quotes) in the Markdown body. */
  outputParagraphs: number
  /** Characters of the page's own visible text (its `<body>` without scripts, styles and hidden elements). */
  pageCharacters: number
  /** Share of the page's sentence-like text (long runs ending in sentence punctuation) outside the chosen article root. */
  sentenceTextOutsideRoot: number
  /** Whether the title appears inside the article root or just before it. */
  titleNearRoot: boolean
  /** Share of the output text that is link text. */
  linkTextShare: number
  /** Characters removed from inside the root by cleaning (the sum over `file.data.removals` of kind `text`). */
  removedCharacters: number
  /** Of those, characters reported as `dropped-content`: text that read as the article. */
  droppedCharacters: number
  /** Images and embeds removed from inside the root (`file.data.removals` of kind `image` and `embed`). */
  removedMedia: number
  /** U+FFFD replacement characters in the Markdown body: text garbled by a wrong decoding before or while reading the page. */
  replacementCharacters: number
  /** Per metadata field, where it came from and any conflict. */
  fields: Partial<Record<MetaField, FieldEvidence>>
}

/**
 * Whether a converted page can be trusted without a look (`file.data.verdict`),
 * with the `ruleId`s of the checks that flagged it and what they measured.
 */
export interface Verdict {
  status: VerdictStatus
  /** `ruleId`s of the checks that made the status `review` or `failed` (empty for `ok`). */
  reasons: Array<string>
  measurements: VerdictMeasurements
}

/** Where the related list goes. */
export type RelatedPlacement = 'end' | 'inline'

/** Options shared by `convert`, `createProcessor` and the plugins. */
export interface Options {
  /** Original URL of the page: resolves links, picks the profile, gives the date (default: canonical link or `og:url`). */
  url?: string | null | undefined
  /** Extra profiles, tried before the built-in ones (default: none). */
  profiles?: ReadonlyArray<Profile> | null | undefined
  /** Where related lists go: `'end'` under their heading, or `'inline'` where they were (default: `'end'`). */
  related?: RelatedPlacement | null | undefined
  /** Also write `related: [{title, url}]` into the frontmatter (default: `false`). */
  relatedFrontmatter?: boolean | null | undefined
  /** Keep `data:` image sources (default: `false`). */
  allowDataImages?: boolean | null | undefined
  /**
   * Keep `file:` image sources (default: `false`): they name files beside a
   * saved page, which the CLI's `--images copy` copies into the output.
   */
  allowFileImages?: boolean | null | undefined
  /** Character encoding of byte input, overriding sniffing (default: sniffed). */
  encoding?: string | null | undefined
  /** Largest input accepted, in bytes (default: `52428800`, 50 MiB). */
  maxSize?: number | null | undefined
  /**
   * Most elements (start tags) accepted (default: `300000`). Memory and time
   * grow with elements, about 4 KB each, not with bytes: a 50 MB page of
   * short paragraphs needs several GB, a 50 MB inline image almost nothing.
   */
  maxElements?: number | null | undefined
  /**
   * Most nodes accepted: elements, text nodes and comments together
   * (default: `1500000`). Comments and text cost memory too, about 0.5 KB
   * each: 48 MB of `a<!---->` is 12 million nodes in two elements.
   */
  maxNodes?: number | null | undefined
  /** Extra frontmatter keys, written after the standard ones (default: none). */
  extraFrontmatter?: Readonly<Record<string, unknown>> | null | undefined
  /**
   * Write the YAML frontmatter (default: `true`); `false` gives the body
   * only, for callers that store `file.data.article` elsewhere (a CMS's
   * fields) or write their own frontmatter.
   */
  frontmatter?: boolean | null | undefined
}

declare module 'vfile' {
  interface DataMap {
    /** The extracted metadata. */
    article: ArticleMeta
    /** Where each metadata field came from. */
    articleSources: MetaSources
    /** The profile that was used. */
    profile: Profile
    /** The page's original URL as given by the caller of `convert`. */
    pageUrl: string | undefined
    /** Base for relative URLs (`<base href>`, else the page URL), kept before pruning. */
    baseUrl: string | undefined
    /** Related articles found in the page, in order. */
    related: Array<RelatedArticle>
    /** The encoding byte input was decoded with. */
    encoding: string
    /** What was removed from inside the article root, and by which rule (see `dropped-*` messages). */
    removals: Array<Removal>
    /** The article's images in document order: original and resolved URL, alt, caption, other sizes. */
    images: Array<ArticleImage>
    /** Whether the page can be trusted without a look, and why not. */
    verdict: Verdict
    /** What the chain found out about the page, each fact once (URL, base URL, index, root, standard metadata). */
    analysis: Analysis
  }
}
