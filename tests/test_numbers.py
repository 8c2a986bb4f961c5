"""numbers.py: a hand-written table over real sentences of the seed reports, plus properties.

Every expected value below was written by reading the sentence, following docs/output-format.md and the
decisions documented in ``summarizer/numbers.py`` — never copied from the code's output.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.numbers import (
    DIRECTIONS,
    QUALIFIERS,
    Mention,
    find_mentions,
    normalize_unit,
    parse_chinese_number,
    parse_quantity,
    same_amount,
    to_base,
)
from summarizer.wording import (
    clause_bounds,
    direction_before,
    direction_readings,
    qualifier_after,
    qualifier_for,
    qualifier_readings,
)

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
_FILES = {p.name[:3]: p for p in FIXTURES.glob("*.txt")}


def _text(fx: str) -> str:
    return _FILES[fx].read_text(encoding="utf-8")


Q = "quantity"
NOT_Q = "-"  # a word part or a non-quantity: never kind "quantity"

# (fixture, sentence as it stands in the fixture, mention text ("#2": its 2nd occurrence in the
#  sentence), kind, value, value_max, unit, qualifier, direction).  For kinds other than
#  quantity only kind (and the exact span) are checked; NOT_Q asserts no quantity overlaps.
CASES: list[tuple[str, str, str, str, float | None, float | None, str, str | None, str | None]] = [
    # ---- 000 渝水: headline targets
    ("000", "地区生产总值增长7.5%左右", "7.5%", Q, 7.5, None, "%", "左右", "增长"),
    ("000", "一般公共预算收入增长3.5%左右", "3.5%", Q, 3.5, None, "%", "左右", "增长"),
    ("000", "规上工业增加值增长8.5%以上", "8.5%", Q, 8.5, None, "%", "以上", "增长"),
    ("000", "固定资产投资增长8%以上", "8%", Q, 8, None, "%", "以上", "增长"),
    ("000", "社会消费品零售总额增长10%左右", "10%", Q, 10, None, "%", "左右", "增长"),
    ("000", "引进省外2000万元以上项目资金增长8%左右", "2000万元", Q, 2000, None, "万元", "以上", ""),
    ("000", "引进省外2000万元以上项目资金增长8%左右", "8%", Q, 8, None, "%", "左右", "增长"),
    ("000", "城镇、农村居民人均可支配收入分别增长6.5%和7%左右", "6.5%", Q, 6.5, None, "%", "左右", "增长"),
    ("000", "城镇、农村居民人均可支配收入分别增长6.5%和7%左右", "7%", Q, 7, None, "%", "左右", "增长"),
    ("000", "居民消费价格指数为3%左右", "3%", Q, 3, None, "%", "左右", ""),
    ("000", "重点抓好以下七个方面工作", "七个", "ordinal", None, None, "", None, None),
    ("000", "一是以“园区”为主引擎", "一是", "marker", None, None, "", None, None),
    # ---- 000: sections
    ("000", "新增规上工业企业40家", "40家", Q, 40, None, "家", "", "新增"),
    ("000", "推动新余经开区工业主营业务收入突破1000亿元", "1000亿元", Q, 1000, None, "亿元", "", "突破"),
    ("000", "工业增加值达200亿元、增速10%", "200亿元", Q, 200, None, "亿元", "", "达到"),
    ("000", "工业增加值达200亿元、增速10%", "10%", Q, 10, None, "%", "", ""),  # 增速 is no list verb
    ("000", "以新余经开区三大片区为核心", "三大", "ordinal", None, None, "", None, None),
    ("000", "加速推进100余万平方米标准厂房建设", "100余万平方米", Q, 100, None, "万平方米", "", ""),
    ("000", "盘活用好闲置厂房8万平方米", "8万平方米", Q, 8, None, "万平方米", "", ""),
    ("000", "消化批而未供土地600亩以上", "600亩", Q, 600, None, "亩", "以上", ""),
    ("000", "加快推动京东数字经济产业园二期建设", "二期", "ordinal", None, None, "", None, None),
    ("000", "持续开展“1346”项目倍增行动", "1346", "code", None, None, "", None, None),
    ("000", "安排第一批区级重点项目181个", "第一批", "ordinal", None, None, "", None, None),
    ("000", "安排第一批区级重点项目181个", "181个", Q, 181, None, "个", "", ""),
    ("000", "总投资522.96亿元、增长74.5%", "522.96亿元", Q, 522.96, None, "亿元", "", ""),
    ("000", "总投资522.96亿元、增长74.5%", "74.5%", Q, 74.5, None, "%", "", "增长"),
    ("000", "年度计划投资200.8亿元、增长118%", "200.8亿元", Q, 200.8, None, "亿元", "", ""),
    ("000", "年度计划投资200.8亿元、增长118%", "118%", Q, 118, None, "%", "", "增长"),
    ("000", "其中工业能源类项目45个、投资395.12亿元", "45个", Q, 45, None, "个", "", ""),
    ("000", "其中工业能源类项目45个、投资395.12亿元", "395.12亿元", Q, 395.12, None, "亿元", "", ""),
    ("000", "安排政府投资项目249个、投资159.4亿元", "249个", Q, 249, None, "个", "", ""),
    ("000", "安排政府投资项目249个、投资159.4亿元", "159.4亿元", Q, 159.4, None, "亿元", "", ""),
    ("000", "锚定产业关联度高的“四类500强”企业", "500", "code", None, None, "", None, None),
    ("000", "锚定产业关联度高的“四类500强”企业", "四类", NOT_Q, None, None, "", None, None),
    ("000", "力争全年新增亿元以上重大项目30个", "30个", Q, 30, None, "个", "力争", "新增"),
    ("000", "力争全年新增亿元以上重大项目30个", "亿元", NOT_Q, None, None, "", None, None),
    ("000", "其中“5020项目”10个", "5020", "code", None, None, "", None, None),
    ("000", "其中“5020项目”10个", "10个", Q, 10, None, "个", "", ""),
    ("000", "争取提前批专项债项目21个", "21个", Q, 21, None, "个", "", ""),
    ("000", "发债规模25.01亿元", "25.01亿元", Q, 25.01, None, "亿元", "", ""),
    ("000", "力争全口径争取上级资金增长10%以上", "10%", Q, 10, None, "%", "以上", "增长"),
    ("000", "做优做强“1”号钢铁产业", "1", "code", None, None, "", None, None),
    ("000", "电工钢、中厚板材”四大产业集群", "四大", "ordinal", None, None, "", None, None),
    ("000", "加快投资50亿元的新钢电弧炉升级改造", "50亿元", Q, 50, None, "亿元", "", ""),
    # 改造 right before 、 has no object here: it is not the verb of 80亿元 / 130万吨
    ("000", "80亿元的130万吨高品质硅钢项目建设进度", "80亿元", Q, 80, None, "亿元", "", ""),
    ("000", "80亿元的130万吨高品质硅钢项目建设进度", "130万吨", Q, 130, None, "万吨", "", ""),
    ("000", "实现钢铁产业营业收入达860亿元", "860亿元", Q, 860, None, "亿元", "", "达到"),
    ("000", "做深做细“2”类主导产业", "2", "code", None, None, "", None, None),
    ("000", "推动投资20亿元的智锂科技锂电池正极材料", "20亿元", Q, 20, None, "亿元", "", ""),
    ("000", "20.6亿元的新锂源小型锂电池项目达产达效", "20.6亿元", Q, 20.6, None, "亿元", "", ""),
    ("000", "力促锂电产业营业收入达20亿元", "20亿元", Q, 20, None, "亿元", "", "达到"),
    ("000", "推动消防产业营业收入达10亿元", "10亿元", Q, 10, None, "亿元", "", "达到"),
    ("000", "二是以“城区”为主阵地", "二是", "marker", None, None, "", None, None),
    ("000", "安排城建交通类重点项目70个、投资93.54亿元", "70个", Q, 70, None, "个", "", ""),
    ("000", "安排城建交通类重点项目70个、投资93.54亿元", "93.54亿元", Q, 93.54, None, "亿元", "", ""),
    ("000", "重点推进2180套棚户区、14976户老旧小区改造", "2180套", Q, 2180, None, "套", "", ""),
    ("000", "重点推进2180套棚户区、14976户老旧小区改造", "14976户", Q, 14976, None, "户", "", ""),
    ("000", "建成3个口袋公园、3个立体停车场", "3个", Q, 3, None, "个", "", "建成"),
    ("000", "建成3个口袋公园、3个立体停车场", "3个#2", Q, 3, None, "个", "", "建成"),
    ("000", "重点实施23个城区农贸市场综合治理", "23个", Q, 23, None, "个", "", ""),
    ("000", "落实《加强和完善城市社区治理三十条措施》", "三十条", "code", None, None, "", None, None),
    ("000", "推动80%以上社区党群服务中心扩面达标", "80%", Q, 80, None, "%", "以上", ""),
    ("000", "搭建“渝心为民365”智慧党建平台", "365", "code", None, None, "", None, None),
    ("000", "建立“三方四联”机制", "三方", NOT_Q, None, None, "", None, None),
    ("000", "实现数据汇聚一张表", "一", NOT_Q, None, None, "", None, None),
    ("000", "生态系统固碳“五类工程”", "五类", "ordinal", None, None, "", None, None),
    ("000", "推动千亿级非金属新材料产业园由规划走进现实", "千亿", NOT_Q, None, None, "", None, None),
    ("000", "精密钢带产业园“五园引凤”工程", "五", NOT_Q, None, None, "", None, None),
    ("000", "京东数字产业园、非金属新材料产业园为两翼", "两", NOT_Q, None, None, "", None, None),
    # ---- 001 月湖
    ("001", "地区生产总值增长6.5%左右", "6.5%", Q, 6.5, None, "%", "左右", "增长"),
    ("001", "一般公共预算收入增长5%左右", "5%", Q, 5, None, "%", "左右", "增长"),
    ("001", "规模以上工业增加值增长10%左右", "10%", Q, 10, None, "%", "左右", "增长"),
    ("001", "固定资产投资增长8%左右", "8%", Q, 8, None, "%", "左右", "增长"),
    ("001", "社会消费品零售总额增长7.5%左右", "7.5%", Q, 7.5, None, "%", "左右", "增长"),
    ("001", "城乡居民人均可支配收入分别增长5.5%、7%左右", "5.5%", Q, 5.5, None, "%", "左右", "增长"),
    ("001", "城乡居民人均可支配收入分别增长5.5%、7%左右", "7%", Q, 7, None, "%", "左右", "增长"),
    ("001", "居民消费价格总水平涨幅控制在3%以内", "3%", Q, 3, None, "%", "以内", "控制在"),
    ("001", "重点做好六方面工作", "六", NOT_Q, None, None, "", None, None),
    ("001", "(一)以提质增效为主题", "(一)", "marker", None, None, "", None, None),
    ("001", "力争新引进电子信息、智能制造项目14个以上", "14个", Q, 14, None, "个", "以上", ""),
    ("001", "力争入统数字经济项目15个", "15个", Q, 15, None, "个", "力争", ""),
    ("001", "推进企业两化融合管理体系贯标", "两", NOT_Q, None, None, "", None, None),
    ("001", "布局5g基站建设和双千兆(17)应用", "5g", "code", None, None, "", None, None),
    ("001", "布局5g基站建设和双千兆(17)应用", "(17)", "footnote", None, None, "", None, None),
    ("001", "布局5g基站建设和双千兆(17)应用", "千", NOT_Q, None, None, "", None, None),
    ("001", "推进ipv6(18)改造", "ipv6", "code", None, None, "", None, None),
    ("001", "推进ipv6(18)改造", "(18)", "footnote", None, None, "", None, None),
    ("001", "力争市级以上服务业龙头企业达到7个", "7个", Q, 7, None, "个", "力争", "达到"),
    ("001", "力争全年新增规上批零住餐企业17家", "17家", Q, 17, None, "家", "力争", "新增"),
    ("001", "网络零售额增幅25%", "25%", Q, 25, None, "%", "", ""),
    ("001", "鼓励物流企业向5a、4a级升级", "5a", "code", None, None, "", None, None),
    ("001", "鼓励物流企业向5a、4a级升级", "4a", "code", None, None, "", None, None),
    ("001", "大力推进“公铁联运”(19)项目", "(19)", "footnote", None, None, "", None, None),
    ("001", "力争集装箱联运量增长15%以上", "15%", Q, 15, None, "%", "以上", "增长"),
    ("001", "中珍医药产业园二期", "二期", "ordinal", None, None, "", None, None),
    ("001", "(二)以项目建设为支撑", "(二)", "marker", None, None, "", None, None),
    ("001", "谋划储备一批符合条件的重大项目", "一", NOT_Q, None, None, "", None, None),
    ("001", "区委每月一调度", "一", NOT_Q, None, None, "", None, None),
    ("001", "围绕“3个月开工,8个月投产”这一目标", "3个月", Q, 3, None, "个月", "", ""),
    ("001", "围绕“3个月开工,8个月投产”这一目标", "8个月", Q, 8, None, "个月", "", ""),
    ("001", "确保43个市大中型项目完成固定资产投资15亿元以上", "43个", Q, 43, None, "个", "", ""),
    ("001", "确保43个市大中型项目完成固定资产投资15亿元以上", "15亿元", Q, 15, None, "亿元", "以上", "完成"),
    ("001", "紧盯三类500强", "500", "code", None, None, "", None, None),
    ("001", "力争全年新引进项目35个以上", "35个", Q, 35, None, "个", "以上", ""),
    ("001", "投资80亿元以上", "80亿元", Q, 80, None, "亿元", "以上", ""),
    ("001", "其中亿元项目20个以上", "20个", Q, 20, None, "个", "以上", ""),
    ("001", "其中亿元项目20个以上", "亿元", NOT_Q, None, None, "", None, None),
    ("001", "持续推动四大专项治理(20)", "(20)", "footnote", None, None, "", None, None),
    ("001", "持续推动四大专项治理(20)", "四大", "ordinal", None, None, "", None, None),
    ("001", "力争有研发活动的规上企业占比达50%", "50%", Q, 50, None, "%", "力争", "达到"),
    ("001", "潜在瞪羚企业(21)指导培育工作", "(21)", "footnote", None, None, "", None, None),
    ("001", "坚持创新是第一动力", "第一", "ordinal", None, None, "", None, None),
    ("001", "“一权一品”(23)等农权抵押融资模式", "(23)", "footnote", None, None, "", None, None),
    ("001", "“一权一品”(23)等农权抵押融资模式", "一", NOT_Q, None, None, "", None, None),
    ("001", "推进农村“两闲”(24)盘活利用", "(24)", "footnote", None, None, "", None, None),
    ("001", "加快推进2023—2024年13个老旧小区改造", "2023—2024年", "year", None, None, "", None, None),
    ("001", "加快推进2023—2024年13个老旧小区改造", "13个", Q, 13, None, "个", "", ""),
    ("001", "力争新增机动车车位300个以上、非机动车充电位2000个以上", "300个", Q, 300, None, "个", "以上", "新增"),
    ("001", "力争新增机动车车位300个以上、非机动车充电位2000个以上", "2000个", Q, 2000, None, "个", "以上", "新增"),
    ("001", "纵深推进“最多跑一次”向“一次不用跑”转变", "一次", NOT_Q, None, None, "", None, None),
    ("001", "打通便民服务“最后一公里”", "一公里", NOT_Q, None, None, "", None, None),
    ("001", "深化企业全生命周期“一件事一次办”改革", "一件", NOT_Q, None, None, "", None, None),
    # ---- 002 掇刀
    ("002", "地区生产总值同比增长8.5%左右", "8.5%", Q, 8.5, None, "%", "左右", "增长"),
    ("002", "规模以上工业增加值同比增长12%以上", "12%", Q, 12, None, "%", "以上", "增长"),
    ("002", "固定资产投资同比增长10%", "10%", Q, 10, None, "%", "", "增长"),
    ("002", "社会消费品零售总额同比增长10.5%", "10.5%", Q, 10.5, None, "%", "", "增长"),
    ("002", "一般公共预算收入同比增长14.6%", "14.6%", Q, 14.6, None, "%", "", "增长"),
    ("002", "进出口总额同比增长12%", "12%", Q, 12, None, "%", "", "增长"),
    ("002", "外商直接投资占全市比重达到60%", "60%", Q, 60, None, "%", "", "达到"),
    ("002", "牢牢把握发展第一要务", "第一", "ordinal", None, None, "", None, None),
    ("002", "力争全年规上工业总产值突破1800亿元", "1800亿元", Q, 1800, None, "亿元", "力争", "突破"),
    ("002", "实施三大千亿产业提能行动", "三大", "ordinal", None, None, "", None, None),
    ("002", "实施三大千亿产业提能行动", "千亿", NOT_Q, None, None, "", None, None),
    ("002", "力争锂电产业产值突破千亿大关", "千亿", Q, 1000, None, "亿", "力争", "突破"),
    ("002", "加快长城汽车二期技改扩规", "二期", "ordinal", None, None, "", None, None),
    ("002", "推动年产能达到18万辆", "18万辆", Q, 18, None, "万辆", "", "达到"),
    ("002", "加快工业互联网标识解析二级节点建设", "二级", "ordinal", None, None, "", None, None),
    ("002", "新增5g全连接工厂1家、国家级两化融合贯标企业5家、省级两化融合试点示范企业6家", "5g", "code", None, None, "", None, None),
    ("002", "新增5g全连接工厂1家、国家级两化融合贯标企业5家、省级两化融合试点示范企业6家", "1家", Q, 1, None, "家", "", "新增"),
    ("002", "新增5g全连接工厂1家、国家级两化融合贯标企业5家、省级两化融合试点示范企业6家", "5家", Q, 5, None, "家", "", "新增"),
    ("002", "新增5g全连接工厂1家、国家级两化融合贯标企业5家、省级两化融合试点示范企业6家", "6家", Q, 6, None, "家", "", "新增"),
    ("002", "全年招引30亿元以上项目5个", "30亿元", Q, 30, None, "亿元", "以上", ""),
    ("002", "全年招引30亿元以上项目5个", "5个", Q, 5, None, "个", "", ""),
    ("002", "确保全年策划项目200个以上", "200个", Q, 200, None, "个", "以上", ""),
    ("002", "总投资1000亿元以上", "1000亿元", Q, 1000, None, "亿元", "以上", ""),
    ("002", "强化“三级包联”、季度拉练", "三级", "ordinal", None, None, "", None, None),
    ("002", "航特四期", "四期", "ordinal", None, None, "", None, None),
    ("002", "好电科技等80个亿元以上项目开工建设", "80个", Q, 80, None, "个", "", ""),
    ("002", "争光树脂等70个亿元以上项目竣工投产", "70个", Q, 70, None, "个", "", ""),
    ("002", "支持亿纬动力产值冲刺500亿元", "500亿元", Q, 500, None, "亿元", "", ""),
    ("002", "支持亿纬动力产值冲刺500亿元", "亿", NOT_Q, None, None, "", None, None),
    ("002", "荆门石化冲刺400亿元", "400亿元", Q, 400, None, "亿元", "", ""),
    ("002", "格林美冲刺350亿元", "350亿元", Q, 350, None, "亿元", "", ""),
    ("002", "长城汽车冲刺300亿元", "300亿元", Q, 300, None, "亿元", "", ""),
    ("002", "培育产值超10亿元、30亿元的制造业企业5家、2家", "10亿元", Q, 10, None, "亿元", "", ""),
    ("002", "培育产值超10亿元、30亿元的制造业企业5家、2家", "30亿元", Q, 30, None, "亿元", "", ""),
    ("002", "培育产值超10亿元、30亿元的制造业企业5家、2家", "5家", Q, 5, None, "家", "", ""),
    ("002", "培育产值超10亿元、30亿元的制造业企业5家、2家", "2家", Q, 2, None, "家", "", ""),
    ("002", "新增规模以上工业企业24家以上", "24家", Q, 24, None, "家", "以上", "新增"),
    ("002", "总数超过200家", "200家", Q, 200, None, "家", "", ""),
    ("002", "动态储备20家以上", "20家", Q, 20, None, "家", "以上", ""),
    ("002", "推动两家在主板上市", "两家", Q, 2, None, "家", "", ""),
    ("002", "发布科技需求项目60个以上", "60个", Q, 60, None, "个", "以上", ""),
    ("002", "投入研发经费20亿元以上", "20亿元", Q, 20, None, "亿元", "以上", ""),
    ("002", "转化科技成果49项以上", "49项", Q, 49, None, "项", "以上", ""),
    ("002", "技术合同成交金额达到30亿元", "30亿元", Q, 30, None, "亿元", "", "达到"),
    ("002", "组织登记入库科技型中小企业300家以上", "300家", Q, 300, None, "家", "以上", ""),
    ("002", "力争高新技术企业数量达到200家以上", "200家", Q, 200, None, "家", "以上", "达到"),
    ("002", "完成高新技术产业增加值200亿元以上", "200亿元", Q, 200, None, "亿元", "以上", "完成"),
    ("002", "培育省级以上专精特新中小企业32家", "32家", Q, 32, None, "家", "", ""),
    ("002", "推动公路作业区二期", "二期", "ordinal", None, None, "", None, None),
    ("002", "大力实施园区产业工人归属感提升“五大行动”", "五大", "ordinal", None, None, "", None, None),
    ("002", "麻矿路南段等11条道路开工建设", "11条", Q, 11, None, "条", "", ""),
    ("002", "兴化五路、站场二路等13条道路建成通车", "13条", Q, 13, None, "条", "", "实现"),
    ("002", "兴化五路、站场二路等13条道路建成通车", "五", NOT_Q, None, None, "", None, None),
    ("002", "兴化五路、站场二路等13条道路建成通车", "二", NOT_Q, None, None, "", None, None),
    ("002", "亿纬桥3个道路节点工程", "3个", Q, 3, None, "个", "", ""),
    ("002", "军马场二路等6条断头路", "6条", Q, 6, None, "条", "", ""),
    ("002", "联谊苑小区等10个老旧小区改造项目", "10个", Q, 10, None, "个", "", ""),
    ("002", "开展市容市貌综合整治提升七大专项行动", "七大", "ordinal", None, None, "", None, None),
    ("002", "打造“15分钟”便民圈", "15分钟", "code", None, None, "", None, None),
    ("002", "全年新增规模以上服务企业13家", "13家", Q, 13, None, "家", "", "新增"),
    ("002", "限上商贸企业总数突破300家", "300家", Q, 300, None, "家", "", "突破"),
    ("002", "本文地址:/baogao/huazhong/9897.html", "9897.html", "code", None, None, "", None, None),
    # ---- 003 都昌
    ("003", "二、2024年主要任务", "二、", "marker", None, None, "", None, None),
    ("003", "二、2024年主要任务", "2024年", "year", None, None, "", None, None),
    ("003", "2024年是中华人民共和国成立75周年", "75周年", "ordinal", None, None, "", None, None),
    ("003", "是实施“十四五”规划目标任务的关键之年", "十四五", "ordinal", None, None, "", None, None),
    ("003", "深入贯彻党的二十大精神", "二十大", "ordinal", None, None, "", None, None),
    ("003", "二十届二中全会", "二十届", "ordinal", None, None, "", None, None),
    ("003", "二十届二中全会", "二中全会", "ordinal", None, None, "", None, None),
    ("003", "认真落实省委十五届五次全会", "十五届", "ordinal", None, None, "", None, None),
    ("003", "认真落实省委十五届五次全会", "五次全会", "ordinal", None, None, "", None, None),
    ("003", "市委十二届八次全会精神", "八次全会", "ordinal", None, None, "", None, None),
    ("003", "按照县委“十六字”工作思路", "十六", NOT_Q, None, None, "", None, None),
    ("003", "优化改进作风“五大行动”", "五大", "ordinal", None, None, "", None, None),
    ("003", "地区生产总值增长5%左右", "5%", Q, 5, None, "%", "左右", "增长"),
    ("003", "一般公共预算收入增长3.5%左右", "3.5%", Q, 3.5, None, "%", "左右", "增长"),
    ("003", "规上工业增加值增长6.5%以上", "6.5%", Q, 6.5, None, "%", "以上", "增长"),
    ("003", "固定资产投资增长4%左右", "4%", Q, 4, None, "%", "左右", "增长"),
    ("003", "社会消费品零售总额增长6.5%左右", "6.5%", Q, 6.5, None, "%", "左右", "增长"),
    ("003", "城镇和农村居民人均可支配收入分别增长5%和7%左右", "5%", Q, 5, None, "%", "左右", "增长"),
    ("003", "城镇和农村居民人均可支配收入分别增长5%和7%左右", "7%", Q, 7, None, "%", "左右", "增长"),
    ("003", "居民消费价格涨幅控制在3%以内", "3%", Q, 3, None, "%", "以内", "控制在"),
    ("003", "我们将重点抓好以下七个方面工作", "七个", "ordinal", None, None, "", None, None),
    ("003", "(一)着力推动集群发展", "(一)", "marker", None, None, "", None, None),
    ("003", "始终把产业发展作为第一要务", "第一", "ordinal", None, None, "", None, None),
    ("003", "全面实施制造业“10310”工程", "10310", "code", None, None, "", None, None),
    ("003", "新能源新材料等3个先进制造业产业集群", "3个", Q, 3, None, "个", "", ""),
    ("003", "深入实施传统产业优化升级2.0行动", "2.0", "code", None, None, "", None, None),
    ("003", "九盛新材料2000万方石材新矿建设", "2000万方", Q, 2000, None, "万方", "", ""),
    ("003", "九盛新材料2000万方石材新矿建设", "九", NOT_Q, None, None, "", None, None),
    ("003", "启动周溪珠贝产业园(三期)建设", "三期", "ordinal", None, None, "", None, None),
    ("003", "瞄准“三类500强”⑥企业", "⑥", "footnote", None, None, "", None, None),
    ("003", "瞄准“三类500强”⑥企业", "500", "code", None, None, "", None, None),
    ("003", "力争全年引进5000万元以上项目50个", "5000万元", Q, 5000, None, "万元", "以上", ""),
    ("003", "力争全年引进5000万元以上项目50个", "50个", Q, 50, None, "个", "力争", ""),
    ("003", "其中优强项目3个、亿元以上项目30个", "3个", Q, 3, None, "个", "", ""),
    ("003", "其中优强项目3个、亿元以上项目30个", "30个", Q, 30, None, "个", "", ""),
    ("003", "全力实施七大领域⑦246个重大项目建设", "⑦", "footnote", None, None, "", None, None),
    ("003", "全力实施七大领域⑦246个重大项目建设", "246个", Q, 246, None, "个", "", ""),
    ("003", "全力实施七大领域⑦246个重大项目建设", "七大", "ordinal", None, None, "", None, None),
    ("003", "力争完成年度投资202.1亿元", "202.1亿元", Q, 202.1, None, "亿元", "力争", "完成"),
    ("003", "加快推动迅威新材料(二期)", "二期", "ordinal", None, None, "", None, None),
    ("003", "力争新增“五上”企业120家", "120家", Q, 120, None, "家", "力争", "新增"),
    ("003", "培育省级“专精特新”中小企业7家、智能制造标杆企业2家", "7家", Q, 7, None, "家", "", ""),
    ("003", "培育省级“专精特新”中小企业7家、智能制造标杆企业2家", "2家", Q, 2, None, "家", "", ""),
    ("003", "推进“标准地”⑧建设", "⑧", "footnote", None, None, "", None, None),
    ("003", "新增园区用地2000亩", "2000亩", Q, 2000, None, "亩", "", "新增"),
    ("003", "新建标准厂房20万平方米", "20万平方米", Q, 20, None, "万平方米", "", "新建"),
    ("003", "实施帮扶“七包”责任制⑨", "⑨", "footnote", None, None, "", None, None),
    ("003", "建立“1 n”综合执法队伍⑩", "1", "code", None, None, "", None, None),
    ("003", "建立“1 n”综合执法队伍⑩", "⑩", "footnote", None, None, "", None, None),
    ("003", "加快推进都蔡公路“二改一”", "二", NOT_Q, None, None, "", None, None),
    ("003", "持续完善县乡村三级物流配送体系建设", "三级", "ordinal", None, None, "", None, None),
    ("003", "加大“五经普”成果转化运用", "五", NOT_Q, None, None, "", None, None),
    ("003", "本文地址:/baogao/huadong/10158.html", "10158.html", "code", None, None, "", None, None),
    # ---- 004 瑞金
    ("004", "微信扫一扫", "一", NOT_Q, None, None, "", None, None),
    ("004", "今年是党的二十大召开之年", "二十大", "ordinal", None, None, "", None, None),
    ("004", "全面贯彻落实党的十九大和十九届历次全会精神", "十九届", "ordinal", None, None, "", None, None),
    ("004", "聚焦“三大战略、八大行动”", "八大", "ordinal", None, None, "", None, None),
    ("004", "努力打造“四个中心”", "四个", "ordinal", None, None, "", None, None),
    ("004", "GDP 增长8.2%以上", "8.2%", Q, 8.2, None, "%", "以上", "增长"),
    ("004", "规上工业增加值增长9%以上", "9%", Q, 9, None, "%", "以上", "增长"),
    ("004", "一般公共预算收入增长5.5%以上", "5.5%", Q, 5.5, None, "%", "以上", "增长"),
    ("004", "固定资产投资增长10%以上", "10%", Q, 10, None, "%", "以上", "增长"),
    ("004", "社会消费品零售总额增长11%以上", "11%", Q, 11, None, "%", "以上", "增长"),
    ("004", "实际利用外资增长7%左右", "7%", Q, 7, None, "%", "左右", "增长"),
    ("004", "城镇、农村居民人均可支配收入分别增长8%、10%左右", "8%", Q, 8, None, "%", "左右", "增长"),
    ("004", "城镇、农村居民人均可支配收入分别增长8%、10%左右", "10%", Q, 10, None, "%", "左右", "增长"),
    ("004", "居民消费价格总水平涨幅控制在3%左右", "3%", Q, 3, None, "%", "左右", "控制在"),
    ("004", "城镇调查失业率控制在5.5%以内", "5.5%", Q, 5.5, None, "%", "以内", "控制在"),
    ("004", "市第七次党代会提出", "第七次", "ordinal", None, None, "", None, None),
    ("004", "这是今后五年乃至更长时期", "五年", NOT_Q, None, None, "", None, None),
    ("004", "我们要“一张蓝图绘到底”", "一", NOT_Q, None, None, "", None, None),
    ("004", "今年初步谋划实施重点项目168个", "168个", Q, 168, None, "个", "", ""),
    ("004", "今年初步谋划实施重点项目168个,总投资670亿元", "670亿元", Q, 670, None, "亿元", "", ""),
    ("004", "年度计划投资175亿元", "175亿元", Q, 175, None, "亿元", "", ""),
    ("004", "主要抓好以下六个方面工作", "六个", "ordinal", None, None, "", None, None),
    ("004", "力争规上工业营收突破340亿元", "340亿元", Q, 340, None, "亿元", "力争", "突破"),
    ("004", "净增规上工业企业15家以上", "15家", Q, 15, None, "家", "以上", ""),
    ("004", "01\n壮大产业集群", "01", "marker", None, None, "", None, None),
    ("004", "加速构建“2+2+N”产业体系", "2+2+N", "code", None, None, "", None, None),
    ("004", "金拉铜箔年产8万吨铜箔铜带", "8万吨", Q, 8, None, "万吨", "", ""),
    ("004", "振兴铜业年产5万吨铜带铜管项目全面达产", "5万吨", Q, 5, None, "万吨", "", ""),
    ("004", "纺织服装产业重点培育“四特”产品体系", "四", NOT_Q, None, None, "", None, None),
    ("004", "力争集群规模突破35亿元", "35亿元", Q, 35, None, "亿元", "力争", "突破"),
    ("004", "力争集群规模突破40亿元", "40亿元", Q, 40, None, "亿元", "力争", "突破"),
    ("004", "大力推进数字经济“一号发展工程”", "一", NOT_Q, None, None, "", None, None),
    ("004", "力争引进世界500强企业项目1个", "500", "code", None, None, "", None, None),
    ("004", "力争引进世界500强企业项目1个", "1个", Q, 1, None, "个", "力争", ""),
    ("004", "“5020”项目2个", "5020", "code", None, None, "", None, None),
    ("004", "“5020”项目2个", "2个", Q, 2, None, "个", "力争", ""),
    ("004", "亿元以上项目30个,新开工项目30个", "30个", Q, 30, None, "个", "力争", ""),
    ("004", "亿元以上项目30个,新开工项目30个", "30个#2", Q, 30, None, "个", "", ""),
    ("004", "加快瑞兴于“3+2”经济振兴试验区建设", "3+2", "code", None, None, "", None, None),
    ("004", "力争新增开发面积2000亩以上", "2000亩", Q, 2000, None, "亩", "以上", "新增"),
    ("004", "建设主干路网5公里", "5公里", Q, 5, None, "公里", "", ""),
    ("004", "红都科创园核心区一期等项目建设", "一期", "ordinal", None, None, "", None, None),
    ("004", "力争年内新建标准厂房92万平方米、建成80万平方米", "92万平方米", Q, 92, None, "万平方米", "力争", "新建"),
    ("004", "力争年内新建标准厂房92万平方米、建成80万平方米", "80万平方米", Q, 80, None, "万平方米", "力争", "建成"),
    ("004", "新建创新研发平台2家", "2家", Q, 2, None, "家", "", "新建"),
    ("004", "培育高新技术企业5家、省级“专精特新”企业8家、专业化“小巨人”企业1家", "5家", Q, 5, None, "家", "", ""),
    ("004", "培育高新技术企业5家、省级“专精特新”企业8家、专业化“小巨人”企业1家", "8家", Q, 8, None, "家", "", ""),
    ("004", "培育高新技术企业5家、省级“专精特新”企业8家、专业化“小巨人”企业1家", "1家", Q, 1, None, "家", "", ""),
    ("004", "力争单项冠军、独角兽、瞪羚企业实现零突破", "零", NOT_Q, None, None, "", None, None),
    ("004", "统筹推进“五个振兴”", "五个", "ordinal", None, None, "", None, None),
    ("004", "严格落实五年过渡期“四个不摘”要求", "四个", "ordinal", None, None, "", None, None),
    ("004", "巩固提升“两不愁三保障”", "两", NOT_Q, None, None, "", None, None),
    ("004", "财政衔接推进乡村振兴补助资金投入产业比例不低于50%", "50%", Q, 50, None, "%", "不低于", ""),
    ("004", "让脱贫群众生活一年更比一年好", "一年", NOT_Q, None, None, "", None, None),
    ("004", "完成高标准农田建设4.5万亩", "4.5万亩", Q, 4.5, None, "万亩", "", "完成"),
    ("004", "粮食产量稳定在19.2万吨以上", "19.2万吨", Q, 19.2, None, "万吨", "以上", "稳定在"),
    ("004", "生猪出栏稳定在50万头以上", "50万头", Q, 50, None, "万头", "以上", "稳定在"),
    ("004", "稳定脐橙种植面积20.7万亩", "20.7万亩", Q, 20.7, None, "万亩", "", ""),  # 稳定 is not 稳定在
    ("004", "种植面积稳定在4.6万亩以上", "4.6万亩", Q, 4.6, None, "万亩", "以上", "稳定在"),
    ("004", "完成白莲种植4万亩、烟叶种植 1.2万亩", "4万亩", Q, 4, None, "万亩", "", "完成"),
    ("004", "完成白莲种植4万亩、烟叶种植 1.2万亩", "1.2万亩", Q, 1.2, None, "万亩", "", "完成"),
    ("004", "新植、改造油茶1.4万亩", "1.4万亩", Q, 1.4, None, "万亩", "", "改造"),
    ("004", "打造40个美丽乡村建设示范点", "40个", Q, 40, None, "个", "", ""),
    ("004", "新改建圩镇农贸市场8个、停车场9个、休闲广场或小游园10个", "8个", Q, 8, None, "个", "", ""),
    ("004", "新改建圩镇农贸市场8个、停车场9个、休闲广场或小游园10个", "9个", Q, 9, None, "个", "", ""),
    ("004", "新改建圩镇农贸市场8个、停车场9个、休闲广场或小游园10个", "10个", Q, 10, None, "个", "", ""),
    ("004", "安装农村路灯1000盏", "1000盏", Q, 1000, None, "盏", "", ""),
    ("004", "完成“四好农村公路”建设215.7公里", "215.7公里", Q, 215.7, None, "公里", "", "完成"),
    ("004", "严格落实“七个坚决”要求", "七个", "ordinal", None, None, "", None, None),
    ("004", "完成农村改厕800户", "800户", Q, 800, None, "户", "", "完成"),
    ("004", "推广“一组三会”治理模式", "三", NOT_Q, None, None, "", None, None),
    ("004", "编制《红色教育培训十四五规划》", "十四五", "ordinal", None, None, "", None, None),
    ("004", "控制50米以上高层建筑", "50米", Q, 50, None, "米", "以上", ""),
    ("004", "加快推进S451瑞金泉水迳至瑞林段", "S451", "code", None, None, "", None, None),
    ("004", "S543瑞林至葛练段", "S543", "code", None, None, "", None, None),
    ("004", "实施10千伏及以下农网改造升级工程", "10千伏", Q, 10, None, "千伏", "以下", ""),
    ("004", "完成棚户区改造450户、老旧小区改造700户", "450户", Q, 450, None, "户", "", "完成"),  # 棚户区改造 is a noun
    ("004", "完成棚户区改造450户、老旧小区改造700户", "700户", Q, 700, None, "户", "", "完成"),
    ("004", "实施瑞金八中、滨江小学等学校周边道路工程", "八", NOT_Q, None, None, "", None, None),
    ("004", "适时引进共享二轮电动车", "二轮", NOT_Q, None, None, "", None, None),
    ("004", "实施新一轮商贸消费升级三年行动", "三年", NOT_Q, None, None, "", None, None),
    ("004", "完善“互联网+第四方物流”供销集配体系", "第四", NOT_Q, None, None, "", None, None),
    ("004", "完成瑞金八中、红都小学、机关保育院等13所城乡学校项目建设", "13所", Q, 13, None, "所", "", "完成"),
    ("004", "新增城区学位8970个", "8970个", Q, 8970, None, "个", "", "新增"),
    ("004", "加快形成校园体育、社会体育双“1+1+1”效果", "1+1+1", "code", None, None, "", None, None),
    ("004", "积极发展“一县一品”体育事业", "一", NOT_Q, None, None, "", None, None),
    ("004", "完成冈面等5所区域性养老院建设", "5所", Q, 5, None, "所", "", "完成"),
    ("004", "帮助159户特困老年人完成居家适老化改造", "159户", Q, 159, None, "户", "", ""),
    ("004", "316户残疾人家庭完成无障碍设施改造", "316户", Q, 316, None, "户", "", ""),  # 完成 belongs to 159户
    ("004", "新增城镇就业3100人以上、转移农村劳动力5200人", "3100人", Q, 3100, None, "人", "以上", "新增"),
    ("004", "新增城镇就业3100人以上、转移农村劳动力5200人", "5200人", Q, 5200, None, "人", "", ""),  # own verb 转移
    ("004", "全面落实三孩生育政策", "三", NOT_Q, None, None, "", None, None),
    ("004", "确保共同富裕路上一个都不能少", "一个", NOT_Q, None, None, "", None, None),
    ("004", "打造全省政务服务满意度一等县(市)", "一", NOT_Q, None, None, "", None, None),
    ("004", "实施新的“八大标志性战役30个专项行动”", "30个", Q, 30, None, "个", "", ""),
    ("004", "确保断面水质优良率达100%", "100%", Q, 100, None, "%", "", "达到"),
    ("004", "污水处理厂扩容一期等项目建设", "一期", "ordinal", None, None, "", None, None),
    ("004", "全面开展“八五”普法", "八五", "ordinal", None, None, "", None, None),
    ("004", "完成全市215所学校“四个一”建设", "215所", Q, 215, None, "所", "", "完成"),
    ("004", "完成全市215所学校“四个一”建设", "四个", "ordinal", None, None, "", None, None),
    ("004", "持续推进安全生产专项整治三年行动", "三年", NOT_Q, None, None, "", None, None),
]  # fmt: skip

_MENTIONS: dict[str, list[Mention]] = {}


def _mentions(fx: str) -> list[Mention]:
    if fx not in _MENTIONS:
        _MENTIONS[fx] = find_mentions(_text(fx))
    return _MENTIONS[fx]


def _locate(fx: str, sentence: str, needle: str) -> tuple[str, int, int]:
    text = _text(fx)
    assert sentence in text, f"sentence not in fixture {fx}: {sentence}"
    base = text.index(sentence)
    nth = 1
    if "#" in needle:
        needle, n = needle.rsplit("#", 1)
        nth = int(n)
    pos = base - 1
    for _ in range(nth):
        pos = sentence.index(needle, pos - base + 1) + base
    return text, pos, pos + len(needle)


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 150
    kinds = {c[3] for c in CASES}
    assert {"quantity", "year", "ordinal", "footnote", "code", "marker", NOT_Q} <= kinds


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}:{c[2]}@{c[1][:14]}" for c in CASES])
def test_mention_table(case: tuple) -> None:
    fx, sentence, needle, kind, value, vmax, unit, qual, direction = case
    text, s, e = _locate(fx, sentence, needle)
    mentions = _mentions(fx)
    if kind == NOT_Q:
        overlapping = [m for m in mentions if m.kind == "quantity" and m.start < e and s < m.end]
        assert not overlapping, overlapping
        return
    at = [m for m in mentions if m.start == s]
    assert at, f"no mention starts at {needle!r} ({[m for m in mentions if abs(m.start - s) < 8]})"
    m = at[0]
    assert (m.kind, m.text, m.end) == (kind, text[s:e], e)
    assert m.text == text[m.start : m.end]
    if kind != Q:
        return
    assert m.value == pytest.approx(value)
    assert m.value_max == vmax
    assert m.unit == unit
    cs, ce = clause_bounds(text, m.start)
    assert qualifier_for(text, m.start, m.end, cs, ce) == qual
    assert direction_before(text, m.start, cs)[0] == direction
    # the checker's readings always include the canonical one
    assert qual in qualifier_readings(text, m.start, m.end)
    assert direction in direction_readings(text, m.start, cs)
    # and the span parses back to the same quantity on its own
    assert parse_quantity(m.text) == (pytest.approx(value), vmax, unit)


def test_whole_fixture_mentions_are_well_formed() -> None:
    for fx in _FILES:
        text = _text(fx)
        prev_end = 0
        for m in _mentions(fx):
            assert m.text == text[m.start : m.end]
            assert m.start >= prev_end
            prev_end = m.end
            if m.kind == "quantity":
                assert m.value is not None
                assert m.unit not in ("大", "个中心", "年")


def test_every_quantity_of_the_seeds_is_in_the_table() -> None:
    """Nothing the finder calls a quantity in the seeds escapes the hand-written table."""
    listed = set()
    for fx, sentence, needle, kind, *_ in CASES:
        if kind == Q:
            _, s, _ = _locate(fx, sentence, needle)
            listed.add((fx, s))
    unlisted = [
        (fx, m.text)
        for fx in _FILES
        for m in _mentions(fx)
        if m.kind == Q and (fx, m.start) not in listed
    ]
    assert unlisted == []


# ------------------------------------------------------------------- parse_quantity and friends

PARSE = [
    ("7.5%", (7.5, None, "%")),
    ("2000万元", (2000, None, "万元")),
    ("100余万平方米", (100, None, "万平方米")),
    ("522.96亿元", (522.96, None, "亿元")),
    ("19.2万吨", (19.2, None, "万吨")),
    ("50万头", (50, None, "万头")),
    ("215.7公里", (215.7, None, "公里")),
    ("2000万方", (2000, None, "万方")),
    ("10千伏", (10, None, "千伏")),
    ("3个月", (3, None, "个月")),
    ("1.2万亩", (1.2, None, "万亩")),
    ("1.2万亿元", (1.2, None, "万亿元")),
    ("两千万元", (2000, None, "万元")),
    ("30万人", (30, None, "万人")),
    ("6%—6.5%", (6, 6.5, "%")),
    ("5.5％", (5.5, None, "%")),
    ("百分之五", (5, None, "%")),
    ("3个百分点", (3, None, "个百分点")),
    ("5%至6%", (5, 6, "%")),
    ("6-7%", (6, 7, "%")),
    ("3800亿", (3800, None, "亿")),
    ("三成", (3, None, "成")),
    ("一点二万亿元", (1.2, None, "万亿元")),
    ("十二万人", (12, None, "万人")),
    ("1,234.5万元", (1234.5, None, "万元")),
    ("１２３４５", (12345, None, "")),
    ("２０００万元", (2000, None, "万元")),
    ("三百零五户", (305, None, "户")),
    ("10-15万元", (10, 15, "万元")),
    ("8.2 %", (8.2, None, "%")),
    ("2023—2024年", None),
    ("2024年", None),
    ("二期", None),
    ("5g", None),
    ("(17)", None),
    ("第三次", None),
    ("十四五", None),
    ("", None),
    ("增长7.5%", None),
    ("7.5%左右", None),
    ("亿元", None),
    ("万元", None),
    ("5020项目", None),
    ("AA级", None),
]


@pytest.mark.parametrize(("s", "expected"), PARSE)
def test_parse_quantity(s: str, expected: tuple | None) -> None:
    got = parse_quantity(s)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert got[0] == pytest.approx(expected[0])
        assert got[1] == (None if expected[1] is None else pytest.approx(expected[1]))
        assert got[2] == expected[2]


CHINESE = [
    ("两千", 2000), ("一点二", 1.2), ("十二", 12), ("三百零五", 305), ("二十", 20),
    ("一万二", 12000), ("三千五", 3500), ("两百五十", 250), ("一亿二千万", 1.2e8),
    ("二〇二四", 2024), ("一点二万亿", 1.2e12), ("零", 0), ("十万", 1e5), ("一十二", 12),
    ("三十", 30), ("一百零一", 101), ("九千九百九十九", 9999), ("两万", 20000), ("五点五", 5.5),
    ("十四五", None), ("", None), ("abc", None), ("十十", None), ("点五", None),
]  # fmt: skip


@pytest.mark.parametrize(("s", "expected"), CHINESE)
def test_parse_chinese_number(s: str, expected: float | None) -> None:
    got = parse_chinese_number(s)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


MAGNITUDES = [
    ((2000, "万元"), (2e7, "元")),
    ((0.2, "亿元"), (2e7, "元")),
    ((30, "万人"), (3e5, "人")),
    ((3, "成"), (30, "%")),
    ((5, "%"), (5, "%")),
    ((5, "％"), (5, "%")),
    ((1, "个百分点"), (1, "个百分点")),
    ((1, "百分点"), (1, "个百分点")),
    ((1.2, "万亿元"), (1.2e12, "元")),
    ((3800, "亿"), (3.8e11, "")),
    ((20, "万千瓦"), (2e5, "千瓦")),
    ((19.2, "万吨"), (1.92e5, "吨")),
    ((5, "千米"), (5, "公里")),
]


@pytest.mark.parametrize(("given", "expected"), MAGNITUDES)
def test_to_base(given: tuple[float, str], expected: tuple[float, str]) -> None:
    v, u = to_base(*given)
    assert u == expected[1]
    assert v == pytest.approx(expected[0])


SAME = [
    ((2000, "万元"), (0.2, "亿元"), True),
    ((3800, "亿元"), (3500, "亿元"), False),
    ((8.5, "%"), (7.5, "%"), False),
    ((1, "个百分点"), (1, "%"), False),
    ((30, "万人"), (300000, "人"), True),
    ((3, "成"), (30, "%"), True),
    ((19.2, "万吨"), (19.2, "万亩"), False),
    ((5, "％"), (5, "%"), True),
    ((1.2, "万亿元"), (12000, "亿元"), True),
    ((2000, "万元"), (2000, "亿元"), False),
]


@pytest.mark.parametrize(("a", "b", "expected"), SAME)
def test_same_amount(a: tuple[float, str], b: tuple[float, str], expected: bool) -> None:
    assert same_amount(a[0], a[1], b[0], b[1]) is expected
    assert same_amount(b[0], b[1], a[0], a[1]) is expected


@pytest.mark.parametrize(
    ("text", "number", "value", "unit"),
    [
        # computing power in petaflops (云南, 青海, 湖南, 贵州 2026) and power in Latin letters
        # (阜平 2021, 贵州 2026): units, not the letters of a code
        ("算力规模突破4000P。农业龙头企业", "4000P", 4000.0, "P"),
        ("算力总规模突破4万P，打造全国一体化算力网", "4万P", 4.0, "万P"),
        ("总算力突破1.3万PF、增长20倍", "1.3万PF", 1.3, "万PF"),
        ("全省算力规模突破190Eflops。累计引进", "190Eflops", 190.0, "Eflops"),
        ("设计日处理生活垃圾600吨，装机容量15MW，计划", "15MW", 15.0, "MW"),
        ("新能源电池产能达55GWh，新能源汽车", "55GWh", 55.0, "GWh"),
    ],
)
def test_units_written_in_latin_letters(text: str, number: str, value: float, unit: str) -> None:
    got = [m for m in find_mentions(text) if m.text == number]
    assert [(m.kind, m.value, m.unit) for m in got] == [("quantity", value, unit)]
    assert parse_quantity(number) == (value, None, unit)


def test_letters_after_a_number_that_are_no_unit_make_a_code() -> None:
    text = "建成5G基站，推进G207、S248改线，创建4A级景区，PM2.5浓度下降，110KV变电站，4PB存储"
    codes = {m.text for m in find_mentions(text) if m.kind == "code"}
    assert codes >= {"5G", "G207", "S248", "4A", "PM2.5", "110KV", "4PB"}
    assert not [m for m in find_mentions(text) if m.kind == "quantity"]


def test_latin_units_compare_in_their_base() -> None:
    assert same_amount(1.3, "万PF", 13000, "P")
    assert same_amount(0.19, "万P", 1.9, "Eflops")
    assert same_amount(15, "MW", 1.5, "万千瓦")
    assert to_base(55, "GWh") == (55e6, "千瓦时")


def test_normalize_unit() -> None:
    assert normalize_unit("％") == "%"
    assert normalize_unit(" 万元 ") == "万元"
    assert normalize_unit("个 百分点") == "个百分点"


def test_constants() -> None:
    assert QUALIFIERS == ("不低于", "不超过", "左右", "以上", "以内", "以下")
    assert len(DIRECTIONS) == 16 and "控制在" in DIRECTIONS and "实现" in DIRECTIONS


def test_qualifier_after_spans() -> None:
    text = "居民消费价格总水平涨幅控制在3%以内,粮食产量稳定在19.2万吨 以上,实施10千伏及以下农网"
    e = text.index("3%") + 2
    assert qualifier_after(text, e) == ("以内", e, e + 2)
    e2 = text.index("19.2万吨") + len("19.2万吨")
    assert qualifier_after(text, e2) == ("以上", e2 + 1, e2 + 3)
    e3 = text.index("10千伏") + len("10千伏")
    assert qualifier_after(text, e3) == ("以下", e3, e3 + 3)
    assert qualifier_after(text, 2) == ("", 2, 2)


def test_direction_before_spans() -> None:
    text = "工业增加值达200亿元、增速10%,居民消费价格指数为3%左右,生猪出栏保持在50万头以上"
    p = text.index("200亿元")
    assert direction_before(text, p, 0) == ("达到", p - 1, p)
    p = text.index("10%")
    assert direction_before(text, p, 0) == ("", p, p)  # 增速 is not a list verb
    assert direction_readings(text, p, 0) == {"", "增长"}
    p = text.index("3%")
    cs, _ = clause_bounds(text, p)
    assert direction_before(text, p, cs) == ("", p, p)
    p = text.index("50万头")
    cs, _ = clause_bounds(text, p)
    assert direction_before(text, p, cs) == ("稳定在", p - 3, p)


def test_clause_bounds() -> None:
    text = "目标是:地区生产总值增长7.5%左右,投资1,234亿元;城镇、农村居民收入分别增长6.5%和7%左右。"
    p = text.index("7.5%")
    assert text[slice(*clause_bounds(text, p))] == "地区生产总值增长7.5%左右"
    p = text.index("1,234")
    assert text[slice(*clause_bounds(text, p))] == "投资1,234亿元"
    p = text.index("7%")
    assert text[slice(*clause_bounds(text, p))] == "城镇、农村居民收入分别增长6.5%和7%左右"


def test_readings_are_lenient_only_where_the_contract_leaves_room() -> None:
    text = _text("001")
    p = text.index("25%")
    assert qualifier_readings(text, p, p + 3) == {"", "力争"}
    cs, _ = clause_bounds(text, p)
    assert direction_readings(text, p, cs) == {"增长", ""}
    text = _text("004")
    p = text.index("5200人")
    cs, _ = clause_bounds(text, p)
    assert direction_readings(text, p, cs) == {"新增", ""}
    p = text.index("19.2万吨")
    assert qualifier_readings(text, p, p + 6) == {"以上"}
    cs, _ = clause_bounds(text, p)
    assert direction_readings(text, p, cs) == {"稳定在"}


def test_range_and_start_end_window() -> None:
    text = "增长6%—6.5%左右,增长5%至6%,增长6-7%"
    got = [(m.text, m.value, m.value_max, m.unit) for m in find_mentions(text)]
    assert got == [("6%—6.5%", 6, 6.5, "%"), ("5%至6%", 5, 6, "%"), ("6-7%", 6, 7, "%")]
    s = text.index("增长5%")
    inner = find_mentions(text, s, s + 8)
    assert [m.text for m in inner] == ["5%至6%"] and inner[0].start == s + 2
    assert find_mentions(text, 0, 4) == []  # 6%—6.5% does not fit in text[0:4]


# ------------------------------------------------------------------------- hypothesis


_DIG = "零一二三四五六七八九"


def _cn_below_10000(n: int) -> str:
    """Standard Chinese numeral of 0 < n < 10000 (三百零五, 两千 written 二千, 十二)."""
    out = ""
    zero = False
    for unit, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if zero:
                out += "零"
            out += ("" if (unit == 10 and d == 1 and not out) else _DIG[d]) + word
            zero = False
        elif out:
            zero = True
    return out


def _cn_int(n: int) -> str:
    if n < 10000:
        return _cn_below_10000(n)
    hi, lo = divmod(n, 10000)
    tail = "" if lo == 0 else ("零" if lo < 1000 else "") + _cn_below_10000(lo)
    return _cn_int(hi) + "万" + tail


def _cn_decimal(whole: int, frac: str) -> str:
    head = _cn_int(whole) if whole else "零"
    return head + ("点" + "".join(_DIG[int(c)] for c in frac) if frac else "")


_BASES = ["%", "元", "人", "吨", "亩", "个", "家", "项", "户", "公里", "平方米", "千瓦", "辆", "套"]
_SCALES = ["", "万", "亿", "万亿"]


@st.composite
def _quantities(draw: st.DrawFn) -> tuple[int, str, str, str]:
    whole = draw(st.integers(min_value=1, max_value=99_999_999))
    frac = draw(st.sampled_from(["", "5", "25", "05"]))
    scale = draw(st.sampled_from(_SCALES))
    base = draw(st.sampled_from(_BASES))
    if base == "%":
        scale = ""
    return whole, frac, scale, base


def _value(whole: int, frac: str) -> float:
    return float(f"{whole}.{frac}") if frac else float(whole)


@given(_quantities())
@settings(max_examples=300, deadline=None)
def test_arabic_forms_parse_back(q: tuple[int, str, str, str]) -> None:
    whole, frac, scale, base = q
    v = _value(whole, frac)
    unit = scale + base
    plain = f"{whole}{'.' + frac if frac else ''}"
    grouped = f"{whole:,}{'.' + frac if frac else ''}"
    full = plain.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    for s in (plain + unit, grouped + unit, full + unit, full + unit.replace("%", "％")):
        got = parse_quantity(s)
        assert got is not None, s
        assert same_amount(got[0], got[2], v, unit), (s, got)
        sentence = f"今年计划完成{s},确保实现。"
        ms = [m for m in find_mentions(sentence) if m.kind == "quantity"]
        assert len(ms) == 1 and ms[0].text == s, (sentence, ms)
        assert same_amount(ms[0].value or 0, ms[0].unit, v, unit)


@given(_quantities())
@settings(max_examples=300, deadline=None)
def test_chinese_forms_parse_back(q: tuple[int, str, str, str]) -> None:
    whole, frac, scale, base = q
    if scale:  # reports write 1.2万亿 or 两千万, never 一万万
        whole = whole % 9999 + 1
    v = _value(whole, frac)
    unit = scale + base
    s = _cn_decimal(whole, frac) + unit
    got = parse_quantity(s)
    assert got is not None, s
    assert same_amount(got[0], got[2], v, unit), (s, got)
    assert parse_chinese_number(_cn_decimal(whole, frac)) == pytest.approx(v)
    physical = base in ("%", "元", "人", "吨", "亩", "公里", "平方米", "千瓦")
    lone_one = whole == 1 and not frac and not scale and base != "%"  # 一个, 一公里: word parts
    if (whole >= 10 or physical or scale or frac) and not lone_one:
        sentence = f"今年计划完成{s},确保实现。"
        ms = [m for m in find_mentions(sentence) if m.kind == "quantity"]
        assert len(ms) == 1 and ms[0].text == s, (sentence, ms)
        assert same_amount(ms[0].value or 0, ms[0].unit, v, unit)


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["元", "人", "吨", "亩"]))
@settings(max_examples=200, deadline=None)
def test_mixed_forms_agree(n: int, base: str) -> None:
    """A Chinese numeral with a scale (两千万元) and its Arabic twin (2000万元) and the plain
    magnitude (20000000元) all name the same amount."""
    cn = parse_quantity(_cn_int(n) + "万" + base)
    ar = parse_quantity(f"{n}万{base}")
    plain = parse_quantity(f"{n * 10000}{base}")
    assert cn is not None and ar is not None and plain is not None
    assert same_amount(cn[0], cn[2], ar[0], ar[2])
    assert same_amount(ar[0], ar[2], plain[0], plain[2])
    assert not same_amount(ar[0], ar[2], n + 1, "万" + base)


@given(st.floats(min_value=0.01, max_value=1e6, allow_nan=False), st.sampled_from(["万", "亿"]))
@settings(max_examples=200, deadline=None)
def test_scale_is_magnitude(v: float, scale: str) -> None:
    factor = 1e4 if scale == "万" else 1e8
    assert same_amount(v, scale + "元", v * factor, "元")
    assert not same_amount(v, scale + "元", v * factor * 1.001, "元")
    m, b = to_base(v, scale + "元")
    assert b == "元" and math.isclose(m, v * factor)


_ALPHABET = "0123456789０５.,，、。；:%％‰一二两三四五六七八九十百千万亿零点第个家项户元吨亩人年月日是大期届号“”《》()（）[]①⑥+-—至到以上左右内下不低于超过力争增长达到新增 \n\r\tGgSN"


@given(st.text(alphabet=_ALPHABET, max_size=80))
@settings(max_examples=500, deadline=None)
def test_find_mentions_never_fails_on_any_text(text: str) -> None:
    prev_end = 0
    for m in find_mentions(text):
        assert m.text == text[m.start : m.end]
        assert 0 <= m.start < m.end <= len(text) and m.start >= prev_end
        assert m.kind in ("quantity", "year", "date", "ordinal", "footnote", "code", "marker")
        prev_end = m.end
        if m.kind == "quantity":
            assert m.value is not None
            cs, ce = clause_bounds(text, m.start)
            assert cs <= m.start and ce >= cs
            assert qualifier_for(text, m.start, m.end, cs, ce) in ("", *QUALIFIERS, "力争")
            assert direction_before(text, m.start, cs)[0] in ("", *DIRECTIONS)
    for k in range(0, len(text), 7):
        parse_quantity(text[k : k + 9])


def test_a_single_numeral_count_without_its_noun_is_a_quantity() -> None:
    # found by the property test in CI: 完成十个, counts things named before it; 四个全面 is a
    # slogan whose noun follows
    assert [(m.kind, m.text) for m in find_mentions("今年计划完成十个,确保实现。")] == [
        ("quantity", "十个")
    ]
    assert [m.kind for m in find_mentions("坚持四个全面")] == ["ordinal"]


def test_a_measure_word_after_the_scale_is_part_of_the_unit() -> None:
    # 阜平县 2013/2020, 满城区: 1亿棒, 700万单, 20万对, 1万箱 (not a bare 万 of nothing)
    got = [(m.value, m.unit) for m in find_mentions("栽培菌棒1亿棒以上，买入700万单，种鸽20万对。")]
    assert got == [(1, "亿棒"), (700, "万单"), (20, "万对")]
    # a function word after the scale is no measure word: 700万以上, 2万的
    assert [m.unit for m in find_mentions("达到700万以上，增加2万的")] == ["万", "万"]


def test_compound_measure_words() -> None:
    # 个工作日 (7 places), 场次 (3), 个位次 (3): one unit each, not 个 + a noun
    got = [(m.value, m.unit) for m in find_mentions("压减到25个工作日，送戏245场次，晋档10个位次")]
    assert got == [(25, "个工作日"), (245, "场次"), (10, "个位次")]
    # 架次 (flights: 河北 2021, 海拉尔 2019): not 架 + 次
    got = [(m.value, m.unit) for m in find_mentions("口岸出入境航班297架次，承接86架次国际航班")]
    assert got == [(297, "架次"), (86, "架次")]


def test_a_single_numeral_after_a_building_verb_counts_what_is_built() -> None:
    # 海拉尔区 2017, 易县 2021/2025, 顺平县 2021: 建设一座标志性公园, 改造提升四个城市出入口
    got = [
        (m.value, m.unit, m.kind)
        for m in find_mentions("建设一座标志性公园，改造提升四个城市出入口")
    ]
    assert got == [(1, "座", "quantity"), (4, "个", "quantity")]
    # slogans and abstractions stay out: 四个全面, 三次产业, 一个什么样的首都, 一个“天蓝地绿”
    for text in (
        "推进四个全面",
        "实施三次产业强链行动",
        "建设一个什么样的首都",
        "建设一个“天蓝地绿”",
    ):
        assert [m.kind for m in find_mentions(text) if m.kind == "quantity"] == [], text


def test_qi_counts_cases_but_not_a_start() -> None:
    # 14 places: 破获刑事案件509起, 两起事故; 2025年起, 3月1日起 are dates, 起步 is no unit
    got = [(m.value, m.unit, m.kind) for m in find_mentions("破获刑事案件509起，两起事故")]
    assert got == [(509, "起", "quantity"), (2, "起", "quantity")]
    assert [m.kind for m in find_mentions("2025年起实施，3月1日起")] == ["year", "date"]


def test_a_bare_hundred_or_thousand_with_a_bound_word_is_a_round_number() -> None:
    # 定兴县 2022 (达百个, 百件以上), 广西 2026 (突破百条), 易县 2019 (近千吨), 新疆 2026 (超百万人)
    got = [
        (m.value, m.unit)
        for m in find_mentions("创建美丽乡村达百个，完成百件以上惠民实事，航线突破百条，散煤近千吨")
    ]
    assert got == [(100, "个"), (100, "件"), (100, "条"), (1000, "吨")]
    # without a bound word it is a word part: 百姓, 千方百计, 百年大计, 培育百家制造业
    for text in ("百姓安居", "千方百计", "百年大计", "培育百家制造业"):
        assert [m for m in find_mentions(text) if m.kind == "quantity"] == [], text
    # the checker reads the span it is given the same way
    assert parse_quantity("百件") == (100, None, "件")


def test_a_single_numeral_in_a_list_opened_by_a_building_verb_counts_what_is_built() -> None:
    # 易县 2025: 实施一批风电项目、一个储能园区 (the verb opens the clause, not the member)
    assert [(m.text, m.value) for m in find_mentions("实施一批风电项目、一个储能园区")] == [
        ("一个", 1)
    ]
    # a list of slogans after a verb that builds nothing stays out
    assert [m for m in find_mentions("坚决做到两个维护、四个意识") if m.kind == "quantity"] == []


@pytest.mark.parametrize(
    ("text", "run_on"),
    [("增速保持在1十%以上", "十%"), ("改建农村公路3六公里", "六公里"), ("占全疆装机6三成", "三成"),
     ("新型储能超过60万两千瓦", "两千瓦")],
)  # fmt: skip
def test_a_chinese_numeral_run_on_from_a_number_is_no_number_of_its_own(
    text: str, run_on: str
) -> None:
    # found by fuzzing corpus reports (characters swapped or dropped): the engine read 十%,
    # 六公里, 三成, 两千瓦 as numbers, and the checker, which reads a span right after a digit
    # (or a numeral after 万) as inside a number, reported each as a violation of the engine's
    # own output
    k = text.index(run_on)
    assert all(m.start != k for m in find_mentions(text))


def test_a_number_runs_on_across_a_joined_wrap() -> None:
    # 2⏎018年 in a text wrapped at a fixed width: the layout view joins the break (WRAP_JOIN),
    # and 018年 is inside the number 2018年 there, as the reader reads it
    from summarizer.layout import WRAP_JOIN
    from summarizer.numbers import runs_on

    assert runs_on(f"作为2{WRAP_JOIN}018年", 4)
    assert not runs_on("作为\n018年", 3)
