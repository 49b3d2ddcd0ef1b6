"""Golden expectations for the five seed issues, written by reading the raw files.

Each item is (kind, title lines, bylines, paragraph kinds, duplicate_of), where the
paragraph kinds are one letter per paragraph: t = text, s = subhead, c = caption.
Column breaks are checked separately by the text on both sides of the break.
"""

from __future__ import annotations

from collections import Counter

import pytest

from reader.core.decode import read_file
from reader.core.parse import parse_decoded
from tests.conftest import SAMPLES

A, P, F = "article", "photo", "fragment"

GOLDEN: dict[str, list[tuple[str, list[str], list[str], str, int | None]]] = {
    "000_14aa8d10cf9712b6.txt": [
        (A, ["南开区委常委会召开会议"], ["周泽岚"], "tttt", None),
        (A, ["南开区天拖片区城市更新项目正式启动"], ["李林"], "tttt", None),
        (A, ["南开区一季度完成全年预算27.2%"], ["翟志华", "石梦"], "tt", None),
        (A, ["南开区深入开展消防安全集中除患攻坚大整治行动"], ["王英浩"], "ttt", None),
        (A, ["南开区机构改革动员部署会议召开"], ["周泽岚"], "ttttt", None),
        (A, ["南开区中医药管理局挂牌"], ["王英浩", "卫轩"], "ttt", None),
        (P, [], ["刘峥"], "c", None),
        (P, [], ["魏进"], "c", None),
        (A, ["南开区招商引资和资源盘活实现首季“开门红”"], ["王英浩", "阎家言"],
         "tstststt", None),
    ],
    "001_1b695556b851ef73.txt": [
        (A, ["南开区常委会召开会议强调抓好传统产业转型升级、新兴产业壮大、未来产业培育",
             "全力抓好第四季度经济工作"], ["周泽岚"], "tttt", None),
        (A, ["南开区向阳路街", "多项举措消除隐患", "保障居民出行安全"], ["刘峰"], "ttttt", None),
        (A, ["公安南开分局王顶堤派出所", "有问题“码上办”"], ["王英浩", "王凯峰"], "tttt", None),
        (A, ["南开区举办专项比赛", "提升中小学", "体育教师教学基本功"], ["翟志华", "谷鑫裕"],
         "ttt", None),
        (A, ["聚焦企业群众高频需求 强化部门间协同力度", "南开区织密“高效办成一件事”服务网"],
         ["翟志华", "马瑞琳"], "tststst", None),
        (A, ["南开区推进室内供暖设施和外窗以旧换新", "把好事做好", "把实事办实"], ["刘峰"],
         "ttt", None),
        (P, [], ["王英浩"], "c", None),
        (A, ["南开区以盘活促发展 深入贯彻落实京津冀协同发展重大国家战略", "打造央企轨道产业生态圈"],
         ["王英浩"], "tttttt", None),
    ],
    "002_5cd8125062b99eb2.txt": [
        (A, ["中国共产党天津市南开区第十二届委员会第十次全体会议决议",
             "(2024年8月30日中国共产党天津市南开区第十二届委员会第十次全体会议通过)"], [],
         "tttttttttt", None),
        (A, ["南开区开展助学活动 爱心筑就大学梦 共享南开温暖晴"], ["刘顺利", "周南"], "ttt", None),
        (A, ["南开区突击夜查", "电动自行车违规“进楼入户”"], ["王英浩", "于世泽", "梁娟"], "ttt", None),
        (A, ["南开区", "园林绿化扩容提质"], ["刘峥", "王宁"], "tt", None),
        (P, ["海光MALL 等你来"], ["王英浩"], "c", None),
        (A, ["南开区绿色低碳发展有成效", "蓝天、碧水、净土,我们美丽的家园!"], ["王英浩", "董超"],
         "tstststst", None),
    ],
    "003_b66b901a30518d19.txt": [
        (A, ["南开区委常委会召开会议"], ["周泽岚"], "tttt", None),
        (A, ["南开区一单位获全国表彰"], ["王英浩", "王泽春"], "tt", None),
        (A, ["南开区召开推动“文化强区”建设工作专题会议",
             "以文化赋能高质量发展 在推动文化传承发展上善作善成"], ["周泽岚"], "ttttt", None),
        (A, ["春风行动持续进行", "庄王府专场招聘会人气旺"], ["魏进", "尚蕾"], "ttt", None),
        (A, ["南开区打造", "“消费+园区”帮扶新模式 助力对口协作地区乡村振兴"], ["王英浩", "阎家言"],
         "tttt", None),
        (A, ["南开区举办“牢记嘱托、勇担使命”学习宣传贯彻", "习近平总书记视察天津重要讲话精神宣讲——",
             "亲历者宣讲小分队“进机关”活动"], ["王英浩", "周泰然"], "ttttt", None),
        (P, [], ["王英浩"], "c", None),
        (P, [], ["翟志华"], "c", None),
        (A, ["南开区举办首批天开园数据知识产权证书发放仪式"], ["刘顺利", "王锦春", "王梦露"], "tt", None),
        (A, ["为天开园储备“新能源”"], ["王英浩", "阎家言"], "ttttttt", None),
    ],
    "004_36bccf1ecea4941c.txt": [
        (A, ["南开区委常委会召开扩大会议 强调加强韧性安全城市建设", "坚持科技创新和产业创新同步发力"],
         ["周泽岚"], "tttttt", None),
        (A, ["南开区前三季度", "盘活存量资产见成效"], ["王英浩", "刘静"], "ttt", None),
        (A, ["天津市首批工业遗产授牌", "南开企业榜上有名"], ["魏进"], "ttt", None),
        (A, ["京津沪渝苏五城区教师交流学术成果", "为教师队伍建设", "提供有力支撑"], ["翟志华", "王维佳"],
         "ttt", None),
        (A, ["南开区持续推进大规模设备更新和消费品以旧换新", "美好生活“换”然一新"],
         ["王英浩", "蒋晓晨"], "tttt", None),
        (A, ["南开区科技局", "强力提升科技研发供给能力", "技术合同成交额", "突破80亿元"],
         ["翟志华", "任辉"], "ttt", None),
        # A truncated, untitled copy of item 8 (the copy stops at "审中、").
        (A, [], ["郭佳"], "ttttt", 8),
        # Its three misplaced tail paragraphs ("岗位,成功…") are reattached here.
        (A, ["南开区开展“暖冬送岗”系列招聘活动", "“足不出户”享就业服务"], ["魏进", "尚蕾"], "tttt", None),
        (A, ["南开区全力推动经济安全审计监督网格化治理试点工作"], ["郭佳"], "ttttt", None),
    ],
}

