export {convert, createProcessor} from './lib/convert.js'
export {newsMarkdownPreset, rehypeRemarkOptions, remarkGfmOptions, stringifyOptions} from './lib/preset.js'
export type {ConvertedFile, ConvertOptions} from './lib/convert.js'
export {rules, source} from './lib/messages.js'
export type {Rule, RuleId, MessageKind} from './lib/messages.js'
export {builtinProfiles, genericNews, matchProfile} from './lib/profiles/index.js'
export {validateProfile} from './lib/profiles/validate.js'
export type {Profile} from './lib/profiles/types.js'
export {rehypeParseSafe} from './lib/input/rehype-parse-safe.js'
export type {InputOptions} from './lib/input/read-page.js'
export {rehypeCjkSpacing} from './lib/plugins/rehype-cjk-spacing.js'
export {rehypeCollapseFormatting} from './lib/plugins/rehype-collapse-formatting.js'
export {rehypeExtractMeta} from './lib/plugins/rehype-extract-meta.js'
export {rehypeNewsArticle} from './lib/plugins/rehype-news-article.js'
export {rehypeNormalizeMedia} from './lib/plugins/rehype-normalize-media.js'
export {rehypeNormalizeStructure} from './lib/plugins/rehype-normalize-structure.js'
export {rehypePruneToRoot} from './lib/plugins/rehype-prune-to-root.js'
export {rehypeRelatedArticles} from './lib/plugins/rehype-related-articles.js'
export {rehypeRemovePromos} from './lib/plugins/rehype-remove-promos.js'
export {rehypeResolveProfile} from './lib/plugins/rehype-resolve-profile.js'
export {rehypeSelectRoot} from './lib/plugins/rehype-select-root.js'
export {rehypeStripInvisible} from './lib/plugins/rehype-strip-invisible.js'
export {rehypeSupSub} from './lib/plugins/rehype-sup-sub.js'
export {remarkArticleFrontmatter, frontmatterKeys} from './lib/plugins/remark-article-frontmatter.js'
export type {FrontmatterOptions} from './lib/output/frontmatter.js'
export {remarkCjkEmphasis} from './lib/plugins/remark-cjk-emphasis.js'
export {renderPage} from './lib/output/render-page.js'
export type {RenderPageOptions, RenderedPage} from './lib/output/render-page.js'
export {layoutNames} from './lib/output/layouts.js'
export type {LayoutName, Placement} from './lib/output/layouts.js'
export type {AliasOptions} from './lib/output/alias-path.js'
export type {SlugSource} from './lib/output/slug.js'
export {rehypeVerdictPage, remarkVerdict} from './lib/verdict/index.js'
export {parseCreditLine} from './lib/analyse/meta/credit-line.js'
export type {CreditLine} from './lib/analyse/meta/credit-line.js'
export type {Analysis, ProfileMatch} from './lib/analyse/analysis.js'
export type {ArticleImage, ImageCandidate} from './lib/images/collect.js'
export type {
  ArticleMeta,
  ExtractMetaOptions,
  FieldEvidence,
  MetaField,
  MetaSources,
  NewsArticleOptions,
  NormalizeMediaOptions,
  Options,
  PageUrlOptions,
  RelatedArticle,
  RelatedArticlesOptions,
  RelatedPlacement,
  ResolveProfileOptions,
  Verdict,
  VerdictMeasurements,
  VerdictStatus
} from './lib/types.js'
