/**
 * Tell a Chinese person's name from an outlet's name in bylines and
 * metadata: `陆一夫` and `欧阳晓明` are people; `新京报`, `澎湃新闻`,
 * `网易科技`, `新华社` are outlets, whatever field they stand in.
 *
 * - A person's name is two to four Han characters opening with a family
 *   name (the common single and compound surnames of the *Hundred Family
 *   Surnames*, simplified and traditional forms), or a transliterated name
 *   with a middle dot (`阿卜杜·热合曼`).
 * - An outlet's name ends with what outlets are called (`报`, `社`, `网`,
 *   `台`, `新闻`, `日报`, `周刊`, `传媒`, `客户端`, `频道`, `科技`, …).
 *
 * @module
 */

const SINGLE =
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭' +
  '田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱' +
  '江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易' +
  '乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單' +
  '季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆' +
  '简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞' +
  '姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班' +
  '储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練' +
  '廉禹井祖漆巴丰风風支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏' +
  '母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭干但尉冶斯元束檀衣' +
  '信展阴陰昝智幸奉植衡富尧堯闭閉由'
const COMPOUND = [
  '欧阳',
  '歐陽',
  '司马',
  '司馬',
  '上官',
  '诸葛',
  '諸葛',
  '东方',
  '東方',
  '皇甫',
  '尉迟',
  '尉遲',
  '公孙',
  '公孫',
  '慕容',
  '长孙',
  '長孫',
  '宇文',
  '司徒',
  '令狐',
  '夏侯',
  '端木',
  '独孤',
  '獨孤',
  '南宫',
  '南宮',
  '西门',
  '西門',
  '申屠',
  '澹台',
  '澹臺',
  '百里',
  '呼延',
  '轩辕',
  '軒轅',
  '万俟',
  '萬俟',
  '闻人',
  '聞人',
  '赫连',
  '赫連',
  '钟离',
  '鍾離',
  '宗政',
  '濮阳',
  '濮陽',
  '公羊',
  '太史',
  '仲孙',
  '仲孫',
  '单于',
  '單于',
  '拓跋',
  '完颜',
  '完顏',
  '即墨'
]
const surnames = new Set(SINGLE)

/** What outlets, agencies and their channels are called, at the end of their names. */
const OUTLET_END =
  /(?:报|報|社|网|網|台|新闻|新聞|日报|日報|晚报|晚報|时报|時報|周刊|週刊|杂志|雜誌|传媒|傳媒|媒体|媒體|频道|頻道|在线|在線|客户端|客戶端|科技|财经|財經|资讯|資訊|中心|集团|集團|公司|号|號|观察|觀察|快讯|快訊|要闻|要聞|APP|app)$/u

/** Words that are never names: roles, credits, common words after a byline. */
const NOT_NAMES = new Set([
  '记者',
  '記者',
  '编辑',
  '編輯',
  '责编',
  '責編',
  '作者',
  '来源',
  '來源',
  '通讯员',
  '通訊員',
  '评论员',
  '評論員',
  '实习生',
  '實習生',
  '摄影',
  '攝影',
  '报道',
  '報導',
  '报导',
  '综合',
  '綜合',
  '本报',
  '本報',
  '本台',
  '本网',
  '本網',
  '化名',
  '完',
  '原创',
  '原創',
  '转载',
  '轉載',
  '整理',
  '口述',
  '撰文',
  '撰述',
  '撰稿',
  '撰稿人',
  '采访',
  '採訪',
  '审核',
  '審核',
  '整合',
  '综述',
  '綜述',
  '编写',
  '編寫',
  '采写',
  '採寫',
  '供稿',
  '供图',
  '供圖',
  '发自',
  '發自',
  '编译',
  '編譯',
  '校对',
  '校對',
  '图片',
  '圖片',
  '视频',
  '視頻'
])

/**
 * Whether `value` reads as a Chinese person's name: two to four Han
 * characters opening with a common family name (`王五`, `欧阳晓明`), or a
 * transliterated name with a middle dot (`阿卜杜·热合曼`).
 *
 * @param value
 *   Candidate name (trimmed).
 * @returns
 *   Whether it is person-like.
 */
export function isChinesePersonName(value: string): boolean {
  const name = value.trim()
  if (NOT_NAMES.has(name) || isOutletName(name)) return false
  if (/^\p{Script=Han}{2,8}[·•・]\p{Script=Han}{1,8}$/u.test(name)) return true
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return false
  return surnames.has(name[0]) || (name.length >= 3 && COMPOUND.includes(name.slice(0, 2)))
}

/**
 * Whether `value` names an outlet, agency or channel rather than a person
 * (`新京报`, `澎湃新闻`, `新华社`, `网易科技`, `央视新闻客户端`).
 *
 * @param value
 *   Candidate (trimmed).
 * @returns
 *   Whether it is outlet-like.
 */
export function isOutletName(value: string): boolean {
  const name = value.trim()
  return /\p{Script=Han}/u.test(name) && name.length >= 2 && OUTLET_END.test(name)
}

/**
 * Whether `value` is a role or credit word (`记者`, `责任编辑`, `化名`), never a name.
 *
 * @param value
 *   Candidate (trimmed).
 * @returns
 *   Whether it is such a word.
 */
export function isCjkRoleWord(value: string): boolean {
  const word = value.trim()
  // `见习记者`, `本報記者`, `特约评论员`: a role with what qualifies it.
  return NOT_NAMES.has(word) || /^(?:责任|責任)?(?:编辑|編輯)$/.test(word) || /^\p{Script=Han}{0,4}(?:记者|記者|评论员|評論員|通讯员|通訊員|实习生|實習生|撰稿人)$/u.test(word)
}

/**
 * Whether `value` holds Han script (and so gets the Chinese rules).
 *
 * @param value
 *   Text.
 * @returns
 *   Whether it has a Han character.
 */
export function hasHan(value: string): boolean {
  return /\p{Script=Han}/u.test(value)
}
