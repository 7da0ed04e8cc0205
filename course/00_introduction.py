# %% [markdown] lang=en
# # 00 · Introduction: what is a language model?
#
# A large language model (LLM) does one thing, over and over: given the text so far, it gives a
# probability to every possible **next token**. Everything else — answering questions,
# translating, writing code — is built on top of that one skill.
#
# In this chapter you will
# 1. build the smallest possible language model by **counting**,
# 2. turn counts into probabilities (exercise 1),
# 3. generate text by **sampling** the next token (exercise 2),
# 4. measure the model with the number every later chapter minimises: the **loss** (exercise 3), on
#    the text it counted and on held-out text, with add-one smoothing,
# 5. see the life cycle of an LLM and the map of this course.
#
# Time: about 20 minutes. No GPU needed.
# %% [markdown] lang=tr
# # 00 · Giriş: Dil modeli nedir?
#
# Büyük bir dil modeli (LLM) aslında tek bir işi tekrar tekrar yapar: o ana kadarki metne bakar ve
# olası her **sonraki token'a** bir olasılık verir. Soru yanıtlamak, çeviri yapmak, kod yazmak gibi
# becerilerin hepsi bu tek yeteneğin üzerine kuruludur.
#
# Bu bölümde
# 1. **sayarak** olabilecek en küçük dil modelini kuracak,
# 2. sayımları olasılıklara çevirecek (1. alıştırma),
# 3. sonraki token'ı **örnekleyerek** metin üretecek (2. alıştırma),
# 4. modeli, sonraki bütün bölümlerin en aza indirmeye çalıştığı sayıyla, yani **kayıpla** (3. alıştırma)
#    hem saydığı metinde hem de ayrılmış metinde, bir ekleme yumuşatmasıyla ölçecek,
# 5. bir LLM'in yaşam döngüsünü ve bu kursun haritasını göreceksiniz.
#
# Süre: yaklaşık 20 dakika. GPU gerekmez.

# %% [markdown] lang=en
# ## 1. Next-token prediction
#
# Write a text as a sequence of tokens $x_1, x_2, \dots, x_n$. By the chain rule of probability,
#
# $$P(x_1, \dots, x_n) = \prod_{t=1}^{n} P(x_t \mid x_1, \dots, x_{t-1}).$$
#
# So a model that can answer "what comes next, and how likely is each option?" can score any text
# and, by drawing one token at a time, write new text. Real models differ in **how much** of the past
# they look at and **how** they turn it into a prediction. Our first model is as simple as it gets:
# it looks only at the **previous character**. (Chapter 01 explains why real models use tokens
# bigger than characters.)
#
# Here is the tiny text it will learn from:
# %% [markdown] lang=tr
# ## 1. Sonraki token'ı tahmin etmek
#
# Bir metni $x_1, x_2, \dots, x_n$ token'larından oluşan bir dizi olarak yazalım. Olasılığın zincir
# kuralına göre
#
# $$P(x_1, \dots, x_n) = \prod_{t=1}^{n} P(x_t \mid x_1, \dots, x_{t-1}).$$
#
# Demek ki "sırada ne gelir, her seçenek ne kadar olası?" sorusunu yanıtlayabilen bir model, her
# metne bir puan verebilir; token'ları birer birer seçerek yeni metin de yazabilir. Gerçek modeller,
# geçmişin **ne kadarına** baktıkları ve bunu **nasıl** bir tahmine dönüştürdükleri bakımından
# ayrılır. İlk modelimiz olabildiğince basit: yalnızca **bir önceki karaktere** bakıyor. (Gerçek
# modellerin neden karakterden büyük token'lar kullandığını 01. bölümde göreceğiz.)
#
# Modelin öğreneceği küçük metin şu:

# %%
import math

import torch

