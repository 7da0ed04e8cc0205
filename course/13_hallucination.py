# %% [markdown] lang=en
# # 13 · Hallucination: measured against what the model read
#
# A language model **hallucinates** when it states something false or unsupported as if it were true:
# a wrong birthplace, an invented job, a confident answer about a person who does not exist. Large
# models do it too (TruthfulQA, FActScore and SelfCheckGPT measure it on them). Here we do not
# describe the risk, we **measure** it, because the built-in world knows its own truth: for every fact
# it knows how many times a corpus stated it, and it can name people that a corpus never mentions.
#
# In this chapter you will
# 1. pretrain tiny GPTs from scratch on a corpus where each fact appears exactly f ∈ {1, 2, 4, 8, 16}
#    times, and some people never appear,
# 2. ask each model about every fact and score its answers by **exact match after normalisation**
#    (exercise 1), then plot accuracy against f,
# 3. see what it answers about people it never read about,
# 4. compute three **uncertainty scores** and how well each predicts a wrong answer, as an **AUROC**
#    (exercise 2),
# 5. measure three mitigations: abstaining when unsure, putting the fact in the prompt (retrieval),
#    and training on "I do not know" examples,
# 6. compare the error rate with the share of facts seen once (Kalai et al. 2025), and check which
#    claims of the literature your own numbers support.
#
# Time: about 25 minutes to read; the `cpu` profile computes for a few minutes (the models are cached
# after the first run). No GPU needed.
# %% [markdown] lang=tr
# # 13 · Halüsinasyon: modelin okuduklarına göre ölçmek
#
# Bir dil modeli yanlış ya da dayanaksız bir şeyi doğruymuş gibi söylediğinde **halüsinasyon** görür:
# yanlış bir doğum yeri, uydurulmuş bir meslek, var olmayan bir kişi hakkında kendinden emin bir cevap.
# Büyük modeller de bunu yapar (TruthfulQA, FActScore ve SelfCheckGPT bunu büyük modellerde ölçer).
# Burada bu riski anlatmakla yetinmeyecek, **ölçeceğiz**; çünkü yerleşik dünya kendi doğrusunu bilir:
# her olgunun bir derlemde kaç kez geçtiğini bilir ve derlemin hiç anmadığı kişileri gösterebilir.
#
# Bu bölümde
# 1. her olgunun tam f ∈ {1, 2, 4, 8, 16} kez geçtiği, bazı kişilerin ise hiç geçmediği bir derlem
#    üzerinde küçük GPT'leri sıfırdan ön eğitimden geçirecek,
# 2. her modele her olguyu soracak, cevaplarını **normalleştirmeden sonra tam eşleşme** ile
#    puanlayacak (1. alıştırma), sonra doğruluğu f'ye karşı çizeceksiniz,
# 3. modelin hakkında hiç okumadığı kişiler için ne cevap verdiğini göreceksiniz,
# 4. üç **belirsizlik skoru** hesaplayacak ve her birinin yanlış bir cevabı ne kadar iyi önceden
#    kestirdiğini **AUROC** ile ölçeceksiniz (2. alıştırma),
# 5. üç önlemi ölçeceksiniz: emin değilken çekimser kalmak, olguyu prompt'a koymak (erişim) ve
#    "Bilmiyorum" örnekleriyle eğitmek,
# 6. hata oranını bir kez görülen olguların oranıyla karşılaştıracak (Kalai vd. 2025) ve literatürün
#    hangi iddialarını kendi sayılarınızın desteklediğini sınayacaksınız.
#
# Süre: okumak yaklaşık 25 dakika; `cpu` profili birkaç dakika hesap yapar (modeller ilk
# çalıştırmadan sonra önbellekte saklanır). GPU gerekmez.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from course_lib.assets import load_chat_model
from course_lib.checks.ch13_hallucination import check_auroc, check_exact_match
from course_lib.data.world import World
from course_lib.device import seed_everything
from course_lib.finetune.claims import verdict_lines
from course_lib.i18n import pick
from course_lib.profile import current_profile, sizes
from course_lib.risks.answers import exact_match as library_exact_match
from course_lib.risks.chat_probe import ask_chat, share_named
from course_lib.risks.hallucination import UNSEEN, answer_probes, exposure_probes
from course_lib.risks.hallucination_claims import judge_hallucination
from course_lib.risks.hallucination_exposure import ExposureConfig, train_exposure_model
from course_lib.risks.hallucination_study import SCORES, StudySettings, mean_summary, run_seed, summary_table
from course_lib.risks.uncertainty import accuracy_coverage
from course_lib.risks.uncertainty import auroc as library_auroc
from course_lib.viz.hallucination import plot_coverage, plot_exposure

SIZES = sizes("13_hallucination")
CONFIG = ExposureConfig.from_sizes(SIZES)
SETTINGS = StudySettings(samples=SIZES.samples, max_new_tokens=SIZES.max_new_tokens, tune_steps=SIZES.tune_steps,
                         tune_lr=SIZES.tune_lr, tune_batch_size=SIZES.tune_batch_size)
