/**
 * Coverage report of `lib/` with denominators that do not depend on the run.
 *
 * `c8 report` counts one "branch" per block range that V8 reports, and V8
 * reports a block only where its count differs from the enclosing one (a
 * block run exactly as often as its function is folded into it; a function
 * never compiled has no blocks at all). The number of branches therefore
 * depends on the counts, and on which coverage records are there: the
 * worker threads of `--jobs` (whose scripts `tsx` compiles to CommonJS,
 * mapped apart from the ESM ones), child processes, records a thread
 * ended before it could write. Two runs of the same code counted 7,946
 * and 11,537 branches.
 *
 * Here the denominators come from the source instead: branches are read
 * from the TypeScript syntax tree of each file (as Istanbul counts them:
 * both arms of every `if` (an absent `else` included), of every `?:`,
 * each operand of `&&` / `||` / `??` chains and of `&&=` / `||=` / `??=`,
 * each `case` that has statements), functions likewise, and lines are
 * every line of the file (as `c8` counts them). Only the hits come from
 * V8: the count at a position is the count of the innermost V8 range
 * around it, read in each compiled form of the file (ESM in the main thread
 * and child processes, CommonJS in worker threads: records are grouped by
 * their source map, so each is mapped through its own) and added up. A file
 * no test loads counts with every line, branch and function unrun.
 *
 * Reads `.c8rc.json` (`include`, `exclude`, `tempDirectory`, `reportDir`,
 * `reporter`, `lines`, `branches`); exits 1 below the floor.
 *
 * Usage: `tsx scripts/coverage-report.ts` after `c8 --reporter=none tsx test/index.ts` (`npm run coverage`).
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {mergeProcessCovs, type ProcessCov, type ScriptCov} from '@bcoe/v8-coverage'
import libCoverage, {type BranchMapping, type CoverageMapData, type FileCoverageData, type FunctionMapping, type Range} from 'istanbul-lib-coverage'
import libReport from 'istanbul-lib-report'
import reports, {type ReportOptions} from 'istanbul-reports'
import {glob} from 'tinyglobby'
import ts from 'typescript'
import v8ToIstanbul from 'v8-to-istanbul'

interface Config {
  include: Array<string>
  exclude: Array<string>
  tempDirectory: string
  reportDir: string
  reporter: Array<keyof ReportOptions>
  lines: number
  branches: number
}

interface SourceMapEntry {
  lineLengths?: Array<number>
  data?: {sources: Array<string>; mappings: string; sourcesContent?: Array<string>}
}

interface Record {
  result: Array<ScriptCov>
  'source-map-cache'?: {[url: string]: SourceMapEntry}
}

/** A V8 range mapped onto the original file: 1-based lines, 0-based columns, end exclusive. */
interface Counted {
  start: [number, number]
  end: [number, number]
  count: number
}

/** What decides a hit: the count at `at`, or at `at` less the count at `less` (an absent `else`). */
interface Probe {
  at: number
  less?: number
  /**
   * Read the count from ranges that start before `at` only. For the first
   * operand of `a || b`: the range of `b` can be mapped back onto `a` (a
   * source map often has no segment at the start of `b`, so the start snaps
   * to `a`), and `a` runs whenever the expression does.
   */
  before?: boolean
  /**
   * Start of the next arm (for `?:`'s `whenTrue`, the start of `whenFalse`): a
   * range that starts at or after `at` and runs past it is not the arm's own.
   * The range of `whenFalse` is often mapped back onto the start of
   * `whenTrue` (the source map has no segment at `:` nor at the start of
   * `whenFalse`), and gave `whenTrue` the count of `whenFalse` (0 for an arm
   * that ran: `dayOrderOf('en-GB')`'s `'dmy'`); a range that starts at
   * `whenTrue` and runs on (a call's continuation) gave it the count of the
   * whole expression (a hit for an arm that never ran).
   */
  within?: number
}

interface StaticBranch {
  type: string
  loc: Range
  locations: Array<Range>
  probes: Array<Probe>
}

interface StaticFunction {
  name: string
  decl: Range
  loc: Range
  probe: number
}

const root = process.cwd()
const config = JSON.parse(await fs.readFile(path.join(root, '.c8rc.json'), 'utf8')) as Config
const argv = process.argv.slice(2)
const uncoveredIndex = argv.indexOf('--uncovered')
/** `--uncovered lib/cli/merge`: list the unrun branch arms of the files whose path contains this. */
const uncovered = uncoveredIndex === -1 ? undefined : argv.splice(uncoveredIndex, 2)[1]
const folder = argv[0] || config.tempDirectory

const files = (await glob(config.include, {cwd: root, ignore: config.exclude})).sort().map((name) => path.resolve(root, name))
const wanted = new Set(files.map((file) => pathToFileURL(file).href))

