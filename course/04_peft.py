# %% [markdown] lang=en
# # 04 · PEFT: LoRA and its family
#
# Chapter 03 fine-tuned by choosing *which* of the model's parameters train. This chapter trains
# *new, very few* parameters instead and leaves every pretrained weight frozen. That is
# **parameter-efficient fine-tuning** (PEFT). One correction first: some summaries expand PEFT as
# "prompt-based fine-tuning". That is wrong: prompt-based fine-tuning is a different method (LM-BFF,
# Gao et al. 2021, arXiv 2012.15723); PEFT means *parameter-efficient*, and it names a family.
#
# In this chapter you will
# 1. see why a weight *change* can be low-rank, and write a **LoRA** layer's forward pass
#    (exercise 1), its **merge** into the frozen weight (exercise 2) and the **count** of the
#    parameters it trains (exercise 3),
# 2. check that the course's LoRA and Hugging Face `peft`'s, given the same factors, compute the same
#    numbers, and move an adapter between the two,
# 3. run LoRA with ranks r ∈ {1, 2, 4, 8, 16}, IA³ and adapters through chapter 03's harness, and plot
#    quality against the share of parameters trained; measure memory and time per method,
# 4. choose which modules to adapt, and merge for inference,
# 5. meet the rest of the family (adapters, IA³, prefix tuning, QLoRA, DoRA) with their parameter counts.
#
# Time: about 30 minutes to read; the `cpu` profile computes for about 5 minutes. No GPU needed.
# %% [markdown] lang=tr
# # 04 · PEFT: LoRA ve ailesi
#
# 03. bölümde modelin *hangi* parametrelerinin eğitileceğini seçerek ince ayar yaptık. Bu bölümde
# bunun yerine *yeni ve çok az sayıda* parametre eğitiyor, ön eğitimli ağırlıkların hepsini
# donduruyoruz. Buna **parametre açısından verimli ince ayar** (parameter-efficient fine-tuning, PEFT)
# denir. Önce bir düzeltme: bazı özetler PEFT'i "prompt tabanlı ince ayar" (prompt-based fine-tuning)
# diye açar. Bu yanlıştır: prompt tabanlı ince ayar başka bir yöntemdir (LM-BFF, Gao vd. 2021, arXiv
# 2012.15723); PEFT'teki P *parametre* demektir ve bir yöntem ailesinin adıdır.
#
# Bu bölümde
# 1. bir ağırlık *değişiminin* neden düşük ranklı olabileceğini görecek; bir **LoRA** katmanının ileri
#    geçişini (1. alıştırma), dondurulmuş ağırlığa **birleştirilmesini** (2. alıştırma) ve eğittiği
#    parametrelerin **sayımını** (3. alıştırma) yazacaksınız,
# 2. aynı çarpanlar verildiğinde kursun LoRA'sı ile Hugging Face `peft` kütüphanesininkinin aynı
#    sayıları hesapladığını doğrulayacak ve bir adaptörü ikisi arasında taşıyacaksınız,
# 3. LoRA'yı r ∈ {1, 2, 4, 8, 16} ranklarıyla, IA³'ü ve adaptörleri 03. bölümün karşılaştırma
#    düzeneğinden geçirecek, kaliteyi eğitilen parametrelerin payına karşı çizecek, her yöntemin bellek
#    ve süre maliyetini ölçeceksiniz,
# 4. hangi modüllerin uyarlanacağını seçecek ve çıkarım için birleştirme yapacaksınız,
# 5. ailenin geri kalanını (adaptörler, IA³, önek ayarlama, QLoRA, DoRA) parametre sayılarıyla
#    tanıyacaksınız.
#
# Süre: okumak yaklaşık 30 dakika; `cpu` profili yaklaşık 5 dakika hesap yapar. GPU gerekmez.

# %%
import copy
import time
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import torch
from torch import nn

from course_lib.assets import load_base_model
from course_lib.checks.ch04_peft import check_count_lora_params, check_lora_forward, check_lora_merge
from course_lib.device import seed_everything
from course_lib.finetune import Full, compare, sib200, world_sentiment, world_topic
from course_lib.finetune.claims import verdict_lines
from course_lib.finetune.compare import FinetuneConfig
from course_lib.i18n import pick
from course_lib.methods.adapters import Adapters, adapter_parameter_count
from course_lib.methods.lora import (
    LoRA,
    LoRALinear,
    count_lora_parameters,
    inject_lora,
    load_adapter,
    lora_layers,
    merge_lora,
    save_adapter,
    unmerge_lora,
)
from course_lib.methods.lora_claims import judge_lora_claims
from course_lib.methods.peft_family import PeftMethod, peft_parameter_counts
from course_lib.model import to_hf
from course_lib.profile import current_profile, sizes
from course_lib.viz.peft import plot_quality_vs_trainable

SIZES = sizes("04_peft")
# en: everything this notebook writes goes here; finished fine-tuning runs are cached under CACHE
# tr: bu defterin yazdığı her şey buraya gider; biten ince ayar çalıştırmaları CACHE altında saklanır
RUN_DIR = Path("runs/04_peft")
CACHE = RUN_DIR / "compare"
CONFIG = FinetuneConfig.from_sizes(SIZES)
generator = seed_everything(0)
base = load_base_model()
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))
print(pick(en="base model:", tr="temel model:"), base.source, f"· {sum(p.numel() for p in base.model.parameters()):,}",
      pick(en="parameters", tr="parametre"))

