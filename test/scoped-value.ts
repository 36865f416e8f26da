// `createScopedValue` (`lib/util/scoped-value.ts`), the one mechanism behind
// `withTextMemo`, `withElementRecords` and `withShortTexts`: the value is
// there while `run` runs and only then, the innermost `run` wins, the
// outer value comes back after a return or a throw, two scoped values do
// not share a value, and the scope is synchronous (not carried past an
// `await`).
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {createScopedValue} from '../lib/util/scoped-value.js'

test('createScopedValue: the value while `run` runs, nothing outside, what `run` returns', function () {
  const scope = createScopedValue<string>()
  assert.is(scope.current(), undefined)
  const result = scope.run('a', () => scope.current() + '!')
  assert.is(result, 'a!')
  assert.is(scope.current(), undefined)
})

test('createScopedValue: the innermost run wins; each outer value comes back', function () {
  const scope = createScopedValue<number>()
  const seen: Array<number | undefined> = []
  scope.run(1, function () {
    seen.push(scope.current())
    scope.run(2, function () {
      seen.push(scope.current())
      scope.run(3, () => seen.push(scope.current()))
      seen.push(scope.current())
    })
    seen.push(scope.current())
  })
  seen.push(scope.current())
  assert.equal(seen, [1, 2, 3, 2, 1, undefined])
})

test('createScopedValue: a throw passes through and the outer value comes back', function () {
  const scope = createScopedValue<string>()
  const error = new Error('inner')
  scope.run('outer', function () {
    assert.throws(
      () =>
        scope.run('inner', function () {
          throw error
        }),
      (thrown: unknown) => thrown === error
    )
    assert.is(scope.current(), 'outer')
  })
  assert.is(scope.current(), undefined)
})

test('createScopedValue: two scoped values are apart', function () {
  const first = createScopedValue<string>()
  const second = createScopedValue<string>()
  first.run('one', function () {
    assert.is(second.current(), undefined)
    second.run('two', () => assert.equal([first.current(), second.current()], ['one', 'two']))
  })
})

test('createScopedValue: synchronous: code after an `await` in `run` sees the value outside', async function () {
  const scope = createScopedValue<string>()
  const seen: Array<string | undefined> = []
  const pending = scope.run('a', async function () {
    seen.push(scope.current())
    await Promise.resolve()
    seen.push(scope.current())
  })
  seen.push(scope.current())
  await pending
  assert.equal(seen, ['a', undefined, undefined])
})

test.run()
