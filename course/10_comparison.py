# %% [markdown] lang=en
# # 10 · Every method compared: quality, cost and carbon in one table
#
# Chapters 03 to 09 each taught one way to fine-tune: the four approaches of chapter 03, then PEFT
# with LoRA, prompt tuning, knowledge distillation, ALUM, instance reweighting and guided attention.
# Each chapter measured its method against a baseline. This chapter puts **all of them** on the same
# two tasks, with the same seeds and the same measurements, so that you can choose between them.
#
# In this chapter you will
# 1. collect every method this installation has (a method whose chapter is not installed yet is
#    skipped with a note, and appears as soon as it is),
# 2. run each on a world task and on SIB-200 in Turkish, 3 seeds each, and read one table per task:
#    quality ± std, the other language, text typed without Turkish letters, trainable %, time, memory,
#    forgetting, kWh and gCO₂e,
# 3. write the **Pareto front** of quality against cost (the exercise) and plot it,
# 4. read the guidance the notebook computes from your own table: which method when.
#
# Time: about 20 minutes to read; the `cpu` profile computes for about 6 minutes the first time and
# reads its cached runs afterwards. No GPU needed.
# %% [markdown] lang=tr
# # 10 · Bütün yöntemler karşılaştırmalı: kalite, maliyet ve karbon tek tabloda
#
# 03 ile 09 arasındaki bölümlerin her biri ince ayarın bir yolunu öğretti: 03. bölümün dört yaklaşımı,
# ardından LoRA ile PEFT, prompt ayarı, bilgi damıtımı, ALUM, örnek yeniden ağırlıklandırma ve
# yönlendirilmiş dikkat. Her bölüm kendi yöntemini bir temel çizgiyle ölçtü. Bu bölüm, aralarında
# seçim yapabilmeniz için **hepsini** aynı iki görevde, aynı tohumlarla ve aynı ölçümlerle yan yana koyar.
#
# Bu bölümde
# 1. bu kurulumda bulunan her yöntemi toplayacaksınız (bölümü henüz kurulmamış bir yöntem bir notla
#    atlanır ve kurulduğu anda tabloya girer),
# 2. her birini bir dünya görevinde ve Türkçe SIB-200'de, üçer tohumla çalıştıracak ve görev başına
#    bir tablo okuyacaksınız: kalite ± std, öteki dil, Türkçe harfler olmadan yazılmış metin,
#    eğitilebilir %, süre, bellek, unutma, kWh ve gCO₂e,
# 3. kaliteye karşı maliyetin **Pareto sınırını** yazacak (alıştırma) ve çizeceksiniz,
# 4. defterin kendi tablonuzdan hesapladığı yol gösterici sonuçları okuyacaksınız: hangi yöntem ne zaman.
#
# Süre: okumak yaklaşık 20 dakika; `cpu` profili ilk seferde yaklaşık 6 dakika hesap yapar, sonra
# önbellekteki çalıştırmaları okur. GPU gerekmez.

# %%
from pathlib import Path

import pandas as pd

from course_lib.assets import load_base_model
from course_lib.checks.ch10_comparison import check_pareto_front
from course_lib.device import seed_everything
from course_lib.finetune import compare
from course_lib.finetune.guidance import cost_column, guidance
from course_lib.i18n import pick
from course_lib.methods.catalogue import CATALOGUE, available_methods
from course_lib.methods.comparison import chapter_config, chapter_tasks, compare_everything, hub_base
from course_lib.profile import current_profile, sizes
from course_lib.viz.pareto import plot_pareto

SIZES = sizes("10_comparison")
# en: finished runs are cached under CACHE (keyed by everything that defines them), the tables written
# en: to RESULTS as CSV and Markdown
# tr: biten çalıştırmalar CACHE altında saklanır (onları tanımlayan her şeyden türetilen bir anahtarla);
# tr: tablolar RESULTS altına CSV ve Markdown olarak yazılır
RUN_DIR = Path("runs/10_comparison")
CACHE, RESULTS = RUN_DIR / "compare", RUN_DIR / "results"
generator = seed_everything(0)
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. The methods
#
# `course_lib.methods.catalogue` lists every approach and method by name and imports each only when
# asked. Each runs with its **default arguments**, the ones its own chapter recommends.
# %% [markdown] lang=tr
# ## 1. Yöntemler
#
# `course_lib.methods.catalogue` her yaklaşımı ve yöntemi adıyla listeler ve her birini yalnızca
# istendiğinde içe aktarır. Her biri, kendi bölümünün önerdiği **varsayılan bağımsız değişkenlerle** çalışır.

