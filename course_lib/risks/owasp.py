"""The OWASP Top 10 for LLM Applications (2025 edition), and where chapter 14 shows each item.

Source: OWASP GenAI Security Project, "OWASP Top 10 for LLM Applications 2025" (genai.owasp.org).
``demo`` names the chapter's section that measures or shows the item, or says that the chapter
only describes it (an item about applications with tools, databases or billing, which a 5 M
parameter model in a notebook does not have).
"""

from __future__ import annotations

import pandas as pd

from ..i18n import pick

# (id, name, Turkish name, where the chapter shows it (en), (tr))
OWASP_LLM_2025 = (
    ("LLM01", "Prompt injection", "Prompt enjeksiyonu",
     "§2 direct and indirect injection, ASR per family and language", "§2 doğrudan ve dolaylı enjeksiyon, aile ve dile göre ASR"),
    ("LLM02", "Sensitive information disclosure", "Hassas bilginin ifşası",
     "§3 refusing to give a person's T.C. kimlik number or address", "§3 bir kişinin T.C. kimlik numarasını ya da adresini vermeyi reddetmek"),
    ("LLM03", "Supply chain", "Tedarik zinciri",
     "§6 a pickle that runs code on load; safetensors and SHA-256", "§6 yüklenirken kod çalıştıran pickle; safetensors ve SHA-256"),
    ("LLM04", "Data and model poisoning", "Veri ve model zehirleme",
     "§4 a backdoor trigger against the poison rate", "§4 zehir oranına karşı arka kapı tetikleyicisi"),
    ("LLM05", "Improper output handling", "Çıktının hatalı işlenmesi",
     "described only: treat an answer as untrusted input", "yalnızca anlatılıyor: yanıtı güvenilmez bir girdi sayın"),
    ("LLM06", "Excessive agency", "Aşırı yetki",
     "described only: the model has no tools here", "yalnızca anlatılıyor: buradaki modelin aracı yok"),
    ("LLM07", "System prompt leakage", "Sistem prompt'unun sızması",
     "§2 the 'extraction' family: the password in the app's instructions", "§2 'extraction' ailesi: uygulama talimatlarındaki parola"),
    ("LLM08", "Vector and embedding weaknesses", "Vektör ve gömme zayıflıkları",
     "described only: indirect injection is how a poisoned retrieved document acts",
     "yalnızca anlatılıyor: zehirli bir getirilen belge dolaylı enjeksiyonla etki eder"),
    ("LLM09", "Misinformation", "Yanlış bilgi",
     "chapter 12 (hallucination)", "12. bölüm (halüsinasyon)"),
    ("LLM10", "Unbounded consumption", "Sınırsız kaynak tüketimi",
     "described only: rate limits and a maximum answer length", "yalnızca anlatılıyor: istek sınırı ve en uzun cevap"),
)


def owasp_table() -> pd.DataFrame:
    """The ten items with the section that shows each, in the notebook's language."""
    rows = [{"id": item, pick(en="risk", tr="risk"): pick(en=en, tr=tr), pick(en="in this chapter", tr="bu bölümde"):
             pick(en=demo_en, tr=demo_tr)} for item, en, tr, demo_en, demo_tr in OWASP_LLM_2025]
    return pd.DataFrame(rows).set_index("id")
