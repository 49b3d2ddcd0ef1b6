"""The shipped model with the rules: names the rules alone miss, the reader's conventions kept."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from reader.core.analyze import Corrections, Tagger, analyze_text, analyze_texts
from reader.core.analyze.tagger import FEATURE_VERSION, MODEL_PATH
from reader.core.resources import resources_dir
from tests.core.analyze.conftest import spans

RULES_ONLY = Tagger(Path("no-such-model.crfsuite"))


def rule_spans(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.text) for e in analyze_text(text, tagger=RULES_ONLY).entities}


def test_the_model_is_shipped_with_its_record() -> None:
    model = resources_dir().joinpath(*MODEL_PATH)
    record = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
    assert record["model_sha256"] == hashlib.sha256(model.read_bytes()).hexdigest()
    assert record["feature_version"] == FEATURE_VERSION
    assert record["data"]["file"] == "msra_train.bio" and len(record["data"]["sha256"]) == 64
    assert model.stat().st_size < 15_000_000


def test_importing_the_analysis_loads_no_model() -> None:
    code = ("import sys; import reader.core.analyze, reader.core.pipeline; "
            "from reader.core.analyze.tagger import default_tagger; "
            "print('pycrfsuite' in sys.modules, default_tagger()._tagger is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "True"]


def test_a_list_of_names_without_titles() -> None:
    text = "参加座谈的还有张建新、刘海燕、孙立平等十余位居民代表。"
    names = {("person", "张建新"), ("person", "刘海燕"), ("person", "孙立平")}
    assert names <= spans(text)
    assert not names <= rule_spans(text)  # the rules alone need a title or a verb


def test_a_foreign_name() -> None:
    assert ("person", "鲍威尔") in spans("美国国务卿鲍威尔昨天抵达北京，开始为期三天的访问。")
    assert ("person", "约翰·克里") in spans("约翰·克里在记者会上回答了提问。")


def test_a_title_missing_from_the_lists() -> None:
    assert ("person", "陈志远") in spans("外长陈志远会见了来访的代表团。")


def test_a_name_glued_to_a_title() -> None:
    found = analyze_text("江主席在会见时指出，两国关系发展顺利。").entities
    assert [(e.type, e.text, e.start) for e in found if e.type == "person"] == [("person", "江", 0)]


def test_district_bodies_stay_whole() -> None:
    text = "河东区投资促进局与公安红桥分局西沽派出所、北辰区人民政府签署协议。"
    found = spans(text)
    assert {("org", "河东区投资促进局"), ("org", "公安红桥分局西沽派出所"),
            ("org", "北辰区人民政府")} <= found
    assert ("place", "河东区") not in found and ("place", "北辰区") not in found


def test_sub_districts_communities_and_roads_from_the_rules() -> None:
    found = spans("河北区望海楼街道建昌道社区在狮子林大街开展义诊。")
    assert ("org", "河北区望海楼街道建昌道社区") in found  # parent and child: one body
    assert ("place", "狮子林大街") in found
    assert ("org", "西沽街道") in spans("西沽街道组织志愿者清扫积雪。")


def test_chains_of_divisions_are_one_place() -> None:
    assert ("place", "四川省成都市武侯区") in spans("他出生在四川省成都市武侯区。")


def test_corrections_stay_corrected_after_reanalysis() -> None:
    texts = ["居民代表孙立平、刘海燕参加了座谈。", "孙立平说，星河湾科技和南开区都很支持。"]
    fixes = Corrections(rejected=frozenset({"刘海燕"}), aliases={"孙立平": "孙立平同志"},
                        added={"星河湾科技": "org"})
    for _ in range(2):  # the same answer every time the text is analysed again
        first, second = analyze_texts(texts, fixes)
        assert "刘海燕" not in {e.text for e in first.entities}
        assert {e.canonical for e in first.entities + second.entities
                if e.text == "孙立平"} == {"孙立平同志"}
        assert ("org", "星河湾科技") in {(e.type, e.text) for e in second.entities}
    assert "刘海燕" in {e.text for e in analyze_texts(texts)[0].entities}


def test_rules_alone_when_the_model_file_is_missing() -> None:
    assert not RULES_ONLY.available
    assert ("org", "南开区投资促进局") in rule_spans("南开区投资促进局积极对接企业。")


def test_long_texts_are_tagged_in_pieces_with_true_offsets() -> None:
    filler = "今年以来，各项工作稳步推进，群众满意度不断提升。" * 120  # 2,880 characters
    text = filler + "参加座谈的还有张建新、刘海燕、孙立平等居民代表。" + filler
    found = {(e.text, e.start) for e in analyze_text(text).entities if e.type == "person"}
    start = text.index("张建新")
    assert {("张建新", start), ("刘海燕", start + 4), ("孙立平", start + 8)} <= found


def test_a_firm_named_by_loose_characters_and_its_industry() -> None:
    found = spans("园区先后引进了沃坦电气、钦宇网络等一批企业。")
    assert {("org", "沃坦电气"), ("org", "钦宇网络")} <= found
    assert not any(kind == "person" for kind, _ in found)  # not 沃坦 the person
    assert ("org", "萃隆电气") in spans("推动萃隆电气的全资子公司落户。")
    assert not any(kind == "org" for kind, _ in spans("要加强电力网络建设，建立数字网络。"))