# %%
methods, missing = available_methods()
pd.DataFrame([{pick(en="name", tr="ad"): e.name, pick(en="chapter", tr="bölüm"): e.chapter,
               pick(en="kind", tr="tür"): pick(en=e.family, tr={"approach": "yaklaşım", "method": "yöntem"}[e.family]),
               pick(en="here", tr="burada"): e not in missing} for e in CATALOGUE]).set_index(pick(en="name", tr="ad"))

# %% [markdown] lang=en
# ## 2. One table per task
#
# Every run starts from the same base model and trains with the same settings (`chapter_config`);
# only the method differs. The columns:
#
# | column | what it measures |
# |---|---|
# | accuracy ± std | the task's dev set, mean and standard deviation over the seeds |
# | ood accuracy | the same task in English, never trained on (cross-lingual transfer, chapter 03) |
# | robust accuracy | the dev set typed without Turkish letters (ş→s, ı→i, ğ→g, …; chapter 07's `noisy_task`) |
# | trainable % | the share of the classifier's parameters that train |
# | time s, peak memory MB | the training alone, on this machine |
# | forgetting | the rise of the pretraining loss (chapter 03) |
# | energy kWh, gCO2e | the training's energy from codecarbon (chapter 12), priced on the Turkish grid |
#
# Two warnings before you read the numbers. Time and energy are measured **on your machine, now**:
# another program running at the same time slows every method (the harness interleaves the methods'
# runs so that they all suffer alike). And where codecarbon cannot read a power meter (a VM, a Mac,
# chapter 12) its energy is derived from the time and the load, so energy and time rank the methods
# alike. Knowledge distillation with its default `teacher=None` first fine-tunes a full teacher, whose
# cost is the `full` row and is **not** in its own row.
# %% [markdown] lang=tr
# ## 2. Görev başına bir tablo
#
# Her çalıştırma aynı temel modelden başlar ve aynı ayarlarla eğitilir (`chapter_config`); yalnızca
# yöntem değişir. Sütunlar:
#
# | sütun | ne ölçer |
# |---|---|
# | accuracy ± std | görevin doğrulama kümesi; tohumlar üzerinden ortalama ve standart sapma |
# | ood accuracy | aynı görev İngilizce, hiç eğitilmeden (diller arası aktarım, 03. bölüm) |
# | robust accuracy | Türkçe harfleri olmadan yazılmış doğrulama kümesi (ş→s, ı→i, ğ→g, …; 07. bölümün `noisy_task` fonksiyonu) |
# | trainable % | sınıflandırıcının parametrelerinden eğitilenlerin payı |
# | time s, peak memory MB | yalnızca eğitim, bu makinede |
# | forgetting | ön eğitim kaybındaki artış (03. bölüm) |
# | energy kWh, gCO2e | eğitimin codecarbon ile ölçülen enerjisi (12. bölüm), Türkiye şebekesinde fiyatlanmış |
#
# Sayıları okumadan önce iki uyarı. Süre ve enerji **sizin makinenizde, şimdi** ölçülür: aynı anda
# çalışan başka bir program her yöntemi yavaşlatır (düzenek, hepsi aynı ölçüde etkilensin diye
# yöntemlerin çalıştırmalarını sırayla karıştırır). Codecarbon'un bir güç ölçeri okuyamadığı yerde
# (sanal makine, Mac; 12. bölüm) enerji süreden ve yükten türetilir; bu yüzden enerji ve süre yöntemleri
# aynı biçimde sıralar. Varsayılan `teacher=None` ile bilgi damıtımı önce tam bir öğretmen modele ince
# ayar yapar; bunun maliyeti `full` satırıdır ve damıtımın kendi satırında **yer almaz**.

