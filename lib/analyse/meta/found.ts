/**
 * Types shared by the metadata readers (`json-ld.ts`, `meta-tags.ts`,
 * `microdata.ts`, `byline.ts`, `title.ts`, `site-url.ts`) and the modules
 * that reconcile their findings (`reconcile.ts`, `generic-meta.ts`), kept
 * apart so that no reader imports the module that imports it.
 *
 * @module
 */

/** A value and the source it came from (`json-ld:NewsArticle.headline`, `meta:og:title`, `byline`, …). */
export interface Found<T> {
  value: T
  from: string
  /** Candidates of higher precedence that were passed over, and why (`publisher`, `editor`, `not person-like`). */
  passed?: Array<Passed>
}

/** A candidate value passed over for a field. */
export interface Passed {
  value: string
  from: string
  reason: string
}