# %% [markdown] lang=en
# ## 1. The family
#
# | method | what trains | where | source |
# |---|---|---|---|
# | adapters | a small bottleneck network after each sublayer | a new layer in the path | Houlsby et al. 2019, arXiv 1902.00751 |
# | prefix tuning | key and value vectors prepended in every layer | attention | Li & Liang 2021, arXiv 2101.00190 |
# | **LoRA** | a low-rank change $B A$ of chosen weight matrices | beside a linear layer; merges away | Hu et al. 2021, arXiv 2106.09685 |
# | IA³ | one scaling vector per adapted activation (keys, values, MLP) | multiplies activations | Liu et al. 2022, arXiv 2205.05638 |
# | prompt tuning | $p$ vectors prepended to the input embeddings | input only | Lester et al. 2021, arXiv 2104.08691 (chapter 05) |
#
# All of them keep the pretrained weights frozen and shared: one copy of the base model serves many
# tasks, and each task stores only its few trained numbers.
# %% [markdown] lang=tr
# ## 1. Aile
#
# | yöntem | ne eğitilir | nerede | kaynak |
# |---|---|---|---|
# | adaptörler | her alt katmandan sonra küçük bir darboğaz ağı | yolda yeni bir katman | Houlsby vd. 2019, arXiv 1902.00751 |
# | önek ayarlama (prefix tuning) | her katmanda öne eklenen anahtar ve değer vektörleri | dikkat | Li ve Liang 2021, arXiv 2101.00190 |
# | **LoRA** | seçilen ağırlık matrislerinde düşük ranklı bir değişim $B A$ | doğrusal katmanın yanında; birleştirilince kaybolur | Hu vd. 2021, arXiv 2106.09685 |
# | IA³ | uyarlanan her etkinleşme (anahtarlar, değerler, MLP) için bir ölçekleme vektörü | etkinleşmeleri çarpar | Liu vd. 2022, arXiv 2205.05638 |
# | prompt ayarlama | girdi gömmelerinin önüne eklenen $p$ vektör | yalnızca girdi | Lester vd. 2021, arXiv 2104.08691 (05. bölüm) |
#
# Hepsi ön eğitimli ağırlıkları dondurur ve ortak tutar: temel modelin tek bir kopyası birçok göreve
# hizmet eder; her görev yalnızca eğittiği birkaç sayıyı saklar.

# %% [markdown] lang=en
# ## 2. LoRA from the low-rank idea up
#
# Fine-tuning changes a weight matrix $W_0$ ($d_{out} \times d_{in}$) into $W_0 + \Delta W$. Aghajanyan
# et al. (2020, arXiv 2012.13255) showed that fine-tuning works even when the change is confined to a
# small random subspace: the *intrinsic dimension* of a task is small. Hu et al. took the hint and
# wrote the change as a product of two thin matrices,
#
# $$h = W_0 x + b + \frac{\alpha}{r}\, B A x, \qquad A \in \mathbb{R}^{r \times d_{in}},\; B \in \mathbb{R}^{d_{out} \times r},\; r \ll d.$$
#
# * $W_0$ and $b$ are frozen; only $A$ and $B$ train: $r (d_{in} + d_{out})$ numbers instead of
#   $d_{in} d_{out}$.
# * $A$ starts Kaiming-uniform (as an `nn.Linear`), $B$ starts at **zero**: at step 0, $BA = 0$ and the
#   model is exactly the base model.
# * $\alpha / r$ scales the update, so that changing $r$ does not change how large the update starts
#   out: the course uses $\alpha = 16$ (peft's `lora_alpha` default is 8; the ratio is what matters).
#
# The course model's attention layer `c_attn` maps $d = 256$ to $3d = 768$ (queries, keys, values at
# once). What LoRA trains there, against the full matrix:
# %% [markdown] lang=tr
# ## 2. Düşük rank fikrinden LoRA'ya
#
# İnce ayar bir ağırlık matrisini, $W_0$'ı ($d_{out} \times d_{in}$), $W_0 + \Delta W$ matrisine
# dönüştürür. Aghajanyan vd. (2020, arXiv 2012.13255), değişim küçük ve rastgele bir alt uzayla
# sınırlandırıldığında bile ince ayarın işe yaradığını gösterdi: bir görevin *içsel boyutu* küçüktür.
# Hu vd. bu ipucundan yola çıkarak değişimi iki ince matrisin çarpımı olarak yazdı:
#
# $$h = W_0 x + b + \frac{\alpha}{r}\, B A x, \qquad A \in \mathbb{R}^{r \times d_{in}},\; B \in \mathbb{R}^{d_{out} \times r},\; r \ll d.$$
#
# * $W_0$ ve $b$ dondurulmuştur; yalnızca $A$ ve $B$ eğitilir: $d_{in} d_{out}$ yerine
#   $r (d_{in} + d_{out})$ sayı.
# * $A$, bir `nn.Linear` gibi Kaiming-uniform ile, $B$ ise **sıfırla** başlar: 0. adımda $BA = 0$'dır ve
#   model tam olarak temel modeldir.
# * $\alpha / r$ güncellemeyi ölçekler; böylece $r$ değiştiğinde güncellemenin başlangıçtaki büyüklüğü
#   değişmez. Kurs $\alpha = 16$ kullanır (peft'in `lora_alpha` varsayılanı 8'dir; önemli olan oranıdır).
#
# Kurs modelinin dikkat katmanı `c_attn`, $d = 256$ boyutunu $3d = 768$ boyutuna taşır (sorgular,
# anahtarlar ve değerler bir arada). LoRA'nın orada eğittiği sayılar, tam matrisle karşılaştırıldığında:

# %%
c_attn = base.model.blocks[0].attn.c_attn
full_matrix = c_attn.in_features * c_attn.out_features
rows = [{"r": r, "LoRA": r * (c_attn.in_features + c_attn.out_features),
         pick(en="full matrix", tr="tam matris"): full_matrix,
         "%": 100 * r * (c_attn.in_features + c_attn.out_features) / full_matrix} for r in (1, 2, 4, 8, 16, 64)]
pd.DataFrame(rows).round(2)

