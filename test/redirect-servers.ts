// End to end: old links keep working after a migration. The pages of
// `test/redirects/pages/` (old URLs percent-encoded, CJK, with a query
// string, a trailing slash, `index.html`, legacy GBK escapes, hostile
// characters, and a duplicate) are converted with `--layout hugo
// --redirects`, built with Hugo (Debian), and served from `public/` by real
// web servers from Debian, each started here on 127.0.0.1 with the
// generated map and stopped after: nginx, Apache (server configuration and
// `.htaccess`) and Caddy. Every old URL must answer `301` with the new
// page's address, and that address `200` with the page. Netlify's own
// redirect engine (npm) reads the `_redirects` file the same way.
//
// A missing server fails the test: `scripts/install-servers.sh` (run by
// `npm test`, as root) installs them.
import {spawn, spawnSync} from 'node:child_process'
import type {ChildProcess} from 'node:child_process'
import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import redirector from 'netlify-redirector'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import YAML from 'yaml'
import {run} from '../lib/cli.js'
import {parseOldUrl, upperEscapes} from '../lib/output/old-url.js'
import type {RedirectFormat} from '../lib/output/redirects.js'
import type {ReportEntry} from '../lib/cli/report.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pagesDir = path.join(root, 'test', 'redirects', 'pages')
const formats: Array<RedirectFormat> = ['nginx', 'apache', 'netlify', 'cloudflare', 'caddy']
const timeout = 120_000

// Converting and building.

interface Page {
  input: string
  /** Content file, relative to `content/` (posix). */
  output: string
  title: string
  /** Original URL as written in the frontmatter. */
  original: string
  /** What a browser sends for the old URL: path and query. */
  request: string
  /** The built page's address (percent-encoded path). */
  address: string
  /** Warnings of each format's run, by ruleId. */
  rules: Record<string, Array<string>>
}

interface Site {
  tmp: string
  public: string
  maps: Record<RedirectFormat, string>
  pages: Array<Page>
}

let site: Promise<Site> | undefined
const children = new Set<ChildProcess>()
const folders: Array<string> = []

function quiet(): Writable {
  return new Writable({write: (_chunk, _encoding, callback) => callback()})
}

async function convert(tmp: string, format: RedirectFormat): Promise<Array<ReportEntry>> {
  const stderr: Array<Buffer> = []
  const report = path.join(tmp, 'report-' + format + '.json')
  const argv = [
    pagesDir,
    '--out',
    path.join(tmp, 'content'),
    '--layout',
    'hugo',
    '--redirects',
    path.join(tmp, 'maps', format),
    '--redirects-format',
    format,
    '--report',
    report,
    '--jobs',
    '1',
    '--quiet'
  ]
  const code = await run(argv, {
    stdin: Readable.from([]),
    stdout: quiet(),
    stderr: new Writable({write: (chunk, _encoding, callback) => callback(void stderr.push(Buffer.from(chunk)))}),
    cwd: root,
    isTTY: false
  })
  assert.is(code, 0, 'news-markdown --redirects-format ' + format + ': ' + Buffer.concat(stderr).toString('utf8'))
  return (JSON.parse(await fs.readFile(report, 'utf8')) as {files: Array<ReportEntry>}).files
}

function spawnChecked(name: string, command: string, args: Array<string>, options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): string {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout, ...options})
  if (result.error) assert.unreachable(name + ' failed to run: ' + String(result.error))
  assert.is(result.status, 0, name + ' exited with ' + String(result.status ?? result.signal) + ':\n' + result.stdout + result.stderr)
  return result.stdout + result.stderr
}