from course_lib.checks import check_average_nll, check_normalize_counts, check_sample_next
from course_lib.data.samples import tiny_text
from course_lib.device import seed_everything
from course_lib.i18n import get_language, pick
from course_lib.model.bigram import BigramModel
from course_lib.profile import sizes
from course_lib.viz.bigram import plot_bigram_heatmap, plot_draws_vs_probs, plot_next_distribution

SIZES = sizes("00_introduction")
text = tiny_text(get_language())
print(text)

# %% [markdown] lang=en
# ## 2. A model that counts
#
# A **bigram model** counts, for every pair of characters $(a, b)$, how often $b$ came right after
# $a$ in the text. "Training" is just this counting. The table below has one row per previous
# character and one column per next character.
# %% [markdown] lang=tr
# ## 2. Sayan bir model
#
# **Bigram modeli**, her $(a, b)$ karakter çifti için metinde $b$'nin $a$'dan hemen sonra kaç kez
# geldiğini sayar. Burada "eğitim" bu saymaktan ibarettir. Aşağıdaki tabloda her önceki karakter
# için bir satır, her sonraki karakter için bir sütun vardır.

# %%
model = BigramModel(text)
counts = model.counts
start = "t" if get_language() == "en" else "k"
row = counts[model.index[start]]
print(pick(en="characters in the vocabulary:", tr="sözcük dağarcığındaki karakter sayısı:"), len(model.vocab))
print(pick(en=f"after {start!r} the text has:", tr=f"metinde {start!r} karakterinden sonra gelenler:"))
print({model.vocab[i]: int(c) for i, c in enumerate(row) if c > 0})

# %% [markdown] lang=en
# ### Exercise 1 — from counts to probabilities
#
# A row of counts is not yet a probability distribution: its entries must be divided by the row's
# total so that they sum to 1. Write `normalize_counts(counts)` for a whole table (a 2-D tensor):
# divide every row by its sum. A row that was never seen (all zeros) has no information, so give it
# the **uniform** distribution $1/V$ instead of dividing by zero. Return floating-point numbers.
#
# *Hint:* `counts.sum(dim=-1, keepdim=True)` and `torch.where`.
# %% [markdown] lang=tr
# ### 1. alıştırma — sayımlardan olasılıklara
#
# Bir satırdaki sayımlar henüz bir olasılık dağılımı değildir: toplamı 1 olsun diye her değeri
# satırın toplamına bölmek gerekir. Bütün tablo (2 boyutlu bir tensör) için
# `normalize_counts(counts)` fonksiyonunu yazın: her satırı kendi toplamına bölün. Hiç görülmemiş
# (hepsi sıfır olan) bir satır bilgi taşımaz; sıfıra bölmek yerine ona **düzgün (tekdüze)**
# dağılımı ($1/V$) verin. Sonuç kayan noktalı sayılardan oluşsun.
#
# *İpucu:* `counts.sum(dim=-1, keepdim=True)` ve `torch.where`.

# %%
def normalize_counts(counts):
    ### BEGIN SOLUTION
    counts = counts.double()
    totals = counts.sum(dim=-1, keepdim=True)
    uniform = torch.full_like(counts, 1.0 / counts.shape[-1])
    return torch.where(totals > 0, counts / totals.clamp_min(1e-300), uniform)
    ### END SOLUTION


# %%
check_normalize_counts(normalize_counts)

# %% [markdown] lang=en
# With your function the model becomes a table of probabilities. Dark cells are likely
# continuations. Look for the patterns of the language: which characters follow a space, which
# follow a vowel?
# %% [markdown] lang=tr
# Fonksiyonunuzla model bir olasılık tablosuna dönüşür. Koyu hücreler olası devamları gösterir.
# Dilin örüntülerini arayın: boşluktan sonra hangi karakterler geliyor, ünlülerden sonra hangileri?

# %%
probs = model.probabilities(normalize_counts)
fig = plot_bigram_heatmap(model.vocab, probs, title=pick(en="P(next | previous)", tr="P(sonraki | önceki)"))
assert torch.allclose(probs.sum(dim=-1), torch.ones(len(model.vocab), dtype=probs.dtype))

