/**
 * Unit tests for the CLI's option parsing (`lib/cli/arguments.ts`) and
 * `--url-from` maps (`lib/cli/url-map.ts`): every invalid value is refused
 * with a usage error naming the option and what it accepts, and valid
 * values reach the settings in the units the code uses (bytes, ms, MB).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {UsageError, parseArguments, parseSize} from '../lib/cli/arguments.js'
import {loadUrlMap, normalizeKey} from '../lib/cli/url-map.js'
import {folder} from './util/cli-harness.js'

/** The usage error `argv` is refused with (fails when it is accepted). */
async function refusal(argv: Array<string>, cwd = process.cwd()): Promise<UsageError> {
  try {
    await parseArguments(argv, cwd)
  } catch (error) {
    assert.instance(error, UsageError, argv.join(' '))
    return error as UsageError
  }
  throw new Error('accepted: ' + argv.join(' '))
}

test('arguments: invalid values are refused, naming the option and what it accepts', async function () {
  const cases: Array<[Array<string>, RegExp]> = [
    [['--layout', 'wordpress'], /^Invalid `--layout` `wordpress`: expected one of plain, /],
    [['--related', 'top'], /^Invalid `--related` `top`: expected `end` or `inline`$/],
    [['--jobs', '1.5'], /^Invalid `--jobs` `1\.5`: expected a positive integer$/],
    [['--base-url', 'example.com/news'], /^Invalid `--base-url` `example\.com\/news`: expected an absolute URL$/],
    [['--verbose', '--quiet'], /^Use `--verbose` or `--quiet`, not both$/],
    [['--max-elements', '0'], /^Invalid `--max-elements` `0`: expected a positive integer$/],
    [['--max-elements', '1e400'], /^Invalid `--max-elements` `1e400`/],
    [['--images', 'inline'], /^Invalid `--images` `inline`: expected one of /],
    [['a.html', '-o', 'out', '--images', 'download', '--image-timeout', '0'], /^Invalid `--image-timeout` `0`: expected seconds/],
    [['a.html', '-o', 'out', '--images', 'download', '--image-timeout', 'soon'], /^Invalid `--image-timeout` `soon`/],
    [['a.html', '-o', 'out', '--images', 'download', '--image-connections', '0'], /^Invalid `--image-connections` `0`: expected a positive integer$/],
    [['a.html', '-o', 'out', '--images', 'download', '--image-max-size', 'big'], /^Invalid `--image-max-size` `big`: expected a size/],
    [['a.html', '-o', 'out', '--image-timeout', '5'], /need `--images copy` or `--images download`$/],
    [['a.html', '-o', 'out', '--image-root', 'pics'], /need `--images copy` or `--images download`$/],
    [['--max-nodes=-3'], /^Invalid `--max-nodes` `-3`: expected a positive integer$/],
    [['--page-timeout=-1'], /^Invalid `--page-timeout` `-1`: expected seconds \(0 for no limit\)$/],
    [['--page-timeout', '9999999'], /^Invalid `--page-timeout` `9999999`/],
    [['a.html', '-o', 'out', '--shard', 'half'], /^Invalid `--shard` `half`: expected `K\/N` with 1 ≤ K ≤ N, such as `1\/4`$/],
    [['--worker-memory', '16M'], /^Invalid `--worker-memory` `16M`: expected at least 32M$/],
    [['--redirects-format', 'iis'], /^Invalid `--redirects-format` `iis`: expected one of /],
    [['--redirects-format', 'nginx'], /^`--redirects-format` needs `--redirects <file>`$/],
    [['--images', 'copy'], /^`--images copy` needs inputs and `--out`/],
    [['--no-such-option'], /no-such-option/]
  ]
  for (const [argv, reason] of cases) assert.match((await refusal(argv)).message, reason, argv.join(' '))
})