/** A server's binary: on `PATH` or in the sbin folders (not on a non-root `PATH`). */
function binary(name: string): string {
  for (const folder of [...(process.env.PATH || '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/sbin']) {
    const file = path.join(folder, name)
    if (folder && existsSync(file)) return file
  }
  throw new Error(name + ' is not installed: run `scripts/install-servers.sh` (as root) first')
}

function build(): Promise<Site> {
  site ||= (async function () {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-redirects-'))
    folders.push(tmp)
    await fs.mkdir(path.join(tmp, 'maps'))
    const reports: Partial<Record<RedirectFormat, Array<ReportEntry>>> = {}
    // The first run converts; the others find every page unchanged and
    // write their map from the manifest.
    for (const format of formats) reports[format] = await convert(tmp, format)
    assert.ok(
      reports.caddy?.every((entry) => entry.status === 'unchanged'),
      'reruns find every page unchanged'
    )
    await fs.cp(path.join(root, 'test', 'generators', 'hugo'), path.join(tmp, 'site'), {recursive: true})
    const output = path.join(tmp, 'public')
    spawnChecked('Hugo', 'hugo', ['--source', path.join(tmp, 'site'), '--contentDir', path.join(tmp, 'content'), '--destination', output, '--quiet'])
    await readable(tmp)
    // Built pages by the content file they were built from.
    const addresses = new Map<string, string>()
    for (const entry of await fs.readdir(output, {withFileTypes: true, recursive: true})) {
      if (!entry.isFile() || entry.name !== 'index.html') continue
      const file = path.join(entry.parentPath, entry.name)
      const source = /<meta name="source" content="([^"]+)">/.exec(await fs.readFile(file, 'utf8'))
      if (!source) continue
      const folder = path.relative(output, entry.parentPath).split(path.sep)
      addresses.set(source[1], '/' + folder.map(encodeURIComponent).join('/') + '/')
    }
    const pages: Array<Page> = []
    for (const entry of reports.nginx || []) {
      assert.ok(entry.output, entry.input + ': converted')
      const text = await fs.readFile(path.join(tmp, 'content', entry.output), 'utf8')
      const data = YAML.parse(text.split('---\n')[1]) as {title: string; original_url: string}
      const old = parseOldUrl(data.original_url)
      assert.ok(old, entry.input + ': an original URL')
      const address = addresses.get(entry.output)
      assert.ok(address, entry.input + ': built (' + entry.output + ')')
      const rules: Record<string, Array<string>> = {}
      for (const format of formats) {
        const warnings = reports[format]?.find((other) => other.input === entry.input)?.warnings || []
        rules[format] = warnings.map((warning) => String(warning.ruleId)).filter((id) => /url|redirect/.test(id))
      }
      pages.push({input: entry.input, output: entry.output, title: data.title, original: data.original_url, request: old.path + (old.query ? '?' + old.query : ''), address, rules})
    }
    const maps = {} as Record<RedirectFormat, string>
    for (const format of formats) maps[format] = path.join(tmp, 'maps', format)
    return {tmp, public: output, maps, pages}
  })()
  return site
}

/** Make a tree readable by everyone (servers started as root read as `nobody`, whatever the umask). */
async function readable(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755)
  for (const entry of await fs.readdir(dir, {withFileTypes: true, recursive: true})) {
    const file = path.join(entry.parentPath, entry.name)
    if (entry.isDirectory()) await fs.chmod(file, 0o755)
    else if (entry.isFile()) await fs.chmod(file, 0o644)
  }
}

/**
 * The page each old URL redirects to: the first page by input path that
 * claims it (`OldUrl.key`); the others are duplicates.
 */
function holders(pages: ReadonlyArray<Page>): Map<string, Page> {
  const result = new Map<string, Page>()
  for (const page of [...pages].sort((a, b) => (a.input < b.input ? -1 : 1))) {
    const key = parseOldUrl(page.original)?.key as string
    if (!result.has(key)) result.set(key, page)
  }
  return result
}

// Servers.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

interface Running {
  origin: string
  stop(): Promise<void>
}

/** Start a server in the foreground and wait until it accepts connections on `port`. */
async function start(name: string, command: string, args: Array<string>, port: number, options: {env?: NodeJS.ProcessEnv; stopSignal?: NodeJS.Signals; log?: string} = {}): Promise<Running> {
  const output: Array<Buffer> = []
  const child = spawn(command, args, {env: options.env || process.env, stdio: ['ignore', 'pipe', 'pipe']})
  children.add(child)
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk))
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // A hang watchdog, not a speed check: far beyond any start on a busy machine.
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = options.log && existsSync(options.log) ? await fs.readFile(options.log, 'utf8') : ''
      assert.unreachable(name + ' exited at start (' + String(child.exitCode ?? child.signalCode) + '):\n' + Buffer.concat(output).toString('utf8') + log)
    }
    if (await accepts(port)) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      assert.unreachable(name + ' did not listen on 127.0.0.1:' + port + ' within 120 s (hung at start?):\n' + Buffer.concat(output).toString('utf8'))
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    origin: 'http://127.0.0.1:' + port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(options.stopSignal || 'SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      children.delete(child)
    }
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

// Requests.

interface Expectation {
  /** Whether the server keeps the visitor's query on a redirect of an old URL without one. */
  keepsQuery: boolean
  /** Inputs whose old URL the format cannot hold (reported as not redirected). */
  unmatched: Array<string>
}