# %% [markdown] lang=en
# ### Exercise 1: a LoRA linear layer
#
# Write `lora_forward(x, weight, bias, lora_A, lora_B, alpha, r)`: `x` has any number of leading
# dimensions and `in` features; `weight` is $W_0$ (out × in, laid out as in `nn.Linear`), `bias` is
# $b$ (out) or `None`, `lora_A` is $A$ (r × in), `lora_B` is $B$ (out × r). Return
# $x W_0^\top + b + \frac{\alpha}{r} (x A^\top) B^\top$. Multiply $x$ by $A^\top$ first: the
# intermediate result has only $r$ features, which is what makes LoRA cheap.
# %% [markdown] lang=tr
# ### 1. alıştırma: LoRA doğrusal katmanı
#
# `lora_forward(x, weight, bias, lora_A, lora_B, alpha, r)` fonksiyonunu yazın: `x`'in baştaki boyut
# sayısı herhangi bir şey olabilir, son boyutu `in` özniteliktir; `weight` $W_0$'dır (`nn.Linear`'daki
# gibi out × in), `bias` $b$'dir (out) ya da `None`'dır, `lora_A` $A$'dır (r × in), `lora_B` $B$'dir
# (out × r). $x W_0^\top + b + \frac{\alpha}{r} (x A^\top) B^\top$ değerini döndürün. Önce $x$'i
# $A^\top$ ile çarpın: ara sonucun yalnızca $r$ özniteliği olur ve LoRA'yı ucuz kılan da budur.

# %%
def lora_forward(x, weight, bias, lora_A, lora_B, alpha, r):
    ### BEGIN SOLUTION
    out = x @ weight.T + (alpha / r) * (x @ lora_A.T) @ lora_B.T
    return out if bias is None else out + bias
    ### END SOLUTION


# %%
check_lora_forward(lora_forward)

# %% [markdown] lang=en
# The library's `LoRALinear` wraps a frozen `nn.Linear` the same way. On the real `c_attn`, with a
# non-zero $B$ (a trained one), your function and the library's layer agree:
# %% [markdown] lang=tr
# Kütüphanenin `LoRALinear` sınıfı dondurulmuş bir `nn.Linear`'ı aynı biçimde sarar. Gerçek `c_attn`
# üzerinde, sıfır olmayan bir $B$ ile (eğitilmiş bir $B$ gibi) fonksiyonunuz ve kütüphanenin katmanı
# aynı sonucu verir:

# %%
layer = LoRALinear(copy.deepcopy(c_attn), r=8, alpha=16)
with torch.no_grad():
    layer.lora_B.normal_(0, 0.02, generator=generator)
x = torch.randn(2, 5, c_attn.in_features, generator=generator)
yours = lora_forward(x, layer.weight, layer.bias, layer.lora_A, layer.lora_B, 16, 8)
print(layer)
print(pick(en="largest difference:", tr="en büyük fark:"), f"{(yours - layer(x)).abs().max().item():.2e}")

# %% [markdown] lang=en
# ### Exercise 2: merge for inference
#
# After training, $\frac{\alpha}{r} B A$ is a matrix of the same shape as $W_0$, so it can be added
# into it once: $W = W_0 + \frac{\alpha}{r} B A$. The merged layer is a plain linear layer again, and
# inference costs exactly what the base model costs. Write `merge_lora_weight(weight, lora_A, lora_B,
# alpha, r)` that **returns** the merged weight and leaves `weight` unchanged (keeping $W_0$ lets you
# take the adapter out again, or swap in another task's).
# %% [markdown] lang=tr
# ### 2. alıştırma: çıkarım için birleştirme
#
# Eğitimden sonra $\frac{\alpha}{r} B A$, $W_0$ ile aynı biçimde bir matristir; bu yüzden ona bir kez
# eklenebilir: $W = W_0 + \frac{\alpha}{r} B A$. Birleştirilmiş katman yeniden sıradan bir doğrusal
# katmandır ve çıkarım tam olarak temel modelin maliyetindedir. Birleştirilmiş ağırlığı **döndüren** ve
# `weight`'i değiştirmeden bırakan `merge_lora_weight(weight, lora_A, lora_B, alpha, r)` fonksiyonunu
# yazın ($W_0$'ı korumak, adaptörü yeniden çıkarmanıza ya da yerine başka bir görevinkini takmanıza
# olanak verir).

# %%
def merge_lora_weight(weight, lora_A, lora_B, alpha, r):
    ### BEGIN SOLUTION
    return weight + (alpha / r) * lora_B @ lora_A
    ### END SOLUTION


# %%
check_lora_merge(merge_lora_weight)

# %% [markdown] lang=en
# On a whole model: `inject_lora` puts LoRA layers on the modules you name, `merge_lora` adds every
# $\frac{\alpha}{r} BA$ into its weight and `unmerge_lora` takes it out again. The outputs agree to
# float rounding, and the merged model runs as fast as the base model, because it *is* a base-sized
# model:
# %% [markdown] lang=tr
# Bütün bir modelde: `inject_lora`, adını verdiğiniz modüllere LoRA katmanları takar; `merge_lora` her
# $\frac{\alpha}{r} BA$ çarpımını kendi ağırlığına ekler, `unmerge_lora` ise yeniden çıkarır. Çıktılar
# kayan nokta yuvarlamasına kadar aynıdır ve birleştirilmiş model temel model kadar hızlı çalışır,
# çünkü artık temel modelle aynı boyuttadır:

# %%
# NBVAL_IGNORE_OUTPUT
model = copy.deepcopy(base.model).eval()
names = inject_lora(model, r=8, alpha=16, targets=("c_attn",))
for lora_layer in lora_layers(model).values():
    with torch.no_grad():
        lora_layer.lora_B.normal_(0, 0.02, generator=generator)
ids = torch.randint(0, base.model.config.vocab_size, (8, 64), generator=generator)


def seconds_per_forward(m):
    with torch.no_grad():
        m(ids)
        start = time.perf_counter()
        for _ in range(SIZES.timing_repeats):
            m(ids)
    return (time.perf_counter() - start) / SIZES.timing_repeats


with torch.no_grad():
    unmerged_logits = model(ids).logits
unmerged_time = seconds_per_forward(model)
merge_lora(model)
with torch.no_grad():
    merged_logits = model(ids).logits
merged_time = seconds_per_forward(model)
print(pick(en="adapted layers:", tr="uyarlanan katmanlar:"), names)
print(pick(en="merged vs unmerged, largest difference:", tr="birleştirilmiş ve birleştirilmemiş, en büyük fark:"),
      f"{(merged_logits - unmerged_logits).abs().max().item():.2e}")
