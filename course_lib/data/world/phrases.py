"""Fixed paired phrases of the task sets: reviews, questions, instructions, topic names.

Each entry is (English, Turkish) with the same meaning. ``{...}`` fields are filled with
lexicon forms by tasks.py; the Turkish templates name the case they need
(``{town_ki}`` = "Bursa'daki", ``{place_abl}`` = "pazardan").
"""

from __future__ import annotations

# Reviews of something bought: "{time} I bought {np} at the {place} in {town}."
REVIEW_BOUGHT = (
    "{time_en}, I bought {np_en} at the {place_en} in {town_en}.",
    "{time_tr} {town_ki} {place_abl} {np_tr} aldım.",
)
# Reviews of a place visited.
REVIEW_VISITED = (
    "{time_en}, we went to the {place_en} in {town_en}.",
    "{time_tr} {town_ki} {place_dat} gittik.",
)

REVIEW_THING = {
    "positive": (
        ("It is excellent.", "Harika."),
        ("The quality is very good.", "Kalitesi çok iyi."),
        ("I am very pleased with it.", "Çok memnun kaldım."),
        ("It was worth every lira.", "Verdiğim paraya değdi."),
    ),
    "negative": (
        ("It is terrible.", "Berbat."),
        ("The quality is very poor.", "Kalitesi çok kötü."),
        ("I am not pleased with it at all.", "Hiç memnun kalmadım."),
        ("It was a waste of money.", "Paraya yazık oldu."),
    ),
}
REVIEW_FOOD = {
    "positive": (("It was very fresh.", "Çok tazeydi."), ("It tasted wonderful.", "Tadı harikaydı.")),
    "negative": (("It was stale.", "Bayattı."), ("It tasted awful.", "Tadı çok kötüydü.")),
}
REVIEW_PLACE = {
    "positive": (
        ("It was clean and quiet.", "Temiz ve sakindi."),
        ("The staff were very helpful.", "Çalışanlar çok yardımseverdi."),
        ("We had a wonderful time.", "Harika vakit geçirdik."),
    ),
    "negative": (
        ("It was dirty and noisy.", "Kirli ve gürültülüydü."),
        ("The staff were not helpful at all.", "Çalışanlar hiç yardımcı olmadı."),
        ("We had a very bad time.", "Çok kötü vakit geçirdik."),
    ),
}
REVIEW_CLOSE = {
    "positive": (
        ("I would buy it again.", "Yine alırım."),
        ("I recommend it to everyone.", "Herkese tavsiye ederim."),
        ("The seller was very friendly.", "Satıcı çok güler yüzlüydü."),
    ),
    "negative": (
        ("I will never buy it again.", "Bir daha asla almam."),
        ("I do not recommend it.", "Kimseye tavsiye etmem."),
        ("The seller was very rude.", "Satıcı çok kabaydı."),
    ),
}
REVIEW_PLACE_CLOSE = {
    "positive": (
        ("We will definitely come back.", "Kesinlikle yine geleceğiz."),
        ("Do not miss it.", "Mutlaka görün."),
    ),
    "negative": (
        ("We will not come back.", "Bir daha gelmeyeceğiz."),
        ("Stay away from it.", "Hiç gitmeyin."),
    ),
}
SENTIMENT_NAMES = {"positive": ("positive", "olumlu"), "negative": ("negative", "olumsuz")}

# Topic names, in both languages (labels of the topic task).
TOPIC_NAMES = {
    "travel": ("travel", "seyahat"),
    "shopping": ("shopping", "alışveriş"),
    "food": ("food", "yemek"),
    "friends": ("friends", "arkadaşlar"),
    "work": ("work", "iş"),
    "weather": ("weather", "hava durumu"),
}

# Questions about facts, and their full-sentence answers come from facts.fact_sentence.
QUESTIONS = {
    "lives_in": ("Where does {name} live?", "{name} nerede yaşıyor?"),
    "works_as": ("What does {name} do for a living?", "{name} ne iş yapıyor?"),
    "born_in": ("Where was {name} born?", "{name} nerede doğdu?"),
}
I_DO_NOT_KNOW = ("I do not know.", "Bilmiyorum.")

# Instructions.
INSTRUCT_TRANSLATE = {
    "en": ("Translate into Turkish: {text}", "Translate into English: {text}"),
    "tr": ("Şu cümleyi Türkçeye çevir: {text}", "Şu cümleyi İngilizceye çevir: {text}"),
}
INSTRUCT_ANSWER = (
    "Read the text and answer the question.\n{text}\nQuestion: {question}",
    "Metni oku ve soruyu cevapla.\n{text}\nSoru: {question}",
)
INSTRUCT_SENTIMENT = (
    "Is this review positive or negative?\n{text}",
    "Bu yorum olumlu mu, olumsuz mu?\n{text}",
)
INSTRUCT_TOPIC = (
    "What is this text about? Choose one of: {choices}.\n{text}",
    "Bu metin ne hakkında? Şunlardan birini seçin: {choices}.\n{text}",
)


def all_turkish_phrases() -> list[str]:
    """The Turkish side of every fixed phrase here (fields removed), for the vocabulary."""
    texts: list[str] = []
    for table in (REVIEW_THING, REVIEW_FOOD, REVIEW_PLACE, REVIEW_CLOSE, REVIEW_PLACE_CLOSE):
        for pairs in table.values():
            texts += [tr for _, tr in pairs]
    texts += [tr for _, tr in SENTIMENT_NAMES.values()] + [tr for _, tr in TOPIC_NAMES.values()]
    texts += [tr for _, tr in QUESTIONS.values()] + [I_DO_NOT_KNOW[1], REVIEW_BOUGHT[1], REVIEW_VISITED[1]]
    words = []
    for text in texts:
        words += [word for word in text.split() if "{" not in word]
    return [" ".join(words)]
