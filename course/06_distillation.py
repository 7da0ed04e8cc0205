# %% [markdown] lang=en
# # 06 · Knowledge distillation: a small student learns from a large teacher
#
# A large model is expensive to run. **Knowledge distillation** (KD) trains a much smaller model, the
# **student**, to imitate a large one, the **teacher**: not only its answers, but the whole probability
# distribution it puts over the answers. Hinton, Vinyals & Dean (2015) showed that those "soft"
# probabilities carry what they called *dark knowledge*: which wrong answers are almost right.
# DistilBERT (Sanh et al. 2019) used it to make a BERT 40 % smaller and 60 % faster that kept 97 % of
# its score (their figures).
#
# In this chapter you will
# 1. meet the teacher (the course's base model) and a student about a fifth of its size,
# 2. see what the **temperature** does to a distribution, and write the KD loss with its **T²** factor
#    (the exercise),
# 3. distil the base model into the student as a **language model**, and compare cross-entropy alone
#    with **forward** and **reverse KL**: held-out perplexity, and what each does to the student's
#    distribution (mode covering against mode seeking),
# 4. distil a fine-tuned teacher into the student on a **classification** task, at T ∈ {1, 2, 4},
#    through the chapter-03 harness, over several seeds,
# 5. check which claims of the literature your own tables support.
#
# Time: about 25 minutes to read; the `cpu` profile computes for a few minutes. No GPU needed.
# %% [markdown] lang=tr
# # 06 · Bilgi damıtımı: küçük bir öğrenci büyük bir öğretmenden öğrenir
#
# Büyük bir modeli çalıştırmak pahalıdır. **Bilgi damıtımı** (knowledge distillation, KD), çok daha
# küçük bir modeli, **öğrenci modelini**, büyük bir modeli, **öğretmen modelini** taklit edecek biçimde
# eğitir: yalnızca yanıtlarını değil, yanıtlar üzerine koyduğu olasılık dağılımının tamamını. Hinton,
# Vinyals ve Dean (2015), bu "yumuşak" olasılıkların kendi deyişleriyle *karanlık bilgi* (dark knowledge)
# taşıdığını gösterdi: hangi yanlış yanıtların neredeyse doğru olduğu bilgisi. DistilBERT (Sanh vd.
# 2019) bu yöntemle BERT'ten %40 daha küçük ve %60 daha hızlı, puanının %97'sini koruyan bir model
# elde etti (yazarların bildirdiği değerler).
#
# Bu bölümde
# 1. öğretmeni (kursun temel modeli) ve onun yaklaşık beşte biri büyüklüğündeki öğrenciyi tanıyacak,
# 2. **sıcaklığın** (temperature) bir dağılıma ne yaptığını görecek ve bilgi damıtımı kaybını **T²**
#    çarpanıyla birlikte yazacaksınız (alıştırma),
# 3. temel modeli öğrenciye bir **dil modeli** olarak damıtacak; yalnız çapraz entropiyi **ileri** ve
#    **ters KL** ile karşılaştıracaksınız: ayrılmış metinde şaşkınlık (perplexity) ve her birinin
#    öğrencinin dağılımına yaptığı etki (tepeleri kapsama ile tepe arama),
# 4. ince ayarlanmış bir öğretmeni bir **sınıflandırma** görevinde öğrenciye T ∈ {1, 2, 4} ile,
#    03. bölümün karşılaştırma düzeneği üzerinden ve birkaç tohumla damıtacak,
# 5. literatürün hangi iddialarını kendi tablolarınızın desteklediğini sınayacaksınız.
#
# Süre: okumak yaklaşık 25 dakika; `cpu` profili birkaç dakika hesap yapar. GPU gerekmez.

# %%
from pathlib import Path
from types import SimpleNamespace

import matplotlib.pyplot as plt
import pandas as pd
import torch
import torch.nn.functional as F