# (seed, text before the break, text after it): each pair must sit in one paragraph.
COLUMN_BREAKS = [
    ("000", "国家行政学院)中", "青年干部培训班开班之际"),
    ("000", "以推动高质量发展", "工作思路为抓手"),
    ("000", "切实凝聚起推动高质量发展", "的强大合力。"),
    ("000", "治理能力现代化", "的集中部署"),
    ("000", "社会主义现代化大", "都市核心区提供有力保障"),
    ("000", "要牢牢把握坚持", "大抓基层这一导向"),
    ("000", "GDP指标拉动、新增", "就业等综合贡献"),
    ("000", "打造大健", "康产业数据分析模型"),
    ("000", "天津泰达城市更", "新建设发展有限公司签署合作协议"),
    ("001", "推进教育科技人", "才一体发展"),
    ("001", "整治形式主", "义为基层减负"),
    ("001", "总书记关于", "党的自我革命的重要思想"),
    ("001", "领域共建共享,", "与北京市海淀区"),
    ("001", "服务主体由区政", "务办向试点街道"),
    ("001", "自竣工以来由于", "产权方资产处置路径"),
    ("001", "最终与市轨道交", "通集团联手服务"),
    ("002", "习近平总书记在全会上的重要讲话是进", "一步全面深化改革"),
    ("002", "创造更加公平、更", "有活力的市场环境"),
    ("002", "建设的实践、", "高质量发展的实践"),
    ("002", "物创海河实验室等一批高", "能级科研创新平台"),
    ("002", "服务5家企业申报第六", "批专精特新"),
    ("002", "演艺等元", "素于一体的文旅"),
    ("003", "大力发展新能源的重", "要意义"),
    ("003", "助力交通方式", "绿色低碳转型"),
    ("003", "国际消费中心城", "市建设"),
    ("003", "提出“以文化", "人、以文惠民"),
    ("003", "坚持数", "据精准化"),
    ("003", "更具特", "色的区域名片"),
    ("003", "让企", "业如此青睐南开"),
    ("003", "科技、教育、人才等", "方面的资源禀赋优势"),
    ("003", "了解到", "企业有在京津冀扩大投资布局的意向后"),
    ("004", "全力保障人民群众", "命安全和社会稳定"),
    ("004", "认真落实中", "央社会工作部会议精神"),
    ("004", "近期消费品以", "旧换新已带动销售额"),
    ("004", "的落实举措》落", "地落实"),
    ("004", "联手苏宁易购探索", "设立社区工作站"),
    ("004", "内审工作绩效考", "核、内部审计信息化监督"),
    ("004", "在阳光壹", "佰国际新城社区"),
    ("004", "财税客服的实习", "岗位,成功与企业达成初步就业意向"),
    ("004", "审前、审中、", "审后多维度监督"),
]


