"""Turning one shared code cell into what a learner of one language reads.

Code cells are shared by both languages in a source, but a learner should read only their own
language, in code as in prose. Three rules do that at build time:

* **Tagged comments.** A comment written for learners is given in both languages, as whole-line
  comments on consecutive lines at one indentation: first every ``# en:`` line, then every
  ``# tr:`` line (or the other way round)::

      # en: the formula matches the built model
      # tr: formül, kurulan modelle örtüşür
      assert count_parameters(model) == parameter_count(config)

  The build keeps the lines of the notebook's language, as ``# the formula ...``. A tagged block
  without its twin, or a tag after code on the same line, is refused. Untagged comments are kept
  as they are: use them only for notation both languages share, such as ``# (B, T, d)``.
* **pick() literals.** ``pick(en=..., tr=...)`` whose two arguments are plain string literals or
  f-strings is replaced by the argument of the notebook's language, so a Turkish learner reads
  ``print("bigram kaybı:", loss)``. Any other call (a variable, a positional argument, a third
  keyword) stays a runtime ``pick`` call, which ``course_lib.i18n`` resolves when the cell runs.
* **nbval markers.** A whole-line ``# NBVAL_IGNORE_OUTPUT`` (or ``NBVAL_SKIP``,
  ``NBVAL_RAISES_EXCEPTION``, ``NBVAL_CHECK_OUTPUT``) is removed from the code and becomes the cell
  tag nbval reads from metadata (``nbval-ignore-output``, ...), which a learner never sees.
"""

from __future__ import annotations

import ast
import re

LANGUAGES = ("en", "tr")
_TAGGED = re.compile(r"^(?P<indent>\s*)# (?P<lang>en|tr):(?: (?P<text>.*))?$")
_TRAILING_TAG = re.compile(r"^\s*[^\s#].*\s#\s*(en|tr):")
_MARKER = re.compile(r"^\s*#\s*(?P<name>NBVAL_[A-Z_]+)\s*$")
# The markers nbval 0.11 reads from comments, and the tags it reads from metadata for each
# (nbval/plugin.py: metadata_tags = marker.lower().replace("_", "-")).
NBVAL_MARKERS = ("NBVAL_IGNORE_OUTPUT", "NBVAL_CHECK_OUTPUT", "NBVAL_RAISES_EXCEPTION", "NBVAL_SKIP")


class CodeLanguageError(ValueError):
    """A problem in a code cell, at ``index`` (0-based line of the cell's text)."""

    def __init__(self, index: int, problem: str):
        super().__init__(problem)
        self.index, self.problem = index, problem


def check(text: str) -> None:
    """Refuse tagged comments without a twin, trailing tags and unknown nbval markers."""
    _comment_blocks(text)
    nbval_tags(text)


def _comment_blocks(text: str) -> list[tuple[int, int, dict[str, list[str]]]]:
    """Each block of tagged comments: (first index, end index, {lang: its lines, prefix kept})."""
    lines = text.splitlines()
    blocks = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _TRAILING_TAG.match(line) and not _TAGGED.match(line):
            raise CodeLanguageError(index, "a '# en:' / '# tr:' comment must stand on its own line")
        tagged = _TAGGED.match(line)
        if not tagged:
            index += 1
            continue
        indent, begin = tagged["indent"], index
        runs: list[tuple[str, list[str]]] = []
        while index < len(lines):
            here = _TAGGED.match(lines[index])
            if not here or here["indent"] != indent:
                break
            comment = f"{indent}# {here['text']}" if here["text"] else f"{indent}#"
            if runs and runs[-1][0] == here["lang"]:
                runs[-1][1].append(comment)
            else:
                runs.append((here["lang"], [comment]))
            index += 1
        if len(runs) != 2:
            first = runs[0][0]
            other = "tr" if first == "en" else "en"
            problem = (
                f"tagged comment (# {first}:) has no '# {other}:' twin right after it"
                if len(runs) == 1
                else "tagged comments alternate languages more than once: write all of one, then all of the other"
            )
            raise CodeLanguageError(begin, problem)
        blocks.append((begin, index, dict(runs)))
    return blocks