from course_lib.assets import load_base_model
from course_lib.checks.ch06_distillation import check_kd_loss
from course_lib.device import seed_everything
from course_lib.finetune import Full, compare, world_topic
from course_lib.finetune.compare import FinetuneConfig
from course_lib.i18n import pick
from course_lib.methods.distill import Distill, task_teacher
from course_lib.methods.distill import kd_loss as library_kd_loss
from course_lib.methods.distill_claims import judge_distillation, verdict_lines
from course_lib.methods.distill_lm import lm_comparison, next_token_probs, small_student
from course_lib.profile import current_profile, sizes

SIZES = sizes("06_distillation")
# en: finished fine-tuning runs are cached here, so running the notebook again is quick
# tr: biten ince ayar çalıştırmaları burada saklanır; defteri yeniden çalıştırmak bu yüzden hızlıdır
RUN_DIR = Path("runs/06_distillation")
CONFIG = FinetuneConfig.from_sizes(SIZES, device="cpu")
generator = seed_everything(0)
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. The teacher and the student
#
# The teacher is the course's base model. The student is a fresh GPT with the **same tokenizer** (so
# both predict over the same vocabulary, token by token) and a much smaller body: fewer blocks and a
# narrower width. Most of the student's parameters sit in its token embeddings, which a vocabulary of
# 8,192 tokens makes large even for a narrow model.
# %% [markdown] lang=tr
# ## 1. Öğretmen ve öğrenci
#
# Öğretmen, kursun temel modelidir. Öğrenci ise **aynı tokenizer'ı** kullanan (böylece ikisi de aynı
# sözlük üzerinde, token token tahmin yapar), gövdesi çok daha küçük yeni bir GPT'dir: daha az blok ve
# daha dar bir genişlik. Öğrencinin parametrelerinin çoğu token gömmelerindedir; 8.192 token'lık bir
# sözlük, dar bir modelde bile bu katmanı büyük kılar.

# %%
base = load_base_model()
student_shape = small_student(base, n_layer=SIZES.student_n_layer, n_embd=SIZES.student_n_embd,
                              block_size=SIZES.block_size)
rows = []
for role, model in ((pick(en="teacher", tr="öğretmen"), base.model), (pick(en="student", tr="öğrenci"), student_shape)):
    c = model.config
    rows.append({pick(en="model", tr="model"): role, pick(en="blocks", tr="blok"): c.n_layer,
                 pick(en="width", tr="genişlik"): c.n_embd, pick(en="heads", tr="kafa"): c.n_head,
                 pick(en="parameters", tr="parametre"): sum(p.numel() for p in model.parameters())})
sizes_table = pd.DataFrame(rows).set_index(pick(en="model", tr="model"))
ratio = rows[0][pick(en="parameters", tr="parametre")] / rows[1][pick(en="parameters", tr="parametre")]
print(pick(en=f"the teacher is {ratio:.1f}x larger", tr=f"öğretmen {ratio:.1f} kat büyük"))
sizes_table

# %% [markdown] lang=en
# ## 2. Soft targets and the temperature
#
# A model turns its scores (logits) $z$ into probabilities with a softmax. KD softens both the
# teacher's and the student's distributions with a **temperature** $T$:
#
# $$p_T = \mathrm{softmax}(z / T).$$
#
# At $T = 1$ a confident teacher puts nearly all its mass on one answer, and its soft targets say
# little more than the label. A higher $T$ flattens the distribution and brings out the small
# probabilities, the "dark knowledge": here is a teacher's distribution over five answers at three
# temperatures.
# %% [markdown] lang=tr
# ## 2. Yumuşak hedefler ve sıcaklık
#
# Bir model puanlarını (logit'lerini) $z$ bir softmax ile olasılıklara çevirir. Bilgi damıtımı, hem
# öğretmenin hem de öğrencinin dağılımını bir **sıcaklık** $T$ ile yumuşatır:
#
# $$p_T = \mathrm{softmax}(z / T).$$
#
# $T = 1$ iken kendinden emin bir öğretmen kütlesinin neredeyse tamamını tek bir yanıta koyar; yumuşak
# hedefleri etiketten pek fazlasını söylemez. Daha yüksek bir $T$ dağılımı düzleştirir ve küçük
# olasılıkları, "karanlık bilgiyi" ortaya çıkarır: aşağıda bir öğretmenin beş yanıt üzerindeki
# dağılımı üç sıcaklıkta görülüyor.