# %%
fig = plot_next_distribution(
    model.next_distribution(start),
    title=pick(en=f"What follows {start!r}?", tr=f"{start!r} karakterinden sonra ne gelir?"),
)

# %% [markdown] lang=en
# ### Exercise 2 — sampling the next token
#
# To **write** with the model we draw the next character from its distribution. Always taking the
# most likely one (*greedy* decoding) repeats itself forever; drawing at random, in proportion to
# the probabilities, gives varied text. One way to draw from a distribution $p$:
#
# 1. compute the running totals $c_i = p_0 + \dots + p_i$ (`torch.cumsum`),
# 2. draw a uniform number $u \in [0, c_{V-1})$ with the given `generator`,
# 3. return the first index $i$ with $c_i > u$ (`torch.searchsorted(c, u, right=True)`).
#
# Write `sample_next(probs, generator)` returning that index as a Python `int`. Use the
# `generator` for the randomness (for example `torch.rand((), generator=generator)`): then the same
# seed always gives the same text, which makes experiments repeatable. `torch.multinomial` with
# `generator=generator` is also fine.
# %% [markdown] lang=tr
# ### 2. alıştırma — sonraki token'ı örneklemek
#
# Modelle **yazmak** için sonraki karakteri onun dağılımından çekeriz. Her seferinde en olası
# karakter seçilirse (*açgözlü kod çözme*, greedy decoding) metin kendini sonsuza dek tekrarlar;
# olasılıklarla orantılı rastgele çekmek ise çeşitli bir metin verir. Bir $p$ dağılımından
# çekmenin bir yolu:
#
# 1. birikimli toplamları $c_i = p_0 + \dots + p_i$ hesaplayın (`torch.cumsum`),
# 2. verilen `generator` ile $[0, c_{V-1})$ aralığında düzgün dağılımlı bir $u$ sayısı çekin,
# 3. $c_i > u$ koşulunu sağlayan ilk $i$ indisini döndürün (`torch.searchsorted(c, u, right=True)`).
#
# Bu indisi Python `int`'i olarak döndüren `sample_next(probs, generator)` fonksiyonunu yazın.
# Rastgelelik için `generator`'ı kullanın (örneğin `torch.rand((), generator=generator)`): böylece
# aynı tohum hep aynı metni verir ve deneyler tekrarlanabilir olur. `generator=generator` ile
# `torch.multinomial` da kullanabilirsiniz.

# %%
def sample_next(probs, generator):
    ### BEGIN SOLUTION
    cumulative = torch.cumsum(probs.double(), dim=0)
    u = torch.rand((), generator=generator, dtype=torch.float64) * cumulative[-1]
    return int(torch.searchsorted(cumulative, u, right=True).clamp_max(len(probs) - 1))
    ### END SOLUTION


# %%
check_sample_next(sample_next)

# %% [markdown] lang=en
# Does your sampler follow the model? Draw many times from the row of one character and compare
# how often each next character came out with the model's probability for it.
# %% [markdown] lang=tr
# Örnekleyiciniz modele uyuyor mu? Tek bir karakterin satırından çok kez çekin ve her sonraki
# karakterin ne sıklıkla çıktığını modelin ona verdiği olasılıkla karşılaştırın.

# %%
generator = seed_everything(0)
row_probs = probs[model.index[start]]
drawn = torch.zeros(len(model.vocab))
for _ in range(SIZES.samples):
    drawn[sample_next(row_probs, generator)] += 1
keep = row_probs > 0
fig = plot_draws_vs_probs(
    row_probs[keep], drawn[keep], [c for c, k in zip(model.vocab, keep) if k],
    title=pick(en=f"{SIZES.samples} draws after {start!r}", tr=f"{start!r} sonrasında {SIZES.samples} çekiliş"),
)

