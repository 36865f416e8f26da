/**
 * Tests for `lib/input/decode.ts`.
 *
 * GBK and Big5 samples live in `test/data/` (TextEncoder only does UTF-8 and
 * `iconv-lite` is not installed). They were generated once with python3:
 * the `simplified`/`traditional` paragraphs below in a small HTML page, written
 * with `page.encode('gbk')` / `page.encode('big5')`:
 *
 * - `gbk-meta.html`: `<meta charset="gbk">`
 * - `gb2312-meta.html`: `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`
 * - `big5-http-equiv.html`: `<meta http-equiv="Content-Type" content="text/html; charset=big5">`
 * - `gbk-undeclared.html`, `big5-undeclared.html`: no declaration
 */
import {readFileSync} from 'node:fs'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {decodeHtml, looksBinary} from '../lib/input/decode.js'

const simplified =
  '新华社北京三月十五日电 国家统计局今天发布的数据显示，今年前两个月，国民经济延续恢复向好态势，生产需求稳中有升，' +
  '就业物价总体稳定，发展质量效益不断提高。规模以上工业增加值同比增长百分之七，比去年十二月份加快一点二个百分点。其中，' +
  '制造业增加值增长百分之七点五，高技术制造业增加值增长百分之七点五。社会消费品零售总额同比增长百分之五点五，其中，' +
  '餐饮收入增长百分之十二点五。全国固定资产投资同比增长百分之四点二，比去年全年加快一点二个百分点。国家统计局新闻发言人表示，' +
  '总的来看，一季度国民经济开局良好，但也要看到，外部环境复杂性、严峻性、不确定性上升，国内有效需求仍然不足，' +
  '经济持续回升向好的基础还需进一步巩固。下一步，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，' +
  '加快构建新发展格局，着力推动高质量发展。'
const traditional =
  '中央社記者台北十五日電 行政院今天召開院會，通過明年度中央政府總預算案，歲出規模創下歷史新高。行政院長表示，' +
  '面對國際經濟情勢變化，政府將持續推動產業升級與數位轉型，並加強社會安全網，照顧弱勢族群。主計總處指出，' +
  '明年度經濟成長率預估為百分之三點二，消費者物價指數上漲率約為百分之一點八。在各項支出中，社會福利支出占比最高，' +
  '其次為教育科學文化支出以及國防支出。立法院各黨團對預算案看法不一，部分立委認為政府應更重視財政紀律，' +
  '避免債務持續攀升；也有立委主張擴大公共建設投資，以帶動民間消費與就業機會。學者分析，全球供應鏈重組為台灣帶來機會，' +
  '但也必須留意地緣政治風險，以及主要貿易夥伴經濟放緩可能造成的衝擊。'

function data(name: string): Uint8Array {
  return readFileSync(new URL('data/' + name, import.meta.url))
}

function utf8(value: string): Uint8Array {
  return new TextEncoder().encode(value)
}

/** UTF-16 bytes with BOM. */
function utf16(value: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + value.length * 2)
  const view = new DataView(bytes.buffer)
  view.setUint16(0, 0xfeff, endian === 'le')
  for (let i = 0; i < value.length; i++) view.setUint16(2 + i * 2, value.charCodeAt(i), endian === 'le')
  return bytes
}

function concat(...parts: Array<Uint8Array | Array<number>>): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]))
}

const page = '<!doctype html><html><head><title>測試 test</title></head><body><p>中文 café 😀</p></body></html>'

test('utf-8 without declaration', () => {
  assert.equal(decodeHtml(utf8(page)), {value: page, encoding: 'utf-8', warnings: []})
  assert.equal(decodeHtml(utf8('<p>plain ascii</p>')), {value: '<p>plain ascii</p>', encoding: 'utf-8', warnings: []})
  assert.equal(decodeHtml(new Uint8Array()), {value: '', encoding: 'utf-8', warnings: []})
})

test('utf-8 BOM', () => {
  const result = decodeHtml(concat([0xef, 0xbb, 0xbf], utf8(page)))
  assert.equal(result, {value: page, encoding: 'utf-8', warnings: []})
  // BOM wins over a meta declaration.
  const declared = '<meta charset="gbk"><p>中文</p>'
  assert.equal(decodeHtml(concat([0xef, 0xbb, 0xbf], utf8(declared))), {value: declared, encoding: 'utf-8', warnings: []})
})

