/**
 * Security: nothing executable reaches the Markdown, unsafe URLs go (their
 * text stays), file names never leave the output folder, symbolic links are
 * not followed out of the input tree unless asked, and profiles are checked
 * data that cannot run code.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import type {Root as MdastRoot} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {visit} from 'unist-util-visit'
import {convert, validateProfile} from '../index.js'
import type {ConvertOptions} from '../index.js'
import {layouts} from '../lib/output/layouts.js'
import type {LayoutName} from '../lib/output/layouts.js'
import {maxBytes} from '../lib/output/slug.js'
import {compileUrlPattern} from '../lib/profiles/url-pattern.js'
import {safeUrl} from '../lib/util/safe-url.js'
import convertTask from '../lib/cli/convert-task.js'
import {walkInputs} from '../lib/cli/walk-inputs.js'
import {cli, exec, exists, folder, page, tree} from './util/cli-harness.js'
import {parseMarkdown} from './util/properties.js'

const safeScheme = /^(?:https?|mailto|ftp|tel):/i

/** Convert and collect what a renderer would see: raw HTML nodes, URLs, text. */
async function outputOf(body: string, options: ConvertOptions = {}) {
  const file = await convert('<h2>T</h2><div class="entry"><p>keep</p>' + body + '<p>tail</p></div><div class="postfooter"></div>', options)
  const markdown = String(file)
  const {tree: mdast} = parseMarkdown(markdown)
  const html: Array<string> = []
  const urls: Array<string> = []
  visit(mdast as MdastRoot, function (node) {
    if (node.type === 'html') html.push(node.value)
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url)
  })
  mdast.children = mdast.children.filter((node) => node.type !== 'yaml')
  return {file, markdown, html, urls, text: toString(mdast, {includeImageAlt: false})}
}

const executable = [
  '<script>alert(1)</script>',
  '<script src="https://evil.example/x.js"></script>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<p onclick="alert(1)" onmouseover="alert(2)">click text</p>',
  '<img src="https://example.com/a.png" onerror="alert(1)" alt="pic">',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://www.youtube.com/embed/x" srcdoc="<script>alert(1)</script>" onload="alert(1)"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<svg onload="alert(1)"><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">b</button><input onfocus="alert(1)" autofocus></form>',
  '<noscript><img src=x onerror=alert(1)></noscript>',
  '<template><script>alert(1)</script></template>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//"><a href="rel">relative link text</a>',
  '<link rel="import" href="https://evil.example/x.html">',
  '<div style="background:url(javascript:alert(1))">styled text</div>',
  '<details open ontoggle="alert(1)"><summary>sum</summary>details text</details>',
  '<video src="x" onerror="alert(1)" poster="javascript:alert(1)"></video>',
  '<a href="https://ok.example/" onmouseover="alert(1)" style="position:fixed">hover text</a>',
  '<!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<xmp><script>alert(1)</script></xmp>',
  '<p>&lt;script&gt;alert(1)&lt;/script&gt; escaped text</p>',
  '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
  '<a href="https://x.example/" title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">titled</a>',
  '<img src="https://x.example/i.png" alt="&quot;&gt;&lt;script&gt;" title="&quot; onerror=&quot;x">'
]

test('security: no raw HTML, script, style, handler or srcdoc reaches the Markdown; text is kept', async function () {
  for (const snippet of executable) {
    const {html, urls, markdown, text} = await outputOf(snippet)
    assert.equal(html, [], 'raw HTML from ' + snippet)
    for (const url of urls) assert.ok(!/^[a-z][a-z\d+.-]*:/i.test(url) || safeScheme.test(url), 'unsafe URL ' + url + ' from ' + snippet)
    // Escaped text (`&lt;img onerror=…&gt;`) is shown as text, which is fine.
    if (!snippet.includes('&lt;')) assert.not.match(markdown, /srcdoc|onerror=|onload=|onclick=|onmouseover=|ontoggle=|onfocus=/i, snippet)
    assert.match(text, 'keep')
    for (const kept of ['click text', 'relative link text', 'styled text', 'details text', 'hover text', 'escaped text', 'titled']) {
      if (snippet.includes(kept)) assert.match(text, kept, snippet)
    }
  }
})

