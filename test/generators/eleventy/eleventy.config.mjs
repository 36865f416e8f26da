// Minimal Eleventy site for test/generators.ts. The test copies this folder
// into the CLI's `--out` folder (Eleventy's input folder) and builds it.
export default function (eleventyConfig) {
  eleventyConfig.ignores.add('eleventy.config.mjs')
  // Eleventy's `slugify` filter keeps only `[a-z0-9]`: every CJK tag would
  // slug to '' and all tag pages would collide at `/tags/`
  // (DuplicatePermalinkOutputError). Keep Unicode letters, marks and digits.
  eleventyConfig.addFilter('tagSlug', (tag) =>
    String(tag).normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')
  )
}

export const config = {
  dir: {input: '.', includes: '_includes', output: '_site'}
}
