"""The voting rules between the rule layer and the model (combine.py), on spans we choose."""

from __future__ import annotations

from reader.core.analyze import Corrections
from reader.core.analyze.combine import combine
from reader.core.analyze.context import Candidate, Context
from reader.core.analyze.lexicon import lexicon
from reader.core.analyze.segmenter import default_segmenter
from reader.core.analyze.tagger import Span

NONE = Corrections()


def context(text: str) -> Context:
    seg = default_segmenter()
    return Context(text, seg.tokens(text), lexicon(), seg)


def at(text: str, part: str, kind: str, rule: str = "", priority: int = 2) -> Candidate:
    start = text.index(part)
    return Candidate(kind, start, start + len(part), "", priority, rule)


def span(text: str, part: str, kind: str) -> Span:
    start = text.index(part)
    return Span(kind, start, start + len(part), 1.0)


def voted(text: str, rules: list[Candidate], model: list[Span],
          corrections: Corrections = NONE) -> list[tuple[str, str, str]]:
    return [(c.type, text[c.start:c.end], c.rule)
            for c in combine(context(text), rules, model, corrections)]


def test_a_rule_body_stays_whole_against_the_model_pieces() -> None:
    text = "河西区人民政府和公安河西分局友谊路派出所联合开展宣传。"
    rules = [at(text, "河西区人民政府", "org", "org-placed"),
             at(text, "公安河西分局友谊路派出所", "org", "org-chain")]
    model = [span(text, "河西区", "place"), span(text, "河西分局", "org"),
             span(text, "友谊路派出所", "org")]
    assert voted(text, rules, model) == [("org", "河西区人民政府", "org-placed"),
                                         ("org", "公安河西分局友谊路派出所", "org-chain")]


def test_a_rule_chain_of_divisions_is_not_split() -> None:
    text = "他来自四川省成都市武侯区。"
    rules = [at(text, "四川省成都市武侯区", "place", "chain")]
    model = [span(text, "四川省", "place"), span(text, "成都市", "place"),
             span(text, "武侯区", "place")]
    assert voted(text, rules, model) == [("place", "四川省成都市武侯区", "chain")]


def test_the_model_lengthens_a_rule_mention_of_its_own_type() -> None:
    text = "副教授周文博团队参观了东湖高新区。"
    rules = [at(text, "周文", "person", "before"), at(text, "高新区", "place", "district")]
    model = [span(text, "周文博", "person"), span(text, "东湖高新区", "place")]
    assert voted(text, rules, model) == [("person", "周文博", "model"),
                                         ("place", "东湖高新区", "model")]


def test_the_model_beats_generic_rules_but_never_bylines() -> None:
    text = "通讯员 赵一鸣摄 中国足球报记者采访了他。"
    rules = [at(text, "赵一鸣", "person", "byline"), at(text, "中国", "place", "country")]
    model = [span(text, "赵一鸣摄", "person"), span(text, "中国足球报", "org")]
    assert voted(text, rules, model) == [("person", "赵一鸣", "byline"),
                                         ("org", "中国足球报", "model")]


def test_a_foreign_government_is_the_country() -> None:
    text = "印度政府和天津市人民政府"
    rules = [at(text, "印度政府", "org", "org-gov"), at(text, "天津市人民政府", "org", "org-placed")]
    model = [span(text, "印度", "place"), span(text, "天津市", "place")]
    assert voted(text, rules, model) == [("place", "印度", "model"),
                                         ("org", "天津市人民政府", "org-placed")]


def test_a_rule_body_opened_by_a_verb_is_dropped() -> None:
    text = "再加上政府的帮助"
    assert voted(text, [at(text, "加上政府", "org", "org-gov")], []) == []