print(pick(en="forward pass, unmerged:", tr="ileri geçiş, birleştirilmemiş:"), f"{1000 * unmerged_time:.1f} ms ·",
      pick(en="merged:", tr="birleştirilmiş:"), f"{1000 * merged_time:.1f} ms ·",
      pick(en="base model:", tr="temel model:"), f"{1000 * seconds_per_forward(base.model.eval()):.1f} ms")
unmerge_lora(model)
assert (merged_logits - unmerged_logits).abs().max() < 1e-4

# %% [markdown] lang=en
# ### Exercise 3: count what LoRA trains
#
# Which layers get LoRA is chosen by name, with peft's rule for a list of `target_modules`: a layer
# is adapted when its name **is** a target or **ends with "." + a target**. So `"c_proj"` takes both
# `attn.c_proj` and `mlp.c_proj`, while `"attn.c_proj"` takes only the attention's. Write
# `count_lora_params(model, r, targets)`: the number of parameters LoRA of rank `r` would train, summed
# over every `nn.Linear` of `model` (`model.named_modules()`) whose name matches `targets`.
# %% [markdown] lang=tr
# ### 3. alıştırma: LoRA'nın eğittiklerini sayın
#
# Hangi katmanlara LoRA takılacağı adla seçilir; kural, peft'in `target_modules` listesi için
# kullandığı kuraldır: adı bir hedefe **eşit olan** ya da **"." + bir hedef ile biten** katman
# uyarlanır. Böylece `"c_proj"` hem `attn.c_proj`'u hem `mlp.c_proj`'u alır; `"attn.c_proj"` ise
# yalnızca dikkattekini. `count_lora_params(model, r, targets)` fonksiyonunu yazın: `r` ranklı LoRA'nın
# eğiteceği parametre sayısı; `model`'in (`model.named_modules()`) adı `targets` ile eşleşen her
# `nn.Linear` katmanı üzerinden toplanır.

# %%
def count_lora_params(model, r, targets):
    ### BEGIN SOLUTION
    total = 0
    for name, module in model.named_modules():
        if isinstance(module, nn.Linear) and any(name == t or name.endswith("." + t) for t in targets):
            total += r * (module.in_features + module.out_features)
    return total
    ### END SOLUTION


# %%
check_count_lora_params(count_lora_params)

# %% [markdown] lang=en
# ## 3. Which modules to adapt?
#
# Hu et al. adapted only the attention's query and value matrices of GPT-3 and found that, for a
# fixed budget of trainable parameters, spreading a small rank over several matrices beat a large
# rank on one (their table 5). GPT-2-shaped models compute queries, keys and values in **one** layer,
# `c_attn`, so the course's default adapts all three at once. QLoRA (Dettmers et al. 2023) later
# recommended adapting **every** linear layer. Your count beside the library's and peft's (peft counts
# on the Hugging Face export, independently of the course code), as a share of the whole model:
# %% [markdown] lang=tr
# ## 3. Hangi modüller uyarlanmalı?
#
# Hu vd., GPT-3'ün yalnızca dikkat katmanındaki sorgu ve değer matrislerini uyarlamış; sabit bir
# eğitilebilir parametre bütçesinde küçük bir rankı birkaç matrise yaymanın, büyük bir rankı tek
# matriste kullanmaktan daha iyi olduğunu bulmuştur (tablo 5). GPT-2 biçimindeki modeller sorguları,
# anahtarları ve değerleri **tek** bir katmanda, `c_attn`'da hesaplar; bu yüzden kursun varsayılanı
# üçünü birden uyarlar. QLoRA (Dettmers vd. 2023) daha sonra **bütün** doğrusal katmanların
# uyarlanmasını önerdi. Sizin sayımınız, kütüphaneninki ve peft'inki (peft, kurs kodundan bağımsız
# olarak Hugging Face'e aktarılmış modelde sayar) yan yana; bütün modelin payı olarak:

# %%
# NBVAL_IGNORE_OUTPUT
from peft import LoraConfig, get_peft_model  # noqa: E402

n_model = sum(p.numel() for p in base.model.parameters())
choices = {"c_attn": ("c_attn",), "c_attn + attn.c_proj": ("c_attn", "attn.c_proj"),
           pick(en="every linear layer", tr="bütün doğrusal katmanlar"): ("c_attn", "c_proj", "c_fc")}
rows = []
for label, targets in choices.items():
    peft_count = sum(p.numel() for p in get_peft_model(to_hf(base.model), LoraConfig(
        r=8, target_modules=list(targets), fan_in_fan_out=True)).parameters() if p.requires_grad)
    mine = count_lora_params(base.model, 8, targets)
    rows.append({pick(en="targets", tr="hedefler"): label, pick(en="yours", tr="sizinki"): mine,
                 "course_lib": count_lora_parameters(base.model, 8, targets), "peft": peft_count,
                 "%": round(100 * mine / n_model, 2)})
pd.DataFrame(rows)

# %% [markdown] lang=en
# ## 4. The same LoRA in `peft`
#
# Hugging Face's `peft` is the reference implementation. The course GPT converts to a
# `GPT2LMHeadModel` (`to_hf`), where `peft.get_peft_model(model, LoraConfig(...))` adds its own LoRA.
# One detail: GPT-2's Hugging Face layers are `Conv1D`, which store the weight transposed
# (in × out), so peft needs `fan_in_fan_out=True`. Given the **same** $A$ and $B$, the two models must
# give the same logits; and an adapter saved by the course (`save_adapter`, peft's file format) must
# load into peft. The course's tests check this, and the gradients on $A$ and $B$ too; here it is on
# the real model:
# %% [markdown] lang=tr
# ## 4. Aynı LoRA `peft` içinde
#
# Hugging Face'in `peft` kütüphanesi başvuru uygulamasıdır. Kursun GPT'si bir `GPT2LMHeadModel`'e
# dönüştürülür (`to_hf`); orada `peft.get_peft_model(model, LoraConfig(...))` kendi LoRA'sını ekler.
# Bir ayrıntı: GPT-2'nin Hugging Face katmanları `Conv1D`'dir ve ağırlığı transpoze olarak (in × out)
# saklar; bu yüzden peft'e `fan_in_fan_out=True` verilmelidir. **Aynı** $A$ ve $B$ verildiğinde iki
# model aynı logit'leri vermelidir; kursun kaydettiği bir adaptör (`save_adapter`, peft'in dosya
# biçimiyle) de peft'e yüklenebilmelidir. Kursun testleri bunu ve $A$ ile $B$ üzerindeki gradyanları
# denetler; işte gerçek modelde:

