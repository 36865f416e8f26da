// Types of `@bcoe/v8-coverage` (no types of its own), as far as
// `scripts/coverage-report.ts` uses it: the shapes are V8's
// `Profiler.takePreciseCoverage` result, as Node writes it to `NODE_V8_COVERAGE`.
declare module '@bcoe/v8-coverage' {
  interface RangeCov {
    startOffset: number
    endOffset: number
    count: number
  }
  interface FunctionCov {
    functionName: string
    ranges: Array<RangeCov>
    isBlockCoverage: boolean
  }
  interface ScriptCov {
    scriptId: string
    url: string
    functions: Array<FunctionCov>
  }
  interface ProcessCov {
    result: Array<ScriptCov>
  }
  /** Sum the counts of several processes' coverage, script by script (by `url`). */
  export function mergeProcessCovs(processCovs: ReadonlyArray<ProcessCov>): ProcessCov
}