# %%
teacher_scores = torch.tensor([6.0, 3.5, 3.0, 0.5, -1.0])
answers = [pick(en=w_en, tr=w_tr) for w_en, w_tr in
           (("sports", "spor"), ("health", "sağlık"), ("travel", "seyahat"), ("politics", "siyaset"),
            ("science", "bilim"))]
fig, ax = plt.subplots(figsize=(7, 3))
for shift, temperature in zip((-0.27, 0.0, 0.27), SIZES.temperatures):
    ax.bar([i + shift for i in range(5)], torch.softmax(teacher_scores / temperature, -1), 0.27,
           label=f"T = {temperature:g}")
ax.set_xticks(range(5), answers)
ax.set(ylabel=pick(en="probability", tr="olasılık"),
       title=pick(en="one teacher, three temperatures", tr="tek öğretmen, üç sıcaklık"))
ax.legend()
plt.show()

# %% [markdown] lang=en
# ### The KD loss
#
# Hinton et al. train the student on a mix of two terms: the KL divergence from the teacher's softened
# distribution to the student's, and the ordinary cross-entropy with the true label $y$:
#
# $$\mathcal{L} = \alpha \cdot T^2 \cdot \mathrm{KL}\big(p_T^{\text{teacher}} \,\|\, p_T^{\text{student}}\big) + (1 - \alpha)\cdot \mathrm{CE}(y, z^{\text{student}}),
# \qquad \mathrm{KL}(p\,\|\,q) = \sum_i p_i \log \frac{p_i}{q_i}.$$
#
# Why $T^2$? The gradient of the soft term with respect to a student logit is
# $\frac{1}{T}(q_{T,i} - p_{T,i})$, and for large $T$ this difference itself shrinks as $1/T$: the
# gradients shrink as $1/T^2$. Multiplying by $T^2$ keeps the soft term's weight the same whatever
# temperature you choose (Hinton et al., section 2). The cross-entropy always uses $T = 1$.
#
# ### Exercise: the KD loss with temperature
#
# Write `kd_loss(student_logits, teacher_logits, labels, temperature, alpha)`: logits of shape
# (batch, classes), integer labels of shape (batch,). Return **one number** (a 0-dimensional tensor):
# the loss above **averaged over the examples** of the batch. `F.log_softmax`, `F.softmax` and
# `F.cross_entropy` are all you need.
# %% [markdown] lang=tr
# ### Bilgi damıtımı kaybı
#
# Hinton vd. öğrenciyi iki terimin karışımıyla eğitir: öğretmenin yumuşatılmış dağılımından
# öğrencininkine KL ıraksaması ve gerçek etiket $y$ ile olağan çapraz entropi:
#
# $$\mathcal{L} = \alpha \cdot T^2 \cdot \mathrm{KL}\big(p_T^{\text{öğretmen}} \,\|\, p_T^{\text{öğrenci}}\big) + (1 - \alpha)\cdot \mathrm{CE}(y, z^{\text{öğrenci}}),
# \qquad \mathrm{KL}(p\,\|\,q) = \sum_i p_i \log \frac{p_i}{q_i}.$$
#
# Neden $T^2$? Yumuşak terimin bir öğrenci logit'ine göre gradyanı $\frac{1}{T}(q_{T,i} - p_{T,i})$'dir
# ve büyük $T$ için bu farkın kendisi de $1/T$ oranında küçülür: gradyanlar $1/T^2$ oranında küçülür.
# $T^2$ ile çarpmak, hangi sıcaklığı seçerseniz seçin yumuşak terimin ağırlığını aynı tutar (Hinton
# vd., 2. kısım). Çapraz entropi her zaman $T = 1$ kullanır.
#
# ### Alıştırma: sıcaklıklı bilgi damıtımı kaybı
#
# `kd_loss(student_logits, teacher_logits, labels, temperature, alpha)` fonksiyonunu yazın: logit'ler
# (yığın, sınıf) biçiminde, etiketler (yığın,) biçiminde tam sayılardır. **Tek bir sayı** (0 boyutlu bir
# tensör) döndürün: yukarıdaki kaybın yığındaki **örnekler üzerinden ortalaması**. `F.log_softmax`,
# `F.softmax` ve `F.cross_entropy` yeterlidir.

