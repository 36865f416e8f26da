import type {Profile} from './types.js'

/**
 * bannedbook.org (禁闻网), a WordPress news site: `<h2>` title, `p.notice`
 * promo, `div.entry` body with a credit line, Simple Tags auto links,
 * keyword-affiliate links, Instant Articles related lists and a tag footer.
 */
export const bannedbookOrg: Profile = {
  id: 'bannedbook-org',
  hosts: ['bannedbook.org'],
  signature: ['div.entry', 'p.notice, div.postfooter, ul.op-related-articles, div.texttj, a.st_tag, span.wp_keywordlink_affiliate'],
  content: ['div.entry'],
  title: ['h1.entry-title', 'h2.entry-title', 'h1, h2'],
  tags: ['.postfooter a[rel~=tag]', '.post-tags a[rel~=tag]'],
  credit: {selector: 'p', limit: 4},
  urlDate: '/(?<year>(?:19|20)\\d{2})(?<month>[01]\\d)(?<day>[0-3]\\d)/[^/]+\\.html?$',
  remove: ['.notice', 'div.texttj', 'a[name=sharetosocial]', 'div.postfooter', '.sharedaddy', '.wp-socializer'],
  unwrap: ['a.st_tag', 'a.internal_tag', 'span.wp_keywordlink_affiliate', 'span.wp_keywordlink_affiliate > a', 'span.wp_keywordlink > a'],
  related: {
    selector: 'ul.op-related-articles',
    drop: '[data-sponsored]:not([data-sponsored=false])',
    heading: '相关阅读'
  }
}
