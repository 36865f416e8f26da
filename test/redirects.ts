// Old URLs: aliases (`lib/output/alias-path.ts`), redirect maps
// (`lib/output/redirects.ts` and its formats), new addresses
// (`lib/output/permalink.ts`), and the CLI's `--redirects`. The real
// servers are in `test/redirect-servers.ts`; Netlify's own parser and
// engine (npm) check the `_redirects` files here.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseAllRedirects} from '@netlify/redirect-parser'
import fc from 'fast-check'
import redirector from 'netlify-redirector'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import YAML from 'yaml'
import {aliasFile, aliasPath} from '../lib/output/alias-path.js'
import {encodeTarget, parseOldUrl} from '../lib/output/old-url.js'
import {checkPermalink, defaultPermalinks, expandPermalink} from '../lib/output/permalink.js'
import {bucketSize} from '../lib/output/redirect-nginx.js'
import {formatFromFileName, redirectFormats, renderRedirects} from '../lib/output/redirects.js'
import type {Redirect, RedirectFormat} from '../lib/output/redirects.js'
import {cli, folder, page} from './util/cli-harness.js'

// Old URLs and targets.

test('old URL: the encoded and the raw CJK path are one old URL; the query is kept raw', function () {
  const encoded = parseOldUrl('https://old.example/blog/post/39926056-%e6%96%b0%e9%97%bb')
  const raw = parseOldUrl('https://other.example/blog/post/39926056-新闻#comments')
  assert.ok(encoded && raw)
  assert.is(encoded.path, '/blog/post/39926056-%e6%96%b0%e9%97%bb', 'escapes kept as written')
  assert.is(raw.path, '/blog/post/39926056-%E6%96%B0%E9%97%BB', 'as a browser sends it')
  assert.is(encoded.key, raw.key)
  assert.is(encoded.decodedPath, '/blog/post/39926056-新闻')
  const query = parseOldUrl('/service/news_view.htm?lang=e&Seq_Code=181595')
  assert.is(query?.query, 'lang=e&Seq_Code=181595')
  assert.is(query?.key, '/service/news_view.htm?lang=e&Seq_Code=181595')
  const legacy = parseOldUrl('https://old.example/gb/%d0%c2%CE%C5.html')
  assert.is(legacy?.decodedPath, undefined, 'GBK escapes are not UTF-8')
  assert.is(legacy?.key, '/gb/%D0%C2%CE%C5.html')
  assert.equal([...(legacy?.pathBytes || [])].slice(4, 8), [0xd0, 0xc2, 0xce, 0xc5])
  assert.is(parseOldUrl('ftp://old.example/a'), undefined)
  assert.is(parseOldUrl('not a url'), undefined)
})

test('target: everything but unreserved characters and `/` percent-encoded, once', function () {
  assert.is(encodeTarget('/posts/新闻/'), '/posts/%E6%96%B0%E9%97%BB/')
  assert.is(encodeTarget('/posts/%e6%96%b0/'), '/posts/%E6%96%B0/', 'existing escapes kept, upper case')
  assert.is(encodeTarget('/a b/"q";$x{y}`|^\'()!*@:=+,&/'), '/a%20b/%22q%22%3B%24x%7By%7D%60%7C%5E%27%28%29%21%2A%40%3A%3D%2B%2C%26/')
  assert.is(encodeTarget('/a%2Fb/'), '/a%2Fb/', 'an encoded slash stays encoded')
  assert.is(encodeTarget('https://new.example/posts/新/'), 'https://new.example/posts/%E6%96%B0/')
  assert.throws(() => encodeTarget('/posts/x/?utm=1'), /no query/)
  assert.throws(() => encodeTarget('javascript:alert(1)'), /http\(s\)/)
  assert.throws(() => encodeTarget('posts/x'), /path starting with/)
})

// Aliases.

test('alias: a percent-encoded old URL is written decoded (UTF-8), as Hugo and Jekyll expect', function () {
  assert.equal(aliasPath('https://old.example/blog/post/39926056-%e6%96%b0%e9%97%bb', 'hugo'), {path: '/blog/post/39926056-新闻'})
  assert.equal(aliasPath('https://old.example/新闻/文章.html', 'jekyll'), {path: '/新闻/文章.html'})
  assert.equal(aliasPath('https://old.example/news/2020/story/', 'hugo'), {path: '/news/2020/story/'})
  assert.equal(aliasPath('https://old.example/a%20b/c.html', 'hugo'), {path: '/a b/c.html'})
})

test('alias: old URLs no static file can hold are refused, with the reason', function () {
  const reasons: Array<[string, RegExp]> = [
    ['https://old.example/service/news_view.htm?lang=e&Seq_Code=181595', /query string/],
    ['https://old.example/show/NCT03746262?term=x', /query string/],
    ['https://old.example/', /site root/],
    ['https://old.example/gb/%D0%C2%CE%C5.html', /not UTF-8/],
    ['https://old.example/a//b', /empty, `\.` or `\.\.` segment/],
    ['https://old.example/wiki/Talk:Page', /character a file name cannot hold \(`:`\)/],
    ['https://old.example/a%22b', /`"`/],
    ['https://old.example/100%25', /`%`/],
    ['https://old.example/a%23b', /`#`/],
    ['https://old.example/a%3Fb', /`\?`/],
    ['https://old.example/line%0Abreak', /U\+000A/],
    ['https://old.example/bidi%E2%80%AEtxt', /U\+202E/],
    ['https://old.example/dots./x', /ends in a space or a dot/],
    ['https://old.example/a/CON/b', /Windows device name/],
    ['https://old.example/nul.txt', /Windows device name/],
    ['mailto:someone@example.org', /not an http/]
  ]
  for (const [url, reason] of reasons) {
    const result = aliasPath(url, 'hugo')
    assert.is(result.path, undefined, url)
    assert.match(String(result.reason), reason, url)
  }
})