# %%
def kd_loss(student_logits, teacher_logits, labels, temperature, alpha):
    ### BEGIN SOLUTION
    log_q = F.log_softmax(student_logits / temperature, dim=-1)
    log_p = F.log_softmax(teacher_logits / temperature, dim=-1)
    soft = (log_p.exp() * (log_p - log_q)).sum(dim=-1) * temperature**2
    hard = F.cross_entropy(student_logits, labels, reduction="none")
    return (alpha * soft + (1 - alpha) * hard).mean()
    ### END SOLUTION


# %%
check_kd_loss(kd_loss)

# %% [markdown] lang=en
# Your loss gives the same number as the library's `kd_loss`, which the rest of the chapter trains with:
# %% [markdown] lang=tr
# Kaybınız, bölümün geri kalanında eğitimde kullanılan kütüphane fonksiyonu `kd_loss` ile aynı sayıyı verir:

# %%
s, t, y = torch.randn(8, 7), torch.randn(8, 7) * 3, torch.randint(0, 7, (8,))
mine, library = float(kd_loss(s, t, y, 2.0, 0.5)), float(library_kd_loss(s, t, y, 2.0, 0.5))
print(f"{mine:.6f}  {library:.6f}")
assert abs(mine - library) < 1e-5

# %% [markdown] lang=en
# ## 3. Distilling a language model: forward against reverse KL
#
# For a language model the "classes" are the tokens of the vocabulary, and the KL is taken at every
# position of the text. Here **the direction of the KL matters** (Gu et al. 2024, MiniLLM):
#
# * **forward KL**, $\mathrm{KL}(p\,\|\,q)$ with $p$ the teacher and $q$ the student, is large wherever the
#   teacher gives probability and the student does not. The student must **cover** every continuation
#   the teacher allows; a student too small to fit them all spreads its mass thin (mode covering), and
#   its samples wander into places the teacher would not go;
# * **reverse KL**, $\mathrm{KL}(q\,\|\,p)$, is large wherever the *student* gives probability and the
#   teacher does not. The student may ignore some of the teacher's options but must not invent its own:
#   it concentrates on what the teacher finds most likely (mode seeking), and it is surer.
#
# A third option, **on-policy** distillation (GKD, Agarwal et al. 2024), lets the student write its
# own continuations and the teacher score them, so the student learns on the text it will itself
# produce; `distill_language_model(..., on_policy=True)` does this, and we leave it for you to try:
# sampling at every step costs more time than this profile has.
#
# Three students of the same size train for the same steps on the same text, the world text the base
# model was pretrained on: one with cross-entropy alone (the ordinary way to train a small language
# model), one with forward KL and one with reverse KL to the teacher ($T = 1$, $\alpha = 1$). Each is
# then measured on **held-out** text that neither model trained on: its perplexity, and the mean entropy
# of its next-token distributions (how spread out they are).
# %% [markdown] lang=tr
# ## 3. Bir dil modelini damıtmak: ileri KL ile ters KL
#
# Bir dil modelinde "sınıflar" sözlükteki token'lardır ve KL, metnin her konumunda hesaplanır. Burada
# **KL'nin yönü önemlidir** (Gu vd. 2024, MiniLLM):
#
# * **ileri KL**, $p$ öğretmen ve $q$ öğrenci olmak üzere $\mathrm{KL}(p\,\|\,q)$, öğretmenin olasılık verip
#   öğrencinin vermediği her yerde büyüktür. Öğrenci, öğretmenin izin verdiği her devamı **kapsamak**
#   zorundadır; hepsine sığamayacak kadar küçük bir öğrenci kütlesini ince ince yayar (tepeleri kapsama,
#   mode covering) ve ürettiği örnekler öğretmenin gitmeyeceği yerlere sapar;
# * **ters KL**, $\mathrm{KL}(q\,\|\,p)$, *öğrencinin* olasılık verip öğretmenin vermediği her yerde büyüktür.
#   Öğrenci öğretmenin bazı seçeneklerini yok sayabilir ama kendi seçeneklerini uyduramaz: öğretmenin en
#   olası bulduğu şeye yoğunlaşır (tepe arama, mode seeking) ve daha emindir.
#
# Üçüncü bir seçenek olan **politika üzerinde** (on-policy) damıtmada (GKD, Agarwal vd. 2024) öğrenci
# kendi devamlarını yazar, öğretmen de onları puanlar; böylece öğrenci, kendisinin üreteceği metin
# üzerinde öğrenir. `distill_language_model(..., on_policy=True)` bunu yapar; denemeyi size bırakıyoruz:
# her adımda örnekleme yapmak bu profilin ayırdığından fazla zaman alır.
#
# Aynı boyutta üç öğrenci, aynı metin üzerinde aynı sayıda adım eğitilir; metin, temel modelin ön
# eğitimde gördüğü, yerleşik "dünya" derleminin metnidir. Biri yalnızca çapraz entropiyle (küçük bir dil modelini eğitmenin
# olağan yolu), biri öğretmene ileri KL ile, biri ters KL ile ($T = 1$, $\alpha = 1$). Ardından her biri,
# iki modelin de eğitimde görmediği **ayrılmış** metinde ölçülür: şaşkınlığı ve sonraki token
# dağılımlarının ortalama entropisi (dağılımların ne kadar yayıldığı).

