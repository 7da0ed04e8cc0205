# %% [markdown] lang=en
# # 15 · Consent and privacy: memorisation, personal data, DP-SGD and the law
#
# A language model learns from its training text, and sometimes it learns too well: a rare string
# seen a few times, such as a T.C. kimlik number in a user log, can come back out word for word.
# This chapter measures that risk on planted secrets whose ground truth we know, tries three
# defences, and then reads what Turkish and European law say about personal data in training sets.
#
# In this chapter you will
# 1. write a **T.C. kimlik number (TCKN) validator** (exercise 1) and use it in a **PII scrubber** for
#    TCKNs, phone numbers, e-mail addresses and IBANs, measured for precision and recall,
# 2. plant fake TCKNs ("canaries") in synthetic user logs, each repeated r ∈ {1, 2, 4, 8, 16, 32}
#    times, train a tiny model on them and measure their **exposure** by ranking every candidate value
#    (exercise 2) and whether the model **writes them out** (extraction),
# 3. retrain after **deduplication**, after **scrubbing**, and with **DP-SGD** (exercise 3: one step
#    that clips each example's gradient and adds noise), with ε at a stated δ and the perplexity cost,
# 4. attack the models with **membership inference** and compare the AUROC before and after DP-SGD,
# 5. read KVKK (Law 6698) and the GDPR: what consent is, why sending data to a model is **not**
#    consent, and why erasing a person from trained weights is hard.
#
# Time: about 35 minutes to read; the `cpu` profile computes for about 5 minutes. No GPU needed.
# Everything personal in this chapter is invented: the numbers pass the checksum but belong to no one.
# %% [markdown] lang=tr
# # 15 · Rıza ve gizlilik: ezberleme, kişisel veriler, DP-SGD ve hukuk
#
# Bir dil modeli eğitim metninden öğrenir; bazen de fazlasıyla iyi öğrenir: birkaç kez görülmüş
# nadir bir dizi, örneğin bir kullanıcı kaydındaki T.C. kimlik numarası, olduğu gibi geri gelebilir.
# Bu bölüm bu riski, doğrusunu bildiğimiz yerleştirilmiş sırlar üzerinde ölçer, üç savunmayı dener
# ve ardından Türk ve Avrupa hukukunun eğitim verisindeki kişisel veriler hakkında ne dediğini okur.
#
# Bu bölümde
# 1. bir **T.C. kimlik numarası (TCKN) doğrulayıcısı** yazacak (1. alıştırma) ve onu TCKN, telefon
#    numarası, e-posta adresi ve IBAN bulan bir **kişisel veri temizleyicisinde** kullanacak, bu
#    temizleyicinin kesinliğini ve duyarlılığını ölçeceksiniz,
# 2. sentetik kullanıcı kayıtlarına, her biri r ∈ {1, 2, 4, 8, 16, 32} kez tekrarlanan sahte TCKN'ler
#    ("kanaryalar") yerleştirecek, bunlarla küçük bir model eğitecek ve her olası değeri sıralayarak
#    numaraların **açığa çıkma** (exposure) düzeyini (2. alıştırma), modelin onları **kelimesi kelimesine
#    yazıp yazmadığını** (veri çıkarma) ölçeceksiniz,
# 3. modeli **tekilleştirmeden** sonra, **temizlemeden** sonra ve **DP-SGD** ile yeniden eğitecek
#    (3. alıştırma: her örneğin gradyanını kırpan ve gürültü ekleyen tek bir adım), belirtilen bir δ
#    için ε'u ve şaşkınlıktaki (perplexity) bedeli raporlayacaksınız,
# 4. modellere **üyelik çıkarımı** saldırısı yapacak, AUROC'u DP-SGD'den önce ve sonra karşılaştıracaksınız,
# 5. KVKK'yı (6698 sayılı Kanun) ve GDPR'ı okuyacaksınız: rıza nedir, bir modele veri göndermek neden
#    rıza **değildir** ve bir kişiyi eğitilmiş ağırlıklardan silmek neden zordur.
#
# Süre: okumak yaklaşık 35 dakika; `cpu` profili yaklaşık 5 dakika hesap yapar. GPU gerekmez.
# Bu bölümdeki bütün kişisel veriler kurgusaldır: numaralar sağlama testinden geçer ama
# hiç kimseye ait değildir.

# %%
import math
import random
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import torch

from course_lib.checks.ch15_privacy import check_dp_sgd_step, check_exposure, check_tckn_validator
from course_lib.data.world.hooks import fake_tc_kimlik
from course_lib.i18n import pick
from course_lib.profile import current_profile, sizes
from course_lib.risks.canaries import canary_corpus, corpus_tokenizer, train_variant, variant_text
from course_lib.risks.dp_sgd import epsilon
from course_lib.risks.exposure import ALL_VALID_TCKN, candidates
from course_lib.risks.pii import find_pii, pii_benchmark, precision_recall, scrub
from course_lib.risks.privacy import by_repeats, evaluate_variant, variant_summary
from course_lib.risks.privacy_claims import claim_lines, judge_privacy_claims
from course_lib.viz.privacy import plot_exposure

