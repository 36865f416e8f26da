/**
 * Every regular expression in `lib/`: the literals (found with the
 * TypeScript parser) and those built with `RegExp(…)` when their modules
 * load (recorded by a child process that wraps the `RegExp` constructor,
 * then imports every module). Used by `test/reliability.ts` to check each
 * one for super-linear backtracking.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import ts from 'typescript'
import {root} from './cli-harness.js'

/** One regular expression and where it is (`lib/…:line`). */
export interface FoundRegex {
  where: string
  source: string
  flags: string
}

/** Every `.ts` file under `lib/`. */
export async function libFiles(): Promise<Array<string>> {
  const entries = await fs.readdir(path.join(root, 'lib'), {recursive: true})
  return entries
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(root, 'lib', name))
    .sort()
}

/** Regular expression literals, and the places that call `RegExp(…)` (`dynamic`). */
export async function staticRegexes(): Promise<{literals: Array<FoundRegex>; dynamic: Array<string>}> {
  const literals: Array<FoundRegex> = []
  const dynamic: Array<string> = []
  for (const file of await libFiles()) {
    const source = ts.createSourceFile(file, await fs.readFile(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const where = (node: ts.Node) => path.relative(root, file) + ':' + (source.getLineAndCharacterOfPosition(node.getStart()).line + 1)
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText()
        const end = text.lastIndexOf('/')
        literals.push({where: where(node), source: text.slice(1, end), flags: text.slice(end + 1)})
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
        dynamic.push(where(node))
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return {literals, dynamic}
}

/**
 * Regular expressions built with `RegExp(…)` while `lib/` modules load,
 * with the line that built them.
 */
export async function loadedRegexes(): Promise<Array<FoundRegex>> {
  const files = await libFiles()
  const script = `
    const found = []
    const Original = RegExp
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args) {
        const line = (new Error().stack || '').split('\\n').find((line) => line.includes('/lib/') && !line.includes('regex-inventory'))
        const value = Reflect.construct(target, args)
        found.push({where: line ? line.trim() : '?', source: value.source, flags: value.flags})
        return value
      },
      apply(target, self, args) {
        return this.construct(target, args)
      }
    })
    for (const file of ${JSON.stringify(files.map((file) => pathToFileURL(file).href))}) await import(file)
    process.stdout.write(JSON.stringify(found))
  `
  const loader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href
  const {stdout} = await promisify(execFile)(process.execPath, ['--import', loader, '--input-type=module', '-e', script], {cwd: root, maxBuffer: 1 << 24})
  const found = JSON.parse(stdout) as Array<FoundRegex>
  return found.map((regex) => {
    const match = /\/(lib\/[^:]+):(\d+)/.exec(regex.where)
    return {...regex, where: match ? match[1] + ':' + match[2] : regex.where}
  })
}