# en: the pretrained exposure models are kept here, keyed by everything that defines them,
# en: so running the notebook again skips their training
# tr: ön eğitimli maruz kalma modelleri, onları tanımlayan her şeyden türetilen bir anahtarla burada
# tr: saklanır; defteri yeniden çalıştırmak eğitimlerini atlar
CACHE = Path("runs/13_hallucination")
generator = seed_everything(0)
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. A corpus whose every fact is counted
#
# Each person of the world has three facts: where they live, what they do, where they were born.
# `World.fact_corpus` writes a corpus in which `facts_per_frequency` chosen facts are stated exactly
# f times each, for every f, in varied wordings ("lives in", "has a home in", "'s home is in"), and
# the person's full name appears nowhere else. `unseen_people` more people are never named at all.
# Ordinary stories about everyone else fill the rest. The corpus's **ledger** counted every sentence
# while it was written: that count is our ground truth.
#
# The corpus is in English only. The question we ask is the fact's sentence cut before its answer
# ("Ayşe Demir lives in ___"); Turkish puts the place before the verb ("Ayşe Demir Bursa'da
# yaşıyor"), so the same cut would give away nothing to answer. A Turkish probe needs a question
# format, which a model this small does not learn within this chapter's budget.
# %% [markdown] lang=tr
# ## 1. Her olgusu sayılmış bir derlem
#
# Dünyadaki her kişinin üç olgusu vardır: nerede yaşadığı, ne iş yaptığı, nerede doğduğu.
# `World.fact_corpus`, seçilen `facts_per_frequency` olgunun her f için tam f kez, farklı
# söyleyişlerle ("lives in", "has a home in", "'s home is in") geçtiği bir derlem yazar; kişinin tam
# adı başka hiçbir yerde geçmez. `unseen_people` kişinin adı ise hiç geçmez. Geri kalanını herkes
# hakkında sıradan öyküler doldurur. Derlemin **kayıt defteri** (ledger) her cümleyi yazılırken
# saydı: bu sayı bizim doğrumuzdur.
#
# Derlem yalnızca İngilizcedir. Sorduğumuz soru, olgunun cümlesinin cevaptan hemen önce kesilmiş
# hâlidir ("Ayşe Demir lives in ___"). Türkçe ise yeri fiilden önce söyler ("Ayşe Demir Bursa'da
# yaşıyor"); aynı kesme, cevaplamak için hiçbir ipucu bırakmazdı. Türkçe bir yoklama bir soru
# biçimi ister; bu kadar küçük bir model de bu bölümün hesap bütçesi içinde onu öğrenemez.

# %%
exposed = train_exposure_model(CONFIG, seed=SIZES.seeds[0], cache_dir=CACHE)
fc = exposed.corpus
print(pick(en="characters:", tr="karakter:"), len(fc.corpus.text), "·",
      pick(en="seen facts:", tr="görülen olgu:"), len(fc.seen), "·",
      pick(en="unseen people:", tr="görülmemiş kişi:"), len({fact.person_id for fact in fc.unseen}))
fact, f = next(iter(fc.seen.items()))
print(fact.subject, "·", fact.relation, "·", fact.object, "·",
      pick(en="stated", tr="geçme sayısı"), fc.corpus.ledger.fact_count(fact.id), "=", f)
# en: the ledger is the truth: each chosen fact appears exactly f times
# tr: kayıt defteri doğrudur: seçilen her olgu tam f kez geçer
assert all(fc.corpus.ledger.fact_count(fact.id) == f for fact, f in fc.seen.items())
assert all(fact.subject not in fc.corpus.text for fact in fc.unseen)
print(fc.corpus.text[:400])

# %% [markdown] lang=en
# The model above is a fresh GPT (random weights) that read this corpus for `steps` steps: chapter
# 02's model and training loop, at a tiny size (`n_layer`, `n_embd` in the profile line). It uses
# the shipped world model's tokenizer: a tokenizer holds word pieces, not facts, so reusing it
# teaches the model nothing about our people. The first run trains and caches it; the next runs load it.
# %% [markdown] lang=tr
# Yukarıdaki model, bu derlemi `steps` adım boyunca okumuş yepyeni (rastgele ağırlıklı) bir GPT'dir:
# 02. bölümün modeli ve eğitim döngüsü, çok küçük bir boyutta (profil satırındaki `n_layer`,
# `n_embd`). Kursla gelen dünya modelinin tokenizer'ını kullanır: bir tokenizer olguları değil sözcük
# parçalarını tutar, bu yüzden onu yeniden kullanmak modele kişilerimiz hakkında hiçbir şey öğretmez.
# İlk çalıştırma modeli eğitip önbelleğe koyar; sonrakiler onu yükler.

# %%
# NBVAL_IGNORE_OUTPUT
print(exposed.info)

