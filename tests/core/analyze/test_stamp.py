"""The analysis stamp: cheap, and different whenever features, rules or the model change."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.analyze import stamp
from reader.core.analyze.stamp import RULES_ONLY, analysis_stamp, model_sha
from reader.core.analyze.tagger import FEATURE_VERSION, MODEL_PATH
from reader.core.resources import resources_dir


def test_the_stamp_names_features_rules_and_the_shipped_model() -> None:
    record = json.loads(resources_dir().joinpath(*MODEL_PATH).with_suffix(".json").read_text())
    found = analysis_stamp()
    assert found == (f"features {FEATURE_VERSION}, rules {stamp.RULES_VERSION}, "
                     f"model {record['model_sha256'][:stamp.SHA_CHARS]}")


def test_without_a_model_the_stamp_says_rules_only(tmp_path: Path) -> None:
    assert model_sha(tmp_path / "entities.crfsuite") == RULES_ONLY
    assert analysis_stamp(tmp_path / "entities.crfsuite").endswith(f"model {RULES_ONLY}")


def test_another_model_or_rules_version_gives_another_stamp(tmp_path: Path) -> None:
    model = tmp_path / "entities.crfsuite"
    model.write_bytes(b"a model")
    (tmp_path / "entities.json").write_text(json.dumps({"model_sha256": "ab" * 32}))
    assert model_sha(model) == "ab" * (stamp.SHA_CHARS // 2)
    assert stamp._stamp(model, FEATURE_VERSION, 1) != stamp._stamp(model, FEATURE_VERSION, 2)
    assert stamp._stamp(model, 3, 1) != stamp._stamp(model, 4, 1)


def test_a_model_without_its_record_is_hashed(tmp_path: Path) -> None:
    model = tmp_path / "entities.crfsuite"
    model.write_bytes(b"a model")
    assert len(model_sha(model)) == stamp.SHA_CHARS != len(RULES_ONLY)