test('alias: segment bound (configurable) applies to the file the generator writes', function () {
  const long = 'https://old.example/' + '文'.repeat(84) + '.php'
  // 84 × 3 + 4 = 256 bytes: over 255 in Hugo (a folder), and Jekyll adds `.html`.
  assert.match(String(aliasPath(long, 'hugo').reason), /256 bytes long, more than 255/)
  const fits = 'https://old.example/' + '文'.repeat(83) + '.php'
  assert.ok(aliasPath(fits, 'hugo').path, '253 bytes fit in Hugo')
  assert.match(String(aliasPath(fits, 'jekyll').reason), /258 bytes long, more than 255/, 'Jekyll writes `….php.html`')
  assert.match(String(aliasPath('https://old.example/abcdefghij/x', 'hugo', {maxSegmentBytes: 8}).reason), /10 bytes long, more than 8/)
  assert.ok(aliasPath('https://old.example/abcdefghij/x', 'hugo', {maxSegmentBytes: 10}).path)
})

test('alias file: where Hugo and Jekyll write the redirect page', function () {
  assert.is(aliasFile('/a/b/', 'hugo'), 'a/b/index.html')
  assert.is(aliasFile('/a/b', 'hugo'), 'a/b/index.html')
  assert.is(aliasFile('/a/b.html', 'hugo'), 'a/b.html')
  assert.is(aliasFile('/a/b.shtml', 'hugo'), 'a/b.shtml/index.html')
  assert.is(aliasFile('/a/b/', 'jekyll'), 'a/b/index.html')
  assert.is(aliasFile('/a/b', 'jekyll'), 'a/b.html')
  assert.is(aliasFile('/a/b.html', 'jekyll'), 'a/b.html')
  assert.is(aliasFile('/a/b.php', 'jekyll'), 'a/b.php.html')
  // The site's root: Hugo's alias is the root's own index page.
  assert.is(aliasFile('/', 'hugo'), 'index.html')
  assert.is(aliasFile('/', 'jekyll'), 'index.html')
  // A query string cannot be a file; a long one is quoted clipped to 60 characters.
  assert.equal(aliasPath('https://old.example/story.php?' + 'id=1&'.repeat(30), 'hugo'), {reason: 'it has a query string (`?' + 'id=1&'.repeat(12) + '…`), which a file name cannot hold'})
})

// New addresses.

test('permalink: layout defaults and placeholders', function () {
  assert.equal(expandPermalink(defaultPermalinks.hugo, {output: 'posts/1307292.md'}), {path: '/posts/1307292/'})
  assert.equal(expandPermalink(defaultPermalinks.eleventy, {output: 'posts/新闻.md'}), {path: '/posts/新闻/'})
  assert.equal(expandPermalink(defaultPermalinks.jekyll, {output: '_posts/2020-04-06-1307292.md', date: '2020-04-06T08:00:00+08:00'}), {path: '/2020/04/06/1307292.html'})
  assert.match(String(expandPermalink(defaultPermalinks.jekyll, {output: '_drafts/x.md'}).reason), /draft/)
  assert.match(String(expandPermalink('/:year/:slug/', {output: 'x.md'}).reason), /needs `:year`/)
  assert.equal(expandPermalink('/news/:slug/', {output: 'a/b/story.md'}), {path: '/news/story/'})
  assert.is(defaultPermalinks.astro, undefined)
  assert.is(defaultPermalinks.plain, undefined)
  assert.is(checkPermalink('/:path/'), '/:path/')
  assert.throws(() => checkPermalink('posts/:slug/'), /start with `\/`/)
  assert.is(checkPermalink('https://new.example/:path/'), 'https://new.example/:path/')
  assert.equal(expandPermalink('https://new.example/:path/', {output: 'posts/新.md'}), {path: 'https://new.example/posts/新/'})
  assert.throws(() => checkPermalink('https://new.example'), /must start/)
  assert.throws(() => checkPermalink('/p?id=:slug'), /no query/)
  assert.throws(() => checkPermalink('/:title/'), /unknown placeholder `:title`/)
})

// Redirect maps.

const sample: Array<Redirect> = [
  {from: 'https://old.example/blog/post/39926056-%e6%96%b0%e9%97%bb', to: '/posts/39926056-新闻/'},
  {from: 'https://old.example/service/news_view.htm?lang=e&Seq_Code=181595', to: '/posts/181595/'},
  {from: 'https://old.example/service/news_view.htm', to: '/posts/service-index/'},
  {from: 'https://old.example/news/2020/story/', to: '/posts/story/'},
  {from: 'https://old.example/section/feature/index.html', to: '/posts/feature/'},
  {from: 'https://old.example/Foo', to: '/posts/foo-upper/'},
  {from: 'https://old.example/foo', to: '/posts/foo-lower/'}
]