# %%
# NBVAL_IGNORE_OUTPUT
lm_runs, students = lm_comparison(
    base, seeds=SIZES.seeds, steps=SIZES.lm_steps, batch_size=SIZES.lm_batch_size, block_size=SIZES.block_size,
    lr=SIZES.lm_lr, n_train_tokens=SIZES.lm_train_tokens, n_heldout_tokens=SIZES.lm_heldout_tokens,
    n_layer=SIZES.student_n_layer, n_embd=SIZES.student_n_embd)
lm_frame = pd.DataFrame(lm_runs)
lm_table = lm_frame.groupby("method", sort=False)[["perplexity", "entropy", "seconds"]].agg(["mean", "std"])
lm_table

# %% [markdown] lang=en
# What did each student learn to predict? The plot shows the next-token distribution after one
# held-out context: the teacher's most likely tokens, and how much of its probability each student puts
# on them. The last bar of each group, "rest", is all the other tokens of the vocabulary together.
# %% [markdown] lang=tr
# Her öğrenci neyi tahmin etmeyi öğrendi? Grafik, ayrılmış metinden alınmış bir bağlamdan sonraki token
# dağılımını gösteriyor: öğretmenin en olası token'ları ve her öğrencinin bunlara ne kadar olasılık
# verdiği. Her grubun son çubuğu olan "geri kalan", sözlüğün öbür bütün token'larının toplamıdır.

# %%
# NBVAL_IGNORE_OUTPUT
context = pick(en="Last winter, Burak waited at the", tr="Geçen kış Burak")
teacher_probs = next_token_probs(base.model, base.tokenizer, context)
top = teacher_probs.topk(6).indices
labels = [repr(base.tokenizer.decode([int(i)])) for i in top] + [pick(en="rest", tr="geri kalan")]
shown = {pick(en="teacher", tr="öğretmen"): teacher_probs}
shown.update({name: next_token_probs(model, base.tokenizer, context) for name, model in students.items()})
fig, ax = plt.subplots(figsize=(9, 3.5))
width = 0.8 / len(shown)
for k, (name, probs) in enumerate(shown.items()):
    values = probs[top].tolist() + [1 - float(probs[top].sum())]
    ax.bar([i + (k - len(shown) / 2 + 0.5) * width for i in range(len(values))], values, width, label=name)
ax.set_xticks(range(len(labels)), labels)
ax.set(ylabel=pick(en="probability", tr="olasılık"),
       title=pick(en=f"next token after {context!r}", tr=f"{context!r} bağlamından sonraki token"))
ax.legend()
plt.show()