def test_an_organization_is_only_lengthened_on_its_left() -> None:
    text = "南开大学教授团队与华光新能源科技有限公司签约。"
    rules = [at(text, "南开大学", "org", "named"), at(text, "新能源科技有限公司", "org", "named")]
    model = [span(text, "南开大学教授团队", "org"), span(text, "华光新能源科技有限公司", "org")]
    assert voted(text, rules, model) == [("org", "南开大学", "named"),
                                         ("org", "华光新能源科技有限公司", "model")]


def test_model_mentions_alone_are_added_when_plausible() -> None:
    text = "中美双方代表在京会谈，全市代表和(新华社记者)江主席出席。"
    model = [span(text, "中", "place"), span(text, "美", "place"), span(text, "京", "place"),
             span(text, "全市", "place"), span(text, "(新华社", "org"),
             span(text, "江", "person"), span(text, "代", "person")]
    assert voted(text, [], model) == [("place", "中", "model"), ("place", "美", "model"),
                                      ("person", "江", "model")]


def test_a_foreign_name_keeps_its_middle_dot() -> None:
    text = "约翰·史密斯说。"
    assert voted(text, [], [span(text, "约翰·史密斯", "person")]) == \
        [("person", "约翰·史密斯", "model")]


def test_user_names_and_rejections_beat_the_model() -> None:
    text = "星河湾科技和林海峰在会上发言。"
    user = at(text, "星河湾科技", "org", "user", priority=9)
    model = [span(text, "星河湾科技和林", "org"), span(text, "林海峰", "person")]
    fixes = Corrections(rejected=frozenset({"林海峰"}))
    assert voted(text, [user], model, fixes) == [("org", "星河湾科技", "user")]


def test_a_generic_rule_name_cut_into_pieces_by_the_model_stays_whole() -> None:
    text = "深度融入京津冀协同发展"
    rules = [at(text, "京津冀", "place", "region")]
    model = [span(text, "京", "place"), span(text, "津", "place"), span(text, "冀", "place")]
    assert voted(text, rules, model) == [("place", "京津冀", "region")]


def test_bioes_runs_are_read_whole_and_broken_runs_dropped() -> None:
    from reader.core.analyze.tagger import spans_of

    labels = ["B-PER", "I-PER", "E-PER", "O", "S-LOC", "B-ORG", "O", "E-ORG", "B-LOC", "E-LOC",
              "I-LOC", "E-LOC", "O", "B-PER", "E-ORG"]
    assert spans_of(labels) == [("PER", 0, 3), ("LOC", 4, 5), ("LOC", 8, 10)]
    assert spans_of([]) == [] and spans_of(["O", "O"]) == []


def test_a_body_whose_head_the_model_reads_as_places_stays_whole() -> None:
    text = "在河北省石家庄市教师进修学校倡导下开展活动。"
    rules = [at(text, "河北省石家庄市教师进修学校", "org", "org-named")]
    model = [span(text, "河北省", "place"), span(text, "石家庄市", "place")]
    assert voted(text, rules, model) == [("org", "河北省石家庄市教师进修学校", "org-named")]


def test_place_headed_bodies_of_a_country_or_with_more_model_names_are_split() -> None:
    text = "日本政府与东京市立教育研究所签约。"
    rules = [at(text, "日本政府", "org", "org-named"),
             at(text, "东京市立教育研究所", "org", "org-named")]
    model = [span(text, "日本", "place"), span(text, "东京", "place"),
             span(text, "教育研究所", "org")]
    assert voted(text, rules, model) == [("place", "日本", "model"), ("place", "东京", "model"),
                                         ("org", "教育研究所", "model")]


def test_a_firm_named_after_the_word_company_is_no_person_of_the_model() -> None:
    text = "上市公司林百川正式在园区设立总部。"
    rules = [at(text, "林百川", "org", "org-apposition", 1)]
    model = [span(text, "林百川", "person")]
    assert voted(text, rules, model) == [("org", "林百川", "org-apposition")]
    assert voted(text, [at(text, "林百川", "org", "org-suffix", 1)], model) == \
        [("person", "林百川", "model")]  # the exception is for appositions only