# %% [markdown] lang=en
# Now let the model write, one character at a time:
# %% [markdown] lang=tr
# Şimdi modeli karakter karakter yazdıralım:

# %%
generator = seed_everything(0)
print(model.generate(start, SIZES.generate_tokens, generator, sampler=sample_next))

# %% [markdown] lang=en
# The output has the *local* look of the language — plausible letter pairs, spaces in sensible
# places — but no meaning: with a memory of one character, the model cannot know which word it is
# in. Every model in this course is an answer to "how can we use more of the past?".
#
# ## 3. How good is a language model? The loss
#
# We score a model by how much probability it gave to what really came next. The average
# **negative log-likelihood** per token,
#
# $$\mathcal{L} = -\frac{1}{n-1}\sum_{t=2}^{n} \log P(x_t \mid x_{t-1}),$$
#
# is the **cross-entropy loss** that pretraining minimises (chapter 02). Lower is better. A model
# that knows nothing and spreads its probability evenly over $V$ characters scores $\log V$.
# $e^{\mathcal{L}}$ is the **perplexity**: "as unsure as a fair choice among this many options".
# %% [markdown] lang=tr
# Çıktı dilin *yerel* görünümüne sahip — akla yatkın harf çiftleri, mantıklı yerlerde boşluklar —
# ama bir anlamı yok: yalnızca bir karakterlik belleği olan model hangi sözcüğün içinde olduğunu
# bilemez. Bu kurstaki her model, "geçmişin daha fazlasını nasıl kullanırız?" sorusuna bir yanıttır.
#
# ## 3. Bir dil modeli ne kadar iyi? Kayıp
#
# Bir modeli, gerçekte sırada gelen token'a ne kadar olasılık verdiğine bakarak puanlarız. Token
# başına ortalama **negatif log-olabilirlik**
#
# $$\mathcal{L} = -\frac{1}{n-1}\sum_{t=2}^{n} \log P(x_t \mid x_{t-1}),$$
#
# ön eğitimin en aza indirmeye çalıştığı **çapraz entropi kaybıdır** (02. bölüm). Ne kadar düşükse
# o kadar iyidir. Hiçbir şey bilmeyen ve olasılığı $V$ karaktere eşit olarak dağıtan bir model
# $\log V$ alır. $e^{\mathcal{L}}$ ise **şaşkınlıktır (perplexity)**: model, bu kadar seçenek
# arasından kura çeker gibi kararsızdır.

# %% [markdown] lang=en
# ### Exercise 3 — the loss
#
# Write `average_nll(probs, ids)`: `probs` is a bigram table (row = previous character, column = next
# character, as above) and `ids` a list of character ids; return $\mathcal{L}$ from the formula above
# as a Python `float`. Count the pairs carefully: $n$ ids make $n - 1$ predictions.
# %% [markdown] lang=tr
# ### 3. alıştırma — kayıp
#
# `average_nll(probs, ids)` fonksiyonunu yazın: `probs` bir bigram tablosudur (yukarıdaki gibi satır =
# önceki karakter, sütun = sonraki karakter), `ids` ise karakter kimliklerinden oluşan bir listedir.
# Yukarıdaki formüldeki $\mathcal{L}$ değerini bir Python `float`'u olarak döndürün. Çiftleri dikkatle
# sayın: $n$ kimlik $n - 1$ tahmin demektir.

# %%
def average_nll(probs, ids):
    ### BEGIN SOLUTION
    total = sum(-math.log(probs[previous, current]) for previous, current in zip(ids, ids[1:]))
    return float(total / (len(ids) - 1))
    ### END SOLUTION


# %%
check_average_nll(average_nll)

# %%
ids = [model.index[char] for char in text]
loss = average_nll(probs, ids)
assert abs(loss - model.average_nll(text)) < 1e-6
uniform = math.log(len(model.vocab))
print(pick(en="bigram loss:", tr="bigram kaybı:"), round(loss, 3),
      pick(en=f"(perplexity {math.exp(loss):.1f})", tr=f"(şaşkınlık {math.exp(loss):.1f})"))
