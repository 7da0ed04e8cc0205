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
# The Wikipedia articles of trwiki_sample.txt (title, page id): each is credited with its own link.
WIKIPEDIA_ARTICLES = (
    ('Cengiz Han', 10),
    ('Mustafa Suphi', 22),
    ('Linux', 24),
    ('Bolşevizm', 30),
    ('Karl Marx', 35),
    ('İsmail Bilen (siyasetçi)', 37),
    ('GIMP', 38),
    ('Beşiktaş JK', 40),
    ('Sosyalist İktidar Partisi', 43),
    ('InDesign', 44),
    ('Nusret Fişek', 47),
    ('Ruhi Su', 48),
    ('Rıza Yürükoğlu', 49),
    ('Bilgisayar', 53),
    ('Türkiye Komünist İşçi Partisi', 55),
    ('Kimya', 58),
    ('Edebiyat', 59),
    ('Mühendislik', 64),
    ('Dil', 67),
    ('Spor', 79),
    ('Hazerfan (müzik grubu)', 88),
    ('Biyoloji', 639),
    ('Fizik', 640),
    ('Esperanto', 646),
    ('Ekonomi', 647),
    ('Pragmatizm', 650),
    ('Oluşturmacılık', 653),
    ('Matematik', 656),
    ('Galatasaray SK', 658),
    ('Din', 659),
    ('Futbol', 660),
    ('Basketbol', 661),
    ('Tarım', 662),
    ('Jeoloji', 663),
    ('Hukuk', 664),
    ('S. Murat Demiral', 669),
    ('Yoda', 670),
    ('Antik Mısır', 672),
    ('Türkiye', 676),
    ('Psikoloji', 684),
    ('Lambdaistanbul', 686),
    ('Ekonomi (bilim dalı)', 687),
    ('Tavla', 689),
)

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
    if "wikipedia" in source_names:
        lines.append("\nWikipedia articles / Vikipedi maddeleri (text as of August 2020; authors: see each page's history):\n\n")
        lines += [f"- {title}: https://tr.wikipedia.org/wiki?curid={curid}\n" for title, curid in WIKIPEDIA_ARTICLES]
    return "".join(lines)


def write_attribution(folder, source_names) -> Path:
    """Write ATTRIBUTION.md into ``folder``, atomically."""
    path = Path(folder) / ATTRIBUTION_FILE
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(attribution_text(source_names), encoding="utf-8")
    os.replace(temporary, path)
    return path