test('format from the file name', function () {
  const names: Array<[string, RedirectFormat | undefined]> = [
    ['public/_redirects', 'netlify'],
    ['netlify-redirects.txt', 'netlify'],
    ['cloudflare_redirects.txt', 'cloudflare'],
    ['_redirects.txt', undefined],
    ['.htaccess', 'apache'],
    ['site.htaccess', 'apache'],
    ['/etc/apache2/conf-available/redirects.conf', undefined],
    ['apache-redirects.conf', 'apache'],
    ['Caddyfile', 'caddy'],
    ['redirects.caddy', 'caddy'],
    ['redirects.nginx.conf', 'nginx'],
    ['redirects.conf', undefined]
  ]
  for (const [name, format] of names) assert.is(formatFromFileName(name), format, name)
})

test('map: deterministic; duplicates, self-redirects and bad targets rejected', function () {
  for (const format of redirectFormats) {
    const forward = renderRedirects(sample, format)
    const backward = renderRedirects([...sample].reverse(), format)
    assert.is(forward.text, backward.text, format + ': order of the input does not matter')
  }
  const map = renderRedirects(
    [
      {from: '/a/%E6%96%B0', to: '/posts/one/'},
      {from: 'https://elsewhere.example/a/新', to: '/posts/two/'},
      {from: '/posts/three/', to: '/posts/three/'},
      {from: '/', to: '/posts/root/'},
      {from: '/x', to: 'posts/relative'}
    ],
    'nginx'
  )
  assert.equal(map.written, [{from: '/a/%E6%96%B0', to: '/posts/one/'}])
  assert.equal(
    map.rejected.map((entry) => entry.reason),
    [
      'the old URL is already redirected to `/posts/one/`',
      'it redirects to itself',
      'the old URL is the site root',
      'Invalid redirect target `posts/relative`: expected a path starting with `/` or an http(s) URL'
    ]
  )
})

test('nginx: exact keys as browsers send them, case clashes as regexes, the query kept or dropped', function () {
  const {text, rejected} = renderRedirects(sample, 'nginx')
  assert.equal(rejected, [])
  assert.ok(text.includes('\t"/blog/post/39926056-%e6%96%b0%e9%97%bb" "/posts/39926056-%E6%96%B0%E9%97%BB/$is_args$args";\n'))
  assert.ok(text.includes('\t"/service/news_view.htm" "/posts/service-index/$is_args$args";\n'))
  assert.ok(text.includes('\t"/service/news_view.htm?lang=e&Seq_Code=181595" "/posts/181595/";\n'))
  assert.ok(text.includes('\t"~^/Foo$" "/posts/foo-upper/$is_args$args";\n\t"~^/foo$" "/posts/foo-lower/$is_args$args";\n'), 'case clash: regexes, after the exact keys')
  assert.match(text, /^map_hash_bucket_size 128;$/m)
  assert.is(bucketSize(10), 64)
  assert.is(bucketSize(300), 1024)
  const escaped = renderRedirects(
    [
      {from: '/A/%e6', to: '/x/'},
      {from: '/a/%E6', to: '/y/'}
    ],
    'nginx'
  ).text
  assert.ok(escaped.includes('"~^/A/%[eE]6$" "/x/$is_args$args";'), 'escapes match in either case')
})

test('apache: decoded paths as byte escapes, exact query conditions with QSD, escaped targets', function () {
  const {text, rejected} = renderRedirects([...sample, {from: '/gb/%D0%C2.html', to: '/posts/gb/'}, {from: '/a%2Fb', to: '/posts/slash/'}], 'apache')
  assert.ok(text.includes('RewriteRule ^/?blog/post/39926056-\\xE6\\x96\\xB0\\xE9\\x97\\xBB$ /posts/39926056-\\%E6\\%96\\%B0\\%E9\\%97\\%BB/ [R=301,L,NE]\n'))
  assert.ok(
    text.includes(
      'RewriteCond %{QUERY_STRING} ^lang\\x3De\\x26Seq_Code\\x3D181595$\nRewriteRule ^/?service/news_view\\x2Ehtm$ /posts/181595/ [R=301,L,NE,QSD]\nRewriteRule ^/?service/news_view\\x2Ehtm$ /posts/service-index/ [R=301,L,NE]\n'
    ),
    'the query rule first'
  )
  assert.ok(text.includes('RewriteRule ^/?gb/\\xD0\\xC2\\x2Ehtml$ /posts/gb/ [R=301,L,NE]'), 'legacy bytes match as bytes')
  assert.ok(text.startsWith('#') && text.includes('\nRewriteEngine On\n'))
  assert.equal(
    rejected.map((entry) => entry.redirect.from),
    ['/a%2Fb']
  )
})