# %%
# NBVAL_IGNORE_OUTPUT
from peft import PeftModel  # noqa: E402

adapter_dir = save_adapter(model, RUN_DIR / "adapter_c_attn_r8")
in_peft = PeftModel.from_pretrained(to_hf(base.model), adapter_dir).eval()
with torch.no_grad():
    difference = (in_peft(input_ids=ids).logits - model(ids).logits).abs().max().item()
print(pick(en="files:", tr="dosyalar:"), sorted(p.name for p in adapter_dir.iterdir()))
print(pick(en="course LoRA vs peft LoRA (same A, B), largest logit difference:",
           tr="kursun LoRA'sı ve peft'in LoRA'sı (aynı A, B), en büyük logit farkı:"), f"{difference:.2e}")
back = copy.deepcopy(base.model)
load_adapter(back, adapter_dir)
with torch.no_grad():
    print(pick(en="loaded back into a fresh course GPT:", tr="yeni bir kurs GPT'sine geri yüklendi:"),
          f"{(back.eval()(ids).logits - model(ids).logits).abs().max().item():.2e}")
assert difference < 1e-4

# %% [markdown] lang=en
# ## 5. The comparison: rank against quality
#
# Now the harness of chapter 03, with its sizes and its world task (30 % of the training labels
# flipped), so that the full fine-tuning row is the same experiment. LoRA adapts `c_attn` in every
# block with ranks r ∈ {1, 2, 4, 8, 16}; beside it IA³ (peft's implementation) and Houlsby adapters
# (the course's, bottleneck m = 16). Every PEFT method trains its own parameters at 10 × the harness's
# learning rate and the new head at 1 ×: LoRA's papers use such rates (Hu et al. tuned RoBERTa-base's
# LoRA at 4e-4 to 5e-4, where full fine-tuning uses 1e-5 to 3e-5), and with the full rate LoRA barely
# moves in 4 epochs, since $B$ starts at zero.
# %% [markdown] lang=tr
# ## 5. Karşılaştırma: rank ve kalite
#
# Şimdi 03. bölümün karşılaştırma düzeneği, o bölümün boyutları ve dünya göreviyle (eğitim
# etiketlerinin %30'u değiştirilmiş); böylece tam ince ayar satırı aynı deneydir. LoRA her bloktaki
# `c_attn`'ı r ∈ {1, 2, 4, 8, 16} ranklarıyla uyarlar; yanında IA³ (peft'in uygulaması) ve Houlsby
# adaptörleri (kursunki, darboğaz genişliği m = 16) var. Her PEFT yöntemi kendi parametrelerini
# düzeneğin öğrenme oranının 10 katıyla, yeni kafayı ise 1 katıyla eğitir: LoRA makaleleri böyle
# oranlar kullanır (Hu vd., RoBERTa-base'in LoRA'sını 4e-4 ile 5e-4 arasında ayarlamıştır; aynı modelin
# tam ince ayarı 1e-5 ile 3e-5 arasındadır). Tam oranla LoRA 4 turda neredeyse hiç kıpırdamaz, çünkü
# $B$ sıfırdan başlar.

# %%
# NBVAL_IGNORE_OUTPUT
world_task = (world_sentiment if SIZES.world_task == "sentiment" else world_topic)(
    "tr", n_train=SIZES.world_n_train, n_dev=SIZES.world_n_dev, label_noise=SIZES.label_noise)
RANKS = {r: LoRA(r=r) for r in SIZES.ranks}
WORLD_METHODS = [Full(), *RANKS.values(), PeftMethod("ia3"), Adapters(bottleneck=SIZES.bottleneck)]
world_result = compare(base, world_task, WORLD_METHODS, seeds=SIZES.seeds, config=CONFIG, cache_dir=CACHE)
world_result.formatted()

# %%
# NBVAL_IGNORE_OUTPUT
fig = plot_quality_vs_trainable(world_result.table, world_result.metric,
                                [m.name for m in WORLD_METHODS if m.name != "full"],
                                title=pick(en="quality against trainable share", tr="kalite ve eğitilen pay"))
plt.show()

# %% [markdown] lang=en
# ### Memory and time per method
#
# The same runs' costs, as ratios to full fine-tuning. Memory on a GPU is what the tensors took at
# the peak; on a CPU it is the resident memory a run added, a coarser number that the operating
# system's allocator blurs, so the table also computes the part that is certain. The saving comes from what a frozen weight does not need: no gradient and
# no AdamW state (two more numbers per trained parameter). In a model this small the activations
# dominate, so the saving is smaller than the paper's "3× less GPU memory" on GPT-3 175B, where the
# weights' gradients and optimizer state are hundreds of gigabytes.
# %% [markdown] lang=tr
# ### Yöntem başına bellek ve süre
#
# Aynı çalıştırmaların maliyetleri, tam ince ayara oranla. GPU'da bellek, tensörlerin en yüksek
# noktada kapladığı yerdir; CPU'da ise bir çalıştırmanın eklediği yerleşik bellektir (resident memory),
# işletim sisteminin bellek ayırıcısının bulanıklaştırdığı daha kaba bir sayı; bu yüzden tablo kesin
# olan kısmı da hesaplar. Kazanç, dondurulmuş bir
# ağırlığın ihtiyaç duymadıklarından gelir: gradyan ve AdamW durumu (eğitilen her parametre için iki
# sayı daha) gerekmez. Bu kadar küçük bir modelde etkinleşmeler baskındır; bu yüzden kazanç, makalenin
# GPT-3 175B için bildirdiği "3 kat daha az GPU belleği"nden küçüktür. Orada ağırlıkların gradyanları
# ve optimizer durumu yüzlerce gigabayttır.

