"""The methods catalogue: lazy imports, a bilingual note for a missing method, default arguments."""

import sys

import pytest

from course_lib.finetune import LPFT, Full, Selected
from course_lib.finetune.method import Method
from course_lib.i18n import both
from course_lib.methods import catalogue
from course_lib.methods.catalogue import CATALOGUE, Entry, available_methods


def test_contract_names_and_modules():
    names = [e.name for e in CATALOGUE]
    assert names == ["Full", "Selected", "LinearProbe", "LPFT", "GradualUnfreezing", "LoRA", "PromptTuning",
                     "Distill", "ALUM", "Reweight", "GuidedAttention"]
    assert {e.module for e in CATALOGUE if e.family == "method"} == {
        "course_lib.methods.lora", "course_lib.methods.prompt_tuning", "course_lib.methods.distill",
        "course_lib.methods.alum", "course_lib.methods.reweight", "course_lib.methods.guided_attention"}


def test_every_chapter_03_approach_loads():
    entries = [e for e in CATALOGUE if e.family == "approach"]
    methods, missing = available_methods([e.name for e in entries], quiet=True)
    assert missing == [] and len(methods) == len(entries) == 5


def test_chapter_03_approaches_are_always_there_with_their_defaults():
    methods, _ = available_methods(["Full", "Selected", "LPFT"], quiet=True)
    assert [type(m) for m in methods] == [Full, Selected, LPFT]
    assert methods[1].settings() == Selected().settings() and all(isinstance(m, Method) for m in methods)


def test_a_missing_method_is_skipped_with_a_note(monkeypatch, capsys):
    ghost = Entry("Ghost", "course_lib.methods.ghost_method_not_written", "Ghost", "99", "method")
    monkeypatch.setattr(catalogue, "CATALOGUE", (CATALOGUE[0], ghost))
    methods, missing = available_methods()
    assert [type(m) for m in methods] == [Full] and missing == [ghost]
    out = capsys.readouterr().out
    assert both("catalogue_missing", name="Ghost", chapter="99", module=ghost.module)["en"] in out
    assert "course_lib.methods.ghost_method_not_written" not in sys.modules


def test_a_broken_method_module_is_not_hidden(monkeypatch, tmp_path):
    # a method module that exists but imports something missing is a bug: it must raise, not be skipped
    (tmp_path / "broken_method_mod.py").write_text("import a_dependency_that_is_not_installed\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError):
        Entry("Broken", "broken_method_mod", "Broken", "99", "method").load()


def test_a_missing_class_in_an_existing_module_is_skipped(monkeypatch):
    entry = Entry("Nope", "course_lib.finetune.approaches", "NoSuchApproach", "03", "approach")
    monkeypatch.setattr(catalogue, "CATALOGUE", (entry,))
    assert available_methods(quiet=True) == ([], [entry])