test('netlify: forced rules, escape case variants, query tokens; read and matched by Netlify’s own parser and engine', async function () {
  const {text, rejected} = renderRedirects([...sample, {from: '/show/NCT03746262?term=a+b', to: '/posts/space/'}, {from: '/wiki/:page', to: '/posts/p/'}, {from: '/a/*', to: '/posts/s/'}], 'netlify')
  assert.ok(text.includes('\n/blog/post/39926056-%e6%96%b0%e9%97%bb /posts/39926056-%E6%96%B0%E9%97%BB/ 301!\n/blog/post/39926056-%E6%96%B0%E9%97%BB /posts/39926056-%E6%96%B0%E9%97%BB/ 301!\n'))
  assert.ok(text.includes('\n/service/news_view.htm lang=e Seq_Code=181595 /posts/181595/ 301!\n/service/news_view.htm /posts/service-index/ 301!\n'))
  assert.equal(
    rejected.map((entry) => entry.redirect.from),
    ['/a/*', '/show/NCT03746262?term=a+b', '/wiki/:page']
  )
  const parsed = await parseNetlify(text)
  assert.equal(parsed.errors, [])
  assert.is(parsed.redirects.length, text.split('\n').filter((line) => line.startsWith('/')).length)
  const engine = await redirector.parsePlain(text, {})
  const cases: Array<[string, string, string | undefined]> = [
    ['/blog/post/39926056-%e6%96%b0%e9%97%bb', '', '/posts/39926056-%E6%96%B0%E9%97%BB/'],
    ['/blog/post/39926056-%E6%96%B0%E9%97%BB', '', '/posts/39926056-%E6%96%B0%E9%97%BB/'],
    ['/service/news_view.htm', 'Seq_Code=181595&lang=e', '/posts/181595/'],
    ['/service/news_view.htm', 'lang=e&Seq_Code=1', '/posts/service-index/'],
    ['/news/2020/story/', '', '/posts/story/'],
    ['/section/feature/index.html', '', '/posts/feature/'],
    ['/Foo', '', '/posts/foo-upper/'],
    ['/foo', '', '/posts/foo-lower/'],
    ['/nothing', '', undefined]
  ]
  for (const [path, query, to] of cases) {
    const match = engine.match({scheme: 'https', host: 'new.example', path, query, getHeader: () => '', getCookie: () => ''})
    assert.is(match?.to, to, path + '?' + query)
    if (match) assert.equal([match.status, match.force], [301, true])
  }
})

test('cloudflare: no query strings, no placeholders or splats, at most 2,000 rules', function () {
  const {text, rejected} = renderRedirects([...sample, {from: '/wiki/Talk:Page', to: '/posts/talk/'}], 'cloudflare')
  const rules = text.split('\n').filter((line) => line.startsWith('/'))
  assert.ok(rules.includes('/service/news_view.htm /posts/service-index/ 301'))
  assert.ok(rules.every((line) => line.split(/\s+/).length === 3 && line.endsWith(' 301')))
  assert.equal(rejected.map((entry) => entry.redirect.from).sort(), ['/wiki/Talk:Page', 'https://old.example/service/news_view.htm?lang=e&Seq_Code=181595'])
  const many = Array.from({length: 2100}, (_, index) => ({from: '/old/' + index, to: '/new/' + index + '/'}))
  const limited = renderRedirects(many, 'cloudflare')
  assert.is(limited.written.length, 2000)
  assert.is(limited.rejected.length, 100)
  assert.match(limited.rejected[0].reason, /at most 2000 static redirects/)
})

test('netlify and cloudflare: an old URL that is not http(s), paths under `/.netlify`, a query naming a key twice, a rule over Cloudflare’s line length are rejected, each said', function () {
  const long = '/archive/' + 'x'.repeat(2100)
  const netlify = renderRedirects(
    [
      {from: '/.netlify/functions/old', to: '/posts/fn/'},
      {from: '/view.php?id=1&id=2', to: '/posts/twice/'},
      {from: '/view.php?id=3', to: '/posts/once/'},
      {from: 'ftp://old.example/files/a.html', to: '/posts/ftp/'}
    ],
    'netlify'
  )
  assert.equal(
    netlify.rejected.map((entry) => [entry.redirect.from, entry.reason.replace(/^.*: /, '')]),
    [
      ['ftp://old.example/files/a.html', 'the old URL is not an http(s) URL or a path'],
      ['/.netlify/functions/old', 'paths under `/.netlify` are reserved'],
      ['/view.php?id=1&id=2', 'its query names `id` twice']
    ]
  )
  assert.match(netlify.text, /^\/view\.php id=3 \/posts\/once\/ 301!$/m)
  const cloudflare = renderRedirects(
    [
      {from: long, to: '/posts/long/'},
      {from: '/short', to: '/posts/short/'}
    ],
    'cloudflare'
  )
  assert.equal(
    cloudflare.rejected.map((entry) => entry.redirect.from),
    [long]
  )
  assert.match(cloudflare.rejected[0].reason, /the rule is longer than \d+ characters/)
  assert.match(cloudflare.text, /^\/short \/posts\/short\/ 301$/m)
})

