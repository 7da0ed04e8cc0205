"""The key-value retrieval task: every row asks for a key it lists, the answer and its position agree."""

import pytest
import torch

from course_lib.data.kv_retrieval import VOCAB, make_batch, render, sequence_length
from course_lib.i18n import CourseValueError


def test_rows_are_well_formed():
    batch = make_batch(32, 5, torch.Generator().manual_seed(0))
    ids = batch["input_ids"]
    assert ids.shape == (32, sequence_length(5))
    for row, answer, position, target in zip(ids, batch["answer"], batch["key_position"], batch["attention_target"]):
        pairs = [VOCAB[i].split(":") for i in row[:-2].tolist()]
        keys = [k for k, _ in pairs]
        assert len(set(keys)) == 5 and all(len(k) == 1 and k.isalpha() for k in keys)
        asked = keys.index(VOCAB[int(row[-1])])
        assert VOCAB[int(answer)] == pairs[asked][1] and int(position) == asked
        assert target[-1, position] == 1 and target.sum() == 1
    assert batch["attention_rows"][:, -1].all() and batch["attention_rows"].sum() == 32
    assert set(batch["lang"].tolist()) == {0, 1}


def test_render_in_both_languages():
    batch = make_batch(8, 2, torch.Generator().manual_seed(1))
    texts = {render(row) for row in batch["input_ids"]}
    assert any("| query: " in t for t in texts) and any("| sorgu: " in t for t in texts)
    first = render(batch["input_ids"][0])
    assert first.count(":") == 3 and first.split()[-1] in "abcdefghijklmnop"  # two pairs and the query word


def test_too_many_pairs_is_a_clear_error():
    with pytest.raises(CourseValueError, match="n_pairs"):
        make_batch(2, 17, torch.Generator())