# %% [markdown] lang=en
# ## 4. Distilling a classifier: CE alone against KD at T = 1, 2, 4
#
# Now a task: the world's six topics, with 30 % of the training labels flipped at random as in
# chapter 03 (the dev labels are true). The **teacher** is the base model fully fine-tuned on the task
# (`task_teacher` trains it as the harness trains `full`, and scores it on the dev set).
# Every **student** starts from the same small network (the forward-KL language model of section 3,
# seed 0) with a new head, and trains through the chapter-03 harness (`compare`) with the same
# settings; the only difference is the loss:
#
# * `full`: cross-entropy with the (noisy) labels alone: the CE-only student;
# * `KD(T=…)`: `Distill(teacher, temperature=T, alpha=0.5)`, Hinton's loss at three temperatures.
#
# `Distill` plugs into the training loop through two hooks and never copies it: `example_weights`
# scales the harness's cross-entropy by $1 - \alpha$, and `extra_loss` adds $\alpha T^2$ KL to the teacher.
# %% [markdown] lang=tr
# ## 4. Bir sınıflandırıcıyı damıtmak: yalnız çapraz entropi ile T = 1, 2, 4'te bilgi damıtımı
#
# Şimdi bir görev: yerleşik "dünya" derleminin altı konusu; 03. bölümdeki gibi eğitim etiketlerinin %30'u rastgele
# değiştirilmiştir (doğrulama etiketleri doğrudur). **Öğretmen**, bu görevde tam ince ayar yapılmış temel
# modeldir (`task_teacher` onu düzeneğin `full` yöntemini eğittiği gibi eğitir ve doğrulama kümesinde
# puanlar). Her **öğrenci** aynı küçük ağdan (3. kısmın ileri KL ile damıtılmış dil modeli, 0. tohum) yeni
# bir kafayla başlar ve 03. bölümün karşılaştırma düzeneğinde (`compare`) aynı ayarlarla eğitilir; tek
# fark kayıptır:
#
# * `full`: yalnızca (gürültülü) etiketlerle çapraz entropi: yalnız CE ile eğitilen öğrenci,
# * `KD(T=…)`: `Distill(teacher, temperature=T, alpha=0.5)`, üç sıcaklıkta Hinton'ın kaybı.
#
# `Distill`, eğitim döngüsüne iki kancayla bağlanır ve döngüyü hiçbir zaman kopyalamaz: `example_weights`
# düzeneğin çapraz entropisini $1 - \alpha$ ile ölçekler, `extra_loss` ise öğretmene olan $\alpha T^2$ KL'yi ekler.

# %%
# NBVAL_IGNORE_OUTPUT
task = world_topic("tr", n_train=SIZES.task_n_train, n_dev=SIZES.task_n_dev, label_noise=SIZES.label_noise)
teacher, teacher_accuracy = task_teacher(base, task, CONFIG, seed=0)
print(pick(en="teacher's dev accuracy:", tr="öğretmenin doğrulama doğruluğu:"), f"{teacher_accuracy:.3f}")

student_base = SimpleNamespace(model=students["KD forward KL"], tokenizer=base.tokenizer, config=base.config)
methods = [Full()] + [Distill(teacher, temperature=T, alpha=0.5) for T in SIZES.temperatures]
task_result = compare(student_base, task, methods, seeds=SIZES.seeds, config=CONFIG, cache_dir=RUN_DIR / "compare")
task_result.formatted()

# %%
# NBVAL_IGNORE_OUTPUT
fig = task_result.plot()
plt.show()

