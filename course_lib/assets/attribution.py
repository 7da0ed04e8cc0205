"""The licence and credits that travel with a model trained on licensed text.

A model pretrained on Wikipedia text is treated here as a derived work of it (whether trained
weights are an "adaptation" in law is unsettled; we take the cautious reading). Wikipedia's
text is CC BY-SA 3.0, whose section 4(b) lets an adaptation be shared under a later version
of the same licence; Tatoeba's sentences are CC BY 2.0 FR, which asks for credit and allows any
licence for an adaptation. So the model is shared under CC BY-SA 4.0, the current version, with
credit to both sources. ``write_attribution`` writes that into ``ATTRIBUTION.md`` beside the weights.
"""

from __future__ import annotations

import os
from pathlib import Path

from .corpus_mix import SOURCES

MODEL_LICENCE = "CC BY-SA 4.0"
MODEL_LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
ATTRIBUTION_FILE = "ATTRIBUTION.md"

_HEADER = """\
# Licence and attribution of this base model / Bu temel modelin lisansı ve kaynakları

The weights and tokenizer in this folder were trained on the texts below, so they are shared as a
derived work under **{licence}** ({url}): you may share and adapt them, with credit to the sources
below, under the same licence. The rest of the course_lib package is MIT-licensed.

Bu klasördeki ağırlıklar ve tokenizer aşağıdaki metinlerle eğitildi. Bu yüzden türetilmiş bir eser
olarak **{licence}** ({url}) lisansıyla paylaşılır: aşağıdaki kaynakları belirterek ve aynı lisansla
paylaşabilir, uyarlayabilirsiniz. course_lib paketinin geri kalanı MIT lisanslıdır.

Sources / Kaynaklar:

"""


def attribution_text(source_names) -> str:
    """The ATTRIBUTION.md text for a model trained on ``source_names`` (keys of ``SOURCES``)."""
    lines = [_HEADER.format(licence=MODEL_LICENCE, url=MODEL_LICENCE_URL)]
    for name in source_names:
        source = SOURCES[name]
        lines.append(f"- **{name}** (`{source.file}`, SHA-256 `{source.sha256}`): {source.licence}, "
                     f"by {source.credit}; {source.url}\n")
    lines.append("- **world**: the course's own invented stories (course_lib.data.world), MIT.\n")
    return "".join(lines)


def write_attribution(folder, source_names) -> Path:
    """Write ATTRIBUTION.md into ``folder``, atomically."""
    path = Path(folder) / ATTRIBUTION_FILE
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(attribution_text(source_names), encoding="utf-8")
    os.replace(temporary, path)
    return path
