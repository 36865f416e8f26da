/**
 * Text-level elements whose text runs on inline with the text around them
 * (HTML's phrasing content without embedded content, `<br>`, form controls
 * or `<ruby>`): a segment break or a superscript at their edge is between the
 * characters on either side. Any other element (a block, `<br>`, an image, a
 * form control, `<ruby>`) ends the run.
 */
export const inlineTextElements: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var'
])
