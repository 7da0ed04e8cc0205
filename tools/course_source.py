"""Reading one bilingual notebook source from course/.

A source is a Python file in jupytext's "percent" shape. A line starting with ``# %%``
opens a cell; what follows on that line says what kind:

    # %% [markdown] lang=en      English prose (each line starts with "# ")
    # %% [markdown] lang=tr      its Turkish twin, right after it
    # %%                          code, shared by both languages

Code cells may carry comments in both languages (``# en:`` / ``# tr:`` lines), pick() literals and
nbval markers; tools/code_language.py says how the build turns them into one language.

Every prose cell must be followed (or preceded) by its twin in the other language, and
solution code sits between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` inside one code
cell. A source that breaks either rule is refused with its file and line.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from . import code_language

LANGUAGES = ("en", "tr")
BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
_HEADER = re.compile(r"^# %%(?P<rest>.*)$")


class SourceError(ValueError):
    """A course source that the build refuses, with the place to fix."""

    def __init__(self, path: Path | str, line: int, problem: str):
        super().__init__(f"{path}:{line}: {problem}")
        self.path, self.line, self.problem = str(path), line, problem


@dataclass
class Cell:
    kind: str  # "markdown" or "code"
    text: str
    line: int  # 1-based line of the cell's header in the source
    lang: str | None = None  # prose only
    attrs: dict = field(default_factory=dict)

    @property
    def has_solution(self) -> bool:
        return BEGIN in self.text


def read_source(path: Path) -> list[Cell]:
    """Parse and validate one source; raises SourceError on the first problem found."""
    cells = _split_cells(path, path.read_text(encoding="utf-8"))
    _check_twins(path, cells)
    for cell in cells:
        if cell.kind == "code":
            solution_blocks(path, cell)  # validates the markers
            try:
                code_language.check(cell.text)
            except code_language.CodeLanguageError as error:
                raise SourceError(path, cell.line + 1 + error.index, error.problem) from None
    return cells


def _split_cells(path: Path, text: str) -> list[Cell]:
    cells: list[Cell] = []
    current: Cell | None = None
    body: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            if current is not None:
                cells.append(_finish(path, current, body))
            current, body = _parse_header(path, number, header["rest"]), []
        elif current is None:
            if line.strip():
                raise SourceError(path, number, "text before the first '# %%' cell header")
        else:
            body.append(line)
    if current is not None:
        cells.append(_finish(path, current, body))
    if not cells:
        raise SourceError(path, 1, "no cells: a source needs at least one '# %%' header")
    return cells


def _parse_header(path: Path, number: int, rest: str) -> Cell:
    words = shlex.split(rest)
    kind = "code"
    if words and words[0] == "[markdown]":
        kind, words = "markdown", words[1:]
    attrs = {}
    for word in words:
        key, sep, value = word.partition("=")
        if not sep:
            raise SourceError(path, number, f"cannot read cell option {word!r} (expected key=value)")
        attrs[key] = value
    lang = attrs.pop("lang", None)
    if kind == "markdown" and lang not in LANGUAGES:
        raise SourceError(path, number, f"a prose cell needs lang=en or lang=tr, found {lang!r}")
    if kind == "code" and lang is not None:
        raise SourceError(path, number, "code cells are shared by both languages: remove lang=")
    return Cell(kind=kind, text="", line=number, lang=lang, attrs=attrs)


def _finish(path: Path, cell: Cell, body: list[str]) -> Cell:
    while body and not body[-1].strip():
        body.pop()
    while body and not body[0].strip():
        body.pop(0)
    if cell.kind == "markdown":
        lines = []
        for offset, line in enumerate(body, start=1):
            if line == "#":
                lines.append("")
            elif line.startswith("# "):
                lines.append(line[2:])
            else:
                raise SourceError(path, cell.line + offset, "prose lines must start with '# '")
        cell.text = "\n".join(lines)
    else:
        cell.text = "\n".join(body)
    if not cell.text.strip():
        raise SourceError(path, cell.line, "empty cell")
    return cell


def _check_twins(path: Path, cells: list[Cell]) -> None:
    """Prose cells come in adjacent pairs, one in each language."""
    index = 0
    while index < len(cells):
        cell = cells[index]
        if cell.kind != "markdown":
            index += 1
            continue
        twin = cells[index + 1] if index + 1 < len(cells) else None
        if twin is None or twin.kind != "markdown" or twin.lang == cell.lang:
            other = "tr" if cell.lang == "en" else "en"
            raise SourceError(
                path, cell.line, f"prose cell (lang={cell.lang}) has no lang={other} twin right after it"
            )
        index += 2


def solution_blocks(path: Path, cell: Cell) -> list[tuple[int, int]]:
    """The (begin, end) line indexes of each solution block in a code cell."""
    blocks, begin = [], None
    for index, line in enumerate(cell.text.splitlines()):
        marker = line.strip()
        where = cell.line + 1 + index
        if marker == BEGIN:
            if begin is not None:
                raise SourceError(path, where, f"'{BEGIN}' inside another solution block")
            begin = index
        elif marker == END:
            if begin is None:
                raise SourceError(path, where, f"'{END}' without a '{BEGIN}' before it")
            if index == begin + 1:
                raise SourceError(path, where, "empty solution block")
            blocks.append((begin, index))
            begin = None
    if begin is not None:
        raise SourceError(path, cell.line + 1 + begin, f"'{BEGIN}' is never closed by '{END}'")
    return blocks
