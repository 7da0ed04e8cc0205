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