# %% [markdown] lang=en
# ## 2. Asking, and scoring the answers
#
# We ask each fact as a **cloze** question, the probe of LAMA (Petroni et al. 2019): the model continues
# "Ayşe Demir lives in" and its answer is the text up to the first full stop. Is " a baker" the right
# answer to "baker"? Is "Bursa." the same as "Bursa"? Question-answering benchmarks compare answers
# after a fixed **normalisation** (SQuAD's, Rajpurkar et al. 2016): lower case, punctuation removed,
# the articles *a*, *an*, *the* removed as whole words, runs of spaces collapsed. Then they count an
# **exact match**.
#
# **Exercise 1.** Write `exact_match(prediction, reference)`: True when the two are equal after that
# normalisation. (`string.punctuation` lists the punctuation; a regular expression with `\b` finds
# whole words.)
# %% [markdown] lang=tr
# ## 2. Sormak ve cevapları puanlamak
#
# Her olguyu bir **boşluk doldurma** (cloze) sorusu olarak soruyoruz; LAMA'nın yoklaması (Petroni vd.
# 2019): model "Ayşe Demir lives in" metnini sürdürür, cevabı da ilk noktaya kadarki metindir.
# " a baker", "baker" için doğru bir cevap mıdır? "Bursa." ile "Bursa" aynı mıdır? Soru cevaplama
# kıyaslamaları cevapları sabit bir **normalleştirmeden** sonra karşılaştırır (SQuAD'ınki, Rajpurkar
# vd. 2016): küçük harfe çevirmek, noktalama işaretlerini atmak, *a*, *an*, *the* tanımlıklarını tam
# sözcük olarak atmak, art arda gelen boşlukları teke indirmek. Sonra **tam eşleşmeyi** sayar.
#
# **1. alıştırma.** `exact_match(prediction, reference)` fonksiyonunu yazın: ikisi bu
# normalleştirmeden sonra eşitse True döndürsün. (`string.punctuation` noktalama işaretlerini
# listeler; `\b` içeren bir düzenli ifade tam sözcükleri bulur.)

# %%
import re
import string


def exact_match(prediction, reference):
    ### BEGIN SOLUTION
    def normalise(text):
        text = "".join(ch for ch in text.lower() if ch not in string.punctuation)
        text = re.sub(r"\b(a|an|the)\b", " ", text)
        return " ".join(text.split())

    return normalise(prediction) == normalise(reference)
    ### END SOLUTION


# %%
check_exact_match(exact_match)

# %% [markdown] lang=en
# Now every seen and unseen fact is asked. Each row holds the greedy answer, whether it is right (the
# course's `exact_match` agrees with yours), and three numbers we use in section 4.
# %% [markdown] lang=tr
# Şimdi görülen ve görülmeyen her olgu soruluyor. Her satır açgözlü (greedy) cevabı, doğru olup
# olmadığını (kursun `exact_match` fonksiyonu sizinkiyle aynı sonucu verir) ve 4. kısımda
# kullanacağımız üç sayıyı tutar.

# %%
rows = answer_probes(exposed.model, exposed.tokenizer, exposure_probes(exposed), samples=SIZES.samples,
                     max_new_tokens=SIZES.max_new_tokens, progress=True)
assert all(exact_match(row["answer"], row["reference"]) == row["correct"] for row in rows)
assert all(library_exact_match(row["answer"], row["reference"]) == row["correct"] for row in rows)
columns = ["exposure", "prompt", "answer", "reference", "correct"]
pd.DataFrame(rows)[columns].groupby("exposure", sort=False).head(2)

# %% [markdown] lang=en
# ## 3. Accuracy against exposure, and people never seen
#
# The same experiment runs for every seed of the profile (a new model, new random order), and the
# table keeps the mean, the standard deviation and each seed. The plot shows accuracy at each f, and
# the never-seen people at the left.
# %% [markdown] lang=tr
# ## 3. Maruz kalmaya göre doğruluk ve hiç görülmemiş kişiler
#
# Aynı deney profildeki her tohum için çalışır (yeni bir model, yeni bir rastgele sıra); tablo
# ortalamayı, standart sapmayı ve her tohumun değerini tutar. Grafik her f için doğruluğu, en solda
# da hiç görülmemiş kişileri gösterir.

# %%
# NBVAL_IGNORE_OUTPUT
runs = [run_seed(CONFIG, seed, SETTINGS, cache_dir=CACHE, exposed=exposed if seed == SIZES.seeds[0] else None)
        for seed in SIZES.seeds]
table = summary_table(runs)
table.round(3)

# %%
# NBVAL_IGNORE_OUTPUT
fig = plot_exposure(runs)
plt.show()

