/**
 * A Chinese writer's name with the affiliation glued to it, the way closing
 * credit lines and metadata print it without a break: `方敏北京大学经济学院教授`
 * is `方敏` of `北京大学经济学院`, a professor; `周立群上海交通大学…教授` is `周立群`.
 *
 * The text must end with a title (`教授`, `研究员`, `院长`, …) or hold an
 * institution (`大学`, `学院`, `研究院`, `社会科学院`, …). The name is its first
 * two to four characters, read as a person's (`chinese-names.ts`); of the
 * possible cuts, the one leaving a known place or university name to open
 * the institution wins (`孟凡` + `清华大学`, not `孟凡清` + `华大学`;
 * `place-names.ts`), else one whose institution keeps at least two
 * characters before its kind (`华大学` is none), three-character names
 * first (the common length). Text that allows no cut stays whole.
 *
 * @module
 */

import {isChinesePersonName} from './chinese-names.js'
import {placeOpening} from './place-names.js'

/** Titles closing an affiliation. */
const TITLE =
  /(?:教授|副教授|讲师|講師|研究员|研究員|副研究员|副研究員|助理研究员|博士|博士生|博士后|博士後|硕士|碩士|院长|院長|副院长|副院長|所长|所長|主任|副主任|理事长|理事長|会长|會長|秘书长|秘書長|党委书记|黨委書記|书记|書記|学者|學者|专家|專家|主编|主編|总编辑|總編輯|研究生|学生|學生|教师|教師|律师|律師|经济学家|經濟學家|分析师|分析師|首席经济学家|首席經濟學家)$/u
/** Academic institutions: what makes a glued affiliation without a title (`李明北京大学`). */
const ACADEMIC = /大学|大學|学院|學院|研究院|研究所|研究中心|科学院|科學院|社科院|党校|黨校|智库|智庫/u
/** Kinds of institution, and where in the rest each is. */
const INSTITUTION =
  /大学|大學|学院|學院|研究院|研究所|研究中心|科学院|科學院|社会科学院|社會科學院|社科院|党校|黨校|智库|智庫|银行|銀行|证券|證券|基金会|基金會|委员会|委員會|协会|協會|学会|學會|医院|醫院|中学|中學|集团|集團|公司/u
/** University and institution names that open with no place (`清华大学`, `复旦大学`). */
const NAMED = ['清华', '清華', '复旦', '復旦', '南开', '南開', '同济', '同濟', '中山', '暨南', '人民', '交通', '师范', '師範', '财经', '財經', '政法', '中共', '国务院', '國務院', '社科']

/**
 * The name opening `value` when an affiliation is glued to it.
 *
 * @param value
 *   A name as a source gives it (`方敏北京大学经济学院教授`).
 * @returns
 *   The name (`方敏`), or `value` itself when nothing is glued to it.
 */
export function withoutAffiliation(value: string): string {
  if (value.length < 5 || !/^\p{Script=Han}+$/u.test(value) || isChinesePersonName(value)) return value
  const titled = TITLE.test(value)
  if (!titled && !ACADEMIC.test(value)) return value
  const cuts: Array<{name: string; named: boolean}> = []
  for (const length of [3, 2, 4]) {
    const name = value.slice(0, length)
    const rest = value.slice(length)
    if (!isChinesePersonName(name) || rest.length < 2) continue
    const opens = placeOpening(rest) > 0 || NAMED.some((word) => rest.startsWith(word))
    const kind = INSTITUTION.exec(rest)
    // `华大学`: an institution needs two characters of its own name before its kind.
    if (kind && kind.index < 2 && !opens) continue
    if (!kind && !TITLE.test(rest)) continue
    cuts.push({name, named: opens})
  }
  return (cuts.find((cut) => cut.named) ?? cuts[0])?.name ?? value
}