SIZES = sizes("15_privacy")
# en: the tiny models trained here are cached under RUN_DIR, keyed by every setting that shapes them,
# en: so running the notebook again loads them instead of training
# tr: burada eğitilen küçük modeller, onları biçimlendiren her ayardan türetilen bir anahtarla RUN_DIR
# tr: altında saklanır; defteri yeniden çalıştırmak onları eğitmek yerine yükler
RUN_DIR = Path("runs/15_privacy")
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. Personal data in Turkish text, and a checksum
#
# A **T.C. kimlik numarası** has 11 digits. The first is never 0, and the last two are check digits
# computed from the first nine (d₁ … d₉):
#
# * d₁₀ = ( 7 · (d₁ + d₃ + d₅ + d₇ + d₉) − (d₂ + d₄ + d₆ + d₈) ) mod 10
# * d₁₁ = ( d₁ + d₂ + … + d₁₀ ) mod 10
#
# So of all 11-digit strings that start with 1–9, only 1 in 100 is a valid number: the checksum lets a
# scrubber tell an ID from an order number, and it tells an attacker which numbers are worth trying.
#
# **Exercise 1.** Write `is_valid_tckn(number)`: `True` only for a string of exactly 11 digits whose
# first digit is not 0 and whose two check digits follow the rules above; `False` for anything else.
# %% [markdown] lang=tr
# ## 1. Türkçe metinde kişisel veriler ve bir sağlama kuralı
#
# Bir **T.C. kimlik numarası** 11 hanelidir. İlk hanesi asla 0 olmaz; son iki hane, ilk dokuz haneden
# (d₁ … d₉) hesaplanan sağlama haneleridir:
#
# * d₁₀ = ( 7 · (d₁ + d₃ + d₅ + d₇ + d₉) − (d₂ + d₄ + d₆ + d₈) ) mod 10
# * d₁₁ = ( d₁ + d₂ + … + d₁₀ ) mod 10
#
# Yani 1–9 ile başlayan 11 haneli dizilerin yalnızca 100'de 1'i geçerli bir numaradır: sağlama kuralı,
# bir temizleyicinin kimlik numarasını sipariş numarasından ayırmasını sağlar; bir saldırgana da hangi
# numaraları denemeye değer olduğunu söyler.
#
# **1. alıştırma.** `is_valid_tckn(number)` fonksiyonunu yazın: yalnızca tam 11 rakamdan oluşan, ilk
# hanesi 0 olmayan ve iki sağlama hanesi yukarıdaki kurallara uyan bir dizi için `True`, başka her şey
# için `False` döndürsün.

# %%
def is_valid_tckn(number: str) -> bool:
    ### BEGIN SOLUTION
    if len(number) != 11 or not number.isdigit() or number[0] == "0":
        return False
    d = [int(c) for c in number]
    d10 = (7 * (d[0] + d[2] + d[4] + d[6] + d[8]) - (d[1] + d[3] + d[5] + d[7])) % 10
    return d[9] == d10 and d[10] == sum(d[:10]) % 10
    ### END SOLUTION


# %%
check_tckn_validator(is_valid_tckn)

# %% [markdown] lang=en
# The course's scrubber (`course_lib.risks.pii`) uses the same checksum for TCKNs and ISO 13616's mod-97
# test for IBANs (TR + 24 digits), and a pattern for Turkish phone numbers (with their leading 0 or +90)
# and e-mail addresses. Each find is replaced by a placeholder:
# %% [markdown] lang=tr
# Kursun temizleyicisi (`course_lib.risks.pii`) TCKN'ler için aynı sağlama kuralını, IBAN'lar (TR + 24
# rakam) için ISO 13616'nın mod-97 testini, Türk telefon numaraları (baştaki 0 ya da +90 ile) ve e-posta
# adresleri için birer kalıbı kullanır. Bulduğu her şeyi bir yer tutucuyla değiştirir:

# %%
example = (f"Müşteri {fake_tc_kimlik(random.Random(5))} numaralı kimlikle 0532 418 27 90'dan aradı; "
           "sipariş 12345678901, e-posta ayse.demir@ornek.com.tr, IBAN TR33 0006 1005 1978 6457 8413 26.")
print(example)
print(scrub(example))

# %% [markdown] lang=en
# How good is it? `pii_benchmark` writes sentences with planted PII and look-alikes (order numbers that
# fail the checksum, IBAN-shaped codes that fail mod-97) whose spans are known; about one value in six is
# written the way people dodge filters ("532 418 27 90" without its 0, "ali [at] okul.edu.tr"). We score
# the scrubber with and without its checksums. **Precision**: of what it removed, how much was PII;
# **recall**: of the PII, how much it removed.
# %% [markdown] lang=tr
# Ne kadar iyi? `pii_benchmark`, yerleştirilmiş kişisel veriler ve onlara benzeyen diziler (sağlamadan
# geçemeyen sipariş numaraları, mod-97'den geçemeyen IBAN biçimli kodlar) içeren ve yerleri bilinen
# cümleler yazar; değerlerin yaklaşık altıda biri, filtrelerden kaçmak için yazıldığı biçimdedir
# (başındaki 0'ı olmayan "532 418 27 90", "ali [at] okul.edu.tr"). Temizleyiciyi sağlama kurallarıyla
# ve onlarsız puanlıyoruz. **Kesinlik** (precision): sildiklerinin ne kadarı kişisel veriydi;
# **duyarlılık** (recall): kişisel verilerin ne kadarını sildi.

