"""User corrections are applied every time text is analyzed."""

from __future__ import annotations

import pytest

from reader.core.analyze import Corrections, analyze_text, analyze_texts
from reader.core.model import Entity

TEXT = "家住南开区的李女士扫描了二维码。南开区投资促进局和区投促局积极对接。"


def test_rejected_entity_disappears_every_time() -> None:
    fixes = Corrections(rejected=frozenset({"李女士"}))
    for _ in range(2):
        texts = [e.text for e in analyze_text(TEXT, fixes).entities]
        assert "李女士" not in texts and "南开区" in texts
    assert "李女士" in [e.text for e in analyze_text(TEXT).entities]


def test_rejecting_a_canonical_name_drops_all_its_mentions() -> None:
    fixes = Corrections(rejected=frozenset({"南开区"}))
    analysis = analyze_text("南开区发展很快,天津南开区成效显著。", fixes)
    assert all(e.canonical != "南开区" for e in analysis.entities)


def test_alias_merge_rewrites_the_canonical_name() -> None:
    fixes = Corrections(aliases={"区投促局": "南开区投资促进局"})
    analysis = analyze_text(TEXT, fixes)
    merged = [e for e in analysis.entities if e.canonical == "南开区投资促进局"]
    assert {e.text for e in merged} == {"南开区投资促进局", "区投促局"}


def test_aliases_follow_chains_and_stop_on_cycles() -> None:
    fixes = Corrections(aliases={"a": "b", "b": "c", "c": "b"})
    assert fixes.canonical_of("a", "a") == "c"


def test_added_name_is_found_and_wins_over_guesses() -> None:
    fixes = Corrections(added={"王顶堤": "place", "码上办": "org"})
    analysis = analyze_text("王顶堤一带推出“码上办”平台。", fixes)
    assert {(e.type, e.text) for e in analysis.entities} == {("place", "王顶堤"), ("org", "码上办")}


def test_added_name_with_a_bad_type_is_refused() -> None:
    with pytest.raises(ValueError):
        Corrections(added={"X": "thing"})  # type: ignore[dict-item]


def test_apply_does_not_change_its_input() -> None:
    entities = [Entity("place", "南开", 0, 0, 2, "南开区")]
    kept = Corrections(aliases={"南开区": "天津市南开区"}).apply(entities)
    assert kept[0].canonical == "天津市南开区" and entities[0].canonical == "南开区"


def test_corrections_apply_across_the_paragraphs_of_an_article() -> None:
    fixes = Corrections(rejected=frozenset({"刘刚"}))
    analyses = analyze_texts(["负责人刘刚信心满怀。", "刘刚表示满意。"], fixes)
    assert all(e.text != "刘刚" for a in analyses for e in a.entities)
