/**
 * Tell a boilerplate tail of the output: the last text blocks of a
 * converted page that are a site's calls to action (follow us, scan the QR
 * code, subscribe, download the app), its comment policy or its copyright
 * notice rather than the article's last words. Cleaning removes such blocks
 * when their class names say so; when the site marks them up like the
 * article's paragraphs they stay, and the verdict says so.
 *
 * @module
 */

/**
 * Phrases of site furniture, one concept a line, in the languages of the
 * corpus (English, German, French, Spanish, Chinese). Each is a phrase a
 * site says about itself or to its reader, not one an article's sentence
 * uses in passing: `subscribe to our` rather than `subscribe`.
 */
const phrases: ReadonlyArray<string> = [
  // Follow, subscribe, sign up.
  'follow us on',
  'subscribe to (?:our|the) (?:newsletter|channel|podcast)',
  'sign up (?:for|to) (?:our|the) newsletter',
  'folgen sie uns',
  'abonnieren sie (?:unseren|den) newsletter',
  'suivez-nous',
  'abonnez-vous',
  'síguenos',
  'suscríbete',
  // Apps and QR codes.
  'download (?:our|the) app',
  // A call to scan, not a sentence that names QR codes or scanning in
  // passing (`二维码支付`, `CT扫描`): the scan leads to following, a download
  // or the code below, or the code is to be scanned or held.
  '(?:扫描|扫一扫|长按|识别).{0,6}(?:二维码|二維碼|下方|上方|图片)',
  '(?:扫码|扫一扫|二维码|二維碼).{0,8}(?:关注|下载|订阅|加入|阅读|收听|观看)',
  '关注.{0,16}(?:公众号|官方微信|微信号|微博)',
  '(?:官方)?微信公众号',
  '下载.{0,8}(?:客户端|app)',
  // Comment policy.
  'comments? (?:are|is) (?:moderated|reviewed)',
  'comment policy',
  'community (?:guidelines|standards)',
  'behält sich (?:vor|das recht vor)',
  'lesermeinungen',
  'netiquette',
  'kommentarregeln',
  'nous nous réservons le droit',
  '(?:网友|用户)评论仅供',
  // Copyright and reuse.
  'all rights reserved',
  'alle rechte vorbehalten',
  'tous droits réservés',
  'todos los derechos reservados',
  '版权所有',
  '未经(?:授权|许可).{0,8}(?:转载|使用)',
  '转载请注明',
  '我要反馈'
]

const pattern = new RegExp(phrases.join('|'), 'iu')

/** Characters from which a block reads as the article's text, whatever it says. */
const blockMax = 400

/**
 * The first of the output's last text blocks (`OutputText.tail`) that is
 * boilerplate: at most 400 characters and holding a phrase of site
 * furniture.
 *
 * @param tail
 *   Text of the last text blocks, in order.
 * @returns
 *   That block's text and the phrase found in it, or `undefined`.
 */
export function boilerplateTail(tail: ReadonlyArray<string>): {text: string; phrase: string} | undefined {
  for (const text of tail) {
    if (text.length > blockMax) continue
    const phrase = furniturePhrase(text)
    if (phrase) return {text, phrase}
  }
  return undefined
}

/**
 * The phrase of site furniture (a call to follow, subscribe, scan a code or
 * download an app, a comment policy, a copyright line) that `text` holds.
 *
 * @param text
 *   Text of one block.
 * @returns
 *   The phrase found, or `undefined`.
 */
export function furniturePhrase(text: string): string | undefined {
  const match = pattern.exec(text.normalize('NFKC'))
  return match ? match[0] : undefined
}
