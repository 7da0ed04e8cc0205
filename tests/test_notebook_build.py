"""The single-source build: its refusals, its outputs, and that the committed files are fresh."""

import json
from pathlib import Path

import pytest

from tools import build_notebooks
from tools.course_source import SourceError, read_source

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
# %% [markdown] lang=en
# # Title
# %% [markdown] lang=tr
# # Başlık

# %%
def f(x):
    ### BEGIN SOLUTION
    return x + 1
    ### END SOLUTION
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "course" / "07_demo.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("source", "line", "problem"),
    [
        ("# %% [markdown] lang=en\n# Hello\n\n# %%\nx = 1\n", 1, "no lang=tr twin"),
        ("# %% [markdown] lang=en\n# Hi\n# %% [markdown] lang=en\n# Hi again\n", 1, "no lang=tr twin"),
        ("# %%\nx = 1\n# %% [markdown] lang=tr\n# Merhaba\n", 3, "no lang=en twin"),
        ("# %% [markdown]\n# Hello\n", 1, "needs lang=en or lang=tr"),
        ("# %%\ndef f():\n    ### BEGIN SOLUTION\n    return 1\n", 3, "never closed"),
        ("# %%\ndef f():\n    return 1\n    ### END SOLUTION\n", 4, "without a '### BEGIN"),
        ("# %%\n### BEGIN SOLUTION\n### BEGIN SOLUTION\nx=1\n### END SOLUTION\n", 3, "inside another"),
        ("# %% [markdown] lang=en\n# Hi\n# %% [markdown] lang=tr\nMerhaba\n", 4, "must start with '# '"),
        ("x = 1\n# %%\ny = 2\n", 1, "before the first"),
    ],
)
def test_bad_sources_are_refused_with_file_and_line(tmp_path, source, line, problem):
    path = _write(tmp_path, source)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.line == line
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}:")


def test_outputs_for_a_good_source(tmp_path):
    _write(tmp_path, GOOD)
    outputs = build_notebooks.build(tmp_path)
    assert len(outputs) == 6  # 3 variants × 2 languages
    cells = {key: json.loads(text)["cells"] for key, text in outputs.items()}
    lesson_tr = cells[Path("notebooks/tr/07_demo.ipynb")]
    exercise_en = cells[Path("exercises/en/07_demo.ipynb")]
    solution_en = cells[Path("solutions/en/07_demo.ipynb")]
    assert "colab.research.google.com/github" in "".join(lesson_tr[0]["source"])
    assert "notebooks/tr/07_demo.ipynb" in "".join(lesson_tr[0]["source"])
    assert 'i18n.set_language("tr")' in "".join(lesson_tr[1]["source"])
    assert [c["cell_type"] for c in lesson_tr] == ["markdown", "code", "markdown", "code"]
    assert "".join(lesson_tr[2]["source"]) == "# Başlık"
    lesson_code = "".join(lesson_tr[3]["source"])
    assert "return x + 1" in lesson_code and "SOLUTION" not in lesson_code
    exercise_code = "".join(exercise_en[3]["source"])
    assert "return x + 1" not in exercise_code and "    raise NotImplementedError" in exercise_code
    assert "### BEGIN SOLUTION" in "".join(solution_en[3]["source"])
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in lesson_tr if c["cell_type"] == "code")


def test_build_is_deterministic_and_removes_stale_outputs(tmp_path):
    _write(tmp_path, GOOD)
    assert build_notebooks.write(tmp_path) == 6
    assert build_notebooks.differences(tmp_path) == []
    stale = tmp_path / "notebooks" / "en" / "99_gone.ipynb"
    stale.write_text("{}")
    assert build_notebooks.differences(tmp_path) == ["no source for: notebooks/en/99_gone.ipynb"]
    build_notebooks.write(tmp_path)
    assert not stale.exists()


def test_a_source_without_exercises_makes_only_lessons(tmp_path):
    _write(tmp_path, "# %% [markdown] lang=en\n# Hi\n# %% [markdown] lang=tr\n# Selam\n")
    assert sorted(p.parts[0] for p in build_notebooks.build(tmp_path)) == ["notebooks", "notebooks"]


def test_committed_notebooks_match_a_fresh_build():
    problems = build_notebooks.differences(ROOT)
    assert problems == [], "run `make notebooks` and commit:\n" + "\n".join(problems)


def test_every_real_source_builds():
    sources = build_notebooks.sources(ROOT / "course")
    assert sources, "course/ has no notebook sources"
    for path in sources:
        read_source(path)