test('utf-16le and utf-16be with BOM', () => {
  const declared = '<meta charset="gbk">' + page
  assert.equal(decodeHtml(utf16(declared, 'le')), {value: declared, encoding: 'utf-16le', warnings: []})
  assert.equal(decodeHtml(utf16(declared, 'be')), {value: declared, encoding: 'utf-16be', warnings: []})
})

test('gbk with `<meta charset="gbk">`', () => {
  const result = decodeHtml(data('gbk-meta.html'))
  assert.is(result.encoding, 'gbk')
  assert.equal(result.warnings, [])
  assert.ok(result.value.includes('<title>统计局发布前两个月经济数据</title>'))
  assert.ok(result.value.includes(simplified))
})

test('gb2312 label (http-equiv) maps to gbk', () => {
  const result = decodeHtml(data('gb2312-meta.html'))
  assert.is(result.encoding, 'gbk')
  assert.equal(result.warnings, [])
  assert.ok(result.value.includes(simplified))
})

test('big5 via http-equiv', () => {
  const result = decodeHtml(data('big5-http-equiv.html'))
  assert.is(result.encoding, 'big5')
  assert.equal(result.warnings, [])
  assert.ok(result.value.includes('<title>行政院通過總預算案</title>'))
  assert.ok(result.value.includes(traditional))
})

test('declaration after the first 1024 bytes', () => {
  const result = decodeHtml(concat(utf8('<head>' + '<link rel="preload" href="/a.js">'.repeat(50)), data('big5-http-equiv.html')))
  assert.is(result.encoding, 'big5')
  assert.equal(result.warnings, [])
  assert.ok(result.value.includes(traditional))
})

test('gbk without declaration is sniffed as gb18030', () => {
  const result = decodeHtml(data('gbk-undeclared.html'))
  assert.is(result.encoding, 'gb18030')
  assert.ok(result.value.includes(simplified))
  assert.equal(result.warnings, [{ruleId: 'charset-sniffed', reason: 'No charset declared; detected `gb18030` from the bytes'}])
})

test('big5 without declaration is sniffed as big5', () => {
  const result = decodeHtml(data('big5-undeclared.html'))
  assert.is(result.encoding, 'big5')
  assert.ok(result.value.includes(traditional))
  assert.equal(result.warnings, [{ruleId: 'charset-sniffed', reason: 'No charset declared; detected `big5` from the bytes'}])
})

test('short undeclared chinese (chardet tie-breaker)', () => {
  // Characters `from`–`to` of the paragraph in a sample (all 2-byte, except
  // for the ASCII space at index 11), in a minimal page.
  function snippet(name: string, from: number, to: number): Uint8Array {
    const bytes = data(name)
    const p = Buffer.from(bytes).indexOf('<p>') + 3
    const offset = (k: number) => p + (k <= 11 ? 2 * k : 23 + 2 * (k - 12))
    return concat(utf8('<html><head><title>x</title></head><body><p>'), bytes.subarray(offset(from), offset(to)), utf8('</p></body></html>'))
  }
  // chardet alone says `EUC-JP` (tied with `GB18030` at 100) or a weak `ISO-8859-1`.
  const cases: Array<[string, number, number, string, string]> = [
    ['gbk-undeclared.html', 200, 212, 'gb18030', simplified],
    ['gbk-undeclared.html', 40, 50, 'gb18030', simplified],
    ['big5-undeclared.html', 12, 20, 'big5', traditional],
    ['big5-undeclared.html', 60, 70, 'big5', traditional]
  ]
  for (const [name, from, to, encoding, text] of cases) {
    const result = decodeHtml(snippet(name, from, to))
    assert.is(result.encoding, encoding)
    assert.ok(result.value.includes('<p>' + text.slice(from, to) + '</p>'))
  }
})

test('declared gbk but valid utf-8 bytes', () => {
  const value = '<meta charset="gbk"><title>统计局</title><p>' + simplified + '</p>'
  assert.equal(decodeHtml(utf8(value)), {
    value,
    encoding: 'utf-8',
    warnings: [{ruleId: 'charset-mismatch', reason: 'Page declares `gbk` but its bytes are valid UTF-8; decoded as UTF-8'}]
  })
  // ASCII-only bytes are valid UTF-8 too, but the declaration is kept.
  assert.equal(decodeHtml(utf8('<meta charset="gbk"><p>ascii</p>')).encoding, 'gbk')
})

