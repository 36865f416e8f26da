import {compileSelector} from '../util/select.js'
import {compileUrlPattern} from './url-pattern.js'
import {checkTimeZone, compileDateFormat} from './date-format.js'
import {compileRe2} from './re2.js'
import type {Profile} from './types.js'

type Check = 'string' | 'strings' | 'object'

const fields: Record<keyof Profile, Check> = {
  id: 'string',
  hosts: 'strings',
  signature: 'strings',
  content: 'strings',
  title: 'strings',
  author: 'strings',
  authorTrim: 'strings',
  source: 'strings',
  date: 'strings',
  dateFormat: 'string',
  timeZone: 'string',
  tags: 'strings',
  credit: 'object',
  urlDate: 'string',
  remove: 'strings',
  unwrap: 'strings',
  related: 'object'
}

const selectorFields = new Set(['signature', 'content', 'title', 'author', 'source', 'date', 'tags', 'remove', 'unwrap'])

/**
 * Check that `value` is a valid profile (for example parsed from a user's
 * JSON file) and return it; throws an `Error` naming the first problem.
 * Selectors are compiled once to catch syntax errors; `urlDate` must be a
 * regular expression that RE2 runs (see `url-pattern.ts`: linear time on
 * any URL, so no lookarounds or backreferences) with the named groups
 * `year`, `month` and `day`; `authorTrim` patterns must run on RE2 too;
 * `dateFormat` must hold `YYYY` (or `YY`), `MM` and `DD` once each and
 * `timeZone` be an offset or IANA name (see `date-format.ts`);
 * `credit.limit` is a whole number from
 * 1 to 100; `hosts` are host names. Profiles are data: plain objects with
 * plain values only (no getters, functions or class instances), so nothing
 * in them runs.
 */
export function validateProfile(value: unknown, name = 'profile'): Profile {
  if (!isPlainObject(value)) {
    throw new Error('Invalid ' + name + ': expected an object')
  }
  const record = value as Record<string, unknown>
  for (const key of Reflect.ownKeys(record)) {
    if (typeof key !== 'string') throw new Error('Invalid ' + name + ': unexpected symbol key')
    const check = Object.hasOwn(fields, key) ? fields[key as keyof Profile] : undefined
    if (!check) throw new Error('Invalid ' + name + ': unknown key `' + key + '` (expected one of ' + Object.keys(fields).join(', ') + ')')
    checkData(record, key, name + '.' + key)
    const field = record[key]
    if (field === null || field === undefined) continue
    const where = name + '.' + key
    if (check === 'string' && typeof field !== 'string') throw new Error('Invalid `' + where + '`: expected a string')
    if (check === 'strings') {
      if (!Array.isArray(field) || !field.every((s) => typeof s === 'string')) {
        throw new Error('Invalid `' + where + '`: expected an array of strings')
      }
      if (selectorFields.has(key)) for (const s of field) checkSelector(s, where)
      if (key === 'hosts') for (const host of field) checkHost(host, where)
      if (key === 'authorTrim') {
        for (const pattern of field) {
          try {
            compileRe2(pattern)
          } catch (error) {
            throw new Error('Invalid pattern `' + pattern + '` in `' + where + '`: ' + String((error as Error).message), {cause: error})
          }
        }
      }
    }
    if (check === 'object') checkObject(key, field, where)
  }
  if (typeof record.id !== 'string' || !record.id) throw new Error('Invalid ' + name + ': missing `id`')
  if (typeof record.dateFormat === 'string' || typeof record.timeZone === 'string') {
    try {
      if (typeof record.dateFormat === 'string') compileDateFormat(record.dateFormat, record.timeZone as string | undefined)
      else checkTimeZone(record.timeZone as string)
    } catch (error) {
      throw new Error('Invalid `' + name + '.' + (typeof record.dateFormat === 'string' ? 'dateFormat' : 'timeZone') + '`: ' + String((error as Error).message), {cause: error})
    }
  }
  if (typeof record.urlDate === 'string') {
    let names: Array<string>
    try {
      names = compileUrlPattern(record.urlDate).names
    } catch (error) {
      throw new Error('Invalid `' + name + '.urlDate`: ' + String((error as Error).message), {cause: error})
    }
    for (const group of ['year', 'month', 'day']) {
      if (!names.includes(group)) throw new Error('Invalid `' + name + '.urlDate`: missing the named group `(?<' + group + '>…)`')
    }
  }
  return value as unknown as Profile
}

/** Plain data: an object literal or `JSON.parse` result (prototype `Object.prototype` or `null`). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Refuse accessors (getters run code) and non-data values. */
function checkData(record: object, key: string, where: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(record, key)
  if (descriptor && !('value' in descriptor)) throw new Error('Invalid `' + where + '`: expected a plain value, not a getter or setter')
  const value = descriptor ? descriptor.value : undefined
  if (typeof value === 'function') throw new Error('Invalid `' + where + '`: expected data, not a function')
  if (value && typeof value === 'object') {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) checkData(value, String(index), where + '[' + index + ']')
    } else if (!isPlainObject(value)) throw new Error('Invalid `' + where + '`: expected a plain object')
    else for (const inner of Reflect.ownKeys(value)) if (typeof inner === 'string') checkData(value, inner, where + '.' + inner)
  }
}

function checkHost(host: string, where: string): void {
  if (!/^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.?$/u.test(host)) {
    throw new Error('Invalid `' + where + '`: `' + host + '` is not a host name (expected something like `example.com`, without scheme, port or path)')
  }
}

function checkObject(key: string, field: unknown, where: string): void {
  if (!isPlainObject(field)) throw new Error('Invalid `' + where + '`: expected an object')
  const record = field as Record<string, unknown>
  const allowed: Record<string, Check | 'number'> = key === 'credit' ? {selector: 'string', limit: 'number'} : {selector: 'string', drop: 'string', heading: 'string'}
  for (const [k, v] of Object.entries(record)) {
    const check = Object.hasOwn(allowed, k) ? allowed[k] : undefined
    if (!check) throw new Error('Invalid `' + where + '`: unknown key `' + k + '` (expected one of ' + Object.keys(allowed).join(', ') + ')')
    if (v === null || v === undefined) continue
    if (typeof v !== (check === 'number' ? 'number' : 'string')) throw new Error('Invalid `' + where + '.' + k + '`: expected a ' + check)
    if (check === 'number' && (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 100)) throw new Error('Invalid `' + where + '.' + k + '`: expected a whole number from 1 to 100')
  }
  if (typeof record.selector !== 'string') throw new Error('Invalid `' + where + '`: missing `selector`')
  checkSelector(record.selector, where + '.selector')
  if (typeof record.drop === 'string') checkSelector(record.drop, where + '.drop')
}

function checkSelector(selector: string, where: string): void {
  try {
    if (selector.trim() === '') throw new Error('empty selector')
    compileSelector(selector)
  } catch (error) {
    throw new Error('Invalid selector `' + selector + '` in `' + where + '`: ' + String((error as Error).message), {cause: error})
  }
}