# %%
items = pii_benchmark(SIZES.pii_benchmark, seed=0)
scores = {
    pick(en="with checksums", tr="sağlama ile"): precision_recall(items),
    pick(en="shapes only", tr="yalnızca kalıp"): precision_recall(items, lambda t: find_pii(t, use_checksums=False)),
}
pd.DataFrame({(name, kind): {"precision": s[kind]["precision"], "recall": s[kind]["recall"]}
              for name, s in scores.items() for kind in ("tckn", "phone", "email", "iban", "all")}).T.round(3)

# %% [markdown] lang=en
# The checksums buy precision (the look-alikes are no longer removed) at no cost in recall; the
# forms without their usual shape are missed by both. A real scrubber is never complete: what it misses
# stays in the training data.
# %% [markdown] lang=tr
# Sağlama kuralları, duyarlılıktan hiçbir şey kaybetmeden kesinlik kazandırır (benzer diziler artık
# silinmez); alışılmış biçiminde yazılmamış değerleri ise ikisi de kaçırır. Gerçek bir temizleyici
# hiçbir zaman eksiksiz değildir: kaçırdığı her şey eğitim verisinde kalır.

# %% [markdown] lang=en
# ## 2. Canaries: secrets planted in user logs
#
# The built-in world can plant fake personal records in synthetic **user logs**: each record, a name
# with a checksum-valid fake TCKN and a phone, is written in exactly r log lines (Carlini et al.'s
# "Secret Sharer" method, arXiv 1802.08232, calls such planted secrets **canaries**). Here every r
# gets `per_repeat` canaries, and every 8th story is held out for testing.
# %% [markdown] lang=tr
# Yerleşik "dünya" derlemi, sentetik **kullanıcı kayıtlarına** (log) sahte kişisel kayıtlar
# yerleştirebilir: her kayıt (bir ad, sağlamadan geçen sahte bir TCKN ve bir telefon) tam r kayıt
# satırında yazılır (Carlini vd.'nin "Secret Sharer" yöntemi, arXiv 1802.08232, böyle yerleştirilmiş
# sırlara **kanarya** der). Burada her r için `per_repeat` kanarya vardır ve her 8 öyküden biri sınama
# için ayrılır.

# %%
corpus = canary_corpus(SIZES.corpus_chars, SIZES.repeats, SIZES.per_repeat)
tokenizer = corpus_tokenizer(corpus)
canary = corpus.canaries[-1]
line = next(line for line in corpus.train_text.split("\n") if canary.tc_kimlik in line)
print(line)
print(pick(en="repeated", tr="tekrar sayısı"), canary.repeats, "·",
      pick(en="training characters", tr="eğitim karakteri"), len(corpus.train_text))

# %% [markdown] lang=en
# **Exposure.** Give the model the text just before the secret ("ad soyad: … | TC kimlik no: ") and
# score every candidate value of the secret by its log-likelihood. If the true value comes at rank k of
# |R| candidates (rank 1 = most likely),
#
# $$\text{exposure} = \log_2 |R| - \log_2 k .$$
#
# It is 0 bits when the secret is the least likely candidate, about 1.44 bits on average for a model
# that never saw it (a random rank), and log₂|R| when it comes first.
#
# **How big is R?** All valid TCKNs: 9 choices for the first digit, 10 for each of the next eight, and
# the checksum fixes the last two, so |R| = 9 × 10⁸. Ranking 900 million candidates with a model is out
# of reach on a laptop (the paper extrapolates from samples there). So our attacker knows all but the
# last `secret_digits` of the first nine digits, and R is every **valid** number with that prefix:
# exactly 10^`secret_digits` candidates, each scored, none estimated.
#
# **Exercise 2.** Write `exposure(rank, space_size)`.
# %% [markdown] lang=tr
# **Açığa çıkma** (exposure). Modele sırdan hemen önceki metni ("ad soyad: … | TC kimlik no: ") verin
# ve sırrın her olası değerini, modelin ona verdiği log-olabilirlikle puanlayın. Doğru değer |R| aday
# arasında k. sıradaysa (1. sıra = en olası),
#
# $$\text{açığa çıkma} = \log_2 |R| - \log_2 k .$$
#
# Sır en az olası aday olduğunda 0 bit, onu hiç görmemiş bir model için ortalama yaklaşık 1,44 bit
# (rastgele bir sıra), birinci sıraya geldiğinde log₂|R| bittir.
#
# **R ne kadar büyük?** Bütün geçerli TCKN'ler: ilk hane için 9, sonraki sekiz hanenin her biri için 10
# seçenek; son iki haneyi sağlama kuralı belirler, yani |R| = 9 × 10⁸. 900 milyon adayı bir modelle
# sıralamak bir dizüstü bilgisayarın gücünü aşar (makale bu durumda örneklerden kestirim yapar). Bu
# yüzden saldırganımız ilk dokuz hanenin son `secret_digits` tanesi dışındakileri bilir ve R, bu önekle
# başlayan bütün **geçerli** numaralardır: tam 10^`secret_digits` aday; her biri puanlanır, hiçbiri
# kestirilmez.
#
# **2. alıştırma.** `exposure(rank, space_size)` fonksiyonunu yazın.