test('caddy: a route of redir with path_regexp (decoded) and vars_regexp (raw query)', function () {
  const {text, rejected} = renderRedirects([...sample, {from: '/gb/%D0%C2.html', to: '/posts/gb/'}], 'caddy')
  assert.ok(text.includes('\t@news_markdown_1 path_regexp "^/Foo$"\n\tredir @news_markdown_1 /posts/foo-upper/ 301\n'))
  assert.ok(text.includes('path_regexp "^/blog/post/39926056-新闻$"'), 'visible CJK as is')
  assert.match(
    text,
    /\t@news_markdown_(\d+) \{\n\t\tpath_regexp "\^\/service\/news_view\\x2Ehtm\$"\n\t\tvars_regexp \{http\.request\.uri\.query\} "\^lang\\x3De\\x26Seq_Code\\x3D181595\$"\n\t\}\n\tredir @news_markdown_\1 \/posts\/181595\/ 301\n\t@news_markdown_\d+ path_regexp "\^\/service\/news_view\\x2Ehtm\$"/
  )
  assert.equal(
    rejected.map((entry) => entry.redirect.from),
    ['/gb/%D0%C2.html']
  )
})

// Hostile old URLs: whatever a page claims as its URL, each line of every
// map stays within its format's grammar.

const hostileCharacters = [
  ...' "\'\\$;{}[]()*?:#%&=+!@`|^~<>,',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u2028',
  '\u202e',
  '\u00a0',
  'a',
  'Z',
  '0',
  '新',
  '%0A',
  '%22',
  '%7B',
  '%24',
  '%e6%96%b0',
  '%D0',
  '/',
  '//',
  '/..',
  '/.'
]