LOCALIZED = '''\
# %% [markdown] lang=en
# Hi
# %% [markdown] lang=tr
# Selam

# %%
# NBVAL_IGNORE_OUTPUT
# en: count the words
# en: of the story
# tr: öykünün sözcüklerini say
words = 3  # (B, T)
print(pick(en="words:", tr="sözcük:"), words, pick(en=f"{words} found", tr=f"{words} bulundu"))
print(f"{pick(en='left', tr='sol'):>8} {pick(en='new', tr='yeni')} = {words}")
label = pick(en=LABEL, tr="etiket")
def f():
    # tr: girintili
    # en: indented
    return pick(en="a", tr="b", de="c")
'''


def _code_cell(tmp_path, source, lang, variant="notebooks"):
    _write(tmp_path, source)
    cells = json.loads(build_notebooks.build(tmp_path)[Path(variant) / lang / "07_demo.ipynb"])["cells"]
    return cells[3]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "tr",
            "# öykünün sözcüklerini say\n"
            "words = 3  # (B, T)\n"
            'print("sözcük:", words, f"{words} bulundu")\n'
            "print(f\"{'sol':>8} yeni = {words}\")\n"
            'label = pick(en=LABEL, tr="etiket")\n'
            "def f():\n"
            "    # girintili\n"
            '    return pick(en="a", tr="b", de="c")',
        ),
        (
            "en",
            "# count the words\n"
            "# of the story\n"
            "words = 3  # (B, T)\n"
            'print("words:", words, f"{words} found")\n'
            "print(f\"{'left':>8} new = {words}\")\n"
            'label = pick(en=LABEL, tr="etiket")\n'
            "def f():\n"
            "    # indented\n"
            '    return pick(en="a", tr="b", de="c")',
        ),
    ],
)
def test_a_code_cell_is_built_into_one_language(tmp_path, lang, expected):
    cell = _code_cell(tmp_path, LOCALIZED, lang)
    assert "".join(cell["source"]) == expected
    assert cell["metadata"]["tags"] == ["nbval-ignore-output"]
    compile("".join(cell["source"]), "cell", "exec")


def test_pick_literals_spanning_lines_stay_valid_python(tmp_path):
    source = LOCALIZED.replace(
        'label = pick(en=LABEL, tr="etiket")',
        'label = pick(en="one "\n             "two", tr="bir "\n             "iki")',
    )
    code = "".join(_code_cell(tmp_path, source, "tr")["source"])
    assert 'label = ("bir "\n             "iki")' in code
    compile(code, "cell", "exec")


def test_a_cell_without_markers_has_no_tags(tmp_path):
    cell = _code_cell(tmp_path, GOOD, "en")
    assert cell["metadata"] == {}


def test_exercise_cells_are_localized_too(tmp_path):
    source = GOOD.replace("def f(x):", "# en: add one\n# tr: bir ekleyin\ndef f(x):")
    code = "".join(_code_cell(tmp_path, source, "tr", "exercises")["source"])
    assert code.startswith("# bir ekleyin\ndef f(x):") and "KODUNUZU" in code and "add one" not in code


@pytest.mark.parametrize(
    ("code", "line", "problem"),
    [
        ("# en: only English\nx = 1\n", 2, "no '# tr:' twin"),
        ("x = 1\n# tr: yalnız Türkçe\n", 3, "no '# en:' twin"),
        ("# en: a\n# tr: b\n# en: c\n", 2, "alternate languages"),
        ("# en: a\n    # tr: b\n", 2, "no '# tr:' twin"),
        ("x = 1  # en: trailing\n", 2, "on its own line"),
        ("# NBVAL_IGNORE_OUTPUTS\nx = 1\n", 2, "unknown nbval marker"),
    ],
)
def test_bad_code_comments_are_refused_with_file_and_line(tmp_path, code, line, problem):
    path = _write(tmp_path, "# %%\n" + code)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.line == line
    assert problem in str(caught.value)


# Chapters whose code comments are written in both languages. A new chapter joins this list once its
# learner-facing comments are '# en:' / '# tr:' pairs.
BILINGUAL_CODE = ("00_introduction", "01_tokenization", "02_pretraining", "A1_gpu_kernels", "12_carbon")


@pytest.mark.parametrize("stem", BILINGUAL_CODE)
def test_code_comments_a_learner_reads_are_in_both_languages(stem):
    """An untagged comment may hold notation such as '(B, T)', but no words of one language."""
    import io
    import re
    import tokenize

    words = re.compile(r"[^\W\d_]{4,}")
    untagged = []
    for cell in read_source(ROOT / "course" / f"{stem}.py"):
        if cell.kind != "code":
            continue
        for token in tokenize.generate_tokens(io.StringIO(cell.text + "\n").readline):
            comment = token.string
            if token.type != tokenize.COMMENT or re.match(r"#\s*(en|tr):|###\s*(BEGIN|END) SOLUTION|#\s*NBVAL_", comment):
                continue
            if words.search(comment):
                untagged.append(f"course/{stem}.py:{cell.line + token.start[0]}: {comment}")
    assert untagged == [], "write these as '# en:' / '# tr:' pairs:\n" + "\n".join(untagged)