# %%
def exposure(rank: int, space_size: int) -> float:
    ### BEGIN SOLUTION
    return math.log2(space_size) - math.log2(rank)
    ### END SOLUTION


# %%
check_exposure(exposure)

# %%
pool = candidates(canary.tc_kimlik, SIZES.secret_digits)
print(pick(en="all valid TCKNs:", tr="bütün geçerli TCKN'ler:"), f"{ALL_VALID_TCKN:,}")
print(pick(en="candidates ranked here:", tr="burada sıralanan adaylar:"), len(pool), "·",
      pick(en="e.g.", tr="örneğin"), pool[:3])

# %% [markdown] lang=en
# ## 3. A model that remembers
#
# We train a tiny character-level GPT on the logs and stories (its size is printed below; a character
# model reads a TCKN as 11 digit tokens, so a candidate's log-likelihood is the sum of 11 digit
# log-probabilities). It is far smaller than the course's chat model, so that four versions of it train
# within the profile's minutes; Carlini et al. (arXiv 2202.07646) found that bigger models memorise
# *more*, not less. Then, for every canary: its exact exposure, whether greedy decoding writes it out,
# and the share of `samples` sampled completions that do.
# %% [markdown] lang=tr
# Kayıtlar ve öyküler üzerinde küçük, karakter düzeyinde bir GPT eğitiyoruz (boyutu aşağıda yazılır;
# karakter düzeyindeki bir model bir TCKN'yi 11 rakam token'ı olarak okur, bu yüzden bir adayın
# log-olabilirliği 11 rakamın log-olasılıklarının toplamıdır). Kursun sohbet modelinden çok daha
# küçüktür; böylece dört sürümü profilin dakikaları içinde eğitilebilir. Carlini vd. (arXiv
# 2202.07646) büyük modellerin daha az değil, *daha çok* ezberlediğini buldu. Ardından her kanarya için:
# kesin açığa çıkma düzeyi, açgözlü kod çözmenin onu yazıp yazmadığı ve `samples` örneklenmiş
# tamamlamadan kaçının onu yazdığı.

# %%
# NBVAL_IGNORE_OUTPUT
baseline = train_variant(corpus, "baseline", dict(SIZES), cache_dir=RUN_DIR)
print(pick(en="parameters:", tr="parametre:"), f"{baseline.model.n_params():,}", "·",
      pick(en="training examples:", tr="eğitim örneği:"), baseline.n_examples)
rows = evaluate_variant(baseline, corpus, dict(SIZES))
pd.DataFrame(by_repeats(rows)).round(3)

# %% [markdown] lang=en
# ## 4. Three defences
#
# * **Deduplication** keeps each record's first log line and drops its repeats (a line's record is what
#   follows its timestamp and event). Kandpal et al. (arXiv 2202.06539) showed that duplicated sequences
#   account for most of what language models regenerate.
# * **Scrubbing** replaces every TCKN, phone, e-mail and IBAN the scrubber finds by a placeholder.
# * **DP-SGD** (Abadi et al. 2016, arXiv 1607.00133) changes training instead of data. Each step draws a
#   batch by Poisson sampling (each training example joins with probability q), then
#
#   1. computes each example's gradient gᵢ,
#   2. clips it: gᵢ ← gᵢ / max(1, ‖gᵢ‖₂ / C), so no single example can move the model by more than C,
#   3. adds Gaussian noise and averages: g = (Σᵢ gᵢ + N(0, σ²C² I)) / B, with B the expected batch size.
#
#   Clipping bounds one example's influence, the noise hides it. The guarantee is (ε, δ)-differential
#   privacy: for any two training sets D and D′ that differ in one example, and any set S of possible
#   trained models, P[train(D) ∈ S] ≤ e^ε · P[train(D′) ∈ S] + δ. Smaller ε and δ are stronger.
#
# **Exercise 3.** Write `dp_sgd_step(per_example_grads, clip, noise_multiplier, generator)`:
# `per_example_grads` is (B, D), one flattened gradient per row. Clip each row to norm at most `clip`, sum
# the rows, add `noise_multiplier * clip * torch.randn(D, generator=generator)`, and divide by B.
# %% [markdown] lang=tr
# ## 4. Üç savunma
#
# * **Tekilleştirme**, her kaydın ilk kayıt satırını tutar, tekrarlarını atar (bir satırın kaydı, zaman
#   damgasından ve olaydan sonra gelen kısmıdır). Kandpal vd. (arXiv 2202.06539), dil modellerinin
#   yeniden ürettiği dizilerin çoğunun eğitim verisinde tekrarlanan diziler olduğunu gösterdi.
# * **Temizleme**, temizleyicinin bulduğu her TCKN'yi, telefonu, e-postayı ve IBAN'ı bir yer tutucuyla
#   değiştirir.
# * **DP-SGD** (Abadi vd. 2016, arXiv 1607.00133) veriyi değil eğitimi değiştirir. Her adım Poisson
#   örneklemesiyle bir yığın çeker (her eğitim örneği yığına q olasılıkla girer), sonra
#
#   1. her örneğin gradyanını (gᵢ) hesaplar,
#   2. onu kırpar: gᵢ ← gᵢ / max(1, ‖gᵢ‖₂ / C); böylece tek bir örnek modeli C'den fazla oynatamaz,
#   3. Gauss gürültüsü ekleyip ortalar: g = (Σᵢ gᵢ + N(0, σ²C² I)) / B; burada B beklenen yığın boyudur.
#
#   Kırpma tek bir örneğin etkisini sınırlar, gürültü onu gizler. Güvence (ε, δ)-diferansiyel
#   gizliliktir: yalnızca bir örnekte ayrılan her D ve D′ eğitim kümesi ve eğitilmiş modellerin her S
#   kümesi için P[eğit(D) ∈ S] ≤ e^ε · P[eğit(D′) ∈ S] + δ. ε ve δ küçüldükçe güvence güçlenir.
#
# **3. alıştırma.** `dp_sgd_step(per_example_grads, clip, noise_multiplier, generator)` fonksiyonunu
# yazın: `per_example_grads` (B, D) boyutludur, her satır düzleştirilmiş bir gradyandır. Her satırı en
# fazla `clip` normuna kırpın, satırları toplayın, `noise_multiplier * clip * torch.randn(D,
# generator=generator)` ekleyin ve B'ye bölün.