def _issue(prefix: str):  # type: ignore[no-untyped-def]
    path = next(SAMPLES.glob(f"{prefix}*.txt"))
    return parse_decoded(read_file(path))


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_seed_items_match_golden(name: str) -> None:
    issue = parse_decoded(read_file(SAMPLES / name))
    got = [
        (i.kind, i.title_lines, i.bylines, "".join(p.kind[0] for p in i.paragraphs),
         i.duplicate_of)
        for i in issue.items
    ]
    assert got == GOLDEN[name]


@pytest.mark.parametrize(("seed", "before", "after"), COLUMN_BREAKS)
def test_column_break_is_joined(seed: str, before: str, after: str) -> None:
    paragraphs = [p.text for item in _issue(seed).items for p in item.paragraphs]
    assert any(before + after in text for text in paragraphs), (before, after)


def test_duplicate_stops_where_the_copy_stops() -> None:
    issue = _issue("004")
    copy = issue.items[6]
    assert copy.paragraphs[-1].text.endswith("推动实现审前、审中、")
    original = issue.items[8].paragraphs[-1].text
    assert original.startswith(copy.paragraphs[-1].text)
    assert "审中、岗位" not in "".join(p.text for i in issue.items for p in i.paragraphs)


def test_misplaced_tail_is_reattached_with_a_warning() -> None:
    issue = _issue("004")
    target = issue.items[7]
    assert target.paragraphs[1].text.endswith("并约好面试时间。")
    assert target.paragraphs[2].text.startswith("本次招聘会邀请天津华润万家")
    assert target.paragraphs[3].text.startswith("据南开区人社局有关人员介绍")
    assert any("reattached" in w for w in issue.warnings)


def test_photo_captions_lose_the_marker_and_keep_the_credit() -> None:
    photo = _issue("000").items[6]
    assert photo.paragraphs[0].text.startswith("日前,南开区碧桃文化节")
    assert photo.credit == "通讯员 刘峥 摄"
    assert _issue("001").items[6].credit == "通讯员 王英浩 摄"


def test_display_title_joins_title_lines() -> None:
    assert _issue("001").items[1].title == "南开区向阳路街 多项举措消除隐患 保障居民出行安全"


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_nothing_is_lost_on_the_seeds(name: str) -> None:
    decoded = read_file(SAMPLES / name)
    issue = parse_decoded(decoded)
    out = "".join(
        "".join(i.title_lines) + i.byline + i.credit + "".join(p.text for p in i.paragraphs)
        for i in issue.items
    )
    missing = _chars(decoded.text) - _chars(out)
    assert set(missing) <= {"■", "▲"}
    assert _chars(out) - _chars(decoded.text) == Counter()