const grammars: Record<RedirectFormat, RegExp> = {
  nginx:
    /^(?:#.*|map_hash_(?:bucket|max)_size \d+;|map \$[a-z_]+ \$news_markdown_[a-z_]+ \{|\}|\t"~\^\(\[\^\?\]\*\)" \$1;|\tdefault \$news_markdown_path_redirect;|\t"(?:[^"\\\n\r\t\0]|\\["\\])*" "\/[A-Za-z\d\-._~/%]*(?:\$is_args\$args)?";|)$/,
  apache:
    /^(?:#.*|RewriteEngine On|RewriteCond %\{QUERY_STRING\} \^(?:[A-Za-z\d/_-]|\\x[\dA-F]{2}|%(?:\d|\[[a-f][A-F]\]){2})*\$|RewriteRule \^\/\?(?:[A-Za-z\d/_-]|\\x[\dA-F]{2})*\$ \/(?:[A-Za-z\d\-._~/]|\\%[\dA-F]{2})* \[R=301,L,NE(?:,QSD)?\]|)$/,
  netlify: /^(?:#.*|\/[!-~]* (?:[^\s=#/][^\s=]*=[^\s=]* )*\/[A-Za-z\d\-._~/%]* 301!|)$/u,
  cloudflare: /^(?:#.*|\/[!-~]* \/[A-Za-z\d\-._~/%]* 301|)$/,
  caddy:
    /^(?:#.*|route \{|\}|\t\}|\t@news_markdown_\d+ \{|\t(?:@news_markdown_\d+ |\t)path_regexp "\^(?:[A-Za-z\d/_-]|\\x[\dA-F]{2}|\\x\{[\dA-F]+\}|[^\0-\x7F\p{Z}\p{C}])*\$"|\t\tvars_regexp \{http\.request\.uri\.query\} "\^(?:[A-Za-z\d/_-]|\\x[\dA-F]{2}|%(?:\d|\[[a-f][A-F]\]){2})*\$"|\tredir @news_markdown_\d+ \/[A-Za-z\d\-._~/%]* 301|)$/u
}

test('hostile old URLs and targets cannot add configuration in any format (property)', function () {
  const part = fc.array(fc.constantFrom(...hostileCharacters), {maxLength: 12}).map((parts) => parts.join(''))
  fc.assert(
    fc.property(fc.array(fc.tuple(part, fc.option(part), part), {minLength: 1, maxLength: 6}), function (specs) {
      const redirects = specs.map(([path, query, target]) => ({from: 'https://old.example/' + path + (query === null ? '' : '?' + query), to: '/posts/' + target}))
      for (const format of redirectFormats) {
        const {text} = renderRedirects(redirects, format)
        assert.ok(text.endsWith('\n'), format)
        for (const line of text.slice(0, -1).split('\n')) assert.match(line, grammars[format], format + ': ' + JSON.stringify(line))
      }
    }),
    {seed: 13, numRuns: 300}
  )
})

test('hostile old URLs: Netlify reads every written rule as exactly one rule', async function () {
  const redirects = [
    {from: 'https://old.example/a b/"q";$x{y}`|^', to: '/posts/1/'},
    {from: 'https://old.example/s?q={$host}&x="1";include', to: '/posts/2/'},
    {from: 'https://old.example/line%0Abreak%22', to: '/posts/3/'},
    {from: 'https://old.example/s2?q=%23hash&n=%0A', to: '/posts/4/'},
    {from: 'https://old.example/#not-a-path', to: '/posts/5/'}
  ]
  const {text, written} = renderRedirects(redirects, 'netlify')
  assert.equal(
    written.map((entry) => entry.to),
    ['/posts/1/', '/posts/3/', '/posts/2/']
  )
  const parsed = await parseNetlify(text)
  assert.equal(parsed.errors, [])
  const engine = await redirector.parsePlain(text, {})
  const request = (path: string, query = '') => engine.match({scheme: 'https', host: 'x', path, query, getHeader: () => '', getCookie: () => ''})?.to
  assert.is(request('/a%20b/%22q%22;$x%7By%7D%60|^'), '/posts/1/')
  assert.is(request('/line%0Abreak%22'), '/posts/3/')
  assert.is(request('/s', 'q={$host}&x=%221%22;include'), '/posts/2/')
})

async function parseNetlify(text: string): Promise<{redirects: Array<unknown>; errors: Array<unknown>}> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-netlify-'))
  try {
    await fs.writeFile(path.join(dir, '_redirects'), text)
    return await parseAllRedirects({redirectsFiles: [path.join(dir, '_redirects')], configRedirects: [], minimal: false})
  } finally {
    await fs.rm(dir, {recursive: true, force: true})
  }
}

// The CLI.

async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(await fs.readFile(file, 'utf8'))
  assert.ok(match, 'frontmatter in ' + file)
  return YAML.parse(match[1]) as Record<string, unknown>
}

interface Report {
  files: Array<{input: string; output: string | null; status: string; warnings: Array<{ruleId: string; reason: string; kind: string}>}>
  summary: {warnings: Record<string, number>}
}

async function report(dir: string, name = 'report.json'): Promise<Report> {
  return JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as Report
}

function rules(data: Report, input: string): Array<string> {
  return (data.files.find((file) => file.input === input)?.warnings || []).map((warning) => warning.ruleId).filter((id) => /url|redirect/.test(id))
}

/** The output of `c-duplicate.html`: its slug is taken, so it has the suffix of its own URL. */
async function duplicateOutput(dir: string): Promise<string> {
  const names = (await fs.readdir(path.join(dir, 'content/posts'))).filter((name) => /^39926056-新闻-[\da-f]{8}\.md$/.test(name))
  assert.is(names.length, 1, 'one suffixed duplicate: ' + names.join(', '))
  return path.join(dir, 'content/posts', names[0])
}

const oldPages = {
  'in/a-encoded.html': page({title: '新闻一', url: 'https://old.example/blog/post/39926056-%e6%96%b0%e9%97%bb'}),
  'in/b-query.html': page({title: 'News view', url: 'https://old.example/service/news_view.htm?lang=e&Seq_Code=181595'}),
  'in/c-duplicate.html': page({title: '重复', url: 'https://mirror.example/blog/post/39926056-新闻'}),
  'in/d-cjk.html': page({title: '中文路径', url: 'https://old.example/新闻/文章.html'})
}

test('cli: aliases decoded; an old URL with a query only in the map; a duplicate reported, the first by input path keeps it', async function () {
  const dir = await folder(oldPages)
  const result = await cli(['in', '--out', 'content', '--layout', 'hugo', '--redirects', 'redirects.nginx.conf', '--report', 'report.json'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.equal((await frontmatter(path.join(dir, 'content/posts/39926056-新闻.md'))).aliases, ['/blog/post/39926056-新闻'])
  assert.equal((await frontmatter(path.join(dir, 'content/posts/文章.md'))).aliases, ['/新闻/文章.html'])
  assert.is((await frontmatter(path.join(dir, 'content/posts/181595.md'))).aliases, undefined)
  assert.is((await frontmatter(await duplicateOutput(dir))).aliases, undefined, 'the duplicate gets no alias')
  const data = await report(dir)
  assert.equal(rules(data, 'a-encoded.html'), [])
  assert.equal(rules(data, 'b-query.html'), ['redirect-map-only'])
  assert.equal(rules(data, 'c-duplicate.html'), ['duplicate-old-url'])
  assert.match(data.files[2].warnings.find((warning) => warning.ruleId === 'duplicate-old-url')?.reason || '', /also the original URL of `a-encoded\.html`/)
  assert.is(data.summary.warnings['duplicate-old-url'], 1)
  assert.match(result.stderr, /duplicate-old-url ×1/)
  const map = await fs.readFile(path.join(dir, 'redirects.nginx.conf'), 'utf8')
  assert.ok(map.includes('"/blog/post/39926056-%e6%96%b0%e9%97%bb" "/posts/39926056-%E6%96%B0%E9%97%BB/$is_args$args";'))
  assert.ok(map.includes('"/service/news_view.htm?lang=e&Seq_Code=181595" "/posts/181595/";'))
  assert.ok(map.includes('"/%E6%96%B0%E9%97%BB/%E6%96%87%E7%AB%A0.html" "/posts/%E6%96%87%E7%AB%A0/$is_args$args";'))
  assert.not.match(map, /39926056-%E6%96%B0%E9%97%BB-[\da-f]{8}/, 'the duplicate is not in the map')
})

test('cli: a folder where the redirect map goes is reported (no stack trace); the pages are written, the run exits 1', async function () {
  const dir = await folder(oldPages)
  await fs.mkdir(path.join(dir, 'redirects.nginx.conf'))
  const result = await cli(['in', '--out', 'content', '--layout', 'hugo', '--redirects', 'redirects.nginx.conf'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /Cannot write the redirect map `redirects\.nginx\.conf`: a folder is in the way where a file is needed \(EISDIR\)/)
  assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
  assert.ok((await fs.stat(path.join(dir, 'content/posts/文章.md'))).isFile())
  assert.equal(await fs.readdir(path.join(dir, 'redirects.nginx.conf')), [], 'the folder is left as it was')
})

test('cli: a rerun with unchanged pages writes every format from the manifest, byte for byte as a fresh run', async function () {
  const dir = await folder(oldPages)
  assert.is((await cli(['in', '--out', 'content', '--layout', 'hugo'], dir)).code, 0)
  for (const format of redirectFormats) {
    const rerun = await cli(['in', '--out', 'content', '--layout', 'hugo', '--redirects', 'maps/' + format, '--redirects-format', format, '--report', 'report-' + format + '.json'], dir)
    assert.is(rerun.code, 0, rerun.stderr)
    assert.match(rerun.stderr, /0 converted, 4 unchanged/)
    const fresh = await cli(['in', '--out', 'fresh-' + format, '--layout', 'hugo', '--redirects', 'fresh/' + format, '--redirects-format', format], dir)
    assert.is(fresh.code, 0)
    assert.is(await fs.readFile(path.join(dir, 'maps', format), 'utf8'), await fs.readFile(path.join(dir, 'fresh', format), 'utf8'), format)
    const data = await report(dir, 'report-' + format + '.json')
    assert.equal(rules(data, 'c-duplicate.html'), ['duplicate-old-url'], format + ': still reported')
  }
  assert.match(await fs.readFile(path.join(dir, 'maps/cloudflare'), 'utf8'), /^\/blog\/post\/39926056-%e6%96%b0%e9%97%bb \/posts\/39926056-%E6%96%B0%E9%97%BB\/ 301$/m)
  const cloudflare = await report(dir, 'report-cloudflare.json')
  assert.equal(rules(cloudflare, 'b-query.html'), ['old-url-not-redirected'], 'no alias and Cloudflare cannot match the query')
})

test('cli: without `--redirects`, an old URL no alias can hold is a warning', async function () {
  const dir = await folder({'in/q.html': oldPages['in/b-query.html'], 'in/ok.html': oldPages['in/d-cjk.html']})
  const result = await cli(['in', '--out', 'site', '--layout', 'jekyll', '--report', 'report.json'], dir)
  assert.is(result.code, 0)
  const data = await report(dir)
  assert.equal(rules(data, 'q.html'), ['old-url-not-redirected'])
  assert.match(data.files.find((file) => file.input === 'q.html')?.warnings.at(-1)?.reason || '', /query string.*--redirects FILE/)
  assert.equal(rules(data, 'ok.html'), [])
  assert.match(result.stderr, /old-url-not-redirected ×1/)
})

test('cli: a page keeps the old URL when the first holder is gone; an old-version manifest converts again', async function () {
  const dir = await folder(oldPages)
  assert.is((await cli(['in', '--out', 'content', '--layout', 'hugo'], dir)).code, 0)
  await fs.rm(path.join(dir, 'in/a-encoded.html'))
  const result = await cli(['in', '--out', 'content', '--layout', 'hugo', '--report', 'report.json'], dir)
  assert.is(result.code, 0)
  const data = await report(dir)
  assert.is(data.files.find((file) => file.input === 'c-duplicate.html')?.status, 'converted', 'converted again to get the alias')
  assert.equal((await frontmatter(await duplicateOutput(dir))).aliases, ['/blog/post/39926056-新闻'])
  assert.is(data.files.find((file) => file.input === 'd-cjk.html')?.status, 'unchanged')
  // A manifest without `redirect` (an older version): converted again, aliases decoded.
  const manifestFile = path.join(dir, 'content/.news-markdown-manifest.json')
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as {files: Record<string, Record<string, unknown>>}
  for (const entry of Object.values(manifest.files)) delete entry.redirect
  await fs.writeFile(manifestFile, JSON.stringify(manifest))
  const again = await cli(['in', '--out', 'content', '--layout', 'hugo'], dir)
  assert.match(again.stderr, /3 converted, 0 unchanged/)
})

function dated(date: string, spec: {title: string; url: string}): string {
  return page(spec).replace('<title>', '<meta property="article:published_time" content="' + date + '"><title>')
}

test('cli: an alias whose file is a later page’s address is dropped, and the page written again', async function () {
  const dir = await folder({
    // a.html's old URL is where Jekyll publishes b.html (2020-04-06, slug `b`).
    'in/a.html': dated('2021-05-01T08:00:00+08:00', {title: '甲', url: 'https://old.example/2020/04/06/b.html'}),
    'in/b.html': dated('2020-04-06T08:00:00+08:00', {title: '乙', url: 'https://old.example/news/b.html'})
  })
  const result = await cli(['in', '--out', 'site', '--layout', 'jekyll', '--redirects', 'map.nginx', '--report', 'report.json'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.equal((await frontmatter(path.join(dir, 'site/_posts/2020-04-06-b.md'))).redirect_from, ['/news/b.html'])
  assert.is((await frontmatter(path.join(dir, 'site/_posts/2021-05-01-b.md'))).redirect_from, undefined, 'a.html: written again without its alias')
  const data = await report(dir)
  assert.equal(rules(data, 'a.html'), ['old-url-not-redirected'])
  assert.match(data.files[0].warnings.at(-1)?.reason || '', /now the address of the page of `b\.html`/)
  const map = await fs.readFile(path.join(dir, 'map.nginx'), 'utf8')
  assert.not.match(map, /"\/2020\/04\/06\/b\.html"/, 'no redirect away from a page')
  assert.match(map, /"\/news\/b\.html" "\/2020\/04\/06\/b\.html\$is_args\$args";/)
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'site/.news-markdown-manifest.json'), 'utf8')) as {files: Record<string, {redirect: {alias?: string}}>}
  assert.is(manifest.files['a.html'].redirect.alias, undefined)
  const rerun = await cli(['in', '--out', 'site', '--layout', 'jekyll', '--redirects', 'map.nginx'], dir)
  assert.match(rerun.stderr, /0 converted, 2 unchanged/, 'stable')
  assert.is(await fs.readFile(path.join(dir, 'map.nginx'), 'utf8'), map)
})

test('cli: an old URL that is the page’s own new address gets no alias and no redirect, silently', async function () {
  const dir = await folder({'in/c.html': page({title: '丙', url: 'https://old.example/posts/c/'})})
  const result = await cli(['in', '--out', 'content', '--layout', 'hugo', '--redirects', 'map.nginx', '--report', 'report.json'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.is((await frontmatter(path.join(dir, 'content/posts/c.md'))).aliases, undefined)
  assert.equal(rules(await report(dir), 'c.html'), [])
  assert.not.match(await fs.readFile(path.join(dir, 'map.nginx'), 'utf8'), /posts\/c/)
})

test('cli: `--redirects` usage errors', async function () {
  const dir = await folder({'a.html': oldPages['in/a-encoded.html']})
  const cases: Array<[Array<string>, RegExp]> = [
    [['a.html', '--out', 'o', '--redirects', 'map.conf'], /Cannot tell the redirect map format from `map\.conf`/],
    [['a.html', '--out', 'o', '--redirects', 'map.conf', '--redirects-format', 'iis'], /Invalid `--redirects-format` `iis`/],
    [['a.html', '--out', 'o', '--redirects-format', 'nginx'], /`--redirects-format` needs `--redirects <file>`/],
    [['a.html', '--out', 'o', '--layout', 'astro', '--redirects', '_redirects'], /needs `--permalink <pattern>`/],
    [['a.html', '--out', 'o', '--permalink', '/:title/'], /unknown placeholder `:title`/],
    [['a.html', '--out', 'o', '--layout', 'hugo', '--redirects', '_redirects', '--shard', '1/2'], /`--shard`/],
    [['--redirects', '_redirects'], /Missing inputs/]
  ]
  for (const [argv, message] of cases) {
    const result = await cli(argv, dir)
    assert.is(result.code, 2, argv.join(' '))
    assert.match(result.stderr, message)
  }
  const astro = await cli(['a.html', '--out', 'news', '--layout', 'astro', '--redirects', '_redirects', '--permalink', '/news/:slug/'], dir)
  assert.is(astro.code, 0, astro.stderr)
  assert.match(await fs.readFile(path.join(dir, '_redirects'), 'utf8'), /^\/blog\/post\/39926056-%e6%96%b0%e9%97%bb \/news\/39926056-%E6%96%B0%E9%97%BB\/ 301!$/m)
  // A site on another host: absolute targets.
  const moved = await cli(['a.html', '--out', 'content', '--layout', 'hugo', '--redirects', 'old-host.nginx', '--permalink', 'https://new.example/:path/'], dir)
  assert.is(moved.code, 0, moved.stderr)
  assert.match(
    await fs.readFile(path.join(dir, 'old-host.nginx'), 'utf8'),
    /"\/blog\/post\/39926056-%e6%96%b0%e9%97%bb" "https:\/\/new\.example\/posts\/39926056-%E6%96%B0%E9%97%BB\/\$is_args\$args";/
  )
})

test('cli: a layout without aliases and a permalink the page cannot fill: the old URL is said to be missing from the map, and why', async function () {
  const dir = await folder({
    'in/a.html':
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="canonical" href="https://old.example/news/a.html"><title>Harbour lights</title></head><body><article><h1>Harbour lights</h1>' +
      '<p>The harbour lights came back on Tuesday after a long winter of repairs, and the fishing boats lined up to watch them glow.</p><p>Engineers said the new lamps use less power.</p></article></body></html>'
  })
  const result = await cli(['in', '--out', 'out', '--layout', 'eleventy', '--redirects', 'map.conf', '--redirects-format', 'apache', '--permalink', '/:year/:slug/', '--report', 'report.json'], dir)
  assert.is(result.code, 0, result.stderr)
  const data = await report(dir)
  assert.equal(rules(data, 'a.html'), ['old-url-not-redirected'])
  assert.equal(
    data.files[0].warnings.filter((warning) => warning.ruleId === 'old-url-not-redirected').map((warning) => warning.reason),
    ['Old URL `/news/a.html` is not in the redirect map: its new address is unknown (the permalink needs `:year` and the page has no date)']
  )
  assert.not.match(await fs.readFile(path.join(dir, 'map.conf'), 'utf8'), /news\/a\.html/)
})

test.run()