# %%
# NBVAL_IGNORE_OUTPUT
t = world_result.table
costs = pd.DataFrame({
    pick(en="trainable %", tr="eğitilen %"): t["trainable %"].round(3),
    pick(en="peak memory MB", tr="en yüksek bellek MB"): t["peak memory MB"].round(1),
    pick(en="memory / full", tr="bellek / tam"): (t["peak memory MB"] / t.loc["full", "peak memory MB"]).round(2),
    # en: what freezing saves for certain: a gradient and AdamW's two moments, 12 bytes per trained parameter
    # tr: dondurmanın kesin kazancı: eğitilen her parametre için bir gradyan ve AdamW'nin iki momenti, 12 bayt
    pick(en="grad + AdamW MB", tr="gradyan + AdamW MB"): (12 * t["trainable params"] / 2**20).round(2),
    pick(en="time s", tr="süre s"): t["time s"].round(1),
    pick(en="time / full", tr="süre / tam"): (t["time s"] / t.loc["full", "time s"]).round(2),
})
costs

# %% [markdown] lang=en
# ## 6. Real text: SIB-200, and the same LoRA through `peft`
#
# On the Turkish SIB-200 task: full fine-tuning, the course's LoRA on `c_attn`, LoRA on every linear
# layer, and peft's LoRA with the same settings run through the same harness, side by side. The two
# LoRAs differ only in their random $A$ at the start (the same distribution, different draws).
# %% [markdown] lang=tr
# ## 6. Gerçek metin: SIB-200 ve `peft` ile aynı LoRA
#
# Türkçe SIB-200 görevinde: tam ince ayar, kursun `c_attn` üzerindeki LoRA'sı, bütün doğrusal
# katmanlardaki LoRA ve aynı ayarlarla peft'in LoRA'sı, aynı düzenekten geçerek yan yana. İki LoRA
# yalnızca başlangıçtaki rastgele $A$ matrisinde ayrılır (aynı dağılım, farklı çekilişler).

# %%
# NBVAL_IGNORE_OUTPUT
sib_task = sib200("tr", n_train=SIZES.sib_n_train)
SIB_METHODS = [Full(), LoRA(), LoRA(targets=("c_attn", "c_proj", "c_fc")), PeftMethod("lora"), PeftMethod("ia3")]
sib_result = compare(base, sib_task, SIB_METHODS, seeds=SIZES.seeds, config=CONFIG, cache_dir=CACHE)
sib_result.formatted()

# %% [markdown] lang=en
# ## 7. What do the tables show?
#
# The literature leads us to expect four things:
# 1. LoRA r = 8 on the attention reaches at least 95 % of full fine-tuning's accuracy while training
#    at most 5 % of the parameters (Hu et al. report parity on RoBERTa, DeBERTa and GPT-3);
# 2. a small rank is enough: Hu et al. found r = 1 already competitive on GPT-3 (their table 6);
# 3. LoRA forgets less than full fine-tuning (Biderman et al. 2024, "LoRA Learns Less and Forgets Less");
# 4. the course's LoRA and peft's, run the same way, score the same.
#
# As in chapter 03, the next cell compares the measured means (a difference within the spread over
# seeds is a tie) and prints, for each claim, whether your table supports it.
# %% [markdown] lang=tr
# ## 7. Tablolar ne gösteriyor?
#
# Literatür dört şey beklememize yol açar:
# 1. dikkat katmanlarında LoRA r = 8, parametrelerin en çok %5'ini eğiterek tam ince ayarın
#    doğruluğunun en az %95'ine ulaşır (Hu vd. RoBERTa, DeBERTa ve GPT-3'te eşitlik bildirir),
# 2. küçük bir rank yeterlidir: Hu vd. GPT-3'te r = 1'in bile rekabetçi olduğunu bulmuştur (tablo 6),
# 3. LoRA tam ince ayardan daha az unutur (Biderman vd. 2024, "LoRA Learns Less and Forgets Less"),
# 4. kursun LoRA'sı ile peft'inki aynı biçimde çalıştırıldığında aynı puanı alır.
#
# 03. bölümdeki gibi, sonraki hücre ölçülen ortalamaları karşılaştırır (tohumlar arasındaki yayılımın
# içinde kalan bir fark beraberlik sayılır) ve her iddia için tablonuzun onu destekleyip desteklemediğini
# yazdırır.

# %%
# NBVAL_IGNORE_OUTPUT
rank_names = {r: method.name for r, method in RANKS.items()}
lora8 = LoRA().name
for title, result, peft_name in ((world_task.name, world_result, None),
                                 (sib_task.name, sib_result, PeftMethod("lora").name)):
    print(f"— {title} —")
    shown = rank_names if title == world_task.name else {8: lora8}
    for line in verdict_lines(judge_lora_claims(result.runs, full="full", lora=lora8, ranks=shown,
                                                peft_lora=peft_name)):
        print("  ", line)

# %% [markdown] lang=en
# Where a claim does not hold, read why before concluding anything:
# * **scale**: the papers adapted models of 100 M to 175 B parameters, whose pretrained features
#   already hold most of what a task needs, so a low-rank nudge suffices. The course model has 5 M
#   parameters and was pretrained on little text; its features are weak, and the task has to be
#   *learnt*, which a full update does with far more freedom;
# * **the rate**: one learning rate (10 × the harness's) serves every rank here; Hu et al. tuned it per
#   task. A shortfall of a few points is within what tuning the rate moves;
# * **noise**: a hundred dev examples and three seeds leave a spread of several points.
# %% [markdown] lang=tr
# Bir iddia doğrulanmadığında, bir sonuca varmadan önce nedenini okuyun:
# * **ölçek**: makaleler 100 milyon ile 175 milyar parametre arasındaki modelleri uyarlamıştır; bu
#   modellerin ön eğitimli öznitelikleri bir görevin gerektirdiklerinin çoğunu zaten taşır, bu yüzden
#   düşük ranklı küçük bir itki yeter. Kursun modeli 5 milyon parametrelidir ve az metinle ön eğitimden
#   geçmiştir; öznitelikleri zayıftır ve görevin *öğrenilmesi* gerekir. Tam bir güncelleme bunu çok daha
#   serbestçe yapar,
# * **öğrenme oranı**: burada tek bir oran (düzeneğinkinin 10 katı) bütün ranklara hizmet ediyor; Hu vd.
#   oranı her görev için ayarlamıştır. Birkaç puanlık bir açık, oranı ayarlamanın oynatabileceği ölçüdedir,
# * **gürültü**: yüz kadar doğrulama örneği ve üç tohum, birkaç puanlık bir yayılım bırakır.