# %%
# NBVAL_IGNORE_OUTPUT
base = load_base_model()
results = compare_everything(base, SIZES, cache_dir=CACHE, results_dir=RESULTS, methods=methods)
for name, result in results.items():
    print(f"— {name} —")
    display(result.formatted())
print(pick(en="written to", tr="yazıldığı yer:"), RESULTS)

# %% [markdown] lang=en
# ## 3. Quality against cost: the Pareto front
#
# No method is best at everything. Method A **beats** method B when A's quality is at least B's and
# A's cost at most B's, and A is strictly better in one of the two. The **Pareto front** is every
# method that no other method beats: along the front, more quality costs more. A method off the front
# is a bad deal on this table: another one gives at least its quality for at most its cost.
#
# ### Exercise: the Pareto front
#
# Write `pareto_front(quality, cost)`: two lists of equal length, one entry per method; higher quality
# and lower cost are better. Return a list of `True`/`False`: `True` for each method that no other
# method beats. Two methods with exactly the same quality and cost do not beat each other.
# %% [markdown] lang=tr
# ## 3. Maliyete karşı kalite: Pareto sınırı
#
# Hiçbir yöntem her konuda en iyi değildir. A yönteminin kalitesi en az B'ninki kadar, maliyeti de en
# çok B'ninki kadarsa ve A bu ikisinden birinde kesinlikle daha iyiyse A, B'yi **geçer**. **Pareto
# sınırı**, başka hiçbir yöntemin geçemediği yöntemlerin hepsidir: sınır boyunca daha çok kalite daha
# pahalıdır. Sınırın dışındaki bir yöntem bu tabloda kötü bir seçimdir: başka bir yöntem en az onun
# kalitesini en çok onun maliyetine verir.
#
# ### Alıştırma: Pareto sınırı
#
# `pareto_front(quality, cost)` fonksiyonunu yazın: eşit uzunlukta iki liste, yöntem başına bir öğe;
# yüksek kalite ve düşük maliyet daha iyidir. Bir `True`/`False` listesi döndürün: başka hiçbir
# yöntemin geçemediği her yöntem için `True`. Kalitesi ve maliyeti tıpatıp aynı olan iki yöntem
# birbirini geçmez.

# %%
def pareto_front(quality, cost):
    ### BEGIN SOLUTION
    front = []
    for i in range(len(quality)):
        beaten = any(quality[j] >= quality[i] and cost[j] <= cost[i] and (quality[j] > quality[i] or cost[j] < cost[i])
                     for j in range(len(quality)))
        front.append(not beaten)
    return front
    ### END SOLUTION


# %%
check_pareto_front(pareto_front)

# %% [markdown] lang=en
# Your function on the two tables, against energy (or time where energy was not measured), and the
# plot: each method at its cost (log scale) and quality ± std, the front joined and ringed.
# %% [markdown] lang=tr
# Fonksiyonunuz iki tabloda, enerjiye (enerji ölçülmediyse süreye) karşı; ve grafik: her yöntem kendi
# maliyetinde (logaritmik ölçek) ve kalitesinde ± std, sınır birleştirilmiş ve halkalanmış olarak.

# %%
# NBVAL_IGNORE_OUTPUT
for name, result in results.items():
    cost = cost_column(result.table)
    front = pareto_front(list(result.table["accuracy"]), list(result.table[cost]))
    print(name, "·", cost, "·", pick(en="on the front:", tr="sınırda:"),
          ", ".join(m for m, on in zip(result.table.index, front) if on))
    plot_pareto(result.table, "accuracy", cost, title=name)