# %% [markdown] lang=en
# ## 5. What do the tables show?
#
# The literature leads us to expect:
# 1. on the task, a **KD student beats the CE-only student** of the same size (Hinton et al. 2015;
#    the soft targets also soften the effect of the flipped labels, since the teacher's distribution
#    spreads its doubt over the likely classes);
# 2. as a language model, the **forward-KD student has a lower held-out perplexity** than the CE-only
#    one: at every position the teacher gives a whole distribution instead of one next token;
# 3. **reverse KL seeks modes**: its student's predictions have a lower entropy than the forward-KL
#    student's (MiniLLM).
#
# The next cell compares the measured means (a difference inside the spread over seeds is not a win)
# and prints, for each claim, whether your tables support it.
# %% [markdown] lang=tr
# ## 5. Tablolar ne gösteriyor?
#
# Literatür şunları beklememize yol açar:
# 1. görevde **bilgi damıtımıyla eğitilen öğrenci**, aynı boyutta **yalnız CE ile eğitilen öğrenciyi
#    geçer** (Hinton vd. 2015; öğretmenin dağılımı kuşkusunu olası sınıflara yaydığından, yumuşak
#    hedefler değiştirilmiş etiketlerin etkisini de yumuşatır),
# 2. bir dil modeli olarak **ileri KL ile damıtılan öğrencinin ayrılmış metindeki şaşkınlığı**, yalnız
#    CE ile eğitilenden **düşüktür**: öğretmen her konumda tek bir sonraki token yerine koca bir dağılım verir,
# 3. **ters KL tepe arar**: öğrencisinin tahminlerinin entropisi ileri KL öğrencisininkinden düşüktür (MiniLLM).
#
# Sonraki hücre ölçülen ortalamaları karşılaştırır (tohumlar arasındaki yayılımın içinde kalan bir fark
# üstünlük sayılmaz) ve her iddia için tablolarınızın onu destekleyip desteklemediğini yazdırır.

# %%
# NBVAL_IGNORE_OUTPUT
verdicts = judge_distillation(task_result.runs, lm_runs, ce="full", kd=[m.name for m in methods[1:]])
for line in verdict_lines(verdicts):
    print(line)

# %% [markdown] lang=en
# Where a claim does not hold, the reasons at this scale are usually these:
# * **too few steps**: the `cpu` profile trains each language-model student for a few dozen steps, so
#   every student is still far from what it could learn; the `gpu` profile trains for thousands;
# * **noise**: about a hundred dev examples and three seeds leave a spread of several points;
# * **the teacher's quality**: a student can only inherit what the teacher knows. A teacher fine-tuned on
#   the same noisy labels has learned part of the noise, and its soft targets pass it on;
# * **the student's head**: on the task, the student's body is a language model trained briefly, and
#   most of what it learns in a few epochs sits in its new head.
# * **reverse KL from scratch**: its loss weights every token by the *student's* own probability. A
#   fresh student spreads its mass almost evenly, so it gets a weak, blurred signal and learns slowly;
#   its entropy can stay *higher* than the forward-KL student's for a long time. MiniLLM starts its
#   students from a model already fine-tuned with cross-entropy for this reason. Try it: start the
#   reverse-KL student from the CE-only one.
# %% [markdown] lang=tr
# Bir iddia doğrulanmadığında bu ölçekteki nedenler genellikle şunlardır:
# * **çok az adım**: `cpu` profili her dil modeli öğrencisini birkaç düzine adım eğitir; her öğrenci
#   öğrenebileceğinin hâlâ çok uzağındadır; `gpu` profili binlerce adım eğitir,
# * **gürültü**: yüz kadar doğrulama örneği ve üç tohum, birkaç puanlık bir yayılım bırakır,
# * **öğretmenin niteliği**: öğrenci yalnızca öğretmenin bildiğini devralabilir. Aynı gürültülü
#   etiketlerle ince ayarlanmış bir öğretmen gürültünün bir kısmını da öğrenmiştir ve yumuşak hedefleri onu aktarır,
# * **öğrencinin kafası**: görevde öğrencinin gövdesi kısa süre eğitilmiş bir dil modelidir; birkaç turda
#   öğrendiklerinin çoğu yeni kafasında toplanır.
# * **sıfırdan ters KL**: bu kayıp her token'ı *öğrencinin* kendi olasılığıyla ağırlıklandırır. Yeni bir
#   öğrenci kütlesini neredeyse eşit yayar; bu yüzden zayıf ve bulanık bir sinyal alır ve yavaş öğrenir;
#   entropisi uzun süre ileri KL öğrencisininkinden *yüksek* kalabilir. MiniLLM bu nedenle öğrencilerini
#   çapraz entropiyle önceden ince ayarlanmış bir modelden başlatır. Deneyin: ters KL öğrencisini yalnız
#   CE ile eğitilmiş öğrenciden başlatın.