print(pick(en="uniform guess:", tr="düzgün dağılımlı tahmin:"), round(uniform, 3),
      pick(en=f"(perplexity {len(model.vocab)})", tr=f"(şaşkınlık {len(model.vocab)})"))
assert loss < uniform, pick(en="counting must beat guessing", tr="sayan model, rastgele tahminden iyi olmalı")

# %% [markdown] lang=en
# ### Held-out text and add-one smoothing
#
# The loss above was measured on the very text the model counted, which flatters it: a model should be
# judged on text it has not seen. Let us count on the first 80 % of the text and measure on the last
# 20 %. The held-out part contains character pairs that never occurred in the counted part; the table
# gives them probability 0, and $-\log 0 = \infty$: one unseen pair makes the whole loss infinite.
#
# The oldest fix is **add-one (Laplace) smoothing**: add 1 to every count before normalising, so that
# no pair has probability 0 (Jurafsky & Martin, *Speech and Language Processing*, ch. 3). It costs a
# little on the counted text and makes the held-out loss finite. Neural language models face the same
# problem; their softmax never gives exactly 0.
# %% [markdown] lang=tr
# ### Ayrılmış metin ve bir ekleme (add-one) yumuşatması
#
# Yukarıdaki kayıp, modelin saydığı metnin kendisi üzerinde ölçüldü; bu, modeli olduğundan iyi
# gösterir. Bir model görmediği metinle değerlendirilmelidir. Sayımı metnin ilk %80'inde yapıp kaybı
# son %20'sinde ölçelim. Ayrılmış kısımda, sayılan kısımda hiç geçmemiş karakter çiftleri vardır; tablo
# onlara 0 olasılık verir ve $-\log 0 = \infty$ olduğundan tek bir görülmemiş çift bütün kaybı sonsuz
# yapar.
#
# En eski çözüm **bir ekleme (Laplace) yumuşatmasıdır**: normalleştirmeden önce her sayıma 1 eklenir,
# böylece hiçbir çiftin olasılığı 0 olmaz (Jurafsky ve Martin, *Speech and Language Processing*,
# 3. bölüm). Bu, sayılan metinde kaybı biraz artırır, ayrılmış metindeki kaybı ise sonlu yapar. Sinir
# ağı tabanlı dil modelleri de aynı sorunla karşılaşır; onların softmax'ı hiçbir zaman tam 0 vermez.

# %%
split = int(0.8 * len(text))
counted_text, held_out_text = text[:split], text[split:]
# en: the same rows and columns as before, so that every held-out character has a place in the table
# tr: satırlar ve sütunlar öncekiyle aynı; böylece ayrılmış metnin her karakterinin tabloda yeri olur
counted = BigramModel(counted_text, vocab=model.vocab)
counted_ids = [model.index[char] for char in counted_text]
held_out_ids = [model.index[char] for char in held_out_text]
raw = counted.probabilities(normalize_counts)
smoothed = normalize_counts(counted.counts + 1)
unseen = sum(1 for a, b in zip(held_out_ids, held_out_ids[1:]) if raw[a, b] == 0)

raw_held_out = float("inf") if unseen else average_nll(raw, held_out_ids)
print(pick(en="held-out pairs never counted:", tr="ayrılmış metinde hiç sayılmamış çiftler:"),
      unseen, "/", len(held_out_ids) - 1)
print(f"{'':>22} {pick(en='counted', tr='sayılan'):>9} {pick(en='held-out', tr='ayrılmış'):>9}")
print(f"{pick(en='counts', tr='sayımlar'):>22} {average_nll(raw, counted_ids):>9.3f} {raw_held_out:>9.3f}")
print(f"{pick(en='add-one smoothing', tr='bir ekleme yumuşatması'):>22} {average_nll(smoothed, counted_ids):>9.3f} "
      f"{average_nll(smoothed, held_out_ids):>9.3f}")
