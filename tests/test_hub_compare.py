"""The optional Hub tokenizer comparison: its offline skip path, and its counting on a local tokenizer."""

import pytest

from course_lib.i18n import set_language
from course_lib.tokenizer import BPETokenizer, to_hf_tokenizer
from course_lib.tokenizer.hub_compare import hub_fertility, hub_reachable

TEXTS = {"tr": "Öğlen Ayşe kafede bekledi.", "en": "At noon, Ayşe waited at the café."}


def _never(repo_id):
    raise AssertionError("offline, nothing may be loaded")


@pytest.mark.parametrize("lang, words", [("en", "could not be loaded"), ("tr", "atlandı")])
def test_offline_skips_every_tokenizer_with_a_message(lang, words):
    set_language(lang)
    said = []
    assert hub_fertility(TEXTS, {"A": "x/a", "B": "x/b"}, load=_never, report=said.append, online=False) == []
    assert len(said) == 2 and all(words in line for line in said)
    assert "x/a" in said[0] and "x/b" in said[1]


def test_a_failing_download_is_skipped_and_the_rest_measured():
    tokenizer = to_hf_tokenizer(BPETokenizer.train(TEXTS["tr"] + " " + TEXTS["en"], 280))

    def load(repo_id):
        if repo_id == "gone/repo":
            raise OSError("404 Client Error")
        return tokenizer

    said = []
    results = hub_fertility(TEXTS, {"gone": "gone/repo", "ours": "local/ours"}, load=load, report=said.append,
                            online=True)
    assert [r.label for r in results] == ["ours"]
    assert len(said) == 1 and "gone/repo" in said[0] and "404" in said[0]


def test_counts_exclude_special_tokens():
    course = BPETokenizer.train(TEXTS["tr"] + " " + TEXTS["en"], 280, special_tokens=["<|endoftext|>"])
    hf = to_hf_tokenizer(course)
    hf.add_special_tokens({"bos_token": "<|endoftext|>"})
    (result,) = hub_fertility(TEXTS, {"ours": "local"}, load=lambda _: hf, report=print, online=True)
    for lang, text in TEXTS.items():
        assert result.tokens[lang] == len(course.encode(text))
        assert result.fertility[lang] == pytest.approx(len(course.encode(text)) / len(text.split()))


def test_real_loader_offline_here_is_quick_and_clean():
    if hub_reachable():
        pytest.skip("the Hub is reachable here; this test is for offline machines")
    said = []
    assert hub_fertility(TEXTS, report=said.append) == []
    assert len(said) == 4