# %% [markdown] lang=en
# ## Summary
#
# * Knowledge distillation trains a small student on a large teacher's probabilities, softened by a
#   temperature $T$: $\alpha T^2 \mathrm{KL}(p_T^{t} \| p_T^{s}) + (1 - \alpha)\,\mathrm{CE}$. The $T^2$ keeps
#   the soft term's gradients the same size at every temperature.
# * For language models the direction matters: forward KL covers every mode of the teacher, reverse KL
#   seeks its main mode and makes the student surer; on-policy distillation trains on the student's own samples.
# * Your tables and the verdicts above say how much of this a student a fifth of the teacher's size
#   shows after a few minutes of training.
#
# **Next:** chapter 07 — ALUM: adversarial training in the embedding space, and how robust the result is
# to Turkish typed without its own letters.
# %% [markdown] lang=tr
# ## Özet
#
# * Bilgi damıtımı, küçük bir öğrenciyi büyük bir öğretmenin bir $T$ sıcaklığıyla yumuşatılmış
#   olasılıkları üzerinde eğitir: $\alpha T^2 \mathrm{KL}(p_T^{ö} \| p_T^{s}) + (1 - \alpha)\,\mathrm{CE}$.
#   $T^2$, yumuşak terimin gradyanlarını her sıcaklıkta aynı büyüklükte tutar.
# * Dil modellerinde yön önemlidir: ileri KL öğretmenin bütün tepelerini kapsar, ters KL ana tepeyi arar
#   ve öğrenciyi daha emin kılar; politika üzerinde damıtma, öğrencinin kendi örnekleri üzerinde eğitir.
# * Tablolarınız ve yukarıdaki kararlar, öğretmenin beşte biri büyüklüğündeki bir öğrencinin birkaç
#   dakikalık eğitimden sonra bunun ne kadarını gösterdiğini söyler.
#
# **Sırada:** 07. bölüm — ALUM: gömme uzayında çekişmeli eğitim ve sonucun, kendi harfleri olmadan
# yazılmış Türkçeye karşı ne kadar dayanıklı olduğu.

# %% [markdown] lang=en
# ## Further reading
#
# * G. Hinton, O. Vinyals, J. Dean. *Distilling the Knowledge in a Neural Network*. arXiv:1503.02531, 2015.
# * V. Sanh, L. Debut, J. Chaumond, T. Wolf. *DistilBERT, a distilled version of BERT*. arXiv:1910.01108, 2019.
# * Y. Gu, L. Dong, F. Wei, M. Huang. *MiniLLM: Knowledge Distillation of Large Language Models*. ICLR
#   2024, arXiv:2306.08543 — reverse KL for generative models.
# * R. Agarwal et al. *On-Policy Distillation of Language Models: Learning from Self-Generated Mistakes*
#   (GKD). ICLR 2024, arXiv:2306.13649.
# * T. Furlanello et al. *Born-Again Neural Networks*. ICML 2018, arXiv:1805.04770 — a student the size of
#   its teacher (what `Distill()` without a teacher does).
# %% [markdown] lang=tr
# ## İleri okuma
#
# * G. Hinton, O. Vinyals, J. Dean. *Distilling the Knowledge in a Neural Network*. arXiv:1503.02531, 2015.
# * V. Sanh, L. Debut, J. Chaumond, T. Wolf. *DistilBERT, a distilled version of BERT*. arXiv:1910.01108, 2019.
# * Y. Gu, L. Dong, F. Wei, M. Huang. *MiniLLM: Knowledge Distillation of Large Language Models*. ICLR
#   2024, arXiv:2306.08543 — üretken modeller için ters KL.
# * R. Agarwal vd. *On-Policy Distillation of Language Models: Learning from Self-Generated Mistakes*
#   (GKD). ICLR 2024, arXiv:2306.13649.
# * T. Furlanello vd. *Born-Again Neural Networks*. ICML 2018, arXiv:1805.04770 — öğretmeniyle aynı
#   boyutta bir öğrenci (`Distill()` öğretmen verilmeden çağrıldığında yaptığı şey).
