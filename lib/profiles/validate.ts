import {selectAll} from 'hast-util-select'
import type {Profile} from './types.js'

type Check = 'string' | 'strings' | 'object'

const fields: Record<keyof Profile, Check> = {
  id: 'string',
  hosts: 'strings',
  signature: 'strings',
  content: 'strings',
  title: 'strings',
  author: 'strings',
  date: 'strings',
  tags: 'strings',
  credit: 'object',
  urlDate: 'string',
  remove: 'strings',
  unwrap: 'strings',
  related: 'object'
}

const selectorFields = new Set(['signature', 'content', 'title', 'author', 'date', 'tags', 'remove', 'unwrap'])

/**
 * Check that `value` is a valid profile (for example parsed from a user's
 * JSON file) and return it; throws an `Error` naming the first problem.
 * Selectors are compiled once to catch syntax errors; `urlDate` must be a
 * valid regular expression. Profiles are data: nothing in them runs.
 */
export function validateProfile(value: unknown, name = 'profile'): Profile {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('Invalid ' + name + ': expected an object')
  }
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    const check = fields[key as keyof Profile]
    if (!check) throw new Error('Invalid ' + name + ': unknown key `' + key + '` (expected one of ' + Object.keys(fields).join(', ') + ')')
    const field = record[key]
    if (field === null || field === undefined) continue
    const where = name + '.' + key
    if (check === 'string' && typeof field !== 'string') throw new Error('Invalid `' + where + '`: expected a string')
    if (check === 'strings') {
      if (!Array.isArray(field) || !field.every((s) => typeof s === 'string')) {
        throw new Error('Invalid `' + where + '`: expected an array of strings')
      }
      if (selectorFields.has(key)) for (const s of field) checkSelector(s, where)
    }
    if (check === 'object') checkObject(key, field, where)
  }
  if (typeof record.id !== 'string' || !record.id) throw new Error('Invalid ' + name + ': missing `id`')
  if (typeof record.urlDate === 'string') {
    try {
      new RegExp(record.urlDate)
    } catch (error) {
      throw new Error('Invalid `' + name + '.urlDate`: ' + String((error as Error).message))
    }
  }
  return value as Profile
}

function checkObject(key: string, field: unknown, where: string): void {
  if (typeof field !== 'object' || Array.isArray(field)) throw new Error('Invalid `' + where + '`: expected an object')
  const record = field as Record<string, unknown>
  const allowed: Record<string, Check | 'number'> =
    key === 'credit' ? {selector: 'string', limit: 'number'} : {selector: 'string', drop: 'string', heading: 'string'}
  for (const [k, v] of Object.entries(record)) {
    const check = allowed[k]
    if (!check) throw new Error('Invalid `' + where + '`: unknown key `' + k + '` (expected one of ' + Object.keys(allowed).join(', ') + ')')
    if (v === null || v === undefined) continue
    if (typeof v !== (check === 'number' ? 'number' : 'string')) throw new Error('Invalid `' + where + '.' + k + '`: expected a ' + check)
  }
  if (typeof record.selector !== 'string') throw new Error('Invalid `' + where + '`: missing `selector`')
  checkSelector(record.selector, where + '.selector')
  if (typeof record.drop === 'string') checkSelector(record.drop, where + '.drop')
}

function checkSelector(selector: string, where: string): void {
  try {
    selectAll(selector, {type: 'root', children: []})
  } catch (error) {
    throw new Error('Invalid selector `' + selector + '` in `' + where + '`: ' + String((error as Error).message))
  }
}