# %% [markdown] lang=en
# Read the curve from left to right. In the `cpu` profile's three seeds (README), a fact seen once was
# answered right about one time in four and a fact seen sixteen times almost always; your plot shows
# your own runs. Kandpal et al. (2023) found the same direction on large models and real questions:
# accuracy on a question rises with the number of pretraining documents about its subject. Now look
# at the people the model never read about: it does **not** say it does not know. It names a town or
# a job anyway. Nothing in next-token training rewards "I do not know": the text never says it.
# %% [markdown] lang=tr
# Eğriyi soldan sağa okuyun. `cpu` profilinin üç tohumunda (README), bir kez görülen bir olgu
# yaklaşık dört seferde bir, on altı kez görülen bir olgu ise neredeyse her zaman doğru cevaplandı;
# grafiğiniz kendi çalıştırmalarınızı gösterir. Kandpal vd. (2023) büyük modellerde ve gerçek
# sorularda aynı yönü buldu: bir sorudaki doğruluk, konusu hakkındaki ön eğitim belgelerinin sayısıyla
# artar. Şimdi modelin hakkında hiç okumadığı kişilere bakın: model bilmediğini **söylemiyor**. Yine
# de bir şehir ya da meslek söylüyor. Sonraki token'ı tahmin etme eğitiminde "Bilmiyorum" demeyi
# ödüllendiren hiçbir şey yoktur: metin bunu hiç söylemez.

# %%
unseen = [row for row in rows if row["exposure"] == UNSEEN]
pd.DataFrame(unseen)[["prompt", "answer"]].head(6)

# %% [markdown] lang=en
# ## 4. Can the model tell when it is wrong?
#
# If a score computed from the model itself is higher on wrong answers than on right ones, we can use
# it to flag or withhold them. Three scores, each higher meaning "less sure":
#
# * **entropy**: the mean entropy of the next-token distribution over the answer's tokens. A stored
#   fact puts most of the probability on one town.
# * **inconsistency** (self-consistency, Wang et al. 2022; SelfCheckGPT, Manakul et al. 2023): sample
#   `samples` answers at temperature 1; the share that differ from the greedy answer.
# * **disagreement**: the same, but answers that are equal after normalisation agree ("A baker" and
#   "a baker"). It is a small stand-in for semantic entropy (Farquhar et al. 2024), which groups
#   answers that *mean* the same.
#
# How good is a score? The **AUROC** is the probability that a randomly chosen wrong answer scores
# higher than a randomly chosen right one (a tie counts one half): 0.5 is a coin flip, 1.0 a perfect
# detector. It does not depend on a threshold.
#
# **Exercise 2.** Write `auroc(scores, wrong)`: `scores` are numbers, `wrong[i]` is True when answer i
# was wrong. Count, over every pair (a wrong answer, a right answer), how often the wrong one scores
# higher, ties as one half, and divide by the number of pairs.
# %% [markdown] lang=tr
# ## 4. Model yanıldığını anlayabilir mi?
#
# Modelin kendisinden hesaplanan bir skor yanlış cevaplarda doğrulardakinden yüksekse, onu yanlış
# cevapları işaretlemek ya da geri tutmak için kullanabiliriz. Her biri yükseldikçe "daha az emin"
# anlamına gelen üç skor:
#
# * **entropi**: cevabın token'ları üzerindeki sonraki token dağılımının ortalama entropisi.
#   Saklanmış bir olgu, olasılığın çoğunu tek bir şehre verir.
# * **tutarsızlık** (öz-tutarlılık, Wang vd. 2022; SelfCheckGPT, Manakul vd. 2023): sıcaklık 1'de
#   `samples` cevap örnekleyin; açgözlü cevaptan farklı olanların oranı.
# * **uyuşmazlık**: aynısı, ama normalleştirmeden sonra eşit olan cevaplar uyuşur ("A baker" ile
#   "a baker"). Aynı *anlama* gelen cevapları gruplayan anlamsal entropinin (Farquhar vd. 2024) küçük
#   bir benzeridir.
#
# Bir skor ne kadar iyidir? **AUROC**, rastgele seçilmiş bir yanlış cevabın rastgele seçilmiş bir
# doğru cevaptan daha yüksek skor alma olasılığıdır (eşitlik yarım sayılır): 0,5 yazı tura atmaktır,
# 1,0 kusursuz bir dedektör. Bir eşiğe bağlı değildir.
#
# **2. alıştırma.** `auroc(scores, wrong)` fonksiyonunu yazın: `scores` sayılardır, i. cevap yanlışsa
# `wrong[i]` True'dur. Her (yanlış cevap, doğru cevap) çifti üzerinden yanlış olanın kaç kez daha
# yüksek skor aldığını sayın, eşitlikleri yarım sayın ve çift sayısına bölün.

# %%
def auroc(scores, wrong):
    ### BEGIN SOLUTION
    bad = [s for s, w in zip(scores, wrong) if w]
    good = [s for s, w in zip(scores, wrong) if not w]
    wins = sum(1.0 if b > g else 0.5 if b == g else 0.0 for b in bad for g in good)
    return wins / (len(bad) * len(good))
    ### END SOLUTION


# %%
check_auroc(auroc)

# %% [markdown] lang=en
# Your function and the course's (which sorts once instead of comparing every pair) on the seen facts
# of the first model; the table of section 3 holds every seed's values.
# %% [markdown] lang=tr
# Sizin fonksiyonunuz ve kursunki (her çifti karşılaştırmak yerine bir kez sıralar), ilk modelin
# görülen olguları üzerinde; 3. kısımdaki tablo her tohumun değerlerini tutar.