// Group the scripts of every record by file and compiled form (its source map).
const maps = new Map<string, SourceMapEntry>()
const processes: Array<ProcessCov> = []
let records = 0
for (const name of (await fs.readdir(folder)).sort()) {
  if (!/^coverage-.*\.json$/.test(name)) continue
  const record = JSON.parse(await fs.readFile(path.join(folder, name), 'utf8')) as Record
  records++
  const cache = record['source-map-cache'] || {}
  const result: Array<ScriptCov> = []
  for (const script of record.result) {
    const url = script.url
    if (!wanted.has(url)) continue
    const map = cache[script.url]
    const form = map && map.data ? createHash('sha256').update(map.data.mappings).digest('hex').slice(0, 12) : 'plain'
    const key = url + '#' + form
    if (map && !maps.has(key)) maps.set(key, map)
    result.push({...script, url: key})
  }
  if (result.length > 0) processes.push({result})
}
const merged = mergeProcessCovs(processes)

/** Per file: the V8 ranges of each compiled form, mapped onto the original, plus its lines. */
const forms = new Map<string, Array<{ranges: Array<Counted>; coverage: FileCoverageData}>>()
for (const script of merged.result) {
  const [url, form] = script.url.split('#')
  const file = fileURLToPath(url)
  const map = maps.get(script.url)
  if (form !== 'plain' && !(map && map.data)) continue
  const sources = map && map.data ? {source: (map.lineLengths || []).map((length) => ''.padEnd(length, '.')).join('\n') + '\n', originalSource: '', sourceMap: {sourcemap: map.data}} : undefined
  const converter = v8ToIstanbul(file, 0, sources)
  await converter.load()
  converter.applyCoverage(script.functions)
  const data: CoverageMapData = converter.toIstanbul()
  for (const coverage of Object.values(data)) {
    const original = path.resolve(coverage.path.startsWith('file:') ? fileURLToPath(coverage.path) : coverage.path)
    if (original !== file) continue
    const ranges: Array<Counted> = Object.entries(coverage.branchMap).map(([id, branch]) => ({
      start: [branch.loc.start.line, branch.loc.start.column],
      end: [branch.loc.end.line, branch.loc.end.column],
      count: coverage.b[id][0]
    }))
    let list = forms.get(file)
    if (!list) forms.set(file, (list = []))
    list.push({ranges, coverage: {...coverage, path: file}})
  }
  converter.destroy()
}

const map = libCoverage.createCoverageMap({})
for (const file of files) {
  const source = await fs.readFile(file, 'utf8')
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const {branches, functions} = collect(tree)
  let list = forms.get(file)
  if (!list) {
    // Never loaded: every line unrun, as `c8 --all` counts it.
    const converter = v8ToIstanbul(file, 0, {source})
    await converter.load()
    converter.applyCoverage([{functionName: '(empty-report)', ranges: [{startOffset: 0, endOffset: source.length, count: 0}], isBlockCoverage: true}])
    const coverage = Object.values(converter.toIstanbul())[0]
    list = [{ranges: [], coverage: {...coverage, path: file}}]
  }
  for (const {ranges, coverage} of list) {
    const at = (offset: number, before = false, within?: number): number =>
      countAt(ranges, tree.getLineAndCharacterOfPosition(offset), before, within === undefined ? undefined : tree.getLineAndCharacterOfPosition(within))
    const branchMap: {[key: string]: BranchMapping} = {}
    const b: {[key: string]: Array<number>} = {}
    for (const [index, branch] of branches.entries()) {
      branchMap[index] = {type: branch.type, loc: branch.loc, locations: branch.locations, line: branch.loc.start.line}
      b[index] = branch.probes.map((probe) => Math.max(0, at(probe.at, probe.before, probe.within) - (probe.less === undefined ? 0 : at(probe.less))))
    }
    const fnMap: {[key: string]: FunctionMapping} = {}
    const f: {[key: string]: number} = {}
    for (const [index, fn] of functions.entries()) {
      fnMap[index] = {name: fn.name, decl: fn.decl, loc: fn.loc, line: fn.decl.start.line}
      f[index] = at(fn.probe)
    }
    map.addFileCoverage({...coverage, branchMap, b, fnMap, f})
  }
  if (uncovered !== undefined && file.includes(uncovered)) {
    const hits = map.fileCoverageFor(file).b
    for (const [index, branch] of branches.entries()) {
      for (const [arm, location] of branch.locations.entries()) {
        if (hits[index][arm] > 0) continue
        const line = source.split('\n')[location.start.line - 1]
        console.log(path.relative(root, file) + ':' + location.start.line + ':' + (location.start.column + 1) + ' ' + branch.type + '[' + arm + '] ' + line.trim().slice(0, 120))
      }
    }
  }
}

const context = libReport.createContext({dir: path.resolve(root, config.reportDir), coverageMap: map, defaultSummarizer: 'nested'})
for (const name of config.reporter) reports.create(name).execute(context)