print(f"{pick(en='uniform guess', tr='düzgün dağılımlı tahmin'):>22} {uniform:>9.3f} {uniform:>9.3f}")
assert unseen > 0 and average_nll(smoothed, held_out_ids) < uniform
assert average_nll(raw, counted_ids) < average_nll(smoothed, counted_ids)

# %% [markdown] lang=en
# ## 4. The life cycle of an LLM
#
# | stage | what happens | data | in this course |
# |---|---|---|---|
# | **pretraining** | learn to predict the next token on a huge, unlabelled corpus | raw text | ch. 01–02 |
# | **fine-tuning** | adapt the pretrained model to a task or to instructions | a few hundred to millions of labelled examples | ch. 03–10 |
# | **evaluation** | measure quality, and what can go wrong | held-out test sets, probes | every chapter |
# | **risks** | bias, carbon, hallucination, security, consent and privacy | — | ch. 11–15 |
#
# Pretraining is by far the most expensive stage; fine-tuning reuses what it learned, which is why
# a small labelled set can be enough.
# %% [markdown] lang=tr
# ## 4. Bir LLM'in yaşam döngüsü
#
# | aşama | ne olur | veri | bu kursta |
# |---|---|---|---|
# | **ön eğitim** | çok büyük, etiketsiz bir derlemde sonraki token'ı tahmin etmeyi öğrenir | ham metin | 01–02. bölümler |
# | **ince ayar** | önceden eğitilmiş model bir göreve ya da talimatlara uyarlanır | birkaç yüzden milyonlarcaya etiketli örnek | 03–10. bölümler |
# | **değerlendirme** | kalite ve nelerin ters gidebileceği ölçülür | ayrılmış test kümeleri, yoklamalar | her bölüm |
# | **riskler** | önyargı, karbon salımı, halüsinasyon, güvenlik, rıza ve mahremiyet | — | 11–15. bölümler |
#
# Ön eğitim açık ara en pahalı aşamadır; ince ayar onun öğrendiklerini yeniden kullanır. Küçük,
# etiketli bir veri kümesinin yetebilmesinin nedeni budur.