/**
 * Request every old URL as a browser sends it (and with upper-case escapes,
 * and with `?utm_source=` added when it has no query): `301` to the page's
 * address; the address answers `200` with the page. Old URLs the run
 * reported as not redirected (`old-url-not-redirected`) must not redirect.
 */
async function checkServer(name: string, format: RedirectFormat, origin: string, expectation: Expectation): Promise<void> {
  const {pages} = await build()
  const byKey = holders(pages)
  const unmatched: Array<string> = []
  let redirected = 0
  for (const page of pages) {
    const holder = byKey.get(parseOldUrl(page.original)?.key as string) as Page
    if (holder !== page) {
      assert.ok(page.rules[format].includes('duplicate-old-url'), name + ': ' + page.input + ' is reported as a duplicate of ' + holder.input)
      continue
    }
    if (page.rules[format].includes('old-url-not-redirected')) {
      unmatched.push(page.input)
      const response = await get(origin + page.request)
      assert.is.not(response.status, 301, name + ': ' + page.input + ' is reported as not redirected, but ' + page.request + ' redirects')
      continue
    }
    const old = parseOldUrl(page.original)
    assert.ok(old)
    const requests = new Map<string, string>([[page.request, '']])
    requests.set(upperEscapes(page.request), '')
    if (!old.query) requests.set(page.request + '?utm_source=news', expectation.keepsQuery ? '?utm_source=news' : '')
    for (const [request, query] of requests) {
      const response = await get(origin + request)
      assert.is(response.status, 301, name + ': ' + page.input + ': ' + request + ' answers ' + response.status + ', not 301')
      const location = new URL(response.headers.get('location') || '', origin + request)
      assert.is(decodeURIComponent(location.pathname), decodeURIComponent(page.address), name + ': ' + request + ' redirects to the page of ' + page.input)
      assert.is(location.search, query, name + ': ' + request + ': query of the redirect')
      const target = await get(location.href)
      assert.is(target.status, 200, name + ': ' + location.href + ' answers ' + target.status)
      assert.ok(target.body.includes('<meta name="source" content="' + page.output + '">'), name + ': ' + location.href + ' is the page of ' + page.input)
    }
    redirected++
  }
  assert.equal(unmatched, expectation.unmatched, name + ': old URLs not redirected')
  assert.is(redirected, byKey.size - unmatched.length, name + ': every other old URL redirects')
  for (const page of pages) {
    const response = await get(origin + page.address)
    assert.is(response.status, 200, name + ': the page of ' + page.input + ' at ' + page.address)
  }
  assert.is((await get(origin + '/no/such/page.html')).status, 404, name + ': other URLs are not redirected')
}

async function get(url: string): Promise<{status: number; headers: Headers; body: string}> {
  const response = await fetch(url, {redirect: 'manual', signal: AbortSignal.timeout(10_000)})
  return {status: response.status, headers: response.headers, body: await response.text()}
}

// Tests.

test('the fixture pages are converted, built, and their old URLs reported as expected', async function () {
  const {pages, maps} = await build()
  const byInput = new Map(pages.map((page) => [page.input, page]))
  assert.equal(byInput.get('percent-encoded.html')?.rules.nginx, ['duplicate-old-url'], 'the duplicate: the first by input path keeps the old URL')
  assert.equal(byInput.get('duplicate-of-percent-encoded.html')?.rules.nginx, [])
  for (const input of ['query-string.html', 'query-string-trial.html', 'legacy-gbk.html', 'hostile-path.html', 'hostile-query.html']) {
    assert.equal(byInput.get(input)?.rules.nginx, ['redirect-map-only'], input + ': no alias, only in the map')
  }
  assert.equal(byInput.get('legacy-gbk.html')?.rules.caddy, ['old-url-not-redirected'], 'Caddy cannot match a non-UTF-8 path')
  for (const input of ['query-string.html', 'query-string-trial.html', 'hostile-query.html'])
    assert.equal(byInput.get(input)?.rules.cloudflare, ['old-url-not-redirected'], input + ': no query strings in Cloudflare Pages')
  assert.equal(byInput.get('hostile-query.html')?.rules.netlify, ['old-url-not-redirected'], 'a query value with a space cannot be a Netlify token')
  for (const format of formats) assert.ok((await fs.readFile(maps[format], 'utf8')).length > 0)
})