# %% [markdown] lang=en
# ## 8. The rest of the family, counted on the shipped model
#
# * **Adapters** (Houlsby et al. 2019): a bottleneck network $h + W_{up}\,\mathrm{GELU}(W_{down} h)$
#   after each sublayer, $W_{up}$ starting at zero. They stay in the path: unlike LoRA they cannot be
#   merged, and each adds a little to every forward pass.
# * **IA³** (Liu et al. 2022): a learned vector rescales the keys, the values and the MLP's inner
#   activations; the fewest parameters of all. GPT-2 computes queries, keys and values in one layer,
#   so peft's IA³ on `c_attn` rescales the queries too.
# * **Prefix tuning** (Li & Liang 2021) and **P-tuning** (Liu et al. 2021, arXiv 2103.10385) prepend
#   learned vectors inside the attention of every layer, or produce the prompt with a small encoder;
#   **prompt tuning** (chapter 05) only at the input.
# * **QLoRA** (Dettmers et al. 2023, arXiv 2305.14314): the frozen base is stored in 4 bits (the
#   NormalFloat4 type, with the quantisation constants quantised again), LoRA trains in 16 bits on top,
#   and paged optimizers absorb memory spikes; it fine-tuned a 65 B model on one 48 GB GPU. It needs
#   `bitsandbytes` and a CUDA GPU, so the cell below runs it only there.
# * **DoRA** (Liu et al. 2024, arXiv 2402.09353) splits each weight into a magnitude and a direction
#   and applies LoRA to the direction only; in peft it is `LoraConfig(use_dora=True)`.
# %% [markdown] lang=tr
# ## 8. Ailenin geri kalanı, kursla gelen modelde sayılmış olarak
#
# * **Adaptörler** (Houlsby vd. 2019): her alt katmandan sonra $h + W_{up}\,\mathrm{GELU}(W_{down} h)$
#   biçiminde bir darboğaz ağı; $W_{up}$ sıfırdan başlar. Yolda kalırlar: LoRA'nın aksine
#   birleştirilemezler ve her ileri geçişe biraz maliyet eklerler.
# * **IA³** (Liu vd. 2022): öğrenilen bir vektör anahtarları, değerleri ve MLP'nin iç etkinleşmelerini
#   yeniden ölçekler; hepsinin içinde en az parametreyi o eğitir. GPT-2 sorguları, anahtarları ve
#   değerleri tek katmanda hesapladığı için peft'in `c_attn` üzerindeki IA³'ü sorguları da ölçekler.
# * **Önek ayarlama** (prefix tuning; Li ve Liang 2021) ve **P-tuning** (Liu vd. 2021, arXiv 2103.10385)
#   öğrenilen vektörleri her katmanın dikkatinin içine ekler ya da prompt'u küçük bir kodlayıcıyla
#   üretir; **prompt ayarlama** (05. bölüm) ise yalnızca girdiye.
# * **QLoRA** (Dettmers vd. 2023, arXiv 2305.14314): dondurulmuş temel model 4 bitle saklanır
#   (NormalFloat4 türü; nicemleme sabitleri de ikinci kez nicemlenir), LoRA üstünde 16 bitle eğitilir ve
#   sayfalanmış optimizer'lar bellek sıçramalarını karşılar. Bu yöntemle 65 milyar parametreli bir model
#   tek bir 48 GB'lık GPU'da ince ayarlanmıştır. `bitsandbytes` ve CUDA'lı bir GPU gerektirir; bu yüzden
#   aşağıdaki hücre onu yalnızca orada çalıştırır.
# * **DoRA** (Liu vd. 2024, arXiv 2402.09353) her ağırlığı bir büyüklüğe ve bir yöne ayırır, LoRA'yı
#   yalnızca yöne uygular; peft'te `LoraConfig(use_dora=True)` ile seçilir.

# %%
# NBVAL_IGNORE_OUTPUT
cfg = base.model.config
counts = peft_parameter_counts(base.model, n_virtual=20, r=8)
ours = pick(en="course", tr="kurs")
family = {
    pick(en="full fine-tuning", tr="tam ince ayar"): n_model,
    f"LoRA r=8, c_attn ({ours})": count_lora_parameters(base.model, 8, ("c_attn",)),
    "LoRA r=8, c_attn (peft)": counts["lora"],
    pick(en="adapters", tr="adaptörler") + f" m={SIZES.bottleneck} ({ours})":
        adapter_parameter_count(cfg.n_embd, SIZES.bottleneck, cfg.n_layer),
    "IA³ (peft)": counts["ia3"],
    pick(en="prompt tuning", tr="prompt ayarlama") + " p=20 (peft)": counts["prompt_tuning"],
    pick(en="prefix tuning", tr="önek ayarlama") + " p=20 (peft)": counts["prefix_tuning"],
    "P-tuning p=20 (peft)": counts["p_tuning"],
}
pd.DataFrame({pick(en="trainable parameters", tr="eğitilen parametreler"): family,
              "%": {k: round(100 * v / n_model, 3) for k, v in family.items()}})

# %%
# NBVAL_IGNORE_OUTPUT
import importlib.util  # noqa: E402

