/**
 * Property-based tests, quick and with a fixed seed (the long run is
 * `scripts/fuzz-long.ts`): random pages from a grammar of the elements the
 * converter handles, and byte-level mutations of the fixtures. For every
 * input: `convert()` resolves or rejects with one of its own fatal
 * messages; it terminates in bounded time; the frontmatter is YAML that
 * reads back (YAML 1.2 and 1.1) as `file.data.article`; the Markdown parses
 * (remark-parse + remark-gfm) without raw HTML or unsafe URLs; the same
 * input gives the same bytes. For grammar pages also: every article text is
 * in the output, related titles are kept, promo blocks are gone.
 */
import fc from 'fast-check'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {checkConversion, fixtureInputs, mutatedFixture, page} from './util/fuzz-html.js'

/** Fixed seed: the same cases on every run; change it to explore. */
const seed = 20_260_501
/** Upper bound for one conversion in these small cases (they take ~10 ms). */
const bound = 5000

test('fuzz: grammar pages keep their text, drop promos, give valid YAML and Markdown', async function () {
  let slowest = 0
  await fc.assert(
    fc.asyncProperty(page, async function (generated) {
      const outcome = await checkConversion(generated.html, {}, generated)
      slowest = Math.max(slowest, outcome.time)
      assert.ok(outcome.time < bound, 'took ' + Math.round(outcome.time) + ' ms')
    }),
    {seed, numRuns: 250, endOnFailure: true}
  )
  assert.ok(slowest < bound)
})

test('fuzz: grammar pages as bytes, with data images allowed', async function () {
  await fc.assert(
    fc.asyncProperty(page, async function (generated) {
      await checkConversion(new TextEncoder().encode(generated.html), {allowDataImages: true, url: 'https://www.bannedbook.org/bnews/zh/20200406/1.html'}, generated)
    }),
    {seed: seed + 1, numRuns: 60, endOnFailure: true}
  )
})

test('fuzz: mutated fixtures convert or fail with a documented message', async function () {
  const fixtures = fixtureInputs()
  const outcomes = {converted: 0, rejected: 0}
  await fc.assert(
    fc.asyncProperty(mutatedFixture(fixtures), async function (mutated) {
      const outcome = await checkConversion(mutated.bytes, {path: mutated.name})
      outcomes[outcome.status]++
      assert.ok(outcome.time < bound, mutated.name + ' took ' + Math.round(outcome.time) + ' ms')
    }),
    {seed: seed + 2, numRuns: 200, endOnFailure: true}
  )
  assert.ok(outcomes.converted > outcomes.rejected, 'most mutated pages still convert (' + JSON.stringify(outcomes) + ')')
})

test.run()
