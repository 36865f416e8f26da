// End to end: convert the fixture pages with the CLI, build the output with
// real static site generators (Hugo and Jekyll from Debian, Eleventy and
// Astro from npm), and check what they built. A missing generator fails the
// test: `scripts/install-generators.sh` installs the Debian ones.
//
// The site skeletons are in `test/generators/<name>/`. Each page template
// writes `<meta name="source" content="…">` (the content file it was built
// from), `<h1>` (the title), `a[rel=tag]` links to the tag pages, and the
// Markdown body inside `.body`; tag pages have the tag as `<h1>` and link to
// their pages. Tag page URLs are never guessed: they are read from the built
// pages' links and resolved to files.
//
// The `fixtures/generator-*` pages are hostile to the generators: their
// own syntax quoted in articles (Hugo shortcodes, kramdown extensions and
// attribute lists, Goldmark attributes), markup in titles and tags,
// characters YAML readers refuse, tags and old URLs no file may be named
// after, a page without a title. Every site must build, show the text of
// the plain conversion (`output.md`) as it is, and run nothing
// (`test/util/scan-html.ts`).
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {existsSync, readFileSync, statSync} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import type {Element, Root as HastRoot} from 'hast'
import {select, selectAll} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import YAML from 'yaml'
import {run} from '../lib/cli.js'
import type {LayoutName} from '../lib/output/layouts.js'
import type {ReportEntry} from '../lib/cli/report.js'
import {printComments} from '../lib/output/body-escape-hugo.js'
import {executableContent} from './util/scan-html.js'
import {plainTexts, readSite, squash} from './util/site-check.js'
import type {Built} from './util/site-check.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const skeletons = path.join(root, 'test', 'generators')
/** Origin of every skeleton site (`baseURL`, `url`, `site`). */
const origin = 'https://example.org'
/** Headings of related-article lists in the fixtures. */
const relatedHeading = /^(相关阅读|相關閱讀)$/
const buildTimeout = 120_000

/**
 * One page besides the fixtures: article text that quotes template syntax
 * (Liquid, Nunjucks) must stay text in every generator. Not Hugo's
 * shortcodes (`{{< x >}}`): Hugo runs them in content and nothing in the
 * frontmatter turns that off, so the Markdown body would need escaping.
 */
const templateSyntax = ['{{ price }}', '{% if admin %}', '{%- raw -%}']
const templatePage =
  '<!doctype html><html><head><meta charset="utf-8">' +
  '<link rel="canonical" href="https://www.bannedbook.org/bnews/itnews/20240105/1940001.html">' +
  '<title>论坛帖子里的模板语法</title></head><body><h2>论坛帖子里的模板语法</h2><div class="entry">' +
  '<p>（来源：美國之音, 文章內容並不代表本網立場和觀點。）</p>' +
  '<p>网友在论坛写下 ' +
  templateSyntax.join(' 和 ') +
  ' 这样的文字，本文照录。</p>' +
  '<p>第二段内容，记者报道了当地的情况。</p></div>' +
  '<div class="postfooter">本文标签：<a rel="tag" href="/tag/1">模板</a></div></body></html>'

/**
 * Pages whose tags differ only in case from page to page (`Covid` twice,
 * `COVID` once; `ai` and `AI` once each, a tie): the batch writes each tag in one
 * form (its most frequent, ties in code-unit order), so every generator
 * makes one tag page of it.
 */
const caseTagPages = [
  ['case-tags-a', 1940002, 'Covid', 'ai'],
  ['case-tags-b', 1940003, 'Covid', 'AI'],
  ['case-tags-c', 1940004, 'COVID']
].map(
  ([name, id, ...tags]) =>
    [
      String(name),
      '<!doctype html><html><head><meta charset="utf-8">' +
        '<link rel="canonical" href="https://www.bannedbook.org/bnews/itnews/20240105/' +
        id +
        '.html">' +
        '<title>标签大小写 ' +
        id +
        '</title></head><body><h2>标签大小写 ' +
        id +
        '</h2><div class="entry">' +
        '<p>（来源：美國之音, 文章內容並不代表本網立場和觀點。）</p>' +
        '<p>同一个标签在不同文章里写法不同，第' +
        id +
        '篇。</p>' +
        '<p>第二段内容，记者报道了当地的情况。</p></div>' +
        '<div class="postfooter">本文标签：' +
        tags.map((tag, index) => '<a rel="tag" href="/tag/' + index + '">' + tag + '</a>').join('，') +
        '</div></body></html>'
    ] as const
)

