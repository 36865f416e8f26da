// Minimal Astro site for test/generators.ts: the CLI writes the collection
// folder `src/content/news/` (`--layout astro`), the test builds to `dist/`.
// The test links `node_modules` to the project's; keep Astro's and Vite's
// caches in the (temporary) site instead of there.
import {defineConfig} from 'astro/config'

export default defineConfig({
  site: 'https://example.org',
  cacheDir: './.astro-cache',
  vite: {cacheDir: './.vite-cache'}
})
