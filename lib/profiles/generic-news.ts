import type {Profile} from './types.js'

/**
 * Fallback for WordPress and other news CMSs: common content roots, tag
 * footers, share, related and ad plugins. Used when no site profile matches;
 * pages it does not fit go to content scoring.
 */
export const genericNews: Profile = {
  id: 'generic-news',
  content: ['[itemprop=articleBody]', '.entry-content', '.post-content', '.article-content', '.article-body', '.story-body', 'div.entry'],
  title: ['h1.entry-title', 'h1.post-title', 'h2.entry-title', '[itemprop=headline]', 'h1', 'h2'],
  tags: ['.tags-links a[rel~=tag]', '.post-tags a[rel~=tag]', '.entry-tags a[rel~=tag]', '.postfooter a[rel~=tag]', 'footer.entry-footer a[rel~=tag]'],
  credit: {selector: 'p', limit: 3},
  remove: [
    '.sharedaddy',
    '.share-buttons',
    '.social-share',
    '.addtoany_share_save_container',
    '.a2a_kit',
    '.jp-relatedposts',
    '.yarpp-related',
    '.code-block',
    '.adsbygoogle',
    '.advertisement',
    '.ad-container',
    '.tags-links',
    '.post-tags',
    '.entry-tags',
    'p.notice',
    'div.texttj',
    'a[name=sharetosocial]',
    'div.postfooter'
  ],
  unwrap: ['a.st_tag', 'a.internal_tag', 'span.wp_keywordlink_affiliate', 'span.wp_keywordlink_affiliate > a', 'span.wp_keywordlink > a', 'a[rel~=tag]'],
  related: {
    selector: 'ul.op-related-articles',
    drop: '[data-sponsored]:not([data-sponsored=false])',
    heading: null
  }
}
