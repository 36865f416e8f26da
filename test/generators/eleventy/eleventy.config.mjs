// Minimal Eleventy site for test/generators.ts. The test copies this folder
// into the CLI's `--out` folder (Eleventy's input folder) and builds it.
export default function (eleventyConfig) {
  eleventyConfig.ignores.add('eleventy.config.mjs')
  // `--images copy|download` puts each post's images beside it
  // (`posts/<slug>/index.md`): copy them to the same place in `_site`.
  eleventyConfig.addPassthroughCopy('posts/**/*.{jpg,png,gif,webp,avif,svg,bmp,ico,tif,jxl,heic,heif}')
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