test('arguments: valid values reach the settings in bytes, milliseconds and megabytes', async function () {
  const settings = await parseArguments(
    [
      'in',
      '-o',
      'out',
      '--images',
      'download',
      '--image-timeout',
      '2.5',
      '--image-connections',
      '3',
      '--image-max-size',
      '2M',
      '--worker-memory',
      '64M',
      '--max-nodes',
      '1000',
      '--page-timeout',
      '0',
      '--base-url',
      'https://example.com/news',
      '--related',
      'inline'
    ],
    '/tmp/work'
  )
  assert.equal(settings.imageFetch, {maxSize: 2 * 1024 * 1024, timeout: 2500, perHost: 3})
  assert.is(settings.workerMemory, 64)
  assert.is(settings.maxNodes, 1000)
  assert.is(settings.pageTimeout, 0)
  assert.is(settings.baseUrl, 'https://example.com/news/')
  assert.is(settings.related, 'inline')
  assert.is(settings.images, 'download')
  const copy = await parseArguments(['in', '-o', 'out', '--images', 'copy', '--image-root', 'pics', '--image-root', '/srv/pics'], '/tmp/work')
  assert.equal(copy.imageRoots, [path.resolve('/tmp/work/pics'), '/srv/pics'])
  assert.equal(copy.imageFetch, {})
  // Help and version skip the checks that need inputs.
  assert.is((await parseArguments(['--help', '--out', 'x'], '/tmp')).help, true)
})

test('parseSize: bytes or K/M/G (1024-based, `KB`/`KiB` too); anything else is refused', function () {
  const sizes: Array<[string, number]> = [
    ['1048576', 1_048_576],
    ['800K', 800 * 1024],
    ['50M', 50 * 1024 ** 2],
    ['1.5G', 1.5 * 1024 ** 3],
    ['2KiB', 2048],
    ['10kb', 10_240],
    [' 7 MB ', 7 * 1024 ** 2],
    ['12b', 12]
  ]
  for (const [value, bytes] of sizes) assert.is(parseSize(value), bytes, value)
  for (const value of ['0', '0.1', '5T', '-1', 'M', '1,5M', '']) {
    assert.throws(
      () => parseSize(value, '--image-max-size'),
      (error: Error) => error instanceof UsageError && error.message.startsWith('Invalid `--image-max-size` `' + value + '`'),
      value
    )
  }
})

test('url map: JSON objects and CSV rows (quoted fields, header row, `\\` paths); bad files name the problem', async function () {
  const dir = await folder({
    'map.json': JSON.stringify({'./news\\a.html': 'https://example.com/a', 'b.html': ' https://example.com/b?x=1 '}),
    'map.csv': 'path,url\n"c, d.html","https://example.com/c?q=""1"""\r\n\n./e.html,https://example.com/e\n',
    'bad.json': '{"a.html": ',
    'list.json': '["https://example.com/a"]',
    'number.json': '{"a.html": 1}',
    'relative.json': '{"a.html": "/news/a"}',
    'short.csv': 'a.html,https://example.com/a\nb.html\n',
    'object.txt': ' {"a.html": "https://example.com/a"}'
  })
  const file = (name: string) => path.join(dir, name)
  assert.equal(
    [...(await loadUrlMap(file('map.json')))],
    [
      ['news/a.html', 'https://example.com/a'],
      ['b.html', 'https://example.com/b?x=1']
    ]
  )
  assert.equal(
    [...(await loadUrlMap(file('map.csv')))],
    [
      ['c, d.html', 'https://example.com/c?q=%221%22'],
      ['e.html', 'https://example.com/e']
    ]
  )
  // Not named `.json`, but an object all the same.
  assert.equal([...(await loadUrlMap(file('object.txt')))], [['a.html', 'https://example.com/a']])
  const problems: Array<[string, RegExp]> = [
    ['bad.json', /^Invalid `--url-from` `.*bad\.json`: .*JSON/],
    ['list.json', /expected an object of path → URL$/],
    ['number.json', /the URL of `a\.html` is not a string$/],
    ['relative.json', /`\/news\/a` is not an absolute URL$/],
    ['short.csv', /line 2 is not `path,url`$/]
  ]
  for (const [name, reason] of problems) {
    const error = await loadUrlMap(file(name)).then(
      () => undefined,
      (error: Error) => error
    )
    assert.ok(error, name + ' accepted')
    assert.match(error.message, reason, name)
  }
  const invalid = await loadUrlMap(file('bad.json')).then(
    () => undefined,
    (error: Error) => error
  )
  assert.instance(invalid?.cause, SyntaxError, 'the JSON error is the cause')
  // Through the CLI's option: the same reason, as a usage error.
  assert.match((await refusal(['in', '-o', 'out', '--url-from', 'list.json'], dir)).message, /expected an object of path → URL$/)
  assert.equal(normalizeKey(' ././a\\b\\c.html '), 'a/b/c.html')
  await fs.rm(dir, {recursive: true, force: true})
})

test.run()