test('invalid utf-8 without declaration (windows-1252)', () => {
  // “Café” costs 3 € — in windows-1252; 0x80–0x9F must not become C1 controls.
  const text = 'Le gouvernement a présenté mercredi son projet de budget. « Nous devons être responsables », a déclaré le ministre. “Café” costs 3 € – très cher.'
  const bytes = Uint8Array.from(text, (char) => ({'“': 0x93, '”': 0x94, '€': 0x80, '–': 0x96})[char] ?? char.charCodeAt(0))
  const result = decodeHtml(concat(utf8('<html><body><p>'), bytes, utf8('</p></body></html>')))
  assert.is(result.encoding, 'windows-1252')
  assert.is(result.value, '<html><body><p>' + text + '</p></body></html>')
  assert.equal(result.warnings, [{ruleId: 'charset-sniffed', reason: 'No charset declared; detected `windows-1252` from the bytes'}])
})

test('invalid bytes are counted', () => {
  const result = decodeHtml(concat(utf8('<meta charset="utf-8"><p>a'), [0xff], utf8('b'), [0xc3], utf8('</p>')))
  assert.is(result.encoding, 'utf-8')
  assert.is(result.value, '<meta charset="utf-8"><p>a\uFFFDb\uFFFD</p>')
  assert.equal(result.warnings, [{ruleId: 'invalid-bytes', reason: 'Found 2 invalid byte sequences for `utf-8`, replaced with U+FFFD'}])
  // A literal U+FFFD in valid UTF-8 is not an invalid byte.
  assert.equal(decodeHtml(utf8('<p>\uFFFD</p>')).warnings, [])
  // Truncated GBK sequence.
  const gbk = decodeHtml(concat(utf8('<meta charset="gbk"><p>'), [0xd6, 0xd0, 0x81], utf8('</p>')))
  assert.is(gbk.value, '<meta charset="gbk"><p>中\uFFFD</p>')
  assert.equal(
    gbk.warnings.map((warning) => warning.ruleId),
    ['invalid-bytes']
  )
})

test('unknown declared charset', () => {
  const value = '<meta charset="x-klingon"><p>中文</p>'
  assert.equal(decodeHtml(utf8(value)), {
    value,
    encoding: 'utf-8',
    warnings: [{ruleId: 'unknown-charset', reason: 'Page declares unknown charset `x-klingon`; ignored'}]
  })
})

test('explicit `encoding` option', () => {
  assert.equal(decodeHtml(data('gbk-undeclared.html'), {encoding: 'gbk'}).warnings, [])
  assert.ok(decodeHtml(data('gbk-undeclared.html'), {encoding: 'GB2312'}).value.includes(simplified))
  // Overrides the declaration and the UTF-8 check.
  const forced = decodeHtml(data('big5-http-equiv.html'), {encoding: 'gbk'})
  assert.is(forced.encoding, 'gbk')
  assert.not.ok(forced.value.includes(traditional))
  assert.is(decodeHtml(utf8('<p>é</p>'), {encoding: 'latin1'}).value, '<p>Ã©</p>')
  // `null` and `undefined` mean “detect”.
  assert.is(decodeHtml(data('gbk-meta.html'), {encoding: null}).encoding, 'gbk')
  assert.is(decodeHtml(data('gbk-meta.html'), {encoding: undefined}).encoding, 'gbk')
})

test('unknown `encoding` option throws', () => {
  assert.throws(
    () => decodeHtml(utf8('<p>x</p>'), {encoding: 'x-klingon'}),
    (error: unknown) => error instanceof Error && error.message === 'Unknown encoding `x-klingon`'
  )
})

test('looksBinary', () => {
  assert.ok(looksBinary(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), 'PNG')
  assert.ok(looksBinary(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03])), 'gzip')
  assert.ok(looksBinary(concat(utf8('%PDF-1.7\n'), [0x25, 0xe2, 0xe3])), 'PDF')
  assert.ok(looksBinary(Uint8Array.from({length: 200}, (_, i) => (i % 7 === 0 ? 0 : 0x41))), 'many NUL bytes')
  assert.not.ok(looksBinary(utf8(page)), 'plain HTML')
  assert.not.ok(looksBinary(new Uint8Array()), 'empty')
  assert.not.ok(looksBinary(data('gbk-meta.html')), 'GBK HTML')
  assert.not.ok(looksBinary(data('big5-undeclared.html')), 'Big5 HTML')
  assert.not.ok(looksBinary(utf16(page, 'le')), 'UTF-16LE HTML')
  assert.not.ok(looksBinary(utf16(page, 'be')), 'UTF-16BE HTML')
})