const obfuscated = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'jav&#x61;script:alert(1)',
  'jav&#97;script:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
  'javascript&colon;alert(1)',
  'jAvAsCrIpT&#58;alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\n\njavascript:alert(1)',
  '&#x20;javascript:alert(1)',
  '&#09;javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'java&#x09;script:alert(1)',
  'java&Tab;script:alert(1)',
  'java&NewLine;script:alert(1)',
  'j\na\tv\ra script:alert(1)'.replace(' ', ''),
  '\u0000javascript:alert(1)',
  '\u0001javascript:alert(1)',
  '\u00a0javascript:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'vbs&#99;ript:msgbox(1)',
  'livescript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,x',
  ' data:text/html,x',
  'da&#x74;a:text/html,x',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'file:///etc/passwd',
  'blob:https://example.com/x',
  'filesystem:https://example.com/x'
]

test('security: javascript:, vbscript:, data: and obfuscated forms are dropped from links and images; the text stays', async function () {
  for (const href of obfuscated) {
    const attribute = href.replace(/"/g, '&quot;')
    const {file, urls, text} = await outputOf('<p>before <a href="' + attribute + '">LINKTEXT</a> middle <img src="' + attribute + '" alt="ALT"> after</p>')
    assert.equal(urls, [], JSON.stringify(href) + ' → ' + urls.join(' '))
    assert.match(text, 'before LINKTEXT middle', JSON.stringify(href))
    if (!/^\s*data:image\//i.test(href))
      assert.ok(
        file.messages.some((message) => message.ruleId === 'unsafe-url'),
        'warned for ' + JSON.stringify(href)
      )
  }
})

test('security: the same URLs are dropped from related lists, embeds and figures', async function () {
  for (const href of obfuscated.slice(0, 12)) {
    const attribute = href.replace(/"/g, '&quot;')
    const {urls} = await outputOf(
      '<figure><img src="' +
        attribute +
        '"><figcaption>cap</figcaption></figure><iframe src="' +
        attribute +
        '"></iframe><ul class="op-related-articles" title="相关阅读"><li><a href="' +
        attribute +
        '">rel</a></li><li><a href="https://ok.example/r">ok</a></li></ul>',
      {relatedFrontmatter: true}
    )
    assert.equal(urls, ['https://ok.example/r'], JSON.stringify(href))
  }
})

test('security: `<video>`/`<audio>` sources, `<source>` and posters are checked like links', async function () {
  // Unfixed, `hast-util-to-mdast` wrote `[fallback](javascript:alert(1))`: a clickable script link.
  for (const snippet of [
    '<video src="javascript:alert(1)">fallback</video>',
    '<video poster="javascript:alert(1)" src="https://ok.example/v.mp4"></video>',
    '<video><source src="javascript:alert(1)">fallback</video>',
    '<audio src="vbscript:msgbox(1)">fallback</audio>',
    '<video src="data:text/html,x" poster="data:image/svg+xml,x">fallback</video>'
  ]) {
    const {urls, text} = await outputOf(snippet)
    for (const url of urls) assert.ok(url.startsWith('https://ok.example/'), url + ' from ' + snippet)
    if (snippet.includes('fallback')) assert.match(text, 'fallback', snippet)
  }
  assert.equal((await outputOf('<video src="https://ok.example/v.mp4" poster="https://ok.example/p.jpg">clip</video>')).urls, ['https://ok.example/v.mp4'])
})

test('security: escaped markup in a code block inside a table cell or emphasis never turns into raw HTML', async function () {
  // Unfixed: the code block's fences and lines broke the table row, and
  // `&lt;script&gt;` in it came back as a raw `<script>` (found by fuzzing).
  for (const snippet of [
    '<table><tr><th>h</th></tr><tr><td><pre>&lt;script&gt;alert(1)&lt;/script&gt;\nline2</pre></td></tr></table>',
    '<table><tr><th>h</th></tr><tr><td><pre>one line &lt;img src=x onerror=alert(1)&gt;</pre></td></tr></table>',
    '<table><tr><th>h</th></tr><tr><td><xmp><img src=x onerror=alert(1)>\nx</xmp></td></tr></table>',
    '<table><tr><th>h</th></tr><tr><td><ul><li>&lt;script&gt;x</li><li>y</li></ul></td></tr></table>',
    '<p><b>bold <plaintext><script>alert(1)</script>\n<img src=x onerror=alert(1)>'
  ]) {
    const {html, markdown, text} = await outputOf(snippet)
    assert.equal(html, [], snippet + ' → ' + JSON.stringify(markdown.split('---\n')[2]))
    assert.match(text, /alert\(1\)|script|x/, 'the text is kept')
  }
})

test('security: an unsafe `srcset` or `data-src` does not hide a safe `src`', async function () {
  assert.equal((await outputOf('<p><img srcset="javascript:alert(1) 2x" src="https://ok.example/i.png" alt="a"></p>')).urls, ['https://ok.example/i.png'])
  assert.equal((await outputOf('<p><img data-src="javascript:alert(1)" src="https://ok.example/i.png" alt="a"></p>')).urls, ['https://ok.example/i.png'])
})

test('security: data: images only with `allowDataImages`, and only raster types', async function () {
  const png = 'data:image/png;base64,iVBORw0KGgo='
  assert.equal((await outputOf('<p><img src="' + png + '" alt="a"></p>')).urls, [])
  assert.equal((await outputOf('<p><img src="' + png + '" alt="a"></p>', {allowDataImages: true})).urls, [png])
  for (const src of ['data:image/svg+xml,<svg onload=alert(1)>', 'data:text/html,x', 'data:image/svg+xml;base64,PHN2Zz4=']) {
    assert.equal((await outputOf('<p><img src="' + src.replace(/</g, '&lt;') + '" alt="a"></p>', {allowDataImages: true})).urls, [], src)
  }
  // A data: image as a link target is still a link, not an image: dropped.
  assert.equal((await outputOf('<p><a href="' + png + '">x</a></p>', {allowDataImages: true})).urls, [])
})

test('security: `safeUrl` keeps safe and relative URLs, drops every other scheme', function () {
  const base = 'https://www.example.com/news/a.html'
  assert.is(safeUrl('https://ok.example/x', base), 'https://ok.example/x')
  assert.is(safeUrl('/x/y.html', base), 'https://www.example.com/x/y.html')
  assert.is(safeUrl('y.html', undefined), 'y.html')
  assert.is(safeUrl('mailto:a@b.example', base), 'mailto:a@b.example')
  assert.is(safeUrl('#frag', base), '#frag')
  for (const value of [
    'javascript:x',
    ' \t\njavascript:x',
    'java\tscript:x',
    'JAVASCRIPT:x',
    '\u0000javascript:x',
    '\u001fjavascript:x',
    'vbscript:x',
    'data:text/html,x',
    'data:image/svg+xml,x',
    'livescript:x',
    'file:///etc/passwd',
    'javascript://%0aalert(1)',
    'ja\u0000vascript:x',
    'chrome://settings',
    'about:blank'
  ]) {
    for (const withBase of [base, undefined]) {
      const result = safeUrl(value, withBase)
      assert.ok(result === undefined || (withBase !== undefined && result.startsWith('https://www.example.com/')), JSON.stringify(value) + ' → ' + String(result))
    }
  }
  fc.assert(
    fc.property(
      fc.string({unit: 'binary', maxLength: 12}),
      fc.constantFrom('javascript', 'vbscript', 'data', 'JavaScript'),
      fc.string({unit: fc.constantFrom('\t', '\n', '\r', ' ', '\u0000', '\u001f'), maxLength: 4}),
      function (junk, scheme, space) {
        const value = space + scheme.slice(0, 3) + space.replace(/[ \u0000\u001f]/g, '') + scheme.slice(3) + ':' + junk
        const result = safeUrl(value, base)
        return result === undefined || result.startsWith('https://www.example.com/')
      }
    ),
    {seed: 7, numRuns: 500}
  )
})

// File names.

const hostileText = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '../../etc/passwd',
    '..\\..\\windows',
    '/abs/path',
    'C:\\x',
    'CON',
    'con.txt',
    'NUL',
    'aux',
    'COM1',
    'lpt9.md',
    'prn',
    '.htaccess',
    '...',
    '~',
    '-',
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202eevil',
    'x'.repeat(500),
    '长'.repeat(200),
    '😀'.repeat(50),
    '%2e%2e%2f',
    '..%2F..%2F',
    '%00',
    'a/b/c',
    'a\\b'
  ),
  fc.string({unit: 'binary', maxLength: 40})
)
const hostileUrl = fc.oneof(
  fc.constantFrom(
    'https://x.example/..%2F..%2Fetc%2Fpasswd',
    'https://x.example/%2e%2e/',
    'https://x.example/%2e%2e%2f%2e%2e%2fx.html',
    'https://x.example/CON.html',
    'https://x.example/a%00b.html',
    'https://x.example/..%5c..%5cwin.ini',
    'https://x.example/.htaccess',
    'https://x.example/nul/',
    'https://x.example/' + 'a'.repeat(500) + '.html',
    'https://x.example/%E2%80%AEcod.exe',
    'not a url',
    'javascript:alert(1)'
  ),
  fc.webUrl({withQueryParameters: true, withFragments: true}),
  hostileText.map((value) => 'https://x.example/' + encodeURIComponent(value) + '.html')
)
const reserved = /^(con|prn|aux|nul|com[\d¹²³]|lpt[\d¹²³])(\..*)?$/i

test('security: output paths from any title, URL or input path stay inside the output folder (property)', function () {
  const out = path.resolve(os.tmpdir(), 'out-root')
  fc.assert(
    fc.property(
      fc.constantFrom<LayoutName>('plain', 'hugo', 'jekyll', 'astro', 'eleventy'),
      fc.option(hostileText, {nil: undefined}),
      fc.option(hostileUrl, {nil: undefined}),
      fc.array(hostileText, {minLength: 1, maxLength: 3}),
      fc.option(fc.constantFrom('2020-04-06', '2020-04-06T10:00:00+08:00', '../../2020', '9999-99-99'), {nil: undefined}),
      function (layout, title, url, segments, date) {
        const relative = segments.map((segment) => segment.replace(/[/\\]/g, '_') || '_').join('/') + '.html'
        const placed = layouts[layout].place({relative, article: {title, url, date}}).path
        const target = path.resolve(out, placed)
        if (!target.startsWith(out + path.sep)) return false
        for (const segment of placed.split('/')) {
          if (!segment || segment === '.' || segment === '..' || segment.startsWith('.')) return false
          if (/[\u0000-\u001f\\:*?"<>|]/.test(segment) || reserved.test(segment)) return false
          if (Buffer.byteLength(segment) > maxBytes + '-9999-99-99'.length + '.md'.length + 1) return false
        }
        return true
      }
    ),
    {seed: 42, numRuns: 2000}
  )
})

test('cli: hostile titles and canonical URLs never write outside the output folder', async function () {
  const files: Record<string, string> = {}
  const titles = ['../../escape', '..', 'CON', 'nul.txt', '.hidden', '\u202eevil', 'a/b\\c', '长'.repeat(100)]
  const urls = [
    'https://x.example/..%2F..%2Fescaped.html',
    'https://x.example/%2e%2e/',
    'https://x.example/CON.html',
    'https://x.example/.htaccess',
    'https://x.example/a%00b.html',
    'https://x.example/..%5c..%5cwin.ini'
  ]
  titles.forEach((title, index) => {
    files['in/t' + index + '.html'] = page({title: title.replace(/</g, '&lt;')})
  })
  urls.forEach((url, index) => {
    files['in/u' + index + '.html'] = page({title: 'U' + index, url})
  })
  const dir = await folder(files)
  const parent = path.join(dir, 'site')
  await fs.mkdir(parent)
  for (const layout of ['plain', 'hugo', 'jekyll', 'astro', 'eleventy']) {
    const result = await cli(['in', '--out', 'site/' + layout, '--layout', layout], dir)
    assert.is(result.code, 0, layout + ': ' + result.stderr)
    const written = [...(await tree(path.join(parent, layout))).keys()].filter((name) => name.endsWith('.md'))
    assert.is(written.length, titles.length + urls.length, layout)
    for (const name of written) {
      for (const segment of name.split('/')) {
        assert.not.ok(segment.startsWith('.') || reserved.test(segment) || /[\u0000-\u001f\u202e]/.test(segment), layout + ': ' + name)
      }
    }
  }
  assert.equal((await fs.readdir(dir)).sort(), ['in', 'site'])
  assert.equal((await fs.readdir(parent)).sort(), ['astro', 'eleventy', 'hugo', 'jekyll', 'plain'])
})

// Symbolic links.

async function linkedTree() {
  const dir = await folder({
    'in/a.html': page({title: '内部'}),
    'in/sub/b.html': page({title: '子目录'}),
    'outside/secret.html': page({title: '外部秘密'}),
    'outside/dir/c.html': page({title: '外部目录'})
  })
  await fs.symlink(path.join(dir, 'outside/secret.html'), path.join(dir, 'in/link-out.html'))
  await fs.symlink(path.join(dir, 'in/a.html'), path.join(dir, 'in/link-in.html'))
  await fs.symlink(path.join(dir, 'outside/dir'), path.join(dir, 'in/dir-out'))
  await fs.symlink(path.join(dir, 'in'), path.join(dir, 'in/sub/loop'))
  await fs.symlink(path.join(dir, 'missing.html'), path.join(dir, 'in/dangling.html'))
  return dir
}

test('cli: symbolic links out of the input folder are not followed (reported); inside links are', async function () {
  const dir = await linkedTree()
  const result = await cli(['in', '--out', 'out', '--report', 'r.json'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /link-out\.html: skipped: symbolic link to `.*outside\/secret\.html`, outside the input folder \(use --follow-symlinks to read it\)/)
  const outputs = [...(await tree(path.join(dir, 'out'))).keys()].filter((name) => name.endsWith('.md')).sort()
  assert.equal(outputs, ['a.md', 'link-in.md', 'sub/b.md'])
  for (const [name, bytes] of await tree(path.join(dir, 'out'))) assert.not.match(bytes.toString('utf8'), '外部', name)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'r.json'), 'utf8')) as {files: Array<{input: string; status: string}>}
  assert.ok(report.files.some((entry) => entry.input === 'link-out.html' && entry.status === 'skipped'))
})

test('cli: `--follow-symlinks` follows links anywhere, entering each real folder once (no loop)', async function () {
  const dir = await linkedTree()
  const result = await cli(['in', '--out', 'out', '--follow-symlinks'], dir)
  assert.is(result.code, 0, result.stderr)
  const outputs = [...(await tree(path.join(dir, 'out'))).keys()].filter((name) => name.endsWith('.md')).sort()
  assert.ok(outputs.includes('link-out.md') && outputs.includes('dir-out/c.md'), outputs.join(' '))
  assert.ok(outputs.length < 12, 'the loop is entered at most once: ' + outputs.join(' '))
})

test('cli: a glob does not follow links out of its base folder unless asked', async function () {
  const dir = await linkedTree()
  const result = await cli(['in/**/*.html', '--out', 'out'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /link-out\.html: skipped: symbolic link/)
  assert.not.ok([...(await tree(path.join(dir, 'out'))).keys()].some((name) => name.includes('dir-out')))
  const followed = await cli(['in/**/*.html', '--out', 'out2', '--follow-symlinks'], dir)
  assert.ok(
    [...(await tree(path.join(dir, 'out2'))).keys()].some((name) => name.endsWith('link-out.md')),
    followed.stderr
  )
  // A link named on the command line is read: the user asked for it.
  assert.is((await cli(['in/link-out.html', '--out', 'out3'], dir)).code, 0)
})

// The output folder is the user's: tampered manifests, links out of it.

/** A manifest claiming `output` (with the current hash of `file`) for `input`. */
async function tamperedManifest(out: string, input: string, output: string, file: string): Promise<void> {
  const hash = createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex')
  await fs.writeFile(
    path.join(out, '.news-markdown-manifest.json'),
    JSON.stringify({version: 1, files: {[input]: {input: '0', output, outputHash: hash, converter: 'news-markdown@0.1.0', fields: []}}})
  )
}

test('cli: a tampered manifest cannot make news-markdown delete or replace a file it never writes (`_config.yml`, dot-files, paths out of the folder)', async function () {
  // The case of `shared/cases/attack/fs-manifest-delete.sh` (a), and its other forms.
  for (const [output, layout] of [
    ['_config.yml', 'jekyll'],
    ['.htaccess', 'hugo'],
    ['../outside.md', 'hugo'],
    ['/tmp/absolute.md', 'plain'],
    ['posts/../../outside.md', 'hugo'],
    ['notes/.hidden.md', 'astro']
  ] as const) {
    const dir = await folder({
      'in/core-seed.html': page({title: '标题', url: 'https://www.bannedbook.org/bnews/zh-tw/20200406/1307292.html'}),
      'site/_config.yml': 'title: my site\n',
      'site/.htaccess': 'deny\n',
      'site/notes/.hidden.md': 'mine\n',
      'outside.md': 'mine too\n'
    })
    const victim = output.startsWith('/') ? path.join(dir, 'outside.md') : path.join(dir, 'site', output)
    const before = await fs.readFile(victim).catch(() => undefined)
    await tamperedManifest(path.join(dir, 'site'), 'core-seed.html', output.startsWith('/') ? path.join(dir, 'outside.md') : output, before ? victim : path.join(dir, 'outside.md'))
    const result = await cli(['in', '--out', 'site', '--layout', layout], dir)
    assert.is(result.code, 0, output + ': ' + result.stderr)
    assert.match(result.stderr, /ignored 1 manifest entries naming files news-markdown never writes/, output)
    for (const [name, content] of [
      ['site/_config.yml', 'title: my site\n'],
      ['site/.htaccess', 'deny\n'],
      ['site/notes/.hidden.md', 'mine\n'],
      ['outside.md', 'mine too\n']
    ]) {
      assert.is(await fs.readFile(path.join(dir, name), 'utf8'), content, output + ': ' + name + ' untouched')
    }
  }
})

test('cli: a linked sub-folder of `--out` pointing elsewhere is never written, read or deleted through', async function () {
  // `shared/cases/attack/fs-manifest-delete.sh` (b): `out/posts` → a folder outside.
  const dir = await folder({
    'in/core-seed.html': page({title: '标题', url: 'https://www.bannedbook.org/bnews/zh-tw/20200406/1307292.html'}),
    'victim/important.txt': 'IMPORTANT\n',
    'victim/important.md': 'IMPORTANT\n'
  })
  await fs.mkdir(path.join(dir, 'out'))
  await fs.symlink(path.join(dir, 'victim'), path.join(dir, 'out/posts'))
  await tamperedManifest(path.join(dir, 'out'), 'core-seed.html', 'posts/important.md', path.join(dir, 'victim/important.md'))
  const result = await cli(['in', '--out', 'out', '--layout', 'hugo', '--report', 'report.json'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /core-seed\.html: skipped: `posts` in the output folder is a symbolic link to `[^`]*victim`, outside the output folder/)
  assert.equal((await fs.readdir(path.join(dir, 'victim'))).sort(), ['important.md', 'important.txt'], 'nothing written or deleted outside')
  assert.is(await fs.readFile(path.join(dir, 'victim/important.md'), 'utf8'), 'IMPORTANT\n')
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{status: string}>}
  assert.is(report.files[0].status, 'skipped')
  // A link to a folder inside the output folder is fine.
  await fs.rm(path.join(dir, 'out/posts'))
  await fs.mkdir(path.join(dir, 'out/real-posts'))
  await fs.symlink(path.join(dir, 'out/real-posts'), path.join(dir, 'out/posts'))
  const inside = await cli(['in', '--out', 'out', '--layout', 'hugo'], dir)
  assert.is(inside.code, 0, inside.stderr)
  assert.equal(await fs.readdir(path.join(dir, 'out/real-posts')), ['1307292.md'])
})

test('cli: a moved page’s old output is removed only when it is still the file news-markdown wrote (not a link, not edited)', async function () {
  const dir = await folder({'in/a.html': page({title: '旧标题'}), 'elsewhere.md': 'keep\n'})
  assert.is((await cli(['in', '--out', 'out', '--layout', 'astro'], dir)).code, 0)
  const [old] = (await fs.readdir(path.join(dir, 'out'))).filter((name) => name.endsWith('.md'))
  // The old output becomes a link to a file outside with the same bytes.
  await fs.copyFile(path.join(dir, 'out', old), path.join(dir, 'elsewhere.md'))
  await fs.rm(path.join(dir, 'out', old))
  await fs.symlink(path.join(dir, 'elsewhere.md'), path.join(dir, 'out', old))
  await fs.writeFile(path.join(dir, 'in/a.html'), page({title: '新标题'}))
  const result = await cli(['in', '--out', 'out', '--layout', 'astro'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.ok((await fs.lstat(path.join(dir, 'out', old))).isSymbolicLink(), 'the link stays')
  assert.ok(await fs.readFile(path.join(dir, 'elsewhere.md')))
})

test('cli: temporaries of dead runs are cleaned without following links out of the folder', async function () {
  const dir = await folder({'in/a.html': page({title: '标题'}), 'outside/.news-markdown-tmp-4194999-1': 'not ours\n', 'out/sub/.news-markdown-tmp-4194999-2': 'stale\n'})
  await fs.symlink(path.join(dir, 'outside'), path.join(dir, 'out/link'))
  assert.is((await cli(['in', '--out', 'out'], dir)).code, 0)
  assert.ok(await exists(path.join(dir, 'outside/.news-markdown-tmp-4194999-1')), 'outside the folder: kept')
  assert.not.ok(await exists(path.join(dir, 'out/sub/.news-markdown-tmp-4194999-2')), 'inside: removed')
})

test('cli: an input swapped for a link out of the tree after the walk is not read (the open file is checked)', async function () {
  // `shared/cases/attack/fs-toctou-symlink.sh`, made deterministic: walk, swap, then read.
  const dir = await folder({'in/a.html': page({title: '无害'}), 'outside/secret.html': page({title: 'TOP SECRET', body: 'SECRET CONTENT'})})
  const {inputs} = await walkInputs(['in'], dir)
  await fs.rm(path.join(dir, 'in/a.html'))
  await fs.symlink(path.join(dir, 'outside/secret.html'), path.join(dir, 'in/a.html'))
  const input = inputs[0]
  const result = await convertTask({file: input.absolute, relative: input.relative, root: input.root, options: {}, layout: 'plain', maxSize: 1 << 20})
  assert.is(result.error?.ruleId, 'unreadable')
  assert.match(result.error?.reason || '', /changed after the folder was walked and now is `[^`]*outside\/secret\.html`, outside the input folder/)
  assert.is(result.page, undefined)
  // A link swapped in that stays inside the tree is read; so is a file named on the command line.
  await fs.copyFile(path.join(dir, 'outside/secret.html'), path.join(dir, 'in/inside.html'))
  await fs.rm(path.join(dir, 'in/a.html'))
  await fs.symlink(path.join(dir, 'in/inside.html'), path.join(dir, 'in/a.html'))
  assert.ok((await convertTask({file: input.absolute, relative: input.relative, root: input.root, options: {}, layout: 'plain', maxSize: 1 << 20})).page)
  // A FIFO swapped in does not hang the read.
  if (process.platform !== 'win32') {
    await fs.rm(path.join(dir, 'in/a.html'))
    await exec('mkfifo', [path.join(dir, 'in/a.html')])
    const fifo = await convertTask({file: input.absolute, relative: input.relative, root: input.root, options: {}, layout: 'plain', maxSize: 1 << 20})
    assert.is(fifo.error?.ruleId, 'unreadable')
  }
})

// Profiles.

test('security: profiles are validated data: unknown keys (also `constructor`, `__proto__`), wrong types, code', function () {
  const cases: Array<[unknown, RegExp]> = [
    [{id: 'x', contnet: ['main']}, /unknown key `contnet`/],
    [{id: 'x', constructor: ['main']}, /unknown key `constructor`/],
    [{id: 'x', toString: 'main'}, /unknown key `toString`/],
    [JSON.parse('{"id": "x", "__proto__": {"polluted": true}}'), /unknown key `__proto__`/],
    [{id: 'x', related: {selector: 'ul', constructor: 'x'}}, /unknown key `constructor`/],
    [{id: 'x', related: {selector: 'ul', onLoad: 'alert(1)'}}, /unknown key `onLoad`/],
    [{id: 'x', content: 'main'}, /expected an array of strings/],
    [{id: 'x', content: [1]}, /expected an array of strings|expected data/],
    [{id: 'x', content: [() => 'main']}, /expected data, not a function/],
    [
      {
        id: 'x',
        get content() {
          return ['main']
        }
      },
      /not a getter/
    ],
    [{id: 'x', credit: {selector: 'p', limit: '4'}}, /expected a number/],
    [{id: 'x', credit: {selector: 'p', limit: 1e9}}, /whole number from 1 to 100/],
    [{id: 'x', credit: {selector: 'p', limit: 2.5}}, /whole number/],
    [{id: 'x', hosts: ['https://example.com/path']}, /not a host name/],
    [{id: 'x', hosts: ['exa mple.com']}, /not a host name/],
    [{id: 'x', urlDate: '(('}, /urlDate/],
    [{id: 'x', urlDate: '/(\\d{4})(\\d\\d)(\\d\\d)/'}, /named group `\(\?<year>…\)`/],
    [{id: 'x', urlDate: '/(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)(?=/)'}, /linear-time engine, RE2: no lookarounds/],
    [{id: 'x', urlDate: '/(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)/(x)\\1'}, /urlDate/],
    [{id: 'x', remove: ['div[']}, /Invalid selector/],
    [{id: 1}, /expected a string/],
    [{content: ['main']}, /missing `id`/],
    [[], /expected an object/],
    [
      new (class Profile {
        id = 'x'
      })(),
      /expected an object/
    ],
    ['{"id": "x"}', /expected an object/]
  ]
  for (const [value, pattern] of cases) assert.throws(() => validateProfile(value), pattern, JSON.stringify(value))
  assert.is(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution')
  // A valid profile is returned as it is.
  const valid = {id: 'ok', hosts: ['news.example', '例子.中国'], content: ['.story'], urlDate: '/(?<year>\\d{4})/(?<month>\\d\\d)/(?<day>\\d\\d)/', credit: {selector: 'p', limit: 4}}
  assert.is(validateProfile(valid), valid)
})

test('security: catastrophic `urlDate` patterns (`(?:a|a)*`, `(a+)+`, `(a|aa)*`) are valid and run in linear time (RE2)', async function () {
  const path = '/2020/01/01/' + 'a'.repeat(30)
  for (const tail of ['(?:a|a)*$', '(a+)+$', '(a|aa)*$', '(?:a*)*b', '(?:\\w+\\w+)+$']) {
    const profile = validateProfile({id: 'redos', hosts: ['news.example'], content: ['div.entry-content'], urlDate: '^/(?<year>\\d{4})/(?<month>\\d\\d)/(?<day>\\d\\d)/' + tail})
    // 30 characters are enough to hang a backtracking engine for hours: each of these finishes at once.
    for (const url of ['https://news.example' + path + 'b', 'https://news.example' + path]) {
      const file = await convert('<link rel="canonical" href="' + url + '"><div class="entry-content"><p>Enough words in this paragraph to make it the article.</p></div>', {profiles: [profile]})
      assert.is(file.data.profile?.id, 'redos')
      if (tail === '(?:a|a)*$' && !url.endsWith('b')) assert.is(file.data.article?.date, '2020-01-01')
    }
  }
  // Growing the path 16 times grows the work about 16 times, never 256 times.
  const pattern = compileUrlPattern('^/(?<year>\\d{4})/(?<month>\\d\\d)/(?<day>\\d\\d)/(?:a|a)*$')
  const cost = (n: number) => {
    const started = process.cpuUsage()
    for (let round = 0; round < 5; round++) pattern.exec('/2020/01/01/' + 'a'.repeat(n) + 'b')
    const used = process.cpuUsage(started)
    return used.user + used.system
  }
  cost(1000)
  const ratio = cost(32_000) / Math.max(cost(2000), 1)
  assert.ok(ratio < 64, 'work grew ' + ratio.toFixed(1) + '× for 16× the input')
})

test('cli: an invalid or hostile `--profile` file is a usage error naming the file and the problem', async function () {
  const dir = await folder({
    'a.html': page({title: '标题'}),
    'proto.json': '{"id": "x", "__proto__": {"polluted": true}}',
    'lookahead.json': '{"id": "x", "urlDate": "^/(?<year>\\\\d{4})(?=/)(?<month>b)(?<day>c)$"}',
    'code.json': '{"id": "x", "content": ["main"], "onMatch": "require(\'child_process\').exec(\'touch pwned\')"}',
    'types.json': '{"id": "x", "content": "main"}',
    'syntax.json': '{"id": "x",}'
  })
  for (const [file, pattern] of [
    ['proto.json', /unknown key `__proto__`/],
    ['lookahead.json', /no lookarounds/],
    ['code.json', /unknown key `onMatch`/],
    ['types.json', /expected an array of strings/],
    ['syntax.json', /Invalid JSON/]
  ] as const) {
    const result = await cli(['a.html', '--out', 'out', '--profile', file], dir)
    assert.is(result.code, 2, file)
    assert.match(result.stderr, pattern)
    assert.match(result.stderr, file)
  }
  assert.not.ok((await fs.readdir(dir)).includes('pwned'))
  assert.not.ok((await fs.readdir(dir)).includes('out'))
})

test.run()