# %%
seen = [row for row in rows if row["exposure"] != UNSEEN]
wrong = [not row["correct"] for row in seen]
if all(wrong) or not any(wrong):
    print(pick(en="Every answer is right, or every one is wrong: no AUROC to compute in this profile.",
               tr="Cevapların hepsi doğru ya da hepsi yanlış: bu profilde hesaplanacak AUROC yok."))
else:
    for name in SCORES:
        values = [row[name] for row in seen]
        mine, course = auroc(values, wrong), library_auroc(values, wrong)
        assert abs(mine - course) < 1e-9
        print(f"{name:>14}  AUROC {course:.3f}")

# %% [markdown] lang=en
# ## 5. Mitigation 1: abstain when unsure
#
# With a score, the model can answer only when the score is below a threshold and say "I do not know"
# otherwise. Each threshold gives a **coverage** (the share of questions answered) and an accuracy on
# the answered ones. A useful score makes the curve rise to the left: answering fewer questions, the
# model gets more of them right. The cost is the questions it no longer answers.
# %% [markdown] lang=tr
# ## 5. 1. önlem: emin değilken çekimser kalmak
#
# Bir skorla model, yalnızca skor bir eşiğin altındayken cevap verip aksi hâlde "Bilmiyorum" diyebilir.
# Her eşik bir **kapsam** (cevaplanan soruların oranı) ve cevaplananlarda bir doğruluk verir. İşe
# yarar bir skor eğriyi sola doğru yükseltir: model daha az soruyu cevaplarken daha çoğunu doğru
# bilir. Bedeli, artık cevaplamadığı sorulardır.

# %%
# NBVAL_IGNORE_OUTPUT
curves = {name: accuracy_coverage([row[name] for row in rows], [row["correct"] for row in rows])
          for name in SCORES}
fig = plot_coverage(curves)
plt.show()

# %% [markdown] lang=en
# ## 6. Mitigation 2: retrieval
#
# A model does not have to remember a fact that is in front of it. Retrieval-augmented generation
# (Lewis et al. 2020) puts a passage found by a search in the prompt before the question. We simulate a
# perfect retriever: the prompt starts with the fact in another wording than the question's
# ("Ayşe Demir has a home in Bursa. Ayşe Demir lives in"). The model must copy from its context, a skill
# it could only learn from its own corpus.
# %% [markdown] lang=tr
# ## 6. 2. önlem: erişim (retrieval)
#
# Bir model önünde duran bir olguyu hatırlamak zorunda değildir. Erişimle zenginleştirilmiş üretim
# (retrieval-augmented generation, Lewis vd. 2020), bir aramanın bulduğu bir metni sorudan önce
# prompt'a koyar. Kusursuz bir erişim aracını taklit ediyoruz: prompt, olguyu sorudakinden farklı bir
# söyleyişle başlatır ("Ayşe Demir has a home in Bursa. Ayşe Demir lives in"). Model bağlamından
# kopyalamak zorundadır; bu beceriyi de yalnızca kendi derleminden öğrenebilirdi.

# %%
retrieval = pd.DataFrame([{pick(en="seed", tr="tohum"): run["seed"],
                           pick(en="without the fact", tr="olgu olmadan"): run["retrieval"]["without"],
                           pick(en="with the fact in the prompt", tr="olgu prompt'ta"): run["retrieval"]["with"]}
                          for run in runs])
retrieval.round(3)

# %% [markdown] lang=en
# ## 7. Mitigation 3: training on "I do not know"
#
# A model can be taught to abstain. We tune two copies of the model with chapter 03's response-only
# loss, on half of the seen facts (the prompt, then the answer). The second copy also sees half of the
# unseen people, answered " I do not know." (the idea of R-tuning, Zhang et al. 2024). Both are then
# asked about the *other* half: facts and people that were not in the tuning. Does the model learn to
# recognise a name it never read? And what does it cost on the facts it knows?
# %% [markdown] lang=tr
# ## 7. 3. önlem: "Bilmiyorum" ile eğitmek
#
# Bir modele çekimser kalmak öğretilebilir. Modelin iki kopyasını 03. bölümün yalnızca yanıt
# üzerinden hesaplanan kaybıyla, görülen olguların yarısında (prompt, ardından cevap) ince ayarlıyoruz.
# İkinci kopya ayrıca görülmemiş kişilerin yarısını da görür; cevapları " I do not know." olur
# (R-tuning fikri, Zhang vd. 2024). Sonra ikisine de *öteki* yarı sorulur: ince ayarda olmayan
# olgular ve kişiler. Model hiç okumadığı bir adı tanımayı öğreniyor mu? Bildiği olgularda bunun
# bedeli ne?

