import {test} from 'uvu'
import * as assert from 'uvu/assert'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {rehypeCjkSpacing, rehypeSupSub, remarkCjkEmphasis, stringifyOptions} from '../index.js'

const processor = unified().use(rehypeParse, {fragment: true}).use(rehypeSupSub).use(rehypeCjkSpacing).use(rehypeRemark).use(remarkGfm).use(remarkCjkEmphasis).use(remarkStringify, stringifyOptions)
const md = (html: string) => String(processor.processSync(html)).trim()

// ------------------------------------------------------ superscript, subscript

test('sup/sub: digits, signs and letters with Unicode forms', function () {
  assert.is(md('<p>10<sup>6</sup> t of CO<sub>2</sub></p>'), '10⁶ t of CO₂')
  assert.is(md('<p>85 m<sup>2</sup>, 10<sup>-3</sup>, 10<sup>−3</sup></p>'), '85 m², 10⁻³, 10⁻³')
  assert.is(md('<p>H<sub>2</sub>O and x<sup>n+1</sup> and x<sup>n + 1</sup></p>'), 'H₂O and xⁿ⁺¹ and xⁿ⁺¹')
  assert.is(md('<p>Ca<sup>2+</sup>, SO<sub>4</sub><sup>2−</sup>, a<sub>ij</sub>, T<sub>max</sub></p>'), 'Ca²⁺, SO₄²⁻, aᵢⱼ, Tₘₐₓ')
  assert.is(md('<p>E = mc<sup>2</sup>.</p>'), 'E = mc².')
})

test('sup/sub: footnote markers do not run into numbers', function () {
  assert.is(md('<p>Prices rose 12%<sup>1</sup>.</p>'), 'Prices rose 12%¹.')
  assert.is(md('<p>rose 7%<sup><a href="https://x.example/#fn1">1</a></sup> last</p>'), 'rose 7%[¹](https://x.example/#fn1) last')
  assert.is(md('<p>in 2019<a href="https://x.example/#fn2"><sup>2</sup></a>.</p>'), 'in 2019[²](https://x.example/#fn2).')
  assert.is(md('<p><sup>1</sup> Source: office.</p>'), '¹ Source: office.')
  // Bracketed notes and note symbols cannot run into the text: kept as they are.
  assert.is(md('<p>cranes<sup>[4]</sup> and figures<sup>*</sup>.</p>'), 'cranes\\[4] and figures\\*.')
  assert.is(md('<p>他说<sup>【注】</sup>好</p>'), '他说【注】好')
  assert.is(md('<p>Acme<sup>®</sup> and 20<sup>°</sup>C</p>'), 'Acme® and 20°C')
})

test('sup/sub: ordinals, abbreviations and trade marks read as text', function () {
  assert.is(md('<p>the 1<sup>st</sup>, 2<sup>nd</sup>, 3<sup>rd</sup> and 21<sup>st</sup></p>'), 'the 1st, 2nd, 3rd and 21st')
  assert.is(md('<p>le 2<sup>e</sup> étage, la 1<sup>re</sup>, 3<sup>o</sup> piso</p>'), 'le 2e étage, la 1re, 3º piso')
  assert.is(md('<p>M<sup>me</sup> Dupont, n<sup>o</sup> 5</p>'), 'Mme Dupont, nº 5')
  assert.is(md('<p>Acme<sup>TM</sup> and Help<sup>SM</sup></p>'), 'Acme™ and Help℠')
  // Not an ordinal after a letter: `x` to the `st`.
  assert.is(md('<p>x<sup>st</sup></p>'), 'xˢᵗ')
})

test('sup/sub: a readable mark where Unicode has no form', function () {
  assert.is(md('<p>x<sup>q</sup> and y</p>'), 'x^q and y')
  assert.is(md('<p>x<sup>q</sup>y</p>'), 'x^(q)y')
  assert.is(md('<p>V<sub>CE</sub> of</p>'), 'V_CE of')
  assert.is(md('<p>2<sup>t/d</sup> cells</p>'), '2^(t/d) cells')
  assert.is(md('<p>湖泊<sup>注1</sup>效应</p>'), '湖泊^(注1)效应')
})

test('sup/sub: small print that runs into nothing stays plain', function () {
  assert.is(md('<p><sub>Figures rounded.</sub></p>'), 'Figures rounded.')
  assert.is(md('<p>Caption <sup>Photo: Jane Doe</sup></p>'), 'Caption Photo: Jane Doe')
  assert.is(md('<p>x<sup> 2 </sup>y</p>'), 'x ² y')
  assert.is(md('<p>a<sup></sup>b<sub> </sub>c</p>'), 'ab c')
})

// ------------------------------------------------------------- CJK line breaks

test('cjk spacing: a line break between CJK characters is no space', function () {
  assert.is(md('<p>这个段落比较长，\n用一行写不行。最好\n用三行写。</p>'), '这个段落比较长，用一行写不行。最好用三行写。')
  assert.is(md('<p>他说“你回来了？”\n她先这样问。</p>'), '他说“你回来了？”她先这样问。')
  assert.is(md('<p>现在灯亮了……\n”她说</p>'), '现在灯亮了……”她说')
  assert.is(md('<p>駅前の\n商店街で、カタカナ\nテスト</p>'), '駅前の商店街で、カタカナテスト')
})

test('cjk spacing: across and at the edges of inline elements', function () {
  assert.is(md('<p>记者在<strong>现场\n</strong>看到<a href="https://x.example/q">许多\n市民</a>排队。</p>'), '记者在**现场**看到[许多市民](https://x.example/q)排队。')
  assert.is(md('<p>采用了<strong>\n透水铺装</strong>，设置了<em>休息\n区</em>。</p>'), '采用了**透水铺装**，设置了*休息区*。')
  assert.is(md('<p>连接了<span>老码头</span>\n<span>和</span>\n<span>公园</span>。</p>'), '连接了老码头和公园。')
})

test('cjk spacing: breaks next to Latin, in Korean, in pre and at images stay', function () {
  assert.is(md('<p>本文使用中文\nEnglish words\n中文结尾。</p>'), '本文使用中文 English words 中文结尾。')
  assert.is(md('<p>안녕하세요\n반갑습니다</p>'), '안녕하세요 반갑습니다')
  assert.is(md('<pre>开放时间\n每天</pre>'), '```\n开放时间\n每天\n```')
  assert.is(md('<p style="white-space: pre-line">第一行\n第二行</p>'), '第一行 第二行')
  assert.is(md('<p>图片<img src="https://x.example/a.png">\n说明</p>'), '图片![](https://x.example/a.png) 说明')
  assert.is(md('<p>同一行 有空格</p>'), '同一行 有空格')
  // A new credit field after the break keeps its space.
  assert.is(md('<p><span>本文来源：新京报</span>\n<span>责任编辑：杜硕</span></p>'), '本文来源：新京报 责任编辑：杜硕')
})

test.run()
