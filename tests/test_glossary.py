"""The glossary's rejected terms stay out of everything a Turkish learner reads."""

import shutil
from pathlib import Path

import pytest

from tools import glossary_check

ROOT = Path(__file__).resolve().parent.parent


def test_no_rejected_term_in_turkish_text():
    uses = glossary_check.check(ROOT)
    assert uses == [], "rejected terms (see course/GLOSSARY.md):\n" + "\n".join(map(str, uses))


def test_the_glossary_rejects_the_terms_the_review_found():
    rules = glossary_check.read_rules(ROOT / "course" / "GLOSSARY.md")
    rejected = {form for rule in rules for form in rule.rejected}
    for form in ("ayrıştırıcı", "eşit dağılım", "devir", "sözlük boyutu", "ön ayar", "kademeli çözme", "ve ark."):
        assert form in rejected


@pytest.fixture
def project(tmp_path):
    """A copy of what the check reads, to plant rejected terms in."""
    for part in ("course", "README.tr.md"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part)
        else:
            shutil.copy(source, tmp_path / part)
    shutil.copytree(ROOT / "course_lib", tmp_path / "course_lib", ignore=_not_python)
    return tmp_path


def _not_python(folder, names):
    return [name for name in names if not name.endswith(".py") and not (Path(folder) / name).is_dir()
            or name == "__pycache__"]


def _plant(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("relpath", "old", "new", "rejected", "where"),
    [
        # a Turkish prose cell
        ("course/01_tokenization.py", "karar verir.", "karar verir; ona ayrıştırıcı da denir.", "ayrıştırıcı",
         "course/01_tokenization.py"),
        # a Turkish comment in a code cell, as the Turkish notebook shows it
        ("course/02_pretraining.py", "# tr: bu defterin yazdığı her şey buraya gider",
         "# tr: bu defterin koşularının yazdığı her şey buraya gider", "koşular", "course/02_pretraining.py"),
        # a Turkish pick() literal in a code cell
        ("course/00_introduction.py", 'tr="düzgün dağılımlı tahmin:"', 'tr="eşit dağılımlı tahmin:"',
         "eşit dağılım", "course/00_introduction.py"),
        # a message catalog
        ("course_lib/train/messages.py", "turda hiçbir şey vermedi", "devirde hiçbir şey vermedi", "devir",
         "course_lib/train/messages.py"),
        # a check's Turkish text
        ("course_lib/checks/ch00_introduction.py", "düzgün dağılıma dönüşür", "eşit dağılıma dönüşür",
         "eşit dağılım", "course_lib/checks/ch00_introduction.py"),
        # README.tr.md, with Turkish capitals (İ/I) folded
        ("README.tr.md", "## Lisans", "## Lisans\n\nKADEMELİ ÇÖZME yok.", "kademeli çözme", "README.tr.md"),
    ],
)
def test_a_planted_rejected_term_is_found_with_its_place(project, relpath, old, new, rejected, where):
    _plant(project / relpath, old, new)
    uses = glossary_check.check(project)
    assert [use.rejected for use in uses] == [rejected]
    assert uses[0].where.startswith(where + ":")


def test_the_accepted_form_is_not_a_rejected_one(project):
    # "eklemeli dil" is rejected, "sondan eklemeli dil" is the accepted term that contains it.
    _plant(project / "README.tr.md", "## Lisans", "## Lisans\n\nTürkçe sondan eklemeli dildir; eklemeli dil değil.")
    uses = glossary_check.check(project)
    assert [(use.rejected, use.excerpt.count("eklemeli")) for use in uses] == [("eklemeli dil", 2)]


def test_a_glossary_without_the_column_is_refused(tmp_path):
    glossary = tmp_path / "GLOSSARY.md"
    glossary.write_text("| English | Türkçe |\n|---|---|\n| token | token |\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no 'rejected' column"):
        glossary_check.read_rules(glossary)
