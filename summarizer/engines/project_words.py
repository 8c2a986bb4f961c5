"""The words of named projects, for :mod:`.projects`: the head nouns that end a name, the verbs,
markers and time words a name starts after, the construction words written after a work, and
the closed classes of words that name categories, campaigns or phrases about projects rather
than one undertaking. Patterns only (compiled once); each vocabulary entry says which corpus
places write it."""

from __future__ import annotations

import re

from ..layout import WRAP_JOIN

# 等 as the mark that ends a list (A、B等项目), not the morpheme of 高等, 初等, 均等 (青海高等研究院
# is one name); 中等/同等/平等 are left out of the guard, as 汉中、大同、南平 end lists too
# (the guard is written after 等, looking back over it, so that a pattern holding the mark
# still starts with a literal character: see _ORDINAL_MARKER)
_ETC_MARK = r"等(?<![高初均]等)"
# The one-character facility nouns that end a name (看守所, 消纳场, 研究生院, 泵站)
_FACILITY_CHARS = "所站室馆院库场厂楼塔池房"

# Head nouns that make a name on their own (the text calls it a project, or it is a work).
_STRONG = (
    r"项目|工程|产业园(?!区)|工业园(?!区)|物流园区?|产业城|电站|铁路|高铁|机场|码头|水库|水厂|综合体|高速(?!度)|"
    r"小镇|城际(?!公交|客运|列车)|"
    # 永平路南延, 复兴路再西延: the extension of a named road is a work by itself (12 places)
    # (one that more of a name follows is the place of another work: 府前街南延胡同)
    # (?<=[路街道])再?[东西南北]延(?!…), written one alternative per first character with the
    # road looked back at from its end, so that every alternative starts with a literal
    # character (see _ORDINAL_MARKER: a search for a hint then skips in C to the next place one
    # stands, several times faster over a section)
    + "|".join(
        rf"{w}(?<=[路街道]{w})(?![\u4e00-\u9fff](?<![和及与等]))"
        for w in ("再[东西南北]延", "东延", "西延", "南延", "北延")
    )
)  # 高铁: 30 places; 城际 (京唐、京滨城际): 安国, 蠡县, 北京, 河北
# Head nouns of facilities that count only with a construction word after them.
# (国道|省道, 东延…北延 and 环(?<!循环) are [国省]道, [东西南北]延 and (?<!循)环 written with a
# literal first character, as every alternative here: see _ORDINAL_MARKER)
_WEAK = (
    r"大道|大街|国道|省道|路|街|线|桥|中学|小学|幼儿园|学校|学院|医院|广场|市场|中心|酒店|店|博物馆|馆|"
    r"高中|初中|楼|用房|厂|矿|公园|游园|园区|园|社区|小区|新区|镇区|组团|城|湿地|景区|"
    r"东延|西延|南延|北延|段|"
    r"迁建|扩建|校区|院区|新村|古镇|环(?<!循环)|枢纽|通道|示范区|棚户区|灌区"  # 院区: 6 places; 灌区: 17
)
_PHASE = r"(?:[一二三四五六七八九十\d]+期(?:工程|项目)?|（[一二三四五六七八九十\d]+期）|\([一二三四五六七八九十\d]+期\))"
_STRONG_END = re.compile(rf"(?:{_STRONG}){_PHASE}?")
_STRONG_TAIL = re.compile(rf"(?:{_STRONG}){_PHASE}?$")
_ANY_END = re.compile(rf"(?:{_STRONG}|{_WEAK}){_PHASE}?$")
_NAME_RUN = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9“”\"（）()·×.\-{WRAP_JOIN}]+")  # a joined wrap too
# An ordinal marker (一是, 三要), written as one alternative per first numeral: when every
# alternative of a pattern starts with a literal character, the regex engine skips in C to the
# next place one of them stands (the same matches, several times faster over a long text).
_ORDINAL_MARKER = "|".join(f"{d}[一二三四五六七八九十]*[是要]" for d in "一二三四五六七八九十")
# The genre's action verbs, time words and ordinal markers: a name starts after the last one.
# A verb may carry the resultative complement 好 (谋划好, 抓好): a closed class of one.
_BOUNDARY = re.compile(
    r"(?:加快|加速|全力|大力|重点|积极|持续|全面|力争|确保|推动|推进|实施|启动|抓好|做好|搞好|打好|"
    r"狠抓|谋划|争取|实现|用好|依托|借助|围绕|紧盯|聚焦|支持|扶持|引导|鼓励|力促|发挥|深化|"
    r"按照|结合|帮助|加强|扎实|致力|提高|破解|争跑|严格|完成|建成|新建|续建|开工建设|开工|"
    r"统筹|做好|开展|参与|引入|招引|引进|对接|融入|承接|打造|建设|改造提升|提升|以及?|对|把|将|"
    r"加大|增强|强化|坚持|完善|开通|打通|保障|借势|"
    # 助力, 落实, 健全, 扩大, 吸引, 创建, 服从, 促进: verbs of the genre (7-40 places each)
    r"助力|落实|健全|扩大|吸引|创建|服从|促进|"
    # 培育, 建强, 提速: verbs of the genre (培育 40 places, 建强 and 提速 in most provinces)
    r"培育|建强|提速|"
    # 配合: a context verb of _CONTEXT_BEFORE, which reads the text before a name's start
    r"配合|"
    # 实行: a verb of the genre (实行项目管理…责任制, 实行工业项目“拿地即开工”)
    r"实行|"
    # 建好, 办好 (建好济南、青岛、枣庄算力枢纽; 建好办好西南联合研究生院): 建 and 办 with the
    # complement 好 (30 and 75 places)
    r"建(?=好)|办(?=好)|"
    # 投用枣庄机场, 投运国家中医区域医疗中心: a milestone written before the work (投用 山东 四川
    # 安新, 投运 山东 青海)
    r"投用|投运|"
    rf"{_ORDINAL_MARKER}|要|年内|今年|全年|的|和(?=[^、]{{0,3}}$))好?"
)
# The construction words written after a work (closed class of the genre: the kinds of
# building 新建/改建/扩建/改扩建/迁建, of repair 修缮/修复/大修, and the milestones); step 3
# and _HINT look for the same.
_WORKS_WORDS = (
    r"建设|改造|开工|建成|完工|竣工|投产|通车|投入运营|投入使用|交付使用|前期|扫尾|开发建设|"
    r"搬迁|迁建|置换|改扩建|扩建|修缮|修复|大修|"
    # a compound of the kind of work and its construction word: 升级改造 (13 places), 提标改造
    # (11), 整治提升 (24), 提升改造 (7); written one alternative per first word (see
    # _ORDINAL_MARKER)
    r"升级(?:改造|提升)|提标(?:改造|提升)|整治(?:改造|提升)|提升改造"
)
# 6月底前, 10月份, 上半年: the month or half-year a milestone is due (closed class of dates)
_MONTH = (
    r"(?:[\d一二三四五六七八九十]{1,2}月(?:份|底|末|中旬|上旬|下旬)?(?:前|以前)?|[上下]半年(?:前)?)"
)
_TAIL = re.compile(
    rf"^(?:年内|今年|全年|[一二三四]季度|年底|年末|尽早|尽快|按期|按时|力争|全面|主体|加快|{_MONTH}|"
    # 基本完工, 规划建设, 选址建设: the stage of the works before its construction word
    rf"基本|规划|选址|的综合|的)*(?:{_WORKS_WORDS})(?!水平|力度|步伐|发展|攻坚|用地|管理|工程|项目|户)"
)
# (户: 改造户/搬迁户 are households the work concerns, 6 places: 定兴 徐水 涞水 阜平 满城 河北)
# Words of categories, not of names (each seen in reports of two places or more outside the
# seeds: 特色小镇 安国 定兴 容城 易县; 公立医院 徐水 山东 …; 社区卫生服务中心 北京 海拉尔;
# 示范基地 云南 湖南; 老旧小区 24 places; 口袋公园 定兴 容城; 农村公路 安国 湖北; 全民健身中心
# 安国 容城 海拉尔; 垃圾中转站 定兴 易县; 养老院 北京 山西; 文化中心 北京 浙江).
_CATEGORY_WORDS = re.compile(
    r"^(?:特色|美丽|乡村|农村|城市|城乡|县城|县级|市级|省级|国家级|公立|社区|卫生|服务|公共|公益|"
    r"示范|标准化|标准|老旧|口袋|全民|健身|体育|文化|生活|垃圾|中转|养老|农贸|污水处理|重点|重大|新型|"
    r"现代|智慧|绿色|综合|基层|村级|便民|配套|相关|各类|一批|新|大|好|小|"
    # 自治区级 海拉尔 内蒙古; 现有 安国 徐水; 高技术/成果 徐水 云南; 优质/高质量 徐水 北京;
    # 土地/整治/整理 易县 徐水; 饮水/安全 易县 徐水; 造林/绿化 容城 安国; 工业 (everywhere)
    # 断头(路) 10 places
    r"自治区级|现有|工业|高技术|成果|优质|高质量|上|土地|整治|整理|饮水|安全|造林|绿化|断头)+$"
)
_GENERIC_NAME = re.compile(
    r"重点|重大|政府投资|专项债|亿元以上|万元以上|类项目|批次|一批|基金|贷款|新增|其中|前期|储备|"
    r"招商|上述|各类|相关|这些|更多|所有|该|本地|全[省市县区]|^全国|我[省市县区]|示范项目|试点项目|民生|"
    r"[\d０-９]+个|^项目|^工程|^[^\u4e00-\u9fff“]*(?:项目|工程)$|"
    # 资源集约型、环境友好型项目 (徐水), 污染型项目 (蠡县): a type of projects (closed suffix)
    # and 劳动密集型产业园 (云南): a type of park
    r"型(?:项目|工程|产业园|工业园|园区)$"
)
# A name that still holds a verb after trimming is a phrase about projects, not a name.
_VERBISH = re.compile(
    r"抓住|紧盯|决胜|策划|入统|谋划|储备|引进|招引|对接|分析|调度|实施|推进|加快|推动|申报|"
    r"遏制|解决|明确|跑出|发挥|借助|"
    # particles no name holds: 一切围着项目转 (着), 品质生活之城 (之); the copula and the
    # preposition of place: 园区是项目和产业的承载, 保障人民群众在新区建设过程中…
    r"着|之|是|在|作为"
)
# “雪亮工程”, “七个一”工程, “农村公路建设三年会战”项目: campaigns, not works
_CAMPAIGN = re.compile(
    r"“[^”]+”(?:改造|建设|提升)?工程$|^“[^”]+工程”?$|"
    r"“[^”]*[\d一二三四五六七八九十][^”]*”(?:项目|工程)$"
)
# 城市更新工程, 企业梯度培育工程, 医疗卫生强基工程: a 工程 whose name holds no concrete object
# (a site, water, a facility, a road, a scale, a phase, a code or a quoted name) is a campaign
# of the government's work, not works; the object words are closed-class heads of the genre
_WORKS_OBJECT = re.compile(
    r"[\d０-９A-Za-z“”\"]|[一二三四五六七八九十]期|[河湖江海水山库渠堤桥站所厂场馆院楼港]|"
    r"(?<!道)路|大道|街|广场|园区"
)