/** UTF-16 bytes without a BOM. */
function utf16Bare(value: string, endian: 'le' | 'be'): Uint8Array {
  return utf16(value, endian).subarray(2)
}

test('utf-16 without BOM is told by its NUL bytes, with a warning; and is not binary', () => {
  for (const endian of ['le', 'be'] as const) {
    const bytes = utf16Bare(page, endian)
    assert.equal(decodeHtml(bytes), {value: page, encoding: 'utf-16' + endian, warnings: [{ruleId: 'charset-sniffed', reason: 'No byte order mark; detected `utf-16' + endian + '` from the bytes'}]})
    assert.not.ok(looksBinary(bytes), endian)
  }
  // Too short to tell, or NUL bytes on both sides: not UTF-16.
  assert.is(decodeHtml(Uint8Array.from([0x3c, 0])).encoding, 'utf-8')
})

test('a declaration the bytes contradict is overruled (`charset-mismatch`)', () => {
  const declared = (charset: string, bytes: Uint8Array) => decodeHtml(concat(utf8('<meta charset="' + charset + '">'), bytes))
  // Broken in the declared encoding, clean in the detected one.
  const gbkAsUtf8 = declared('utf-8', data('gbk-undeclared.html'))
  assert.is(gbkAsUtf8.encoding, 'gb18030')
  assert.ok(gbkAsUtf8.value.includes(simplified))
  assert.equal(
    gbkAsUtf8.warnings.map((warning) => warning.ruleId),
    ['charset-mismatch']
  )
  assert.match(gbkAsUtf8.warnings[0].reason, /^Page declares `utf-8` but its bytes are not valid `utf-8` \(\d+ invalid sequences\); detected `gb18030` from the bytes$/)
  // Valid in the declared encoding but gibberish there: GBK read as windows-1252 or Big5, Big5 read as GBK.
  const cases: Array<[string, string, string, string]> = [
    ['windows-1252', 'gbk-undeclared.html', 'gb18030', simplified],
    ['big5', 'gbk-undeclared.html', 'gb18030', simplified],
    ['gbk', 'big5-undeclared.html', 'big5', traditional]
  ]
  for (const [charset, name, encoding, text] of cases) {
    const result = declared(charset, data(name))
    assert.is(result.encoding, encoding, charset + ' ' + name)
    assert.ok(result.value.includes(text), charset + ' ' + name)
    assert.equal(result.warnings, [
      {ruleId: 'charset-mismatch', reason: 'Page declares `' + charset + '` but its bytes read as gibberish in `' + charset + '`; detected `' + encoding + '` from the bytes'}
    ])
  }
  // The declaration stands when the bytes fit it.
  assert.equal(declared('big5', data('big5-undeclared.html')).warnings, [])
  assert.equal(declared('gbk', data('gbk-undeclared.html')).warnings, [])
})

test('UTF-8 with a few broken sequences beats a legacy declaration, and counts them', () => {
  const text = '<meta charset="gbk"><p>统计局今天发布的数据显示，今年前两个月'
  for (const broken of [1, 2]) {
    const bytes = concat(utf8(text), ...Array.from({length: broken}, () => [0xff]), utf8('</p>'))
    const plural = broken === 1 ? '' : 's'
    assert.equal(decodeHtml(bytes), {
      value: text + '\uFFFD'.repeat(broken) + '</p>',
      encoding: 'utf-8',
      warnings: [
        {ruleId: 'charset-mismatch', reason: 'Page declares `gbk` but its bytes are UTF-8 (with ' + broken + ' invalid sequence' + plural + '); decoded as UTF-8'},
        {ruleId: 'invalid-bytes', reason: 'Found ' + broken + ' invalid byte sequence' + plural + ' for `utf-8`, replaced with U+FFFD'}
      ]
    })
  }
  // Too few good characters per broken sequence: the declaration stands.
  const legacy = decodeHtml(concat(utf8('<meta charset="gbk"><p>'), [0xd6, 0xd0, 0xff, 0xfe, 0xe4], utf8('</p>')))
  assert.is(legacy.encoding, 'gbk')
})

test.run()