// Converted Markdown.

interface Article {
  /** Path relative to the CLI's `--out` folder (posix). */
  file: string
  /** The fixture it was converted from (for messages). */
  input: string
  data: Record<string, unknown>
  title: string
  tags: Array<string>
  /** Text of every paragraph, heading and table cell (no image alt). */
  texts: Array<string>
  /** Every link and image target in the body. */
  links: Array<string>
  images: Array<string>
  /** Links in lists under a related-articles heading. */
  related: Array<string>
  /** Old URL paths to redirect (`aliases` or `redirect_from`). */
  redirects: Array<string>
  /** Original URL, whichever key the layout writes it under. */
  original: string | undefined
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm)

/** The pages the CLI wrote, as its report lists them. */
async function readArticles(out: string, report: Array<ReportEntry>, layout: string): Promise<Array<Article>> {
  const articles: Array<Article> = []
  for (const entry of report) {
    assert.is(entry.status, 'converted', entry.input + ': ' + String(entry.reason || entry.error?.reason))
    assert.ok(entry.output, entry.input + ': output')
    const file = entry.output
    const input = entry.input.replace(/\/input\.html$/, '')
    const text = await fs.readFile(path.join(out, ...file.split('/')), 'utf8')
    const tree = markdown.parse(text) as MdastRoot
    const yaml = tree.children[0]
    assert.is(yaml?.type, 'yaml', file + ': frontmatter')
    const data = YAML.parse((yaml as {value: string}).value) as Record<string, unknown>
    const texts: Array<string> = []
    const links: Array<string> = []
    const images: Array<string> = []
    visit(tree, function (node: MdastNodes) {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        // Text around a footnote reference in parts: each generator numbers and marks references its own way.
        for (const value of shownText(node, layout).split('\u0000')) if (squash(value)) texts.push(value)
      } else if (node.type === 'link') {
        // Not GFM's literal autolinks (`tips\@example.org`): CommonMark readers without them (markdown-it) show text.
        if (/^[[<]/.test(text.charAt(node.position?.start.offset ?? 0))) links.push(node.url)
      } else if (node.type === 'image') images.push(node.url)
    })
    const related: Array<string> = []
    for (const [index, node] of tree.children.entries()) {
      const next = tree.children[index + 1]
      if (node.type === 'heading' && relatedHeading.test(mdastToString(node)) && next?.type === 'list') {
        visit(next, 'link', (link) => void related.push(link.url))
      }
    }
    articles.push({
      file,
      input,
      data,
      title: String(data.title),
      tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
      texts,
      links,
      images,
      related,
      redirects: [...asStrings(data.aliases), ...asStrings(data.redirect_from)],
      original: typeof data.url === 'string' ? data.url : typeof data.original_url === 'string' ? data.original_url : undefined
    })
  }
  return articles.sort((a, b) => (a.file < b.file ? -1 : 1))
}

function asStrings(value: unknown): Array<string> {
  return Array.isArray(value) ? value.map(String) : []
}

// Built HTML.

/**
 * The built file an in-site URL points to, as a static file server finds it:
 * `/a/` → `a/index.html`; `/a` → `a`, `a.html` (Jekyll's extensionless
 * permalinks) or `a/index.html` (Hugo's and Eleventy's), the first that
 * exists. `undefined` when the URL leaves the site.
 */
function resolveHref(dir: string, href: string): string | undefined {
  const url = new URL(href, origin + '/')
  if (url.origin !== origin) return undefined
  const file = path.join(dir, ...decodeURIComponent(url.pathname).split('/'))
  if (url.pathname.endsWith('/')) return path.join(file, 'index.html')
  return [file, file + '.html', path.join(file, 'index.html')].find((candidate) => existsSync(candidate) && !statSync(candidate).isDirectory()) ?? file
}

function text(tree: HastRoot | Element | undefined): string {
  return tree ? hastToString(tree).trim() : ''
}

function attribute(node: Element | undefined, name: string): string {
  const value = node?.properties[name]
  return typeof value === 'string' ? value : ''
}

/**
 * Text of a block as the generator shows it: its inline code as Hugo prints
 * it with the hugo layout (see `hugoPrinted`), image alt text left out.
 */
