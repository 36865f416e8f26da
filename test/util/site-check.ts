/**
 * Reading and checking sites built by real generators, for
 * `test/generators.ts` and the long fuzz run (`scripts/fuzz-long.ts`):
 * parse every built page, compare the text a reader sees with a plain
 * conversion, build a folder with Hugo or Jekyll and the skeleton sites of
 * `test/generators/`.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The skeleton sites. */
export const skeletons = path.join(root, 'test', 'generators')

/** A built HTML page. */
export interface Built {
  file: string
  tree: HastRoot
}

/**
 * Every HTML file under `dir`, parsed: by content, not by name (redirect
 * stubs keep the old URL's name, such as `….shtml`).
 */
export async function readSite(dir: string): Promise<Map<string, Built>> {
  const site = new Map<string, Built>()
  for (const entry of await fs.readdir(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const content = await fs.readFile(file, 'utf8')
    if (/^\s*<(!doctype html|html)[\s>]/i.test(content)) site.set(file, {file, tree: fromHtml(content)})
  }
  return site
}

/**
 * Text without white space, with what generators' typographers change
 * folded (quotes, guillemets from `<<` and `>>`, dashes, ellipses), and
 * without invisible characters: the
 * zero-width spaces the hugo layout puts in code, the control characters
 * the generator layouts remove (`lib/output/body-invisible.ts`).
 */
export function squash(value: string): string {
  return (
    value
      .normalize('NFC')
      .replace(/[\u200B\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/g, '')
      .replace(/[“”„‟"«»]|<<|>>/g, '"')
      .replace(/[‘’‚‛']/g, "'")
      .replace(/…/g, '...')
      // Typographers (Goldmark's, kramdown's, SmartyPants in Astro) make dashes of `--` and `---`.
      .replace(/[–—]|-{2,3}/g, '--')
      .replace(/\s+/g, '')
  )
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm)

/**
 * Text of every paragraph, heading, table cell and code block of a plain
 * conversion; text around a footnote reference in parts (each generator
 * numbers and marks references its own way).
 */
export function plainTexts(value: string): Array<string> {
  const texts: Array<string> = []
  const tree = markdown.parse(value) as MdastRoot
  visit(tree, 'footnoteReference', function (_node, index, parent) {
    if (parent && index !== undefined) parent.children.splice(index, 1, {type: 'text', value: '\u0000'})
  })
  visit(tree, function (node: MdastNodes) {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      for (const part of mdastToString(node, {includeImageAlt: false}).split('\u0000')) if (squash(part)) texts.push(part)
    } else if (node.type === 'code' && squash(node.value)) texts.push(node.value)
  })
  return texts
}

/** Outcome of a generator run. */
export interface Run {
  ok: boolean
  /** Exit status or signal, and what the generator printed. */
  status: string
  output: string
}

/**
 * Build a folder the CLI wrote with `--layout hugo` (`content`, Hugo's
 * content folder) or `--layout jekyll` (`content`, the site folder) into
 * `destination`, with the skeleton site in `work`.
 */
export async function buildSite(generator: 'hugo' | 'jekyll', content: string, work: string, destination: string, timeout = 600_000): Promise<Run> {
  let result
  if (generator === 'hugo') {
    const site = path.join(work, 'hugo-site')
    await fs.cp(path.join(skeletons, 'hugo'), site, {recursive: true})
    result = spawnSync('hugo', ['--source', site, '--contentDir', content, '--destination', destination, '--quiet'], {encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024})
  } else {
    await fs.cp(path.join(skeletons, 'jekyll'), content, {recursive: true})
    result = spawnSync('jekyll', ['build', '--source', content, '--destination', destination, '--drafts', '--quiet'], {
      cwd: content,
      encoding: 'utf8',
      timeout,
      maxBuffer: 64 * 1024 * 1024,
      env: {...process.env, LANG: process.env.LANG || 'C.UTF-8'}
    })
  }
  if (result.error) return {ok: false, status: String(result.error), output: ''}
  return {ok: result.status === 0, status: String(result.status ?? result.signal), output: (result.stdout || '') + (result.stderr || '')}
}