# %%
def dp_sgd_step(per_example_grads, clip, noise_multiplier, generator):
    ### BEGIN SOLUTION
    norms = per_example_grads.norm(dim=1, keepdim=True)
    clipped = per_example_grads * torch.clamp(clip / norms, max=1.0)
    noise = torch.randn(per_example_grads.shape[1], generator=generator)
    return (clipped.sum(0) + noise_multiplier * clip * noise) / per_example_grads.shape[0]
    ### END SOLUTION


# %%
check_dp_sgd_step(dp_sgd_step)

# %% [markdown] lang=en
# The library's DP-SGD (`course_lib.risks.dp_sgd`) is this step inside the course's training loop: a
# callback computes every example's gradient at once (`torch.func.vmap`), clips, adds noise and hands
# the result to the optimizer; a test checks one step against Opacus's `DPOptimizer`. The privacy spent
# follows from q, σ and the number of steps; Opacus's Rényi-DP accountant turns them into ε, and we choose
# σ so that the whole run spends the profile's `dp_epsilon` at δ = `dp_delta` (δ well below 1/N, N the
# number of training examples). One caveat, stated: the protected unit is one training **example** (a
# window of characters). A canary repeated r times sits in up to r examples, and group privacy only
# promises a guarantee that weakens with r (roughly r·ε).
# %% [markdown] lang=tr
# Kütüphanenin DP-SGD'si (`course_lib.risks.dp_sgd`), bu adımın kursun eğitim döngüsüne yerleşmiş
# hâlidir: bir geri çağırma (callback) her örneğin gradyanını bir seferde hesaplar (`torch.func.vmap`),
# kırpar, gürültü ekler ve sonucu eniyileyiciye verir; bir test tek bir adımı Opacus'un `DPOptimizer`
# sınıfıyla karşılaştırır. Harcanan gizlilik q, σ ve adım sayısından çıkar; Opacus'un Rényi-DP
# muhasebecisi bunları ε'a çevirir. σ'yı, bütün eğitimin δ = `dp_delta` için profilin `dp_epsilon`
# değerini harcayacağı biçimde seçiyoruz (δ, 1/N'nin epey altında; N eğitim örneği sayısı). Açıkça
# belirtelim: korunan birim bir eğitim **örneğidir** (bir karakter penceresi). r kez tekrarlanan bir
# kanarya en fazla r örnekte bulunur; grup gizliliği ise r ile zayıflayan bir güvence verir (kabaca r·ε).

# %%
# NBVAL_IGNORE_OUTPUT
trained = {"baseline": baseline}
for variant in ("dedup", "scrub", "dp"):
    trained[variant] = train_variant(corpus, variant, dict(SIZES), cache_dir=RUN_DIR)
    rows += evaluate_variant(trained[variant], corpus, dict(SIZES))
dp = trained["dp"]
print(f"DP-SGD: σ = {dp.noise_multiplier:.3f}, ε = {dp.epsilon:.2f}, δ = {dp.delta:g}, N = {dp.n_examples}")
print(pick(en="the same run at half the noise would spend ε =", tr="aynı eğitim yarı gürültüyle ε ="),
      round(epsilon(SIZES.batch_size / dp.n_examples, dp.noise_multiplier / 2, SIZES.steps, dp.delta), 1))

# %%
# NBVAL_IGNORE_OUTPUT
fig = plot_exposure(by_repeats(rows))
plt.show()

# %%
# NBVAL_IGNORE_OUTPUT
pd.DataFrame(variant_summary(rows)).round(3)

# %% [markdown] lang=en
# `exposure_top_r` is the mean exposure of the most repeated canaries; `perplexity` is measured on the
# held-out stories (lower is better: it is the price each defence pays); `mia_auroc` comes next.
# %% [markdown] lang=tr
# `exposure_top_r`, en çok tekrarlanan kanaryaların ortalama açığa çıkma düzeyidir; `perplexity`
# (şaşkınlık) ayrılmış öyküler üzerinde ölçülür (düşük olan iyidir: her savunmanın ödediği bedel budur);
# `mia_auroc` ise sıradaki konu.

