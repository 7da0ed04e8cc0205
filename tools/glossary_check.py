"""Find Turkish text that uses a term course/GLOSSARY.md rejects.

    python -m tools.glossary_check        print every use, exit 1 if there is one

The glossary's table has a ``rejected`` column: forms that drifted in earlier drafts (e.g.
*ayrıştırıcı* for "tokenizer"). This module reads that column and scans what a Turkish learner reads:

* each course source's Turkish prose cells, and its code cells as the Turkish notebook shows them
  (tagged comments and pick() literals resolved, see tools/code_language.py);
* every Turkish string literal in ``course_lib``: the ``"tr"`` entries of message catalogs and
  checks, and ``tr=`` arguments (the generated world corpus is data, not prose, and is skipped);
* README.tr.md.

A rejected form matches case-insensitively (Turkish casing: I/ı, İ/i) at the start of a word, so
its suffixed forms match too. Inside a text, occurrences of the same row's accepted Turkish forms
are blanked first, so that "eklemeli dil" is rejected while "sondan eklemeli dil" is not.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .code_language import localize
from .course_source import read_source

ROOT = Path(__file__).resolve().parent.parent
# Generated corpus text: Turkish data the world writes, not prose addressed to a learner.
CORPUS_DIR = Path("course_lib/data/world")
CORPUS_PROSE = {"messages.py"}


@dataclass(frozen=True)
class Rule:
    english: str
    accepted: tuple[str, ...]
    rejected: tuple[str, ...]


@dataclass(frozen=True)
class Use:
    where: str  # "path:line"
    rejected: str
    rule: Rule
    excerpt: str

    def __str__(self) -> str:
        accepted = " / ".join(self.rule.accepted)
        return f"{self.where}: '{self.rejected}' is rejected for '{self.rule.english}'; write '{accepted}' ({self.excerpt})"


def tr_lower(text: str) -> str:
    """Lower-case with Turkish rules: I → ı, İ → i."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def read_rules(glossary: Path) -> list[Rule]:
    """The rows of the glossary table that reject something."""
    rules = []
    header = None
    for line in glossary.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if header is None:
            header = [tr_lower(cell) for cell in cells]
            if "rejected" not in header:
                raise ValueError(f"{glossary}: the glossary table has no 'rejected' column")
            continue
        if set(line) <= set("|-: "):
            continue
        row = dict(zip(header, cells))
        rejected = tuple(part.strip() for part in row.get("rejected", "").split(";") if part.strip())
        if rejected:
            accepted = tuple(_bare(part) for part in re.split(r"\s*/\s*|,\s*", row["türkçe"]) if part.strip())
            rules.append(Rule(row["english"], accepted, rejected))
    return rules


def _bare(term: str) -> str:
    """A glossary form without its gloss: 'ısınma (warm-up)' → 'ısınma'."""
    return re.sub(r"\s*\([^)]*\)", "", term).strip().strip('"')


def find_uses(text: str, where: str, rules: list[Rule], first_line: int = 1) -> list[Use]:
    """Every rejected form in ``text``; ``where`` names its file, ``first_line`` its first line."""
    uses = []
    lowered = tr_lower(text)
    for rule in rules:
        blanked = lowered
        for accepted in rule.accepted:
            if accepted:
                form = tr_lower(accepted)
                blanked = blanked.replace(form, " " * len(form))
        for rejected in rule.rejected:
            for match in re.finditer(r"(?<!\w)" + re.escape(tr_lower(rejected)), blanked):
                line = first_line + lowered.count("\n", 0, match.start())
                start = lowered.rfind("\n", 0, match.start()) + 1
                end = lowered.find("\n", match.end())
                excerpt = text[start : end if end >= 0 else len(text)].strip()
                uses.append(Use(f"{where}:{line}", rejected, rule, excerpt[:100]))
    return uses


def course_texts(root: Path) -> list[tuple[str, int, str]]:
    """(file, first line, Turkish text) of every cell a Turkish learner reads in course/."""
    texts = []
    for path in sorted((root / "course").glob("[0-9A-Z][0-9]_*.py")):
        where = path.relative_to(root).as_posix()
        for cell in read_source(path):
            if cell.kind == "markdown" and cell.lang == "tr":
                texts.append((where, cell.line + 1, cell.text))
            elif cell.kind == "code":
                texts.append((where, cell.line + 1, localize(cell.text, "tr")[0]))
    return texts


def library_texts(root: Path) -> list[tuple[str, int, str]]:
    """(file, line, Turkish string) of every ``"tr": ...`` entry and ``tr=...`` argument in course_lib."""
    texts = []
    for path in sorted((root / "course_lib").rglob("*.py")):
        relative = path.relative_to(root)
        if relative.parent == CORPUS_DIR and relative.name not in CORPUS_PROSE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            values = []
            if isinstance(node, ast.Dict):
                values = [v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant) and k.value == "tr"]
            elif isinstance(node, ast.Call):
                values = [k.value for k in node.keywords if k.arg == "tr"]
            for value in values:
                literal = _literal_text(value)
                if literal:
                    texts.append((relative.as_posix(), value.lineno, literal))
    return texts


def _literal_text(node: ast.AST) -> str:
    """The text of a string literal, an f-string (its literal parts) or a parenthesised concatenation."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return ""


def readme_texts(root: Path) -> list[tuple[str, int, str]]:
    path = root / "README.tr.md"
    return [("README.tr.md", 1, path.read_text(encoding="utf-8"))] if path.exists() else []


def check(root: Path = ROOT) -> list[Use]:
    """Every use of a rejected term in the Turkish text of the project at ``root``."""
    rules = read_rules(root / "course" / "GLOSSARY.md")
    uses = []
    for where, first_line, text in course_texts(root) + library_texts(root) + readme_texts(root):
        # A library string's line is where its literal starts; the text may span lines.
        uses.extend(find_uses(text, where, rules, first_line))
    return uses


def main() -> int:
    uses = check()
    for use in uses:
        print(use)
    return 1 if uses else 0


if __name__ == "__main__":
    sys.exit(main())