/** Start nginx on `public/`, with the generated map (`map`) or without. */
async function startNginx(name: string, map: string | undefined): Promise<Running> {
  const {tmp, public: publicDir} = await build()
  const nginx = binary('nginx')
  const prefix = path.join(tmp, name)
  await fs.mkdir(prefix)
  const port = await freePort()
  const conf = path.join(prefix, 'nginx.conf')
  const log = path.join(prefix, 'error.log')
  await fs.writeFile(
    conf,
    [
      'daemon off;',
      'worker_processes 1;',
      'pid ' + path.join(prefix, 'nginx.pid') + ';',
      'error_log ' + log + ' warn;',
      'events { worker_connections 64; }',
      'http {',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((part) => '    ' + part + '_temp_path ' + path.join(prefix, part) + ';'),
      '    types { text/html html; }',
      ...(map ? ['    include ' + map + ';'] : []),
      '    server {',
      '        listen 127.0.0.1:' + port + ';',
      '        root ' + publicDir + ';',
      ...(map ? ['        if ($news_markdown_redirect) { return 301 $news_markdown_redirect; }'] : []),
      '    }',
      '}',
      ''
    ].join('\n')
  )
  const check = spawnChecked('nginx -t', nginx, ['-t', '-p', prefix, '-c', conf, '-e', log])
  assert.not.match(check, /\[warn\]/, 'no warnings (hash sizes fit)')
  return start('nginx', nginx, ['-p', prefix, '-c', conf, '-e', log], port, {stopSignal: 'SIGQUIT', log})
}

test('nginx serves every old URL as a 301 to its page', async function () {
  const {maps} = await build()
  const server = await startNginx('nginx', maps.nginx)
  try {
    await checkServer('nginx', 'nginx', server.origin, {keepsQuery: true, unmatched: []})
  } finally {
    await server.stop()
  }
})

test('without a map, a static server finds the alias page of every old URL that has one (decoded, not `%E6…` folders)', async function () {
  const {pages} = await build()
  const server = await startNginx('nginx-static', undefined)
  const byKey = holders(pages)
  let aliased = 0
  try {
    for (const page of pages) {
      if (byKey.get(parseOldUrl(page.original)?.key as string) !== page || page.rules.nginx.includes('redirect-map-only')) continue
      // `fetch` follows nginx's `301` from a folder to the folder with `/`.
      const response = await fetch(server.origin + page.request, {signal: AbortSignal.timeout(10_000)})
      assert.is(response.status, 200, page.input + ': ' + page.request + ' finds its alias page')
      const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(await response.text())
      assert.ok(refresh, page.input + ': a redirect page')
      assert.is(decodeURIComponent(new URL(refresh[1]).pathname), decodeURIComponent(page.address), page.input + ': the alias page points to the page')
      aliased++
    }
  } finally {
    await server.stop()
  }
  assert.is(aliased, 5, 'percent-encoded (its duplicate), CJK, trailing slash, index.html, plain')
})

test('Apache serves every old URL as a 301 to its page (server configuration and .htaccess)', async function () {
  const {tmp, public: publicDir, maps} = await build()
  const apache = binary('apache2')
  const serverRoot = path.join(tmp, 'apache')
  await fs.mkdir(serverRoot)
  // The `.htaccess` site: a copy of the build with the map as its `.htaccess`.
  const htaccessRoot = path.join(tmp, 'public-htaccess')
  await fs.cp(publicDir, htaccessRoot, {recursive: true})
  await fs.copyFile(maps.apache, path.join(htaccessRoot, '.htaccess'))
  const [port, htaccessPort] = [await freePort(), await freePort()]
  const modules = '/usr/lib/apache2/modules'
  const conf = path.join(serverRoot, 'httpd.conf')
  const log = path.join(serverRoot, 'error.log')
  await fs.writeFile(
    conf,
    [
      'ServerRoot ' + serverRoot,
      'DefaultRuntimeDir ' + serverRoot,
      'PidFile ' + path.join(serverRoot, 'httpd.pid'),
      'Mutex file:' + serverRoot + ' default',
      'ErrorLog ' + log,
      'LogLevel warn',
      ...['mpm_event', 'authz_core', 'dir', 'mime', 'rewrite'].map((name) => 'LoadModule ' + name + '_module ' + modules + '/mod_' + name + '.so'),
      // Started as root, Apache serves as an unprivileged user; otherwise as the user running the test.
      ...(process.getuid?.() === 0 ? ['User nobody', 'Group nogroup'] : []),
      'ServerName 127.0.0.1',
      'TypesConfig /etc/mime.types',
      'DirectoryIndex index.html',
      'Listen 127.0.0.1:' + port,
      'Listen 127.0.0.1:' + htaccessPort,
      '<VirtualHost 127.0.0.1:' + port + '>',
      '    DocumentRoot ' + publicDir,
      '    <Directory ' + publicDir + '>',
      '        Require all granted',
      '        AllowOverride None',
      '    </Directory>',
      '    Include ' + maps.apache,
      '</VirtualHost>',
      '<VirtualHost 127.0.0.1:' + htaccessPort + '>',
      '    DocumentRoot ' + htaccessRoot,
      '    <Directory ' + htaccessRoot + '>',
      '        Require all granted',
      '        AllowOverride FileInfo',
      '    </Directory>',
      '</VirtualHost>',
      ''
    ].join('\n')
  )
  spawnChecked('apache2 -t', apache, ['-t', '-f', conf])
  const server = await start('Apache', apache, ['-f', conf, '-DFOREGROUND'], port, {log})
  try {
    assert.ok(await waitFor(htaccessPort), 'Apache listens on the .htaccess port')
    await checkServer('Apache', 'apache', server.origin, {keepsQuery: true, unmatched: []})
    await checkServer('Apache (.htaccess)', 'apache', 'http://127.0.0.1:' + htaccessPort, {keepsQuery: true, unmatched: []})
  } finally {
    await server.stop()
  }
})

