import fs from 'node:fs/promises'
import {describeFsError} from './fs-error.js'

/**
 * Load `--url-from`: a JSON object (`{"a/page.html": "https://…"}`) or a CSV
 * file of `path,url` rows (optionally quoted; a header row without a URL is
 * ignored). Keys are relative input paths, normalised to `/` separators.
 * Throws an `Error` naming the file and the problem.
 */
export async function loadUrlMap(file: string): Promise<Map<string, string>> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    throw new Error('Cannot read the `--url-from` file `' + file + '`: ' + describeFsError(error), {cause: error})
  }
  const map = new Map<string, string>()
  if (/\.json$/i.test(file) || text.trimStart().startsWith('{')) {
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      throw new Error('Invalid `--url-from` `' + file + '`: ' + (error as Error).message, {cause: error})
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('Invalid `--url-from` `' + file + '`: expected an object of path → URL')
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') throw new Error('Invalid `--url-from` `' + file + '`: the URL of `' + key + '` is not a string')
      map.set(normalizeKey(key), checkUrl(value, file))
    }
    return map
  }
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue
    const fields = parseCsvLine(line)
    if (fields.length < 2) throw new Error('Invalid `--url-from` `' + file + '`: line ' + (index + 1) + ' is not `path,url`')
    if (index === 0 && !/^[a-z][a-z\d+.-]*:/i.test(fields[1])) continue
    map.set(normalizeKey(fields[0]), checkUrl(fields[1], file))
  }
  return map
}

/** Normalise a relative path: `/` separators, no leading `./`. */
export function normalizeKey(key: string): string {
  return key
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
}

function checkUrl(value: string, file: string): string {
  try {
    return new URL(value.trim()).href
  } catch {
    throw new Error('Invalid `--url-from` `' + file + '`: `' + value + '` is not an absolute URL')
  }
}

function parseCsvLine(line: string): Array<string> {
  const fields: Array<string> = []
  const field = /(?:\s*"((?:[^"]|"")*)"\s*|([^,]*))(?:,|$)/y
  while (field.lastIndex < line.length) {
    const start = field.lastIndex
    const match = field.exec(line)
    if (!match || field.lastIndex === start) break
    fields.push(match[1] === undefined ? match[2].trim() : match[1].replace(/""/g, '"'))
  }
  return fields
}