# %%
names = {"pretrained": pick(en="pretrained only", tr="yalnızca ön eğitim"),
         "plain": pick(en="tuned, no 'I do not know'", tr="ince ayar, 'Bilmiyorum' yok"),
         "idk": pick(en="tuned with 'I do not know'", tr="'Bilmiyorum' ile ince ayar")}
abstention = pd.DataFrame({
    pick(en="abstains on unseen people", tr="görülmemiş kişilerde çekimser"):
        {names[k]: sum(run["abstain"][k] for run in runs) / len(runs) for k in names},
    pick(en="accuracy on seen facts", tr="görülen olgularda doğruluk"):
        {names[k]: sum(run["accuracy_tuned"][k] for run in runs) / len(runs) for k in names},
})
abstention.round(3)

# %% [markdown] lang=en
# ## 8. Facts seen once: Kalai et al. (2025)
#
# Kalai, Nachum, Vempala and Zhang (2025) prove that for facts with no pattern to learn (a person's
# birthday, or here their birthplace) a base model that is calibrated must err on at least about the
# share of facts that its training data states **exactly once**, the *singleton rate*, up to small
# terms. Their reason: from the data alone, a fact seen once looks like a fact never seen, and the
# model cannot tell which of the many that it saw once it should trust. Our corpus has the same number
# of facts at each f, so a fifth of its facts are singletons. The claim below compares that rate with
# the measured error rate on the seen facts; our tiny models are not calibrated in their sense, so
# this is a comparison of two numbers, not a test of the theorem.
# %% [markdown] lang=tr
# ## 8. Bir kez görülen olgular: Kalai vd. (2025)
#
# Kalai, Nachum, Vempala ve Zhang (2025), öğrenilecek bir örüntüsü olmayan olgular için (bir kişinin
# doğum günü ya da burada doğum yeri) kalibre edilmiş bir temel modelin, eğitim verisinin **tam bir
# kez** söylediği olguların oranı kadar, yani *tekil oranı* kadar, küçük terimler dışında, en azından
# yanılması gerektiğini kanıtlar. Gerekçeleri şudur: yalnızca veriye bakınca bir kez görülen bir olgu
# hiç görülmemiş bir olguya benzer ve model bir kez gördüğü pek çok olgudan hangisine güveneceğini
# bilemez. Derlemimizde her f için aynı sayıda olgu var; yani olguların beşte biri tekildir. Aşağıdaki
# iddia bu oranı görülen olgulardaki ölçülen hata oranıyla karşılaştırır. Küçük modellerimiz onların
# anlamında kalibre değildir; bu yüzden bu, teoremin bir sınaması değil, iki sayının karşılaştırmasıdır.

# %%
kalai = pd.DataFrame([{pick(en="seed", tr="tohum"): run["seed"],
                       pick(en="singleton rate", tr="tekil oranı"): run["singleton_rate"],
                       pick(en="error rate on seen facts", tr="görülen olgularda hata oranı"): run["error_rate"],
                       pick(en="error rate, facts seen once", tr="hata oranı, bir kez görülenler"):
                           1 - run["accuracy"][min(CONFIG.frequencies)]}
                      for run in runs])
kalai.round(3)

# %% [markdown] lang=en
# ## 9. What do your numbers show?
#
# Each claim of the literature, with a stated margin, judged on the mean over your seeds. The verdicts
# are computed from the table above, not written in advance: a different profile or seed can change
# them. Where a claim fails here, the small scale is a likely reason (a few dozen questions per f, a
# model of a few hundred thousand parameters), and the chapter says so rather than hide it.
# %% [markdown] lang=tr
# ## 9. Sayılarınız ne gösteriyor?
#
# Literatürün her iddiası, belirtilmiş bir payla, tohumlarınızın ortalaması üzerinde yargılanır.
# Kararlar önceden yazılmaz, yukarıdaki tablodan hesaplanır: başka bir profil ya da tohum onları
# değiştirebilir. Bir iddia burada doğrulanmıyorsa olası bir neden küçük ölçektir (her f için birkaç
# düzine soru, birkaç yüz bin parametreli bir model); bölüm bunu saklamaz, söyler.

# %%
# NBVAL_IGNORE_OUTPUT
for line in verdict_lines(judge_hallucination(mean_summary(runs))):
    print(line)

# %% [markdown] lang=en
# ## 10. The course's chat model
#
# The chat model of chapter 03 was tuned on closed-book questions about the world's facts ("question")
# and on reading a story to answer a question about it ("answer"). We ask it about facts it was **not**
# tuned on, in both languages, twice: the question alone, and chapter 03's reading instruction with
# the fact's own sentence as the text (a perfect retriever). It answers in a full sentence, so an answer
# counts when it *names* the right town or job. Read its answers, not only the shares: a model can be
# fluent, confident and about someone else.
# %% [markdown] lang=tr
# ## 10. Kursun sohbet modeli
#
# 03. bölümün sohbet modeli, dünyanın olguları hakkında kapalı kitap sorularla ("question") ve bir
# öyküyü okuyup onunla ilgili bir soruyu cevaplamakla ("answer") ince ayarlandı. Ona ince ayarda
# **görmediği** olguları iki dilde, iki kez soruyoruz: yalnızca soruyla ve 03. bölümün okuma
# talimatıyla, metin olarak olgunun kendi cümlesini vererek (kusursuz bir erişim aracı). Model tam bir
# cümleyle cevap verir; bu yüzden bir cevap, doğru şehri ya da mesleği *andığında* doğru sayılır.
# Yalnızca oranları değil cevaplarını da okuyun: bir model akıcı, kendinden emin olup başka birini
# anlatıyor olabilir.

