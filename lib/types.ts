import type {Analysis} from './analyse/analysis.js'
import type {ArticleImage} from './images/collect.js'
import type {InputOptions} from './input/read-page.js'
import type {FrontmatterOptions} from './output/frontmatter.js'
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
  /**
   * Characters of sentence-like text between the headline and the article
   * root, outside the root: a standfirst or lead left out (reported as
   * `lead-outside-root`).
   */
  leadOutsideRoot: number
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
  /** Text of a block among the output's last three that is site furniture (a call to follow or subscribe, a comment policy, a copyright line), else `null`. */
  boilerplateTail: string | null
  /** Names in the `author` field. */
  authorNames: number
  /** Of those, names of a person glued to other words: an outlet, a title, a label (`Joe Davidson Washington Post`; `isGluedName`). */
  authorGlued: Array<string>
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

/** The `url` option, read by every stage that resolves links or reads the page URL. */
export interface PageUrlOptions {
  /** Original URL of the page: resolves links, picks the profile, gives the date (default: canonical link or `og:url`). */
  url?: string | null | undefined
}

/** Options of `rehypeResolveProfile`. */
export interface ResolveProfileOptions extends PageUrlOptions {
  /** Extra profiles, tried before the built-in ones (default: none). */
  profiles?: ReadonlyArray<Profile> | null | undefined
}

/** Options of `rehypeExtractMeta`. */
export type ExtractMetaOptions = PageUrlOptions

/** Options of `rehypeRelatedArticles`. */
export interface RelatedArticlesOptions extends PageUrlOptions {
  /** Where related lists go: `'end'` under their heading, or `'inline'` where they were (default: `'end'`). */
  related?: RelatedPlacement | null | undefined
}

/** Options of `rehypeNormalizeMedia` (and of the image list it feeds, `file.data.images`). */
export interface NormalizeMediaOptions extends PageUrlOptions {
  /** Keep `data:` image sources (default: `false`). */
  allowDataImages?: boolean | null | undefined
  /**
   * Keep `file:` image sources (default: `false`): they name files beside a
   * saved page, which the CLI's `--images copy` copies into the output.
   */
  allowFileImages?: boolean | null | undefined
}

/** Options of `rehypeNewsArticle`: those of the hast stages it runs. */
export interface NewsArticleOptions extends ResolveProfileOptions, ExtractMetaOptions, RelatedArticlesOptions, NormalizeMediaOptions {}

/**
 * Options of `createProcessor` and `newsMarkdownPreset` (and, with `path`,
 * of `convert`): those of every stage of the chain — the input stage
 * (`rehypeParseSafe`), the hast stage (`rehypeNewsArticle`) and the
 * frontmatter (`remarkArticleFrontmatter`).
 */
export interface Options extends InputOptions, NewsArticleOptions, FrontmatterOptions {}

declare module 'vfile' {
  interface DataMap {
    /** Invisible break and join hints (soft hyphens, zero width spaces) removed from the article text. */
    invisibleRemoved: number
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
    /** Links and sources that were only placeholders (`#`, `javascript:;`, `javascript:void(0)`), dropped without a message. */
    placeholderUrls: number
    /** What the chain found out about the page, each fact once (URL, base URL, index, root, standard metadata). */
    analysis: Analysis
  }
}
