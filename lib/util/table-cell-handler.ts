import type {Element} from 'hast'
import type {State} from 'hast-util-to-mdast'
import {defaultHandlers} from 'hast-util-to-mdast'
import type {Nodes, PhrasingContent, TableCell, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'

/** mdast parents that are phrasing: written inside the run they are in. */
const phrasingParents: ReadonlySet<string> = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** Text ending in one of these needs no separator before the next line of a cell, only a space (none after CJK punctuation). */
const closingPunctuation = /[.!?;:,…]$/
const cjkPunctuation = /[。！？；：，、…]$/
const cjkEnd = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u
/** A line that begins with one of these separates itself from the line before: a space (nothing before full-width ones) joins them. */
const openingSeparator = /^[/|,;:)\]•·–—-]/
const openingCjkSeparator = /^[／｜，；：）】」』・、。]/

/**
 * `hast-util-to-mdast` handler for `<td>` and `<th>`: the default one, with
 * the blocks and lines a cell holds kept apart. A GFM table cell holds one
 * line of phrasing only; the default handler leaves paragraphs, list items
 * and `<br>` lines to be written with a space between them, so
 * `<li>Former teacher</li><li>Lives in Eastfield</li>` reads as one phrase
 * ("Former teacher Lives in Eastfield"). Here each block, list item and
 * line becomes a run of the cell's one line, runs joined by `; ` (`；`
 * after CJK text; only a space after text that ends in punctuation,
 * nothing after CJK punctuation, and only a space or nothing before a line
 * that begins with a separator of its own, such as `／`); an ordered list's items keep their
 * numbers (`1. first; 2. second`). A cell of one paragraph or of phrasing
 * only is the default handler's.
 *
 * @param state
 *   Converter state.
 * @param node
 *   `<td>` or `<th>` element.
 * @returns
 *   mdast table cell whose children are phrasing only.
 */
export function tableCell(state: State, node: Element): TableCell {
  const cell = defaultHandlers.td(state, node) as TableCell
  const runs: Array<Array<PhrasingContent>> = [[]]
  addFlow(runs, cell.children as Array<Nodes>)
  cell.children = joinRuns(runs.map(trimRun).filter((run) => run.length > 0))
  return cell
}

/**
 * Add the cell's nodes to `runs`: phrasing to the last run, each block and
 * each `<br>` line as a run of its own.
 */
function addFlow(runs: Array<Array<PhrasingContent>>, nodes: ReadonlyArray<Nodes>): void {
  for (const child of nodes) {
    switch (child.type) {
      case 'break':
      case 'thematicBreak': {
        runs.push([])
        break
      }

      case 'code': {
        runs.push(
          [
            {
              type: 'inlineCode',
              value: child.value
                .split('\n')
                .map((line) => line.trim())
                .join(' ')
            }
          ],
          []
        )
        break
      }

      case 'list': {
        let number = typeof child.start === 'number' ? child.start : 1
        for (const item of child.children) {
          const from = runs.push([]) - 1
          addFlow(runs, item.children)
          runs.push([])
          // The item's number goes before its first run that shows something.
          const shown = runs.slice(from).find((run) => run.some((node) => node.type !== 'text' || /\S/.test(node.value)))
          if (child.ordered && shown) shown.splice(0, shown.length, {type: 'text', value: number + '. '}, ...trimRun(shown))
          number++
        }

        break
      }

      default: {
        if ('children' in child && !phrasingParents.has(child.type)) {
          // A paragraph, heading, quote or any other block: a run of its own.
          runs.push([])
          addFlow(runs, child.children)
          runs.push([])
          break
        }

        runs[runs.length - 1]!.push(child as PhrasingContent)
      }
    }
  }
}

/** A run without the white space at its ends; empty when it holds nothing to see. */
function trimRun(run: Array<PhrasingContent>): Array<PhrasingContent> {
  const head = run[0]
  if (head && head.type === 'text') head.value = head.value.trimStart()
  const tail = run[run.length - 1]
  if (tail && tail.type === 'text') tail.value = tail.value.trimEnd()
  const kept = run.filter((node) => node.type !== 'text' || node.value !== '')
  return kept.some((node) => node.type !== 'text' || /\S/.test(node.value)) ? kept : []
}

/** Runs joined into one line of phrasing, with a separator between runs. */
function joinRuns(runs: ReadonlyArray<Array<PhrasingContent>>): Array<PhrasingContent> {
  const result: Array<PhrasingContent> = []
  for (const run of runs) {
    if (result.length > 0) {
      const before = toString({type: 'paragraph', children: result})
      const after = toString({type: 'paragraph', children: run})
      const separator: Text = {
        type: 'text',
        value: cjkPunctuation.test(before) || openingCjkSeparator.test(after) ? '' : closingPunctuation.test(before) || openingSeparator.test(after) ? ' ' : cjkEnd.test(before) ? '；' : '; '
      }
      if (separator.value) result.push(separator)
    }

    result.push(...run)
  }

  return result
}
