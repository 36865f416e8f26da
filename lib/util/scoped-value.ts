/**
 * A value in scope while a function runs: what the analysis modules use to
 * hand a stage's gathered facts (text memo, element records, short texts)
 * to the helpers it calls, several calls deep, without threading a
 * parameter through every reader in between.
 *
 * The scope is synchronous: it holds from the call of `run` until `run`
 * returns or throws. A promise `run` returns is not awaited, so code after
 * an `await` inside it sees the value outside. Scopes nest; the innermost
 * `run` in progress wins, and the outer value is back once it ends (thrown
 * errors included).
 *
 * Why not Node's `AsyncLocalStorage`: the analysis and the plugins import
 * nothing from Node (they run wherever unified runs), the readers are all
 * synchronous, and its `getStore()` costs more than a variable read in
 * readers called for every element of a page.
 *
 * @module
 */

/**
 * A value set for the time a function runs (see the module).
 *
 * @typeParam Value
 *   What is in scope.
 */
export interface ScopedValue<Value> {
  /**
   * The value of the innermost `run` in progress.
   *
   * @returns
   *   That value, or `undefined` outside any `run`.
   */
  current(): Value | undefined
  /**
   * Call `run` with `value` in scope, then put back what was in scope
   * before, also when `run` throws.
   *
   * @param value
   *   What `current()` gives while `run` runs.
   * @param run
   *   Function to call (synchronous: see the module).
   * @returns
   *   What `run` returns.
   */
  run<Result>(value: Value, run: () => Result): Result
}

/**
 * Make a scoped value, empty until its `run` is called; one per kind of
 * fact, kept in the module whose readers answer from it.
 *
 * @typeParam Value
 *   What is in scope.
 * @returns
 *   The scoped value.
 */
export function createScopedValue<Value>(): ScopedValue<Value> {
  let current: Value | undefined
  return {
    current() {
      return current
    },
    run(value, run) {
      const previous = current
      current = value
      try {
        return run()
      } finally {
        current = previous
      }
    }
  }
}