# %% [markdown] lang=en
# ## 5. Membership inference
#
# A weaker question than "what is the secret?" is "was this text in the training set?". The
# loss-threshold attack (Yeom et al. 2018, arXiv 1709.01604) guesses "member" when the model's loss on a
# text is low. Its **AUROC** over all thresholds is the probability that a random training example gets
# a lower loss than a random held-out one: 0.5 means the attack learns nothing. It was computed above
# for each model on `mia_rows` training windows against as many held-out ones.
# %% [markdown] lang=tr
# "Sır nedir?" sorusundan daha zayıf bir soru, "bu metin eğitim kümesinde var mıydı?" sorusudur. Kayıp
# eşiği saldırısı (Yeom vd. 2018, arXiv 1709.01604), modelin bir metindeki kaybı düşükse "üye" der.
# Bütün eşikler üzerindeki **AUROC** değeri, rastgele bir eğitim örneğinin rastgele ayrılmış bir örnekten
# daha düşük kayıp alma olasılığıdır: 0,5, saldırının hiçbir şey öğrenemediği anlamına gelir. Yukarıda
# her model için `mia_rows` eğitim penceresi ve aynı sayıda ayrılmış pencere üzerinde hesaplandı.

# %%
# NBVAL_IGNORE_OUTPUT
pd.DataFrame(variant_summary(rows))[["variant", "mia_auroc", "perplexity", "epsilon"]].round(3)

# %% [markdown] lang=en
# ## 6. What does the table show?
#
# The literature leads us to expect: exposure grows with repetition (Carlini et al. 2019);
# deduplication lowers the exposure of repeated secrets (Kandpal et al. 2022); scrubbing leaves the
# secret at chance; DP-SGD lowers exposure and membership AUROC at a cost in perplexity (Abadi et al.
# 2016). The next cell does not print sentences written in advance: it compares your measured numbers
# (a difference under 1 bit counts as none) and says which claims your table supports.
# %% [markdown] lang=tr
# Literatür şunları beklememize yol açar: açığa çıkma tekrarla artar (Carlini vd. 2019);
# tekilleştirme tekrarlanan sırların açığa çıkmasını azaltır (Kandpal vd. 2022); temizleme sırrı
# şans düzeyinde bırakır; DP-SGD açığa çıkmayı ve üyelik AUROC'unu azaltır, bunun bedelini şaşkınlıkla
# öder (Abadi vd. 2016). Sonraki hücre önceden yazılmış cümleler yazdırmaz: ölçtüğünüz sayıları
# karşılaştırır (1 bitten küçük bir fark, fark sayılmaz) ve tablonuzun hangi iddiaları desteklediğini söyler.

# %%
# NBVAL_IGNORE_OUTPUT
for line in claim_lines(judge_privacy_claims(rows)):
    print(line)

