import type {Unsafe} from 'mdast-util-to-markdown'

/**
 * `mdast-util-to-markdown` patterns that keep quoted Hugo shortcodes from
 * running: Hugo reads every `{{<` and `{{%` of a content file as a
 * shortcode call before Markdown is parsed (an unknown name stops the whole
 * site's build; a known one such as `gist` runs). The second brace is
 * escaped (`{\{<`), which every Markdown reader shows as `{{<`. It applies
 * in every construct the serialiser escapes (text, link text, URLs,
 * titles; percent-encoded in autolinks); code, which has no escapes, is
 * left to the hugo layout (`lib/output/body-escape-hugo.ts`).
 */
export const shortcodeUnsafe: Array<Unsafe> = [{character: '{', before: '\\{', after: '[<%]'}]