function shownText(node: MdastNodes, layout: string): string {
  if (node.type === 'text') return node.value
  if (node.type === 'inlineCode') return layout === 'hugo' ? hugoPrinted(node.value) : node.value
  if (node.type === 'break') return '\n'
  if (node.type === 'footnoteReference') return '\u0000'
  return 'children' in node ? node.children.map((child) => shownText(child, layout)).join('') : ''
}

/**
 * Text as Hugo prints it: a shortcode in Hugo's comment form (`{{</*` …
 * `*\/>}}`, which the hugo layout writes in code) is printed without the
 * comment markers; the zero-width spaces it puts in code are not counted.
 */
function hugoPrinted(value: string): string {
  return printComments(value).replace(/\u200B/g, '')
}

function sameUrl(value: string): string {
  try {
    // markdown-it (Eleventy) percent-encodes a `%` that starts no escape.
    return decodeURI(value.replace(/%(?![\da-f]{2})/gi, '%25'))
  } catch {
    return value
  }
}

// Running the CLI and the generators.

function sink(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback()
    }
  })
}

/** Convert the fixtures and the template-syntax page into `out`; the report's entries. */
async function convert(layout: LayoutName, out: string, tmp: string): Promise<Array<ReportEntry>> {
  const stderr: Array<Buffer> = []
  const report = path.join(tmp, 'report.json')
  const extra = path.join(tmp, 'extra')
  await fs.mkdir(path.join(extra, 'template-syntax'), {recursive: true})
  await fs.writeFile(path.join(extra, 'template-syntax', 'input.html'), templatePage)
  for (const [name, html] of caseTagPages) {
    await fs.mkdir(path.join(extra, name), {recursive: true})
    await fs.writeFile(path.join(extra, name, 'input.html'), html)
  }
  const code = await run(['fixtures', extra, '--out', out, '--layout', layout, '--jobs', '1', '--quiet', '--report', report], {
    stdin: Readable.from([]),
    stdout: sink(),
    stderr: new Writable({
      write(chunk, _encoding, callback) {
        stderr.push(Buffer.from(chunk))
        callback()
      }
    }),
    cwd: root,
    isTTY: false
  })
  assert.is(code, 0, 'news-markdown --layout ' + layout + ': ' + Buffer.concat(stderr).toString('utf8'))
  const entries = (JSON.parse(await fs.readFile(report, 'utf8')) as {files: Array<ReportEntry>}).files
  assert.ok(entries.length > 0, 'the fixtures were converted')
  return entries
}

function spawn(name: string, command: string, args: Array<string>, options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: buildTimeout, ...options})
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    assert.unreachable(name + ' is not installed (`' + command + '` not found): run `scripts/install-generators.sh` (as root) first')
  }
  if (result.error) assert.unreachable(name + ' failed to run: ' + String(result.error))
  assert.is(result.status, 0, name + ' exited with ' + String(result.status ?? result.signal) + ':\n' + result.stdout + result.stderr)
  return result
}

function packageVersion(name: string): string {
  const file = path.join(root, 'node_modules', ...name.split('/'), 'package.json')
  assert.ok(existsSync(file), name + ' is not installed: run `npm ci`')
  return String((JSON.parse(readFileSync(file, 'utf8')) as {version: string}).version)
}

interface Site {
  /** The CLI's `--out` folder. */
  out: string
  /** The generator's output folder. */
  output: string
  /** Content file (as written in `<meta name=source>`) → path relative to `out`. */
  source(value: string): string
  report: Array<ReportEntry>
  version: string
  ms: number
}

interface Generator {
  build(tmp: string): Promise<Omit<Site, 'ms'>>
  /** Whether the layout writes redirects for old URLs. */
  redirects: boolean
}