# %% [markdown] lang=en
# ## 7. Consent and the law
#
# The seed of this course said that a user consents by sending data to a model. **That is not consent.**
# Typing a message into a chatbot is not a specific, informed and freely given agreement to have it
# trained on; at most it is an act whose purpose the user may not even know. Law defines consent much
# more narrowly, and makes it only one of several possible grounds for processing personal data.
#
# **KVKK — Law No. 6698 on the Protection of Personal Data (Türkiye)**
# * **Art. 3** defines the terms: *personal data* is any information relating to an identified or
#   identifiable natural person (a TCKN is the plainest example); *explicit consent* (açık rıza) is
#   consent on a specific subject, based on information and given with free will.
# * **Art. 5**: personal data may not be processed without the person's explicit consent, unless one of
#   the other conditions listed there applies: it is expressly provided for by law; it is needed to
#   protect someone's life or bodily integrity when they cannot give consent; it is needed for a
#   contract with the person; it is needed for a legal obligation of the controller; the person made
#   the data public themselves; it is needed to establish, exercise or protect a right; or it is needed
#   for the controller's legitimate interests, provided the person's fundamental rights are not harmed.
#   So a training set needs a legal ground for every person in it, and consent is one possible ground.
# * **Art. 9** (transfer abroad, rewritten by Law No. 7499, in force since 1 June 2024): personal data may
#   go abroad when a condition of Art. 5 (or 6) holds and there is an adequacy decision for the country,
#   sector or international organisation; without one, only with appropriate safeguards such as
#   standard contracts (notified to the Authority) or binding corporate rules, or, for occasional
#   transfers, under narrow exceptions. Sending user data to a model hosted abroad is such a transfer.
# * **Art. 10** (duty to inform): when data are collected, the controller must tell the person who the
#   controller is, for what purposes the data will be processed, to whom and why they may be
#   transferred, how and on what legal ground they are collected, and the person's rights under Art. 11.
# * **Art. 11** (rights of the person): to learn whether their data are processed and for what; to know
#   the third parties they were transferred to, in Türkiye or abroad; to ask for correction, and for
#   erasure or destruction under the conditions of Art. 7; to object to a result against them that
#   comes only from automated analysis; and to claim compensation for damage caused by unlawful processing.
#
# **GDPR — Regulation (EU) 2016/679**
# * **Art. 4(11)**: consent is a *freely given, specific, informed and unambiguous* indication of the
#   person's wishes, by a statement or a clear affirmative action.
# * **Art. 6**: processing is lawful only on one of six grounds: consent, a contract, a legal obligation,
#   vital interests, a task in the public interest, or legitimate interests (balanced against the
#   person's rights).
# * **Art. 7**: the controller must be able to demonstrate consent; a request for consent must be
#   distinguishable, clear and in plain language; consent can be withdrawn at any time, as easily as it
#   was given.
# * **Art. 17** (right to erasure, "right to be forgotten"): the person can have their data erased
#   without undue delay when, among other grounds, the data are no longer needed or consent is
#   withdrawn, with exceptions (for example freedom of expression or legal claims).
#
# **Erasure from trained weights is hard.** Deleting a row from a database is easy; deleting what a
# model learned from it is not, as sections 3 and 4 showed: a canary seen 32 times lives in the weights,
# not in any one place. The only exact method is to retrain without the data. *Machine unlearning*
# looks for cheaper ways: Cao and Yang (IEEE S&P 2015) first framed the problem; SISA training (Bourtoule
# et al., IEEE S&P 2021, arXiv 1912.03817) splits the data into shards with one sub-model each, so that
# erasing a person retrains only their shard; approximate methods that edit a trained model exist, but
# offer no such guarantee, and their success must be measured, for example with the exposure of this
# chapter. DP-SGD bounds how much any one example could have changed the model, which limits the harm,
# but it is not erasure. The cheapest protection is still the first one: do not train on personal data
# you have no legal ground for, and scrub what you do not need.
#
# *This section explains the law for engineers; it is not legal advice.*
# %% [markdown] lang=tr
# ## 7. Rıza ve hukuk
#
# Bu kursun ilk taslağı, kullanıcının bir modele veri göndererek rıza verdiğini söylüyordu. **Bu rıza
# değildir.** Bir sohbet robotuna mesaj yazmak, o mesajla model eğitilmesine belirli, bilgilendirilmeye
# dayanan ve özgür iradeyle verilmiş bir onay değildir; olsa olsa kullanıcının amacını bile bilmeyebileceği
# bir eylemdir. Hukuk rızayı çok daha dar tanımlar ve onu kişisel verileri işlemenin olası birkaç
# dayanağından yalnızca biri yapar.
#
# **KVKK — 6698 sayılı Kişisel Verilerin Korunması Kanunu**
# * **Madde 3** terimleri tanımlar: *kişisel veri*, kimliği belirli ya da belirlenebilir gerçek kişiye
#   ilişkin her türlü bilgidir (TCKN bunun en açık örneğidir); *açık rıza*, belirli bir konuya ilişkin,
#   bilgilendirilmeye dayanan ve özgür iradeyle açıklanan rızadır.
# * **Madde 5**: kişisel veriler ilgili kişinin açık rızası olmaksızın işlenemez; meğer ki orada sayılan
#   öteki şartlardan biri bulunsun: kanunlarda açıkça öngörülmesi; rızasını açıklayamayacak durumdaki
#   birinin hayatı ya da beden bütünlüğü için zorunlu olması; kişiyle yapılan bir sözleşme için gerekli
#   olması; veri sorumlusunun hukuki yükümlülüğü için zorunlu olması; kişinin veriyi kendisinin
#   alenileştirmiş olması; bir hakkın tesisi, kullanılması ya da korunması için zorunlu olması ya da
#   kişinin temel hak ve özgürlüklerine zarar vermemek kaydıyla veri sorumlusunun meşru menfaati için
#   zorunlu olması. Yani bir eğitim kümesi, içindeki her kişi için bir hukuki dayanak ister; rıza bu
#   dayanaklardan yalnızca biridir.
# * **Madde 9** (yurt dışına aktarım; 7499 sayılı Kanunla yeniden yazıldı, 1 Haziran 2024'ten beri
#   yürürlükte): kişisel veriler, 5. (ya da 6.) maddedeki bir şart varsa ve ülke, sektör ya da uluslararası
#   kuruluş hakkında bir yeterlilik kararı bulunuyorsa yurt dışına aktarılabilir; yeterlilik kararı
#   yoksa yalnızca (Kurum'a bildirilen) standart sözleşme ya da bağlayıcı şirket kuralları gibi uygun
#   güvencelerle ya da arızi aktarımlarda dar istisnalarla. Kullanıcı verisini yurt dışında barındırılan
#   bir modele göndermek böyle bir aktarımdır.
# * **Madde 10** (aydınlatma yükümlülüğü): veriler elde edilirken veri sorumlusu kişiye şunları bildirmek
#   zorundadır: veri sorumlusunun kimliği, verilerin hangi amaçla işleneceği, kime ve hangi amaçla
#   aktarılabileceği, toplama yöntemi ve hukuki sebebi, 11. maddedeki hakları.
# * **Madde 11** (ilgili kişinin hakları): verilerinin işlenip işlenmediğini ve ne için işlendiğini
#   öğrenmek; yurt içinde ya da yurt dışında aktarıldığı üçüncü kişileri bilmek; düzeltilmesini ve 7.
#   maddedeki şartlar çerçevesinde silinmesini ya da yok edilmesini istemek; yalnızca otomatik
#   sistemlerle yapılan bir analizin aleyhine çıkardığı sonuca itiraz etmek; kanuna aykırı işleme
#   yüzünden uğradığı zararın giderilmesini talep etmek.
#
# **GDPR — (AB) 2016/679 sayılı Genel Veri Koruma Tüzüğü**
# * **Madde 4(11)**: rıza, kişinin bir beyanla ya da açık, olumlu bir eylemle ortaya koyduğu, *özgürce
#   verilmiş, belirli, bilgilendirilmeye dayanan ve açık (tereddüde yer bırakmayan)* bir irade beyanıdır.
# * **Madde 6**: işleme yalnızca altı dayanaktan biriyle hukuka uygundur: rıza, sözleşme, hukuki
#   yükümlülük, hayati menfaat, kamu yararına yürütülen bir görev ya da (kişinin haklarıyla tartılan)
#   meşru menfaat.
# * **Madde 7**: veri sorumlusu rızayı kanıtlayabilmelidir; rıza talebi öteki konulardan ayırt
#   edilebilir, anlaşılır ve sade bir dille yazılmalıdır; rıza her an, verildiği kadar kolayca geri
#   alınabilir.
# * **Madde 17** (silme hakkı, "unutulma hakkı"): kişi, başka gerekçelerin yanında, veriler artık gerekli
#   değilse ya da rızasını geri aldıysa verilerinin gecikmeksizin silinmesini isteyebilir; istisnaları
#   vardır (örneğin ifade özgürlüğü ya da hukuki talepler).
#
# **Eğitilmiş ağırlıklardan silmek zordur.** Bir veritabanından bir satırı silmek kolaydır; modelin o
# satırdan öğrendiğini silmek kolay değildir; 3. ve 4. bölümler bunu gösterdi: 32 kez görülmüş bir
# kanarya tek bir yerde değil, ağırlıkların içinde yaşar. Tek kesin yöntem, modeli o veri olmadan
# yeniden eğitmektir. *Makine unutması* (machine unlearning) daha ucuz yollar arar: Cao ve Yang (IEEE S&P
# 2015) sorunu ilk kez tanımladı; SISA eğitimi (Bourtoule vd., IEEE S&P 2021, arXiv 1912.03817)
# veriyi her biri kendi alt modeline sahip parçalara böler, böylece bir kişiyi silmek yalnızca onun
# parçasını yeniden eğitmeyi gerektirir; eğitilmiş bir modeli düzelten yaklaşık yöntemler de vardır ama
# böyle bir güvence vermezler ve başarıları ölçülmelidir, örneğin bu bölümdeki açığa çıkma ölçüsüyle.
# DP-SGD tek bir örneğin modeli ne kadar değiştirebileceğini sınırlar, bu da zararı sınırlar, ama silme
# değildir. En ucuz koruma hâlâ ilkidir: hukuki dayanağınız olmayan kişisel verilerle eğitmeyin,
# gerekmeyeni de temizleyin.
#
# *Bu bölüm hukuku mühendisler için açıklar; hukuki danışmanlık değildir.*