const summary = map.getCoverageSummary()
console.log(
  'coverage: ' +
    files.length +
    ' files, ' +
    records +
    ' records; lines ' +
    summary.lines.covered +
    '/' +
    summary.lines.total +
    ', branches ' +
    summary.branches.covered +
    '/' +
    summary.branches.total +
    ', functions ' +
    summary.functions.covered +
    '/' +
    summary.functions.total
)
let failed = false
for (const key of ['lines', 'branches'] as const) {
  if (summary[key].pct >= config[key]) continue
  console.error('ERROR: Coverage for ' + key + ' (' + summary[key].pct + '%) does not meet global threshold (' + config[key] + '%)')
  failed = true
}
if (failed) process.exitCode = 1

/**
 * The count at a position: that of the innermost range around it (0 outside all); `before`: of ranges that start before it;
 * `within`: not of ranges that start at or after it and end after `within` (see `Probe.within`).
 */
function countAt(ranges: Array<Counted>, position: {line: number; character: number}, before: boolean, within?: {line: number; character: number}): number {
  const here: [number, number] = [position.line + 1, position.character]
  const end: [number, number] | undefined = within && [within.line + 1, within.character]
  let best: Counted | undefined
  for (const range of ranges) {
    if (compare(range.start, here) > (before ? -1 : 0) || compare(here, range.end) >= 0) continue
    if (end && compare(range.start, here) >= 0 && compare(range.end, end) > 0) continue
    if (!best || compare(range.start, best.start) > 0 || (compare(range.start, best.start) === 0 && compare(range.end, best.end) < 0)) best = range
  }
  return best ? best.count : 0
}

function compare(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1]
}

/** Branches and functions of a file, from its syntax tree. */
function collect(tree: ts.SourceFile): {branches: Array<StaticBranch>; functions: Array<StaticFunction>} {
  const branches: Array<StaticBranch> = []
  const functions: Array<StaticFunction> = []
  const range = (start: number, end: number): Range => {
    const from = tree.getLineAndCharacterOfPosition(start)
    const to = tree.getLineAndCharacterOfPosition(end)
    return {start: {line: from.line + 1, column: from.character}, end: {line: to.line + 1, column: to.character}}
  }
  const of = (node: ts.Node): Range => range(node.getStart(tree), node.getEnd())
  const logical = (node: ts.Node): node is ts.BinaryExpression =>
    ts.isBinaryExpression(node) &&
    [
      ts.SyntaxKind.AmpersandAmpersandToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken,
      ts.SyntaxKind.AmpersandAmpersandEqualsToken,
      ts.SyntaxKind.BarBarEqualsToken,
      ts.SyntaxKind.QuestionQuestionEqualsToken
    ].includes(node.operatorToken.kind)
  const leaves = (node: ts.Expression): Array<ts.Expression> => {
    let inner = node
    while (ts.isParenthesizedExpression(inner)) inner = inner.expression
    return logical(inner) ? [...leaves(inner.left), ...leaves(inner.right)] : [inner]
  }
  /** The nearest ancestor that is not a parenthesis. */
  const outside = (node: ts.Node): ts.Node => {
    let parent = node.parent
    while (ts.isParenthesizedExpression(parent)) parent = parent.parent
    return parent
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIfStatement(node)) {
      const otherwise = node.elseStatement
      branches.push({
        type: 'if',
        loc: of(node),
        locations: [of(node.thenStatement), otherwise ? of(otherwise) : of(node)],
        probes: [{at: node.thenStatement.getStart(tree)}, otherwise ? {at: otherwise.getStart(tree)} : {at: node.getStart(tree), less: node.thenStatement.getStart(tree)}]
      })
    } else if (ts.isConditionalExpression(node)) {
      branches.push({
        type: 'cond-expr',
        loc: of(node),
        locations: [of(node.whenTrue), of(node.whenFalse)],
        probes: [{at: node.whenTrue.getStart(tree), within: node.whenFalse.getStart(tree)}, {at: node.whenFalse.getStart(tree)}]
      })
    } else if (logical(node) && !logical(outside(node))) {
      const operands = leaves(node)
      branches.push({type: 'binary-expr', loc: of(node), locations: operands.map(of), probes: operands.map((operand, index) => ({at: operand.getStart(tree), before: index === 0}))})
    } else if (ts.isSwitchStatement(node)) {
      const clauses = node.caseBlock.clauses.filter((clause) => clause.statements.length > 0)
      if (clauses.length > 0) branches.push({type: 'switch', loc: of(node), locations: clauses.map(of), probes: clauses.map((clause) => ({at: clause.statements[0].getStart(tree)}))})
    }
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const body = node.body as ts.Node
      const name = 'name' in node && node.name ? (node.name as ts.Node).getText(tree) : '(anonymous_' + functions.length + ')'
      // Just inside a block body, so the count read is the function's own.
      const probe = ts.isBlock(body) ? body.getStart(tree) + 1 : body.getStart(tree)
      functions.push({name, decl: range(node.getStart(tree), body.getStart(tree)), loc: of(node), probe})
    }
    ts.forEachChild(node, visit)
  }
  visit(tree)
  return {branches, functions}
}