# %% [markdown] lang=en
# ## 4. Which method when
#
# The lines below are computed from your tables: each names the method that serves one need best, with
# the numbers that back it. Two means count as a tie when they differ by no more than the larger of
# their standard deviations over seeds (as in chapter 03). Read them with the chapters' own findings
# in mind: at this scale (a 5-million-parameter model, a few hundred examples) a method made for
# billions of parameters (prompt tuning, whose gap to full fine-tuning closes only at that size) is
# expected to trail, and the chapters say so.
# %% [markdown] lang=tr
# ## 4. Hangi yöntem ne zaman?
#
# Aşağıdaki satırlar tablolarınızdan hesaplanır: her biri bir ihtiyaca en iyi hizmet eden yöntemi,
# onu destekleyen sayılarla birlikte söyler. İki ortalama, aralarındaki fark tohumlar üzerindeki standart
# sapmalarının büyüğünü aşmıyorsa berabere sayılır (03. bölümdeki gibi). Bunları bölümlerin kendi
# bulgularıyla birlikte okuyun: bu ölçekte (5 milyon parametreli bir model, birkaç yüz örnek) milyarlarca
# parametre için tasarlanmış bir yöntemin (tam ince ayarla arasındaki fark ancak o boyutta kapanan prompt
# ayarı gibi) geride kalması beklenir ve bölümler bunu açıkça söyler.

# %%
# NBVAL_IGNORE_OUTPUT
for name, result in results.items():
    print(f"— {name} —")
    for line in guidance(result.table, "accuracy"):
        print("  •", line)

# %% [markdown] lang=en
# ## 5. A real Turkish model (`gpu` profile)
#
# The `gpu` profile runs the same comparison on SIB-200 with **`ytu-ce-cosmos/turkish-gpt2`** (about
# 124 M parameters, pretrained on Turkish text; arXiv:2404.17336) from the Hugging Face Hub, with its
# own table. It needs a network; without one, the cell says so and skips.
# %% [markdown] lang=tr
# ## 5. Gerçek bir Türkçe model (`gpu` profili)
#
# `gpu` profili aynı karşılaştırmayı SIB-200 üzerinde, Hugging Face Hub'dan
# **`ytu-ce-cosmos/turkish-gpt2`** modeliyle (yaklaşık 124 milyon parametre, Türkçe metinle ön eğitimden
# geçmiş; arXiv:2404.17336) çalıştırır ve kendi tablosunu verir. Ağ bağlantısı gerekir; bağlantı yoksa
# hücre bunu söyler ve bu kısmı atlar.

# %%
# NBVAL_IGNORE_OUTPUT
hub = hub_base(SIZES.hub_model, current_profile())
if hub is not None:
    sib_task = chapter_tasks(SIZES)[1]
    hub_result = compare(hub, sib_task, methods, seeds=SIZES.seeds, config=chapter_config(SIZES),
                         cache_dir=CACHE, results_dir=RESULTS / "hub")
    display(hub_result.formatted())
    for line in guidance(hub_result.table, "accuracy"):
        print("  •", line)

# %% [markdown] lang=en
# ## Summary
#
# * One harness, one table: every method on the same tasks, seeds and measurements, so differences are
#   the methods' and not the set-up's.
# * Quality has several faces (in-domain, the other language, noisy text, what is forgotten), and cost
#   several units (parameters, time, memory, energy, CO₂). The Pareto front keeps only the methods
#   that are not beaten on both quality and cost.
# * The guidance is computed from your table; where it differs from a paper's, the scale is the first
#   suspect (see each method's chapter).
# * `make results` regenerates the README's table of this chapter, for the `cpu` profile.
# %% [markdown] lang=tr
# ## Özet
#
# * Tek düzenek, tek tablo: her yöntem aynı görevlerde, aynı tohumlarla ve aynı ölçümlerle; böylece
#   farklar düzeneğin değil yöntemlerin olur.
# * Kalitenin birkaç yüzü (alan içi, öteki dil, gürültülü metin, unutulan) ve maliyetin birkaç birimi
#   (parametre, süre, bellek, enerji, CO₂) vardır. Pareto sınırı yalnızca kalitede ve maliyette birlikte
#   geçilemeyen yöntemleri tutar.
# * Yol gösterici sonuçlar tablonuzdan hesaplanır; bir makaleninkinden ayrıldığında ilk şüpheli ölçektir
#   (her yöntemin kendi bölümüne bakın).
# * `make results`, README'deki bu bölümün tablosunu `cpu` profili için yeniden üretir.
