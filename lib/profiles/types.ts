/**
 * A site profile: declarative data (selectors and patterns, never code) that
 * tells the converter where a site keeps its article and its metadata.
 *
 * Profiles are plain JSON-compatible objects so that users can load them from
 * files; `validateProfile` checks them.
 */
export interface Profile {
  /** Stable identifier, reported in `file.data.profile` and diagnostics. */
  id: string
  /** Host names this profile serves; `example.com` also matches `www.example.com`. */
  hosts?: Array<string> | null | undefined
  /**
   * DOM signature: selectors that must all match for the profile to be chosen
   * when no URL is known; one entry may be a selector list (`a, b`) where any
   * match will do (default: none, so the profile needs a host match).
   */
  signature?: Array<string> | null | undefined
  /** Ordered selectors for the article root; the first that matches wins. */
  content?: Array<string> | null | undefined
  /** Ordered selectors for the title element. */
  title?: Array<string> | null | undefined
  /** Ordered selectors for a visible author element. */
  author?: Array<string> | null | undefined
  /**
   * Patterns (RE2 syntax, see `text-trim.ts`) removed from the author text
   * the `author` selectors find: labels and suffixes (`^Reporter:\\s*`,
   * `\\s*\\|\\s*Staff Writer$`).
   */
  authorTrim?: Array<string> | null | undefined
  /** Ordered selectors for a visible source (outlet) element; its text becomes `source`. */
  source?: Array<string> | null | undefined
  /**
   * Ordered selectors for a visible date element: its `datetime`, else its
   * text (read with `dateFormat` when given). The profile's date wins over
   * the page's metadata.
   */
  date?: Array<string> | null | undefined
  /** Format of the `date` element's text (`DD/MM/YY HH.mm`, `YYYY年MM月DD日 HH:mm`; see `date-format.ts`). */
  dateFormat?: string | null | undefined
  /**
   * Time zone of the site: an offset (`+08:00`) or an IANA name
   * (`Asia/Shanghai`). Reads the times in the `date` element's text, and the
   * CLI gives dates written without an offset this zone's offset (before
   * `--timezone`).
   */
  timeZone?: string | null | undefined
  /** Selectors for tag links (their texts become `tags`, in order). */
  tags?: Array<string> | null | undefined
  /**
   * Where the credit line (`来源：… 作者：…`) may be: a selector for candidate
   * paragraphs inside the article root, and how many of them to try.
   */
  credit?: {selector: string; limit?: number | null | undefined} | null | undefined
  /**
   * Regular expression (source text) run on the URL path; named groups
   * `year`, `month`, `day` give the date when no metadata names one.
   */
  urlDate?: string | null | undefined
  /** Promo and clutter blocks to remove (with their parser spill-over). */
  remove?: Array<string> | null | undefined
  /** Inline elements to replace by their children (auto tag links, affiliate links). */
  unwrap?: Array<string> | null | undefined
  /** Related-article lists. */
  related?:
    | {
        /** Selector for the list element (`ul`, `ol`) or a container of links. */
        selector: string
        /** Selector for entries to drop (sponsored). */
        drop?: string | null | undefined
        /** Heading when the list has no `title` attribute. */
        heading?: string | null | undefined
      }
    | null
    | undefined
}
