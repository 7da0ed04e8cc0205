"""Build every notebook from its one bilingual source in course/.

    python -m tools.build_notebooks           write notebooks/, exercises/, solutions/
    python -m tools.build_notebooks --check   write nothing; exit 1 if any file would change

For each source ``course/NN_name.py`` and each language it writes:
  notebooks/<lang>/NN_name.ipynb   the lesson: solution code in place, markers removed
  exercises/<lang>/NN_name.ipynb   the assignment: each solution block replaced by
                                   ``raise NotImplementedError`` (only for sources with exercises)
  solutions/<lang>/NN_name.ipynb   the assignment with its solutions and markers, for teachers
Each language's notebook shows only that language, code cells included: tagged comments, pick()
literals and nbval markers are resolved as tools/code_language.py describes. Outputs carry no
execution results, and the same sources always give the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

from .code_language import localize
from .course_source import BEGIN, END, LANGUAGES, Cell, read_source, solution_blocks

ROOT = Path(__file__).resolve().parent.parent
# The public home of the course; Colab badges and the Colab install cell point here.
GITHUB_REPO = "llm-course-tr/llm-course"
VARIANTS = ("notebooks", "exercises", "solutions")

PLACEHOLDER = {"en": "# YOUR CODE HERE", "tr": "# KODUNUZU BURAYA YAZIN"}
BADGE = (
    "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
    "(https://colab.research.google.com/github/{repo}/blob/main/{path})"
)
SETUP_COMMENT = {
    "en": "# Setup: on Colab this installs the course package; elsewhere (`make lab`) it is already installed.",
    "tr": "# Kurulum: Colab'de kurs paketini kurar; başka yerlerde (`make lab`) paket zaten kuruludur.",
}
SETUP = '''\
{comment}
import os
import subprocess
import sys

if "google.colab" in sys.modules:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                    "git+https://github.com/{repo}"], check=True)
    import torch
    os.environ.setdefault("COURSE_PROFILE", "gpu" if torch.cuda.is_available() else "cpu")

from course_lib import device, i18n

i18n.set_language("{lang}")
print(device.describe())'''


def sources(course_dir: Path = ROOT / "course") -> list[Path]:
    return sorted(p for p in course_dir.glob("[0-9A-Z][0-9]_*.py"))


def render(cells: list[Cell], path: Path, lang: str, variant: str, relpath: str) -> str:
    """The notebook JSON of one source in one language and variant."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "colab": {"provenance": []},
    }
    out = [
        nbformat.v4.new_markdown_cell(BADGE.format(repo=GITHUB_REPO, path=relpath)),
        nbformat.v4.new_code_cell(SETUP.format(comment=SETUP_COMMENT[lang], repo=GITHUB_REPO, lang=lang)),
    ]
    for cell in cells:
        if cell.kind == "markdown":
            if cell.lang == lang:
                out.append(nbformat.v4.new_markdown_cell(cell.text))
        else:
            code, tags = localize(_code_for(path, cell, lang, variant), lang)
            out.append(nbformat.v4.new_code_cell(code))
            if tags:
                out[-1].metadata["tags"] = tags
    for number, cell in enumerate(out):
        cell["id"] = f"{variant[:3]}-{lang}-{number:03d}"  # stable ids: no drift between builds
    notebook.cells = out
    return nbformat.writes(notebook, version=4) + "\n"


def _code_for(path: Path, cell: Cell, lang: str, variant: str) -> str:
    if variant == "solutions" or not cell.has_solution:
        return cell.text
    lines = cell.text.splitlines()
    blocks = solution_blocks(path, cell)
    kept: list[str] = []
    position = 0
    for begin, end in blocks:
        kept.extend(lines[position:begin])
        if variant == "exercises":
            indent = lines[begin][: len(lines[begin]) - len(lines[begin].lstrip())]
            kept.append(indent + PLACEHOLDER[lang])
            kept.append(indent + "raise NotImplementedError")
        else:  # the lesson keeps the solution, without the markers
            kept.extend(lines[begin + 1 : end])
        position = end + 1
    kept.extend(lines[position:])
    text = "\n".join(kept)
    assert BEGIN not in text and END not in text
    return text


def build(root: Path = ROOT) -> dict[Path, str]:
    """Every output path (relative to root) and its content."""
    outputs: dict[Path, str] = {}
    for path in sources(root / "course"):
        cells = read_source(path)
        has_exercises = any(c.kind == "code" and c.has_solution for c in cells)
        for lang in LANGUAGES:
            for variant in VARIANTS:
                if variant != "notebooks" and not has_exercises:
                    continue
                relpath = Path(variant) / lang / (path.stem + ".ipynb")
                outputs[relpath] = render(cells, path, lang, variant, relpath.as_posix())
    return outputs


def existing_outputs(root: Path) -> set[Path]:
    return {p.relative_to(root) for v in VARIANTS for p in (root / v).glob("*/*.ipynb")}


def differences(root: Path = ROOT) -> list[str]:
    """What a rebuild would change: files to create, rewrite or delete."""
    outputs = build(root)
    problems = []
    for relpath, text in sorted(outputs.items()):
        target = root / relpath
        if not target.exists():
            problems.append(f"missing: {relpath}")
        elif target.read_text(encoding="utf-8") != text:
            problems.append(f"out of date: {relpath}")
    for stale in sorted(existing_outputs(root) - outputs.keys()):
        problems.append(f"no source for: {stale}")
    return problems


def write(root: Path = ROOT) -> int:
    outputs = build(root)
    for relpath, text in outputs.items():
        target = root / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    for stale in existing_outputs(root) - outputs.keys():
        (root / stale).unlink()
    return len(outputs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report drift, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = differences()
        for line in problems:
            print(line)
        if problems:
            print("Run `make notebooks` and commit the generated files.", file=sys.stderr)
        return 1 if problems else 0
    print(f"wrote {write()} notebooks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