# %%
# NBVAL_IGNORE_OUTPUT
chat = load_chat_model()
world = World(seed=0)
# en: the chat model was tuned on the first 400 questions of each language and scored on the next 25:
# en: these come after both
# tr: sohbet modeli her dilin ilk 400 sorusuyla ince ayarlandı, sonraki 25 soruyla ölçüldü:
# tr: bunlar ikisinden de sonra gelir
chat_rows = {lang: ask_chat(chat.model, chat.tokenizer, world.qa_pairs(lang=lang, n=425 + SIZES.chat_questions)[425:],
                            lang) for lang in ("en", "tr")}
pd.DataFrame({pick(en="question alone", tr="yalnızca soru"): {lang: share_named(rows, "closed")
                                                              for lang, rows in chat_rows.items()},
              pick(en="with the fact to read", tr="okunacak olguyla"): {lang: share_named(rows, "open")
                                                                        for lang, rows in chat_rows.items()}})

# %%
# NBVAL_IGNORE_OUTPUT
lang = pick(en="en", tr="tr")
pd.DataFrame(chat_rows[lang])[["question", "reference", "closed", "open"]].head(4)

# %% [markdown] lang=en
# The chat model was built for following instructions, not for storing facts: chapter 03's README section
# reports its exact match on held-out closed-book questions. If its answers above name the same invented
# person whatever you ask, that is a hallucination too: a fluent answer with nothing behind it.
# %% [markdown] lang=tr
# Sohbet modeli olguları saklamak için değil, talimatları izlemek için kuruldu: 03. bölümün README
# kısmı, dışarıda tutulan kapalı kitap sorulardaki tam eşleşmesini bildirir. Yukarıdaki cevapları ne
# sorarsanız sorun aynı uydurma kişiyi anıyorsa, bu da bir halüsinasyondur: arkasında hiçbir şey olmayan
# akıcı bir cevap.

# %% [markdown] lang=en
# ## 11. What this does and does not say about large models
#
# * It shows the **mechanism** with every count known: a model's accuracy on a fact depends on how
#   often it read the fact, and a model trained only to continue text answers questions it has no
#   basis for. Kandpal et al. (2023) measured the first on large models; TruthfulQA (Lin et al. 2021)
#   and FActScore (Min et al. 2023) measure false statements of large models on real questions and
#   biographies. Their numbers are theirs, on their models, not ours.
# * It does not show **how much** a large model hallucinates: large models read each common fact
#   thousands of times and are tuned to abstain and to cite; our models read a few hundred facts.
# * The uncertainty scores and mitigations are the ones used on large models, at toy scale: their
#   AUROC values here depend on a few dozen questions and move from seed to seed.
# %% [markdown] lang=tr
# ## 11. Bu sonuçlar büyük modeller hakkında neyi söyler, neyi söylemez?
#
# * Her sayının bilindiği bir ortamda **mekanizmayı** gösterir: bir modelin bir olgudaki doğruluğu o
#   olguyu ne sıklıkla okuduğuna bağlıdır; yalnızca metni sürdürmek üzere eğitilmiş bir model de
#   dayanağı olmayan soruları cevaplar. Kandpal vd. (2023) ilkini büyük modellerde ölçtü; TruthfulQA
#   (Lin vd. 2021) ve FActScore (Min vd. 2023) büyük modellerin yanlış ifadelerini gerçek sorularda ve
#   biyografilerde ölçer. Onların sayıları onlarındır, onların modellerine aittir; bizim değil.
# * Büyük bir modelin **ne kadar** halüsinasyon gördüğünü göstermez: büyük modeller yaygın her olguyu
#   binlerce kez okur, çekimser kalmak ve kaynak göstermek üzere ince ayarlanır; bizim modellerimiz
#   birkaç yüz olgu okudu.
# * Belirsizlik skorları ve önlemler büyük modellerde kullanılanlardır, oyuncak ölçekte: buradaki
#   AUROC değerleri birkaç düzine soruya dayanır ve tohumdan tohuma değişir.