if current_profile() == "gpu" and torch.cuda.is_available() and importlib.util.find_spec("bitsandbytes"):
    import tempfile

    from transformers import BitsAndBytesConfig, GPT2LMHeadModel

    with tempfile.TemporaryDirectory() as folder:
        to_hf(base.model).save_pretrained(folder)
        four_bit = GPT2LMHeadModel.from_pretrained(folder, quantization_config=BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=torch.bfloat16))
    qlora = get_peft_model(four_bit, LoraConfig(r=8, target_modules=["c_attn"], fan_in_fan_out=True))
    print("QLoRA:", f"{four_bit.get_memory_footprint() / 2**20:.1f} MB",
          pick(en="in 4 bits, against", tr="4 bitle; fp32'de"), f"{n_model * 4 / 2**20:.1f} MB",
          pick(en="in fp32", tr="idi"))
    qlora.print_trainable_parameters()
else:
    print(pick(en="QLoRA skipped: it needs the gpu profile, a CUDA GPU and bitsandbytes.",
               tr="QLoRA atlandı: gpu profili, CUDA'lı bir GPU ve bitsandbytes gerekir."))

# %% [markdown] lang=en
# ## Summary
#
# * PEFT is *parameter-efficient* fine-tuning: the pretrained weights stay frozen, a few new
#   parameters train. (Not "prompt-based fine-tuning", which is another method.)
# * LoRA writes a weight's change as $\frac{\alpha}{r} BA$ with $r \ll d$; $B = 0$ at the start, so
#   training starts from the base model. It trains $r(d_{in} + d_{out})$ numbers per adapted matrix.
# * After training, $BA$ merges into $W_0$: inference costs nothing extra, and unmerging restores $W_0$.
# * The course's LoRA equals peft's on the Hugging Face export, number for number, and adapters move
#   between them.
# * Your table says how close LoRA came to full fine-tuning at this scale, at which rank, and at what
#   share of the parameters and memory.
#
# **Next:** chapter 05 — prompt tuning, which trains only a few vectors at the input.
# %% [markdown] lang=tr
# ## Özet
#
# * PEFT, *parametre açısından verimli* ince ayardır: ön eğitimli ağırlıklar donmuş kalır, birkaç yeni
#   parametre eğitilir. ("Prompt tabanlı ince ayar" değildir; o başka bir yöntemdir.)
# * LoRA bir ağırlığın değişimini $r \ll d$ olmak üzere $\frac{\alpha}{r} BA$ olarak yazar; başlangıçta
#   $B = 0$'dır, bu yüzden eğitim temel modelden başlar. Uyarlanan her matris için $r(d_{in} + d_{out})$
#   sayı eğitir.
# * Eğitimden sonra $BA$, $W_0$'a birleştirilir: çıkarım fazladan hiçbir şeye mal olmaz; birleştirmeyi
#   geri almak $W_0$'ı geri getirir.
# * Kursun LoRA'sı, Hugging Face'e aktarılmış modelde peft'inkine sayısı sayısına eşittir ve adaptörler
#   ikisi arasında taşınabilir.
# * Tablonuz, bu ölçekte LoRA'nın tam ince ayara ne kadar yaklaştığını, hangi rankla ve parametrelerin
#   ve belleğin ne kadarıyla yaptığını söyler.
#
# **Sırada:** 05. bölüm — yalnızca girdideki birkaç vektörü eğiten prompt ayarlama.

# %% [markdown] lang=en
# ## Further reading
#
# * E. J. Hu et al. *LoRA: Low-Rank Adaptation of Large Language Models*. ICLR 2022, arXiv:2106.09685.
# * N. Houlsby et al. *Parameter-Efficient Transfer Learning for NLP*. ICML 2019, arXiv:1902.00751.
# * X. L. Li, P. Liang. *Prefix-Tuning: Optimizing Continuous Prompts for Generation*. ACL 2021, arXiv:2101.00190.
# * H. Liu et al. *Few-Shot Parameter-Efficient Fine-Tuning is Better and Cheaper than In-Context
#   Learning* (IA³). NeurIPS 2022, arXiv:2205.05638.
# * T. Dettmers et al. *QLoRA: Efficient Finetuning of Quantized LLMs*. NeurIPS 2023, arXiv:2305.14314.
# * S.-Y. Liu et al. *DoRA: Weight-Decomposed Low-Rank Adaptation*. ICML 2024, arXiv:2402.09353.
# * A. Aghajanyan, L. Zettlemoyer, S. Gupta. *Intrinsic Dimensionality Explains the Effectiveness of
#   Language Model Fine-Tuning*. ACL 2021, arXiv:2012.13255.
# * D. Biderman et al. *LoRA Learns Less and Forgets Less*. TMLR 2024, arXiv:2405.09673.
# * Hugging Face `peft` documentation: huggingface.co/docs/peft.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * E. J. Hu vd. *LoRA: Low-Rank Adaptation of Large Language Models*. ICLR 2022, arXiv:2106.09685.
# * N. Houlsby vd. *Parameter-Efficient Transfer Learning for NLP*. ICML 2019, arXiv:1902.00751.
# * X. L. Li, P. Liang. *Prefix-Tuning: Optimizing Continuous Prompts for Generation*. ACL 2021, arXiv:2101.00190.
# * H. Liu vd. *Few-Shot Parameter-Efficient Fine-Tuning is Better and Cheaper than In-Context
#   Learning* (IA³). NeurIPS 2022, arXiv:2205.05638.
# * T. Dettmers vd. *QLoRA: Efficient Finetuning of Quantized LLMs*. NeurIPS 2023, arXiv:2305.14314.
# * S.-Y. Liu vd. *DoRA: Weight-Decomposed Low-Rank Adaptation*. ICML 2024, arXiv:2402.09353.
# * A. Aghajanyan, L. Zettlemoyer, S. Gupta. *Intrinsic Dimensionality Explains the Effectiveness of
#   Language Model Fine-Tuning*. ACL 2021, arXiv:2012.13255.
# * D. Biderman vd. *LoRA Learns Less and Forgets Less*. TMLR 2024, arXiv:2405.09673.
# * Hugging Face `peft` belgeleri: huggingface.co/docs/peft.
