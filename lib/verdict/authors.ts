/**
 * Tell an author field that no byline gave as it is: a person's name glued
 * to the outlet, a title or a label (`Joe Davidson Washington Post`,
 * `FOCUS-Online-Experte Robin Tschöpe`, `方敏北京大学经济学院教授`), read
 * when a byline's parts were not told apart.
 *
 * @module
 */

import {hasHan, isChinesePersonName} from '../analyse/meta/chinese-names.js'
import {readCredits} from '../analyse/meta/credit-line.js'
import {isPersonLike, isPublisher} from '../analyse/meta/person-like.js'

/** Words that end an organisation's name (`Smart Shopping Team`, `Wirtualna Polska Media`): one of them after two capitalised words names no person. */
const organisationEnd = /^(?:team|media|group|staff|desk|network|press|news|redaktion|verlag|gmbh|ag|inc|ltd|llc)$/i

/** Labels that open a byline only as a label (`Von`, `Par`, `Por`, `Door` also open surnames: `Von Miller`). */
const surnameParticle = /^(?:von|par|por|door)\s/i

/** Whether an author name is a whole credit line: a label or role kept beside the names. */
function isCreditLine(value: string): boolean {
  return readCredits(value).some((credit) => credit.role !== 'author' || credit.form !== 'latin-label' || !surnameParticle.test(value))
}

/** Longest Chinese personal name, in characters (a two-character surname and a two-character given name). */
const hanNameMax = 4

/**
 * The names of an `author` field (`Jane Roe, John Doe`; `张三、李四`).
 *
 * @param value
 *   The field.
 * @returns
 *   Names, trimmed.
 */
export function splitAuthors(value: string | null | undefined): Array<string> {
  if (!value) return []
  return value
    .split(/[,，、;；]/)
    .map((name) => name.trim())
    .filter(Boolean)
}

/**
 * Whether `name` is a person's name with other words glued to it: the
 * whole does not read as a person's name (`isPersonLike`), but its first
 * or last words do, and other words stand beside them. A Chinese name is
 * glued when a string of Han characters longer than any name (5 or more)
 * opens or closes with a name (`isChinesePersonName`: a known surname and
 * one or two more characters). An outlet alone (`Multimedia Redaktion`,
 * `参考消息`, `Smart Shopping Team`: two words and a word that ends an
 * organisation's name), the site's own declared name (a blog's,
 * `史蒂文的家_藍天`, one of `publishers`) or a user name (`jroe_42`) is no
 * glued name.
 * A name that is itself a credit line (`Foto: Jane Roe`, `By Jane Roe`,
 * `Jane Roe | Staff Writer`, `本报记者 王五`, `责任编辑：赵六`; read by
 * `credit-line.ts`) kept its label or role: glued.
 *
 * @param name
 *   One author name.
 * @param publishers
 *   Names of the site and its publisher.
 * @returns
 *   Whether it is a glued name.
 */
export function isGluedName(name: string, publishers: ReadonlyArray<string | undefined> = []): boolean {
  const value = name.normalize('NFKC').trim()
  if (isCreditLine(value)) return true
  if (isPersonLike(value, publishers)) return false
  // The site's declared name (a blog's, `史蒂文的家_藍天`, its owner's name as the blog's) glues no name to anything.
  if (isPublisher(value, publishers)) return false
  if (hasHan(value)) {
    const han = value.replace(/\s+/g, '')
    if ([...han].length <= hanNameMax) return false
    return [2, 3].some((length) => isChinesePersonName(han.slice(0, length)) || isChinesePersonName(han.slice(-length)))
  }
  const words = value.split(/\s+/)
  if (words.length === 3 && organisationEnd.test(words[2])) return false
  for (let length = 2; length < words.length; length++) {
    if (isPersonLike(words.slice(0, length).join(' '), publishers) || isPersonLike(words.slice(-length).join(' '), publishers)) return true
  }
  return false
}
