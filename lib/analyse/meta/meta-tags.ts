/**
 * Look up `<meta>` values by name, case-insensitively.
 *
 * `name` and `property` share one namespace (pages mix them up:
 * `<meta name="og:title">`, `<meta property="description">`);
 * `itemprop` values are looked up as `itemprop:<name>` and `http-equiv`
 * values as `http-equiv:<name>`. Every value says where it came from as
 * `meta:<key>`.
 *
 * @module
 */

import type {Found} from './found.js'
import type {MetaEntry} from '../page-index.js'
import {collapse} from '../page-index.js'

export interface MetaReader {
  /**
   * First non-empty (and accepted) value for the first key that has one.
   *
   * @param keys
   *   Keys in order of preference (lower case).
   * @param accept
   *   Optional filter on values.
   * @returns
   *   Value with its source, if any.
   */
  first(keys: Array<string>, accept?: (value: string) => boolean): Found<string> | undefined
  /**
   * Every non-empty value for one key, in document order.
   *
   * @param key
   *   Key (lower case).
   * @returns
   *   Values.
   */
  all(key: string): Array<string>
  /**
   * Value of a `twitter:dataN` whose `twitter:labelN` matches `label`
   * (`twitter:label1` = `Written by`, `twitter:data1` = the author).
   *
   * @param label
   *   Pattern for the label.
   * @returns
   *   Value with its source, if any.
   */
  labelled(label: RegExp): Found<string> | undefined
}

/**
 * Create a reader over the meta entries of a page.
 *
 * @param metas
 *   Entries from `indexPage`.
 * @returns
 *   Reader.
 */
export function metaReader(metas: Array<MetaEntry>): MetaReader {
  const map = new Map<string, Array<string>>()
  for (const entry of metas) {
    const key = entry.attribute === 'itemprop' || entry.attribute === 'http-equiv' ? `${entry.attribute}:${entry.key}` : entry.key
    const value = collapse(entry.value)
    if (!value) continue
    const list = map.get(key)
    if (list) list.push(value)
    else map.set(key, [value])
  }
  return {
    first(keys, accept) {
      for (const key of keys) {
        for (const value of map.get(key) ?? []) {
          if (!accept || accept(value)) return {value, from: `meta:${key}`}
        }
      }
      return undefined
    },
    all(key) {
      return map.get(key) ?? []
    },
    labelled(label) {
      for (let n = 1; n <= 4; n++) {
        const name = map.get(`twitter:label${n}`)?.[0]
        const value = map.get(`twitter:data${n}`)?.[0]
        if (name && value && label.test(name)) return {value, from: `meta:twitter:data${n}`}
      }
      return undefined
    }
  }
}