const generators: Record<string, Generator> = {
  hugo: {
    redirects: true,
    async build(tmp) {
      const site = path.join(tmp, 'site')
      const out = path.join(tmp, 'content')
      const output = path.join(tmp, 'public')
      await fs.cp(path.join(skeletons, 'hugo'), site, {recursive: true})
      const report = await convert('hugo', out, tmp)
      const version = spawn('Hugo', 'hugo', ['version']).stdout.trim()
      spawn('Hugo', 'hugo', ['--source', site, '--contentDir', out, '--destination', output, '--quiet'])
      return {out, output, source: (value) => value.split(path.sep).join('/'), report, version}
    }
  },
  eleventy: {
    redirects: false,
    async build(tmp) {
      const out = path.join(tmp, 'site')
      const report = await convert('eleventy', out, tmp)
      // The CLI writes no `layout`: a directory data file gives the posts one.
      await fs.writeFile(path.join(out, 'posts', 'posts.11tydata.json'), JSON.stringify({layout: 'post.njk'}) + '\n')
      await fs.cp(path.join(skeletons, 'eleventy'), out, {recursive: true})
      const version = packageVersion('@11ty/eleventy')
      spawn('Eleventy', process.execPath, [path.join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--quiet'], {cwd: out})
      return {out, output: path.join(out, '_site'), source: (value) => path.posix.normalize(value), report, version}
    }
  },
  jekyll: {
    redirects: true,
    async build(tmp) {
      const out = path.join(tmp, 'site')
      const output = path.join(tmp, '_site')
      const report = await convert('jekyll', out, tmp)
      await fs.cp(path.join(skeletons, 'jekyll'), out, {recursive: true})
      const env = {...process.env, LANG: process.env.LANG || 'C.UTF-8'}
      const version = spawn('Jekyll', 'jekyll', ['--version'], {env}).stdout.trim()
      // `--drafts`: pages without a date are in `_drafts/`; build them too.
      spawn('Jekyll', 'jekyll', ['build', '--source', out, '--destination', output, '--drafts', '--quiet'], {cwd: out, env})
      return {out, output, source: (value) => value, report, version}
    }
  },
  astro: {
    redirects: false,
    async build(tmp) {
      const site = path.join(tmp, 'site')
      const out = path.join(site, 'src', 'content', 'news')
      await fs.cp(path.join(skeletons, 'astro'), site, {recursive: true})
      await fs.symlink(path.join(root, 'node_modules'), path.join(site, 'node_modules'), 'dir')
      const report = await convert('astro', out, tmp)
      const version = packageVersion('astro')
      spawn('Astro', process.execPath, [path.join(root, 'node_modules', 'astro', 'astro.js'), 'build', '--root', site, '--silent'], {
        cwd: site,
        env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1'}
      })
      return {out, output: path.join(site, 'dist'), source: (value) => path.posix.relative('src/content/news', value), report, version}
    }
  }
}

interface Result {
  site: Site
  articles: Array<Article>
  built: Map<string, Built>
  /** Article file → its built page. */
  pages: Map<string, Built>
}

const builds = new Map<string, Promise<Result>>()
const folders: Array<string> = []

/** Convert and build once per generator; every test of it shares the result. */
function build(name: string): Promise<Result> {
  let result = builds.get(name)
  if (!result) {
    result = (async function () {
      const generator = generators[name]
      const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-' + name + '-'))
      folders.push(tmp)
      const start = performance.now()
      const partial = await generator.build(tmp)
      const site: Site = {...partial, ms: performance.now() - start}
      const articles = await readArticles(site.out, site.report, name)
      const built = await readSite(site.output)
      const pages = new Map<string, Built>()
      for (const page of built.values()) {
        const source = attribute(select('meta[name=source]', page.tree) as Element | undefined, 'content')
        if (!source) continue
        const file = site.source(source)
        assert.not.ok(pages.has(file), name + ': two pages built from ' + file)
        pages.set(file, page)
      }
      console.error('  ' + name + ' (' + site.version + '): ' + articles.length + ' pages converted and built in ' + (site.ms / 1000).toFixed(1) + ' s')
      return {site, articles, built, pages}
    })()
    builds.set(name, result)
  }
  return result
}

/** `fixture → content file`, for messages. */
function where(article: Article): string {
  return article.input + ' → ' + article.file
}

function pageOf(result: Result, article: Article): Built {
  const page = result.pages.get(article.file)
  assert.ok(page, where(article) + ': no page was built from it (built: ' + [...result.pages.keys()].join(', ') + ')')
  return page
}

// Tests.

for (const name of Object.keys(generators)) {
  test(name + ': every converted page is built with its title and body text', async function () {
    const result = await build(name)
    assert.is(result.pages.size, result.articles.length, 'one page per converted fixture')
    for (const article of result.articles) {
      const page = pageOf(result, article)
      assert.is(text(select('h1', page.tree)), article.title, where(article) + ': <h1>')
      assert.is(text(select('title', page.tree)), article.title, where(article) + ': <title>')
      const body = select('.body', page.tree)
      assert.ok(body, where(article) + ': .body')
      const bodyText = squash(text(body))
      assert.ok(article.texts.length > 0, where(article) + ': body text')
      for (const value of article.texts) assert.ok(bodyText.includes(squash(value)), where(article) + ': text missing from the page: ' + value)
      const hrefs = new Set(selectAll('a[href]', body).map((node) => sameUrl(attribute(node, 'href'))))
      for (const url of article.links) assert.ok(hrefs.has(sameUrl(url)), where(article) + ': link missing from the page: ' + url)
      const sources = new Set(selectAll('img[src]', body).map((node) => sameUrl(attribute(node, 'src'))))
      for (const url of article.images) assert.ok(sources.has(sameUrl(url)), where(article) + ': image missing from the page: ' + url)
      if (article.original) {
        const links = selectAll('.original a[href]', page.tree).map((node) => attribute(node, 'href'))
        assert.equal(links, [article.original], where(article) + ': the original URL reaches the template')
      }
    }
  })

  test(name + ': related-article links are in the pages', async function () {
    const result = await build(name)
    const withRelated = result.articles.filter((article) => article.related.length > 0)
    assert.ok(withRelated.length > 0, 'some fixtures have related articles')
    for (const article of withRelated) {
      const page = pageOf(result, article)
      const heading = selectAll('.body h2', page.tree).find((node) => relatedHeading.test(text(node)))
      assert.ok(heading, where(article) + ': related heading')
      const links = selectAll('.body li a[href]', page.tree).map((node) => sameUrl(attribute(node, 'href')))
      for (const url of article.related) assert.ok(links.includes(sameUrl(url)), where(article) + ': related link missing: ' + url)
    }
  })

  test(name + ': a tag page exists for every frontmatter tag and links back', async function () {
    const result = await build(name)
    const tagged = result.articles.filter((article) => article.tags.length > 0)
    assert.ok(tagged.length > 0, 'some fixtures have tags')
    for (const article of tagged) {
      const page = pageOf(result, article)
      const links = selectAll('a[rel=tag]', page.tree)
      assert.equal(
        links.map((node) => text(node)),
        article.tags,
        where(article) + ': tag links'
      )
      for (const link of links) {
        const tag = text(link)
        const file = resolveHref(result.site.output, attribute(link, 'href'))
        assert.ok(file, where(article) + ': tag link ' + attribute(link, 'href') + ' leaves the site')
        const termPage = result.built.get(file)
        assert.ok(termPage, where(article) + ': tag page for ' + tag + ' was not built (' + attribute(link, 'href') + ')')
        assert.is(text(select('h1', termPage.tree)), tag, file + ': <h1> is the tag')
        const back = selectAll('a[href]', termPage.tree).map((node) => resolveHref(result.site.output, attribute(node, 'href')))
        assert.ok(back.includes(page.file), 'tag page ' + tag + ' links to ' + where(article))
      }
    }
  })

  test(name + ': tags differing only in case across pages are written in one form, with one tag page', async function () {
    const result = await build(name)
    const pages = result.articles.filter((article) => article.input.startsWith('case-tags-'))
    assert.is(pages.length, caseTagPages.length)
    // `Covid` is on two pages, `COVID` on one; `ai` and `AI` on one each (a tie: `AI` first in code-unit order).
    assert.equal(
      pages.map((article) => article.tags),
      [['Covid', 'AI'], ['Covid', 'AI'], ['Covid']]
    )
    const termPages = (tag: string) => [...result.built.values()].filter((page) => text(select('h1', page.tree)).toLowerCase() === tag)
    assert.is(termPages('covid').length, 1, 'one tag page for Covid')
    assert.is(termPages('ai').length, 1, 'one tag page for AI')
  })

  test(name + ': template syntax quoted in an article stays text', async function () {
    const result = await build(name)
    const article = result.articles.find((article) => article.input === 'template-syntax')
    assert.ok(article, 'the template-syntax page was converted')
    const body = text(select('.body', pageOf(result, article).tree))
    for (const value of templateSyntax) assert.ok(body.includes(value), where(article) + ': ' + value + ' missing from ' + body)
  })

  test(name + ': every page reads as its plain conversion, code included', async function () {
    const result = await build(name)
    for (const article of result.articles) {
      // Pages of this suite, not fixtures.
      if (article.input === 'template-syntax' || article.input.startsWith('case-tags-')) continue
      // The CLI converts the folder without each fixture's `options.json`: a fixture whose profile picks its root reads differently.
      const optionsFile = path.join(root, 'fixtures', article.input, 'options.json')
      if (existsSync(optionsFile) && 'profiles' in JSON.parse(readFileSync(optionsFile, 'utf8'))) continue
      const plainFile = path.join(root, 'fixtures', article.input, 'output.md')
      assert.ok(existsSync(plainFile), where(article) + ': ' + plainFile)
      const plain = readFileSync(plainFile, 'utf8')
      const body = select('.body', pageOf(result, article).tree)
      // Hugo's syntax quoted in code gets a zero-width space where nothing else works: invisible, so not counted (`squash`).
      const built = squash(text(body))
      for (const value of plainTexts(plain)) assert.ok(built.includes(squash(value)), where(article) + ': the page does not read ' + JSON.stringify(value))
    }
  })

  test(name + ': nothing in the built site runs', async function () {
    const result = await build(name)
    let pages = 0
    for (const page of result.built.values()) {
      const stub = select('meta[http-equiv=refresh]', page.tree) && !select('meta[name=source]', page.tree)
      if (stub) {
        // A redirect stub of the generator (jekyll-redirect-from adds `location="…"`): only to the site itself.
        for (const script of selectAll('script', page.tree)) assert.match(text(script), /^location="https:\/\/example\.org\/[^"]*"$/, page.file + ': redirect script')
        continue
      }
      pages++
      assert.equal(executableContent(page.tree, ['link']), [], page.file + ' (built from ' + attribute(select('meta[name=source]', page.tree) as Element | undefined, 'content') + ')')
    }
    assert.ok(pages > result.articles.length, 'article, tag and index pages were scanned')
  })

  if (generators[name].redirects) {
    test(name + ': old URLs redirect to the pages', async function () {
      const result = await build(name)
      const moved = result.articles.filter((article) => article.redirects.length > 0)
      assert.ok(moved.length > 0, 'some fixtures have a canonical URL')
      for (const article of moved) {
        const page = pageOf(result, article)
        for (const redirect of article.redirects) {
          const file = resolveHref(result.site.output, redirect)
          assert.ok(file, redirect)
          const stub = result.built.get(file)
          assert.ok(stub, where(article) + ': no redirect page at ' + redirect)
          const refresh = attribute(select('meta[http-equiv=refresh]', stub.tree) as Element | undefined, 'content')
          const target = /url=(.+)$/i.exec(refresh)
          assert.ok(target, redirect + ': meta refresh')
          assert.is(resolveHref(result.site.output, target[1].trim()), page.file, redirect + ' redirects to the page of ' + where(article))
        }
      }
    })
  }
}

for (const name of Object.keys(generators)) {
  test(name + ': footnotes render as footnotes (links both ways), or as text in Eleventy (text-footnotes-*)', async function () {
    const result = await build(name)
    for (const input of ['text-footnotes-pandoc', 'text-footnotes-wordpress', 'text-footnotes-word-cjk']) {
      const article = result.articles.find((article) => article.input === input)
      assert.ok(article, input + ': converted')
      const body = select('.body', pageOf(result, article).tree)
      assert.ok(body, input + ': body')
      const value = text(body)
      assert.not.ok(value.includes('[^'), input + ': no footnote syntax shows: ' + value)
      if (name === 'eleventy') {
        // markdown-it without a footnote plugin: the marks and the notes as text.
        assert.ok(/[¹ᵃ]/.test(value) && /[²ᵇ]/.test(value), input + ': superscript marks: ' + value)
        continue
      }
      const references = selectAll('sup a[href^="#"]', body)
      assert.ok(references.length >= 2, input + ': linked references')
      for (const reference of references) {
        const id = decodeURIComponent(attribute(reference, 'href').slice(1))
        const note = selectAll('[id]', body).find((node) => attribute(node, 'id') === id)
        assert.ok(note && text(note).trim().length > 2, input + ': note #' + id + ' holds the note text')
      }
    }
  })
}

test('hugo: shortcodes quoted in text and code neither run nor stop the build (generator-hugo-shortcode-text)', async function () {
  const result = await build('hugo')
  const article = result.articles.find((article) => article.input === 'generator-hugo-shortcode-text')
  assert.ok(article, 'converted')
  const body = select('.body', pageOf(result, article).tree)
  const value = text(body).replace(/\u200B/g, '')
  for (const quoted of ['{{< youtube abc >}}', '{{<br />', '{{%s|token}}']) assert.ok(value.includes(quoted), quoted + ' in ' + value)
  assert.equal(selectAll('iframe, script', body), [], 'no embed')
  const hostile = result.articles.find((article) => article.input === 'generator-hugo-forms')
  assert.ok(hostile, 'converted')
  const forms = text(select('.body', pageOf(result, hostile).tree)).replace(/\u200B/g, '')
  for (const quoted of ['{{< youtube w7Ft2ymGmfc >}}', '{{% notice warning %}}', '{{</* gist spf13 7896402 */>}}', '{{< figure src="cat.jpg" >}}', '{{< vimeo 146022717 >}}', '<!--more-->']) {
    assert.ok(forms.includes(quoted), quoted + ' in ' + forms)
  }
  const heading = select('.body h3', pageOf(result, hostile).tree) as Element | undefined
  assert.ok(heading && !heading.properties.style, 'no Goldmark attributes on the heading')
  // Hugo 0.111's Goldmark writes `alt` from the raw source, so the escape's backslash shows there (and only there).
  assert.is(attribute(select('.body img', pageOf(result, hostile).tree) as Element | undefined, 'alt').replace(/\\/g, ''), '{{% alt %}}', 'image alt')
})

test('jekyll: kramdown syntax quoted in an article is text (generator-jekyll-kramdown-xss, generator-kramdown-forms)', async function () {
  const result = await build('jekyll')
  for (const input of ['generator-jekyll-kramdown-xss', 'generator-kramdown-forms']) {
    const article = result.articles.find((article) => article.input === input)
    assert.ok(article, input + ': converted')
    const body = select('.body', pageOf(result, article).tree)
    assert.ok(body, input + ': body')
    // A pipe in a paragraph is no table row, `: ` no definition, `*[X]:` no abbreviation, `$$` no math.
    const tables = selectAll('table', body).length
    assert.is(tables, input === 'generator-kramdown-forms' ? 1 : 0, input + ': only the table the article has')
    assert.equal(selectAll('dl, abbr, sup, .footnotes, mjx-container, script', body), [], input + ': no definition list, abbreviation, footnote or math')
  }
})

test('jekyll: a post lands on its own day: file name, URL and listing agree (generator-jekyll-timezone)', async function () {
  const result = await build('jekyll')
  const index = result.built.get(path.join(result.site.output, 'index.html'))
  assert.ok(index, 'index page')
  const listed = new Map(selectAll('li', index.tree).map((item) => [resolveHref(result.site.output, attribute(select('a', item) as Element | undefined, 'href')), text(select('time', item))]))
  const dated = result.articles.filter((article) => article.file.startsWith('_posts/'))
  assert.ok(
    dated.some((article) => article.input === 'generator-jekyll-timezone'),
    'the +08:00 post is among them'
  )
  for (const article of dated) {
    const day = /^_posts\/(\d{4})-(\d{2})-(\d{2})-/.exec(article.file)
    assert.ok(day, article.file)
    const page = pageOf(result, article)
    const url = new URL(attribute(select('link[rel=canonical]', page.tree) as Element | undefined, 'href')).pathname
    assert.ok(url.startsWith('/' + day[1] + '/' + day[2] + '/' + day[3] + '/'), where(article) + ': built at ' + url)
    assert.is(text(select('time', page.tree)).slice(0, 10), day.slice(1).join('-'), where(article) + ': shown date')
    assert.is(listed.get(page.file), day.slice(1).join('-'), where(article) + ': listed date')
  }
})

// `NEWS_MARKDOWN_KEEP_SITES=1` keeps the built sites to look at.
test.after(async function () {
  if (process.env.NEWS_MARKDOWN_KEEP_SITES) console.error('  sites kept: ' + folders.join(' '))
  else await Promise.all(folders.map((folder) => fs.rm(folder, {recursive: true, force: true})))
})

test.run()
