// Tag page slugs that keep CJK (Unicode letters, marks and digits).
export function tagSlug(tag) {
  return String(tag).normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')
}
