"""Hard cases of entity analysis: whole organizations, names in bylines, false positives."""

from __future__ import annotations

import pytest

from reader.core.analyze import analyze_text, analyze_texts
from tests.core.analyze.conftest import entity, spans


def test_police_station_is_one_org_and_wangdingdi_no_person() -> None:
    found = spans("日前,公安南开分局王顶堤派出所推出“码上办”警民绿色通道机制。")
    assert ("org", "公安南开分局王顶堤派出所") in found
    assert not any(kind == "person" for kind, _ in found)
    assert ("place", "南开") not in found


@pytest.mark.parametrize("name", [
    "南开区投资促进局", "天津泰达城市更新建设发展有限公司", "南开区向阳路街道办事处",
    "南开区委宣传部", "北京市海淀区教师进修学校", "天津大学爱尔眼科医院",
])
def test_long_organizations_stay_whole(name: str) -> None:
    found = spans(f"日前,{name}召开会议,研究部署有关工作。")
    assert ("org", name) in found


def test_wangdingdi_subdistrict_is_an_org() -> None:
    assert ("org", "王顶堤街道") in spans("水上公园街道、嘉陵道街道、王顶堤街道等街道切实做好服务。")


def test_relative_form_without_a_name_is_no_org() -> None:
    found = spans("在区委、区政府坚强领导下,区应急管理局强化组织筹划。")
    assert ("org", "区应急管理局") in found
    assert not {("org", "区委"), ("org", "区政府")} & found


def test_place_inside_org_is_not_counted_separately() -> None:
    analysis = analyze_text("南开区投资促进局与天津大学签署协议。")
    assert [(e.type, e.text) for e in analysis.entities] == [
        ("org", "南开区投资促进局"), ("org", "天津大学")]


def test_byline_names() -> None:
    found = spans("■ 通讯员 王英浩 阎家言\n本报记者 陈晓峰 通讯员 林婉婷")
    assert {("person", n) for n in ("王英浩", "阎家言", "陈晓峰", "林婉婷")} <= found


def test_photo_credit_names() -> None:
    analysis = analyze_text("▲日前,南开区碧桃文化节在长虹生态园正式开幕。\n通讯员 刘峥 摄")
    assert entity(analysis, "刘峥").type == "person"
    assert not any(e.text == "摄" or e.text.endswith("摄") for e in analysis.entities)


def test_lead_byline_in_parentheses() -> None:
    found = spans("本报讯(记者 黄志明 实习生 吴佳琪)昨天,会议召开。")
    assert {("person", "黄志明"), ("person", "吴佳琪")} <= found


def test_names_by_title_and_verb() -> None:
    found = spans("全会由区委书记马珊珊主持。区科技局副局长韩尚林、负责人刘刚表示,将继续努力。")
    assert {("person", "马珊珊"), ("person", "韩尚林"), ("person", "刘刚")} <= found


def test_honorifics() -> None:
    found = spans("家住南开区的李女士很快便收到了答复。市民张先生找到了岗位。")
    assert {("person", "李女士"), ("person", "张先生"), ("place", "南开区")} <= found


@pytest.mark.parametrize("text", ["日前,全区召开会议。", "通讯员表示,全市上下一心。",
                                  "连日来,我区各单位积极行动。"])
def test_common_false_positives_are_suppressed(text: str) -> None:
    assert analyze_text(text).entities == []


def test_same_place_has_one_canonical_name() -> None:
    analysis = analyze_text("南开区在南开区委领导下推动南开高质量发展,天津南开区成效显著。")
    places = [e for e in analysis.entities if e.type == "place"]
    assert places and {e.canonical for e in places} == {"南开区"}


def test_relative_org_takes_the_full_name_seen_in_the_article() -> None:
    first, second = analyze_texts(["南开区投资促进局积极对接企业。", "区投资促进局还助力企业发展。"])
    assert entity(second, "区投资促进局").canonical == "南开区投资促进局"
    assert entity(first, "南开区投资促进局").canonical == "南开区投资促进局"


def test_administrative_chain_is_one_place_named_by_its_last_unit() -> None:
    first, second = analyze_texts(["作为甘肃省庆阳市环县的特产,羊肉远近闻名。", "南开区助力环县加快发展。"])
    assert entity(first, "甘肃省庆阳市环县").canonical == "环县"
    assert entity(second, "环县").type == "place"


def test_name_found_with_evidence_is_found_again_in_other_paragraphs() -> None:
    analyses = analyze_texts(["天津迪比爱新能源科技有限公司负责人刘刚信心满怀。", "刘刚也很高兴。"])
    assert entity(analyses[1], "刘刚").paragraph == 1


def test_roads_and_sites() -> None:
    found = spans("车辆从芥园西道口进入,冶金路口驶出。大园新居小区的居民在长虹生态园散步。")
    assert {("place", "芥园西道"), ("place", "冶金路"), ("place", "大园新居小区"),
            ("place", "长虹生态园")} <= found


def test_companies_named_after_a_category_word() -> None:
    found = spans("与上市企业爱尔眼科、天津泰达城市更新建设发展有限公司签署合作协议。")
    assert {("org", "爱尔眼科"), ("org", "天津泰达城市更新建设发展有限公司")} <= found


def test_paragraph_index_and_offsets() -> None:
    analyses = analyze_texts(["第一段没有名字。", "南开区人社局举办招聘会。"])
    org = entity(analyses[1], "南开区人社局")
    assert (org.paragraph, org.start, org.end) == (1, 0, 6)


@pytest.mark.parametrize(("text", "name"), [
    ("记者王英浩说,今年成效明显。", "王英浩"), ("(记者王英浩摄)", "王英浩"), ("本报记者李明报道", "李明"),
])
def test_name_written_right_after_the_role(text: str, name: str) -> None:
    assert ("person", name) in spans(text)


@pytest.mark.parametrize("text", ["记者从南开区了解到,工作进展顺利。", "记者近日走访发现,市场繁荣。"])
def test_role_followed_by_words_is_no_byline(text: str) -> None:
    assert not any(kind == "person" for kind, _ in spans(text))