# %% [markdown] lang=en
# ## Summary
#
# * A TCKN carries a checksum: 1 in 100 eleven-digit strings pass it, 9 × 10⁸ numbers in all. It makes a
#   scrubber precise, and tells an attacker which candidates to rank.
# * **Exposure** = log₂|R| − log₂ rank measures memorisation exactly when every candidate can be ranked;
#   **extraction** asks whether the model writes the secret out.
# * Your table says how exposure grew with repetition and what deduplication, scrubbing and DP-SGD (at
#   the printed ε and δ) did to it, and at what perplexity.
# * **Membership inference** asks whether a text was trained on; DP-SGD's noise is meant to push its
#   AUROC toward 0.5.
# * Consent is specific, informed, freely given and withdrawable; sending data to a model is not consent,
#   and consent is one legal ground among several. Erasing a person from trained weights needs
#   retraining or machine unlearning.
# %% [markdown] lang=tr
# ## Özet
#
# * Bir TCKN bir sağlama kuralı taşır: 11 haneli dizilerin 100'de 1'i bu kuraldan geçer, toplamda
#   9 × 10⁸ numara. Bu kural temizleyiciyi kesinleştirir, saldırgana da hangi adayları sıralayacağını söyler.
# * **Açığa çıkma** = log₂|R| − log₂ sıra, her aday sıralanabildiğinde ezberlemeyi tam olarak ölçer;
#   **veri çıkarma**, modelin sırrı yazıp yazmadığını sorar.
# * Tablonuz, açığa çıkmanın tekrarla nasıl arttığını ve tekilleştirmenin, temizlemenin ve (yazdırılan ε
#   ve δ değerlerindeki) DP-SGD'nin onu ne kadar, hangi şaşkınlık bedeliyle değiştirdiğini söyler.
# * **Üyelik çıkarımı**, bir metnin eğitimde kullanılıp kullanılmadığını sorar; DP-SGD'nin gürültüsünün
#   amacı bu saldırının AUROC'unu 0,5'e doğru itmektir.
# * Rıza belirli, bilgilendirilmeye dayanan, özgürce verilmiş ve geri alınabilir olmalıdır; bir modele
#   veri göndermek rıza değildir ve rıza olası birkaç hukuki dayanaktan yalnızca biridir. Bir kişiyi
#   eğitilmiş ağırlıklardan silmek yeniden eğitim ya da makine unutması gerektirir.
