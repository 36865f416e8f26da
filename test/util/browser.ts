/**
 * Headless Chromium from Debian (`scripts/install-browser.sh`) driven by
 * `puppeteer-core`, for tests of what a browser shows. Every page is opened
 * with the network forbidden: any request other than `file:` is aborted and
 * recorded, as are dialogs, page errors and console errors (a
 * Content-Security-Policy violation is one), so a test can assert there
 * were none.
 */
import fs from 'node:fs/promises'
import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import puppeteer from 'puppeteer-core'
import type {Browser, Page} from 'puppeteer-core'

/** The system Chromium (`CHROMIUM_PATH` overrides). */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Flags this machine needs: no sandbox (root), no GPU, and nothing that phones home. */
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

/** A launched browser and its fresh profile folder; `close` removes both. */
export interface TestBrowser {
  browser: Browser
  close(): Promise<void>
}

/** Launch Chromium headless with a fresh `--user-data-dir`; fails clearly when it is not installed. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(chromiumPath)) throw new Error('Chromium is missing at `' + chromiumPath + '`: run `bash scripts/install-browser.sh` (as root)')
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-chromium-'))
  const browser = await puppeteer.launch({executablePath: chromiumPath, headless: true, userDataDir: profile, args: flags, timeout: 60_000, protocolTimeout: 120_000})
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined)
      await fs.rm(profile, {recursive: true, force: true})
    }
  }
}

/** A page and what it tried that a test forbids. */
export interface GuardedPage {
  page: Page
  /** URLs of requests other than `file:` (aborted). */
  network: Array<string>
  /** Messages of `alert`, `confirm`, `prompt` and `beforeunload` dialogs (dismissed). */
  dialogs: Array<string>
  /** Uncaught errors and console errors. */
  errors: Array<string>
}

/** A new page that allows only `file:` requests and records everything else. */
export async function guardedPage(browser: Browser, viewport = {width: 1400, height: 900}): Promise<GuardedPage> {
  const page = await browser.newPage()
  await page.setViewport(viewport)
  const guarded: GuardedPage = {page, network: [], dialogs: [], errors: []}
  // Functions passed to `page.evaluate` are compiled by tsx (esbuild with
  // `keepNames`), which wraps named inner functions in `__name(…)`: give
  // the page that helper (through the protocol, not a script element).
  await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((target) => target)')
  await page.setRequestInterception(true)
  page.on('request', (request) => {
    const url = request.url()
    if (url.startsWith('file:')) {
      void request.continue()
    } else {
      guarded.network.push(url)
      void request.abort('blockedbyclient')
    }
  })
  page.on('dialog', (dialog) => {
    guarded.dialogs.push(dialog.type() + ': ' + dialog.message())
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => guarded.errors.push('pageerror: ' + (error as Error).message))
  page.on('console', (message) => {
    if (message.type() === 'error') guarded.errors.push('console: ' + message.text())
  })
  return guarded
}