# %% [markdown] lang=en
# ## Summary
#
# * A hallucination is a false or unsupported statement made as if true. Against a world whose facts
#   are counted, it is a number: the error rate, per exposure f.
# * Accuracy rises with the number of times a fact was read; facts seen once are mostly answered wrong.
# * A model trained only on text answers about people it never read about: it invents.
# * Uncertainty scores (token entropy, self-consistency, agreement after normalisation) are judged by
#   their AUROC for predicting a wrong answer; a good one lets the model abstain at a chosen coverage.
# * Retrieval puts the fact in the prompt; "I do not know" tuning teaches abstention, at a price on
#   the facts the model knows. Your table says how much each helps here.
#
# **Next:** chapter 14.
# %% [markdown] lang=tr
# ## Özet
#
# * Halüsinasyon, doğruymuş gibi söylenen yanlış ya da dayanaksız bir ifadedir. Olguları sayılmış bir
#   dünyada o bir sayıdır: her f maruz kalma düzeyi için hata oranı.
# * Doğruluk, bir olgunun okunma sayısıyla artar; bir kez görülen olgular çoğunlukla yanlış cevaplanır.
# * Yalnızca metinle eğitilmiş bir model, hakkında hiç okumadığı kişiler hakkında da cevap verir: uydurur.
# * Belirsizlik skorları (token entropisi, öz-tutarlılık, normalleştirmeden sonra uyuşma), yanlış bir
#   cevabı önceden kestirmedeki AUROC değerleriyle yargılanır; iyi bir skor, modelin seçilen bir
#   kapsamda çekimser kalmasını sağlar.
# * Erişim olguyu prompt'a koyar; "Bilmiyorum" ince ayarı çekimser kalmayı öğretir, bunun bedelini de
#   modelin bildiği olgularda öder. Her birinin burada ne kadar yardım ettiğini tablonuz söyler.
#
# **Sırada:** 14. bölüm.

# %% [markdown] lang=en
# ## Further reading
#
# * A. T. Kalai, O. Nachum, S. S. Vempala, E. Zhang. *Why Language Models Hallucinate*. arXiv:2509.04664,
#   2025 — the singleton-rate lower bound.
# * N. Kandpal, H. Deng, A. Roberts, E. Wallace, C. Raffel. *Large Language Models Struggle to Learn
#   Long-Tail Knowledge*. ICML 2023, arXiv:2211.08411.
# * S. Lin, J. Hilton, O. Evans. *TruthfulQA: Measuring How Models Mimic Human Falsehoods*. arXiv:2109.07958.
# * P. Manakul, A. Liusie, M. J. F. Gales. *SelfCheckGPT*. EMNLP 2023, arXiv:2303.08896.
# * S. Farquhar, J. Kossen, L. Kuhn, Y. Gal. *Detecting hallucinations in large language models using
#   semantic entropy*. Nature 630, 2024.
# * S. Min et al. *FActScore*. EMNLP 2023, arXiv:2305.14251.
# * F. Petroni et al. *Language Models as Knowledge Bases?* (LAMA). EMNLP 2019, arXiv:1909.01066.
# * P. Rajpurkar et al. *SQuAD: 100,000+ Questions for Machine Comprehension of Text*. EMNLP 2016,
#   arXiv:1606.05250 — the answer normalisation.
# * P. Lewis et al. *Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks*. NeurIPS 2020,
#   arXiv:2005.11401.
# * H. Zhang et al. *R-Tuning: Instructing Large Language Models to Say 'I Don't Know'*. NAACL 2024,
#   arXiv:2311.09677.
# * X. Wang et al. *Self-Consistency Improves Chain of Thought Reasoning in Language Models*. ICLR 2023,
#   arXiv:2203.11171.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * A. T. Kalai, O. Nachum, S. S. Vempala, E. Zhang. *Why Language Models Hallucinate*. arXiv:2509.04664,
#   2025 — tekil oranına dayanan alt sınır.
# * N. Kandpal, H. Deng, A. Roberts, E. Wallace, C. Raffel. *Large Language Models Struggle to Learn
#   Long-Tail Knowledge*. ICML 2023, arXiv:2211.08411.
# * S. Lin, J. Hilton, O. Evans. *TruthfulQA: Measuring How Models Mimic Human Falsehoods*. arXiv:2109.07958.
# * P. Manakul, A. Liusie, M. J. F. Gales. *SelfCheckGPT*. EMNLP 2023, arXiv:2303.08896.
# * S. Farquhar, J. Kossen, L. Kuhn, Y. Gal. *Detecting hallucinations in large language models using
#   semantic entropy*. Nature 630, 2024.
# * S. Min vd. *FActScore*. EMNLP 2023, arXiv:2305.14251.
# * F. Petroni vd. *Language Models as Knowledge Bases?* (LAMA). EMNLP 2019, arXiv:1909.01066.
# * P. Rajpurkar vd. *SQuAD: 100,000+ Questions for Machine Comprehension of Text*. EMNLP 2016,
#   arXiv:1606.05250 — cevap normalleştirmesi.
# * P. Lewis vd. *Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks*. NeurIPS 2020,
#   arXiv:2005.11401.
# * H. Zhang vd. *R-Tuning: Instructing Large Language Models to Say 'I Don't Know'*. NAACL 2024,
#   arXiv:2311.09677.
# * X. Wang vd. *Self-Consistency Improves Chain of Thought Reasoning in Language Models*. ICLR 2023,
#   arXiv:2203.11171.