test('Caddy serves every old URL it can match as a 301 to its page', async function () {
  const {tmp, public: publicDir, maps} = await build()
  const caddy = binary('caddy')
  const home = path.join(tmp, 'caddy')
  await fs.mkdir(home)
  const port = await freePort()
  const caddyfile = path.join(home, 'Caddyfile')
  await fs.writeFile(
    caddyfile,
    [
      '{',
      '\tadmin off',
      '\tauto_https off',
      '\tstorage file_system ' + path.join(home, 'data'),
      '}',
      'http://127.0.0.1:' + port + ' {',
      '\troot * ' + publicDir,
      '\timport ' + maps.caddy,
      '\tfile_server',
      '}',
      ''
    ].join('\n')
  )
  const env = {...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data')}
  spawnChecked('caddy validate', caddy, ['validate', '--config', caddyfile, '--adapter', 'caddyfile'], {env})
  const server = await start('Caddy', caddy, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], port, {env})
  try {
    await checkServer('Caddy', 'caddy', server.origin, {keepsQuery: false, unmatched: ['legacy-gbk.html']})
  } finally {
    await server.stop()
  }
})

test('Netlify’s redirect engine sends every old URL in `_redirects` to a built page', async function () {
  const {pages, maps, public: publicDir} = await build()
  const engine = await redirector.parsePlain(await fs.readFile(maps.netlify, 'utf8'), {})
  const byKey = holders(pages)
  let checked = 0
  for (const page of pages) {
    if (byKey.get(parseOldUrl(page.original)?.key as string) !== page || page.rules.netlify.includes('old-url-not-redirected')) continue
    const old = parseOldUrl(page.original)
    assert.ok(old)
    for (const path of new Set([old.path, upperEscapes(old.path), old.path.replace(/%[\dA-F]{2}/g, (escape) => escape.toLowerCase())])) {
      const match = engine.match({scheme: 'https', host: 'new.example', path, query: old.query, getHeader: () => '', getCookie: () => ''})
      assert.ok(match, 'Netlify: ' + page.input + ': ' + path + ' matches a rule')
      assert.equal([match.status, match.force, decodeURIComponent(match.to)], [301, true, decodeURIComponent(page.address)], 'Netlify: ' + page.input)
      assert.ok(existsSync(decodeURIComponent(publicDir + match.to + 'index.html')), 'Netlify: ' + match.to + ' is built')
    }
    checked++
  }
  assert.is(checked, 9, 'every old URL but the hostile query (a value with a space), with escapes as written, in upper and in lower case')
})

async function waitFor(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await accepts(port)) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

// `NEWS_MARKDOWN_KEEP_SITES=1` keeps the built site and the maps to look at.
test.after(async function () {
  for (const child of children) child.kill('SIGKILL')
  if (process.env.NEWS_MARKDOWN_KEEP_SITES) console.error('  redirect site kept: ' + folders.join(' '))
  else await Promise.all(folders.map((folder) => fs.rm(folder, {recursive: true, force: true})))
})

test.run()