def resolve_comments(text: str, lang: str) -> str:
    """Keep only the ``lang`` half of each tagged comment block, without its tag."""
    lines = text.splitlines()
    out: list[str] = []
    position = 0
    for begin, end, by_lang in _comment_blocks(text):
        out.extend(lines[position:begin])
        out.extend(by_lang[lang])
        position = end
    out.extend(lines[position:])
    return "\n".join(out)


def nbval_tags(text: str) -> tuple[str, list[str]]:
    """The code without its nbval marker lines, and the metadata tags they stand for."""
    kept, tags = [], []
    for index, line in enumerate(text.splitlines()):
        marker = _MARKER.match(line)
        if not marker:
            kept.append(line)
            continue
        name = marker["name"]
        if name not in NBVAL_MARKERS:
            raise CodeLanguageError(index, f"unknown nbval marker {name!r}; known: {', '.join(NBVAL_MARKERS)}")
        tag = name.lower().replace("_", "-")
        if tag not in tags:
            tags.append(tag)
    return "\n".join(kept), tags


def resolve_picks(text: str, lang: str) -> str:
    """Replace each ``pick(en=<literal>, tr=<literal>)`` by its ``lang`` literal."""
    try:
        tree = ast.parse(_masked(text))
    except SyntaxError:
        return text  # not plain Python: leave every pick to run time
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(lineno: int, col: int) -> int:  # ast columns count UTF-8 bytes
        line = lines[lineno - 1]
        return starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8"))

    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    spans = []
    for node in ast.walk(tree):
        chosen = _literal_choice(node, lang)
        if chosen is None:
            continue
        begin, end = offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset)
        value = text[offset(chosen.lineno, chosen.col_offset) : offset(chosen.end_lineno, chosen.end_col_offset)]
        if not text[begin:end].startswith("pick(") or ast.dump(ast.parse(f"({value})", mode="eval").body) != ast.dump(chosen):
            raise CodeLanguageError(node.lineno - 1, "cannot place this pick() call exactly: write it outside the f-string")
        field = _bare_field(text, begin, end, parents.get(node), chosen)
        if field is not None:  # f"{pick(en='a', tr='b')} x" reads as f"b x"
            begin, end = field
            value = chosen.value.replace("{", "{{").replace("}", "}}")
        spans.append((begin, end, f"({value})" if "\n" in value else value))
    out = text
    for begin, end, value in sorted(spans, reverse=True):
        out = out[:begin] + value + out[end:]
    return out


def _bare_field(text: str, begin: int, end: int, parent: ast.AST | None, chosen: ast.expr) -> tuple[int, int] | None:
    """The span of ``{pick(...)}`` when it is a whole f-string field that can become plain text."""
    if not (isinstance(parent, ast.FormattedValue) and parent.conversion == -1 and parent.format_spec is None):
        return None
    if not isinstance(chosen, ast.Constant):
        return None
    left = len(text[:begin].rstrip())
    right = end + len(text[end:]) - len(text[end:].lstrip())
    if left == 0 or text[left - 1] != "{" or text[right : right + 1] != "}":
        return None
    return left - 1, right + 1


def _literal_choice(node: ast.AST, lang: str) -> ast.expr | None:
    """The ``lang`` argument of a pick() call with two plain literal arguments, else None."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "pick"):
        return None
    keywords = {k.arg: k.value for k in node.keywords}
    if node.args or set(keywords) != set(LANGUAGES):
        return None
    if not all(_is_literal(value) for value in keywords.values()):
        return None
    return keywords[lang]


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.JoinedStr)


def _masked(text: str) -> str:
    """IPython lines (``%magic``, ``!shell``) made parseable, keeping every other position."""
    out = []
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("%", "!")):
            out.append(line[: len(line) - len(stripped)] + "pass")
        else:
            out.append(line)
    return "\n".join(out)


def localize(text: str, lang: str) -> tuple[str, list[str]]:
    """A shared code cell as the ``lang`` notebook shows it, and its nbval tags."""
    text, tags = nbval_tags(text)
    return resolve_picks(resolve_comments(text, lang), lang), tags