# %% [markdown] lang=en
# ## 5. The course map
#
# | # | chapter | you will |
# |---|---|---|
# | 00 | Introduction | count, sample, measure a loss (this notebook) |
# | 01 | Tokenization | train a BPE tokenizer; see why Turkish words split into more tokens |
# | 02 | Pretraining | build a GPT piece by piece and pretrain it |
# | 03 | Fine-tuning approaches | all layers, selected layers, transfer learning, gradual unfreezing |
# | 04 | PEFT and LoRA | train a small share of the parameters (LoRA with r = 8 on the attention's `c_attn` and `c_proj` of the 4 × 192 world base model: 36,864 of 2,274,240, 1.6 %) |
# | 05 | Instance reweighting ("IGBI") | learn to down-weight mislabelled examples |
# | 06 | Knowledge distillation | teach a small student from a big teacher |
# | 07 | Prompt tuning | learn a soft prompt, not a hand-written one |
# | 08 | ALUM | adversarial training in the embedding space |
# | 09 | Guided attention ("GATE") | supervise where attention looks |
# | 10 | Comparing the methods | one table: accuracy, parameters, time, energy |
# | 11 | Bias | measure and reduce learned stereotypes |
# | 12 | Carbon emissions | measure energy and CO₂ of training |
# | 13 | Hallucination | when models answer what they never saw |
# | 14 | Security | prompt injection and poisoned data |
# | 15 | Consent and privacy | memorisation, KVKK/GDPR, differential privacy |
# | A1 | GPU kernels | write and measure a fused Triton kernel |
# %% [markdown] lang=tr
# ## 5. Kurs haritası
#
# | # | bölüm | neler yapacaksınız |
# |---|---|---|
# | 00 | Giriş | saymak, örneklemek, kayıp ölçmek (bu defter) |
# | 01 | Tokenizasyon | bir BPE tokenizer'ı eğitmek; Türkçe sözcüklerin neden daha çok token'a bölündüğünü görmek |
# | 02 | Ön eğitim | bir GPT'yi parça parça kurup ön eğitmek |
# | 03 | İnce ayar yaklaşımları | tüm katmanlar, seçili katmanlar, aktarım öğrenmesi, katmanların kademeli çözülmesi |
# | 04 | PEFT ve LoRA | parametrelerin küçük bir payını eğitmek (4 × 192 boyutlu dünya temel modelinde, dikkatin `c_attn` ve `c_proj` katmanlarında r = 8 olan LoRA: 2.274.240 parametreden 36.864'ü, %1,6) |
# | 05 | Örnek yeniden ağırlıklandırma ("IGBI") | yanlış etiketli örneklerin ağırlığını düşürmeyi öğrenmek |
# | 06 | Bilgi damıtımı | büyük bir öğretmenden küçük bir öğrenci yetiştirmek |
# | 07 | Prompt ayarlama | elle yazılan bir prompt yerine yumuşak bir prompt öğrenmek |
# | 08 | ALUM | gömme uzayında çekişmeli eğitim |
# | 09 | Yönlendirilmiş dikkat ("GATE") | dikkatin nereye baktığını denetlemek |
# | 10 | Yöntemlerin karşılaştırılması | tek tablo: doğruluk, parametre, süre, enerji |
# | 11 | Önyargı | öğrenilmiş kalıp yargıları ölçmek ve azaltmak |
# | 12 | Karbon salımı | eğitimin enerjisini ve CO₂'sini ölçmek |
# | 13 | Halüsinasyon | modeller hiç görmediklerini yanıtladığında |
# | 14 | Güvenlik | prompt enjeksiyonu ve zehirlenmiş veri |
# | 15 | Rıza ve mahremiyet | ezberleme, KVKK/GDPR, diferansiyel gizlilik |
# | A1 | GPU çekirdekleri | birleştirilmiş bir Triton çekirdeği yazıp ölçmek |

# %% [markdown] lang=en
# ## 6. Running the course
#
# * **On your computer:** `make lab` sets everything up and opens this notebook in JupyterLab
#   (`make lab COURSE_LANG=tr` for Turkish).
# * **On Colab:** press the *Open in Colab* badge at the top of any notebook. The first code cell
#   installs the course package; choose *Runtime → Change runtime type → GPU* for the `gpu` profile.
# * **Profiles** size every notebook: `COURSE_PROFILE=smoke` (seconds, used by the tests),
#   `cpu` (a laptop, a few minutes per notebook; the default) and `gpu` (Colab T4 or better, bigger
#   models and real results). The notebooks never hard-code sizes; they ask `course_lib.profile`.
#
# This notebook is running under:
# %% [markdown] lang=tr
# ## 6. Kursu çalıştırmak
#
# * **Kendi bilgisayarınızda:** `make lab` her şeyi kurar ve bu defteri JupyterLab'de açar
#   (Türkçesi için `make lab COURSE_LANG=tr`).
# * **Colab'de:** herhangi bir defterin başındaki *Open in Colab* düğmesine basın. İlk kod hücresi
#   kurs paketini kurar; `gpu` profili için *Çalışma zamanı → Çalışma zamanı türünü değiştir → GPU*
#   seçin.
# * **Profiller** her defterin boyutunu belirler: `COURSE_PROFILE=smoke` (saniyeler; testlerde
#   kullanılır), `cpu` (dizüstü bilgisayar, defter başına birkaç dakika; varsayılan) ve `gpu`
#   (Colab T4 ya da daha iyisi; daha büyük modeller, gerçek sonuçlar). Defterler boyutları koda
#   sabit olarak yazmaz; `course_lib.profile` modülünden alır.
#
# Bu defter şu ayarlarla çalışıyor:

