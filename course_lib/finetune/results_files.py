"""A comparison's table as files a teacher can regenerate and a README can include: CSV (every
number, for a spreadsheet) and Markdown (mean ± std cells, as the notebook shows them)."""

from __future__ import annotations

from pathlib import Path


def markdown_table(frame, index_name: str | None = None) -> str:
    """A pandas DataFrame as a GitHub Markdown table (its index as the first column), with no
    dependency beyond pandas; ``|`` inside a cell is escaped."""
    def cell(value) -> str:
        return str(value).replace("|", "\\|")

    header = [index_name or frame.index.name or "", *map(str, frame.columns)]
    lines = ["| " + " | ".join(map(cell, header)) + " |", "|" + "---|" * len(header)]
    for name, row in frame.iterrows():
        lines.append("| " + " | ".join(cell(v) for v in (name, *row.tolist())) + " |")
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # atomic: a reader never sees half a table


def write_table(comparison, folder: Path, stem: str) -> dict[str, Path]:
    """``<folder>/<stem>.csv`` and ``<folder>/<stem>.md``; returns ``{"csv": path, "md": path}``."""
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)
    paths = {"csv": folder / f"{safe}.csv", "md": folder / f"{safe}.md"}
    _write(paths["csv"], comparison.table.to_csv())
    _write(paths["md"], markdown_table(comparison.formatted()))
    return paths