# %%
from course_lib.profile import current_profile

print("COURSE_PROFILE =", current_profile(), "|", dict(SIZES))

# %% [markdown] lang=en
# ## Summary
#
# * A language model gives a probability to every possible next token; by the chain rule that is
#   enough to score and to write text.
# * The bigram model "trains" by counting and remembers one character — enough for local
#   spelling, not for meaning.
# * Sampling in proportion to the probabilities gives varied text; a seeded generator makes it
#   repeatable.
# * The loss (average negative log-likelihood) is the yardstick; uniform guessing scores $\log V$.
#
# **Next:** chapter 01 — what a *token* really is, and why Turkish needs more of them.
# %% [markdown] lang=tr
# ## Özet
#
# * Bir dil modeli olası her sonraki token'a bir olasılık verir; zincir kuralı sayesinde bu, metni
#   hem puanlamaya hem de yazmaya yeter.
# * Bigram modeli sayarak "eğitilir" ve yalnızca bir karakteri hatırlar: yerel yazım için yeterli,
#   anlam için değil.
# * Olasılıklarla orantılı örnekleme çeşitli metin üretir; tohumu sabitlenmiş bir rastgele sayı
#   üreteci (generator) bunu tekrarlanabilir kılar.
# * Kayıp (ortalama negatif log-olabilirlik) ölçütümüzdür; düzgün dağılımlı tahmin $\log V$ alır.
#
# **Sırada:** 01. bölüm — *token* aslında nedir ve Türkçe neden daha fazlasına ihtiyaç duyar?

# %% [markdown] lang=en
# ## Further reading
#
# * C. E. Shannon, "A Mathematical Theory of Communication", *Bell System Technical Journal* 27
#   (1948), §3: the first character and word n-gram models of English, sampled just as you did here.
# * D. Jurafsky and J. H. Martin, *Speech and Language Processing*, 3rd ed. draft, chapter 3
#   "N-gram Language Models": counting, smoothing, and perplexity.
# * Y. Bengio, R. Ducharme, P. Vincent and C. Jauvin, "A Neural Probabilistic Language Model",
#   *JMLR* 3 (2003): the step from counted n-grams to learned embeddings.
# * A. Karpathy, *makemore* (github.com/karpathy/makemore) and the lecture "The spelled-out intro to
#   language modeling: building makemore" (Neural Networks: Zero to Hero, 2022): the bigram model of
#   this chapter, then a neural one.
# * S. Raschka, *Build a Large Language Model (From Scratch)*, Manning 2024, chapter 1
#   "Understanding large language models", and its code, github.com/rasbt/LLMs-from-scratch.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * C. E. Shannon, "A Mathematical Theory of Communication", *Bell System Technical Journal* 27
#   (1948), 3. bölüm: İngilizcenin ilk karakter ve sözcük n-gram modelleri; tıpkı burada yaptığınız
#   gibi örneklenmiş.
# * D. Jurafsky ve J. H. Martin, *Speech and Language Processing*, 3. baskı taslağı, 3. bölüm
#   "N-gram Language Models": sayma, düzleştirme (smoothing) ve şaşkınlık.
# * Y. Bengio, R. Ducharme, P. Vincent ve C. Jauvin, "A Neural Probabilistic Language Model",
#   *JMLR* 3 (2003): sayılan n-gram'lardan öğrenilen gömmelere geçiş.
# * A. Karpathy, *makemore* (github.com/karpathy/makemore) ve "The spelled-out intro to language
#   modeling: building makemore" dersi (Neural Networks: Zero to Hero, 2022): bu bölümdeki bigram
#   modeli, ardından sinir ağıyla kurulan hâli.
# * S. Raschka, *Build a Large Language Model (From Scratch)*, Manning 2024, 1. bölüm
#   "Understanding large language models" ve kodu: github.com/rasbt/LLMs-from-scratch.
