# %% [markdown] lang=en
# # 03 · Fine-tuning: four approaches, and instruction tuning
#
# Chapter 02 pretrained a GPT to predict the next token. A pretrained model knows a lot about its
# languages, but it does not yet *do* anything we ask: it does not sort a review into positive and
# negative, does not translate, does not answer an instruction. **Fine-tuning** teaches it one such
# task from a few hundred labelled examples, starting from the pretrained weights instead of from
# random ones.
#
# The question of this chapter is *which parameters should change, and how fast*. In this chapter you will
# 1. put a new classification head on the base model and load two tasks: one from the built-in world
#    and SIB-200, real Turkish sentences in 7 topics,
# 2. meet the four approaches: **all layers**, **selected layers** (exercise 1), **transfer learning**
#    (a linear probe, and LP-FT), and **gradual unfreezing** with ULMFiT's schedule and its
#    per-layer learning rates (exercises 2 and 3),
# 3. measure what each costs and what it forgets, over several seeds, in one table and one plot,
#    and check which claims of the literature your table supports,
# 4. train in one language and test in the other (cross-lingual transfer),
# 5. write the loss mask of **instruction tuning** (exercise 4) and compare the base model with the
#    course's instruction-tuned chat model on the same prompts, in both languages,
# 6. score translation, a generation task, with chrF, before and after instruction tuning.
#
# Time: about 30 minutes to read; the `cpu` profile computes for about 5 minutes. No GPU needed.
# %% [markdown] lang=tr
# # 03 · İnce ayar: dört yaklaşım ve talimat ince ayarı
#
# 02. bölümde bir GPT'yi sonraki token'ı tahmin etmek üzere ön eğitimden geçirdik. Ön eğitimli bir
# model dilleri hakkında çok şey bilir ama bizim istediğimiz bir işi henüz *yapmaz*: bir yorumu olumlu
# ya da olumsuz diye ayırmaz, çeviri yapmaz, bir talimata yanıt vermez. **İnce ayar** (fine-tuning),
# modele böyle bir görevi birkaç yüz etiketli örnekle öğretir; bunu rastgele ağırlıklardan değil,
# ön eğitimde öğrenilmiş ağırlıklardan başlayarak yapar.
#
# Bu bölümün sorusu şudur: *hangi parametreler değişmeli ve ne hızla?* Bu bölümde
# 1. temel modele yeni bir sınıflandırma kafası takacak ve iki görev yükleyeceksiniz: biri yerleşik
#    dünyadan, öteki 7 konuya ayrılmış gerçek Türkçe cümlelerden oluşan SIB-200,
# 2. dört yaklaşımı tanıyacaksınız: **tüm katmanlar**, **seçili katmanlar** (1. alıştırma), **aktarım
#    öğrenmesi** (doğrusal yoklama ve LP-FT) ve ULMFiT'in çizelgesi ile katmana özgü öğrenme
#    oranlarını kullanan **katmanların kademeli çözülmesi** (2. ve 3. alıştırmalar),
# 3. her yaklaşımın neye mal olduğunu ve neyi unuttuğunu birkaç tohumla ölçüp tek bir tabloda ve tek
#    bir grafikte toplayacak, literatürün hangi iddialarını tablonuzun desteklediğini sınayacaksınız,
# 4. bir dilde eğitip öteki dilde sınayacak (diller arası aktarım),
# 5. **talimat ince ayarının** kayıp maskesini yazacak (4. alıştırma) ve temel modeli, kursun talimatla
#    ince ayarlanmış sohbet modeliyle aynı prompt'lar üzerinde iki dilde karşılaştıracak,
# 6. bir üretim görevi olan çeviriyi, talimat ince ayarından önce ve sonra chrF ile puanlayacaksınız.
#
# Süre: okumak yaklaşık 30 dakika; `cpu` profili yaklaşık 5 dakika hesap yapar. GPU gerekmez.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import torch
from torch import nn

from course_lib.assets import load_base_model, load_chat_model
from course_lib.checks import (
    check_discriminative_groups,
    check_freeze_top_k,
    check_response_mask,
    check_slanted_triangular,
)
from course_lib.data.world import World
from course_lib.device import seed_everything
from course_lib.finetune import (
    LPFT,
    Full,
    GradualUnfreezingMethod,
    LinearProbe,
    Selected,
    SequenceClassifier,
    compare,
    count_trainable,
    discriminative_lr_groups,
    sib200,
    world_sentiment,
    world_topic,
)
from course_lib.finetune.claims import judge_claims, verdict_lines
from course_lib.finetune.compare import FinetuneConfig
from course_lib.finetune.instruct import encode_example, format_example, instruction_pairs, respond
from course_lib.finetune.metrics import chrf, majority_rate
from course_lib.i18n import pick
from course_lib.profile import current_profile, sizes
from course_lib.train.schedule import slanted_triangular_lr

SIZES = sizes("03_finetuning")
# en: everything this notebook writes goes here; finished fine-tuning runs are kept under CACHE,
# en: keyed by everything that defines them, so running the notebook again is instant
# tr: bu defterin yazdığı her şey buraya gider; biten ince ayar çalıştırmaları, onları tanımlayan
# tr: her şeyden türetilen bir anahtarla CACHE altında saklanır, böylece defteri yeniden çalıştırmak anında biter
RUN_DIR = Path("runs/03_finetuning")
CACHE = RUN_DIR / "compare"
# en: every run trains the same way: its epochs, batch size, learning rate, tokens kept per text
# en: and held-out text for the forgetting column come from this profile's sizes (print(CONFIG) lists them)
# tr: her çalıştırma aynı biçimde eğitilir: tur (epoch) sayısı, yığın boyutu, öğrenme oranı, metin başına
# tr: tutulan token sayısı ve unutma sütununun okuduğu ayrılmış metin bu profilin boyutlarından gelir
# tr: (print(CONFIG) hepsini gösterir)
CONFIG = FinetuneConfig.from_sizes(SIZES)
generator = seed_everything(0)
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. From a language model to a classifier
#
# We start from the course's **base model** (`load_base_model()`): a small GPT pretrained on text in
# both languages. A GPT outputs, at every position, scores for the next token. For classification we
# need one score per *class* for the whole text, so we add a **head**: one new linear layer (d → number
# of classes) that reads the features of one position.
#
# Which position? In a causal model position $t$ has read tokens $0 \dots t$ only, so only the **last
# real token** has read the whole text; GPT-style classifiers read their features there (Hugging
# Face's `GPT2ForSequenceClassification` does the same). Texts in a batch have different lengths and
# are padded on the right; the head must skip the padding and take the last *real* token.
# `SequenceClassifier` does exactly this around any GPT: the course's or a Hugging Face one.
# %% [markdown] lang=tr
# ## 1. Dil modelinden sınıflandırıcıya
#
# Kursun **temel modelinden** (`load_base_model()`) başlıyoruz: iki dilde metinle ön eğitimden geçmiş
# küçük bir GPT. Bir GPT her konumda sonraki token için puanlar üretir. Sınıflandırma içinse metnin
# tamamı için *sınıf* başına bir puan gerekir; bu yüzden modele bir **kafa** ekleriz: tek bir konumun
# özniteliklerini okuyan yeni bir doğrusal katman (d → sınıf sayısı).
#
# Hangi konum? Nedensel bir modelde $t$ konumu yalnızca $0 \dots t$ token'larını okumuştur; metnin
# tamamını okumuş olan tek konum **son gerçek token**'dır. GPT tarzı sınıflandırıcılar öznitelikleri
# oradan alır (Hugging Face'in `GPT2ForSequenceClassification` sınıfı da böyle yapar). Bir yığındaki
# metinlerin uzunlukları farklıdır ve sağdan dolgu (padding) ile eşitlenir; kafa dolguyu atlayıp son
# *gerçek* token'ı almalıdır. `SequenceClassifier`, kursun ya da Hugging Face'in herhangi bir GPT'sinin
# çevresine tam olarak bunu kurar.

# %%
base = load_base_model()
n_base = sum(p.numel() for p in base.model.parameters())
print(pick(en="base model:", tr="temel model:"), base.source, f"· {n_base:,}",
      pick(en="parameters", tr="parametre"))

world_task = (world_sentiment if SIZES.world_task == "sentiment" else world_topic)(
    "tr", n_train=SIZES.world_n_train, n_dev=SIZES.world_n_dev, label_noise=SIZES.label_noise)
sib_task = sib200("tr", n_train=SIZES.sib_n_train)
for task in (world_task, sib_task):
    print("\n", task)
    for example in task.train[:3]:
        print(f"   [{task.labels[example.label]}] {example.text[:100]}")

# %% [markdown] lang=en
# The world task flips a fraction of its *training* labels at random (`label_noise`): real labelled
# data is never clean, and the world's text is so regular that on a clean task every approach could
# reach the same near-perfect score, which would hide their differences. The dev set keeps the true
# labels. SIB-200 (Adelani et al. 2023) is real: sentences of FLORES-200 (from Wikinews, Wikijunior
# and Wikivoyage) with a topic label, the same sentences in more than 200 languages; its train and dev
# splits ship inside the package (CC BY-SA 4.0).
#
# Here is the head on the base model. It starts random, so until it is trained the classifier's
# answers are guesses.
# %% [markdown] lang=tr
# Dünya görevi, *eğitim* etiketlerinin bir bölümünü rastgele değiştirir (`label_noise`, etiket
# gürültüsü): gerçek etiketli veri hiçbir zaman temiz değildir; üstelik dünyanın metni o kadar
# düzenlidir ki temiz bir görevde bütün yaklaşımlar aynı, neredeyse kusursuz puana ulaşabilir ve
# aralarındaki farklar gizlenirdi. Doğrulama kümesi gerçek etiketleri korur. SIB-200 (Adelani vd.
# 2023) ise gerçek veridir: FLORES-200'ün (Wikinews, Wikijunior ve Wikivoyage kaynaklı) cümleleri, her
# biri bir konu etiketiyle; aynı cümleler 200'den fazla dilde bulunur. Eğitim ve doğrulama bölümleri
# paketin içinde gelir (CC BY-SA 4.0).
#
# İşte temel modelin üzerindeki kafa. Rastgele başlar; bu yüzden eğitilene dek sınıflandırıcının
# yanıtları birer tahminden ibarettir.

# %%
classifier = SequenceClassifier(base.model, n_classes=len(sib_task.labels))
print(classifier.head)
print(pick(en="parameters of the new head:", tr="yeni kafanın parametreleri:"),
      sum(p.numel() for p in classifier.head.parameters()))

# %% [markdown] lang=en
# ## 2. Which parameters train? The four approaches
#
# | approach | what trains | source |
# |---|---|---|
# | all layers (full fine-tuning) | every parameter | — |
# | selected layers | the top $k$ blocks and the head | Lee, Tang & Lin 2019 |
# | transfer learning: linear probe | the head only, on frozen features | — |
# | transfer learning: LP-FT | the head first, then every parameter | Kumar et al. 2022 |
# | gradual unfreezing | the head, then one more block from the top each epoch, with per-layer learning rates and a slanted triangular schedule | ULMFiT, Howard & Ruder 2018 |
#
# ### 2.1 Why freeze anything?
#
# Training every parameter is the most flexible choice. Freezing most of the network still pays, for
# four reasons:
# * **cost**: a frozen parameter needs no gradient and no optimizer state (AdamW keeps two extra numbers
#   per trained parameter), so memory and time shrink;
# * **small data**: a few hundred examples cannot pin down millions of parameters; fewer free
#   parameters overfit less;
# * **forgetting**: what is frozen cannot be overwritten, so the model keeps more of what pretraining
#   taught it (section 3);
# * **one base, many tasks**: the frozen part is shared, only the small trained part is stored per task.
#
# Which layers? The lower blocks of a pretrained transformer hold general features of the language; the
# upper ones are closer to the pretraining objective and must change most for a new task. Lee, Tang &
# Lin (2019) froze BERT from the bottom and found that training only the top quarter of its layers
# kept about 90 % of full fine-tuning's quality (their figure, on GLUE).
#
# ### Exercise 1: freeze all but the top k blocks
#
# Write `freeze_top_k(model, blocks, k, head)`: `blocks` is the model's list of blocks from the bottom
# (next to the embeddings) to the top (next to the output); after the call exactly the **last `k`
# blocks and the `head`** train, and **everything else is frozen** (`requires_grad = False`): the
# embeddings, the lower blocks, any other layer. Return the number of trainable scalars. Note that
# `k` may be 0 (then only the head trains), and that the model may arrive with some parts already
# frozen.
# %% [markdown] lang=tr
# ## 2. Hangi parametreler eğitilir? Dört yaklaşım
#
# | yaklaşım | ne eğitilir | kaynak |
# |---|---|---|
# | tüm katmanlar (tam ince ayar) | bütün parametreler | — |
# | seçili katmanlar | en üstteki $k$ blok ve kafa | Lee, Tang ve Lin 2019 |
# | aktarım öğrenmesi: doğrusal yoklama | dondurulmuş özniteliklerin üzerinde yalnızca kafa | — |
# | aktarım öğrenmesi: LP-FT | önce kafa, ardından bütün parametreler | Kumar vd. 2022 |
# | katmanların kademeli çözülmesi | önce kafa, sonra her turda üstten bir blok daha; katmana özgü öğrenme oranları ve eğik üçgen çizelgeyle | ULMFiT, Howard ve Ruder 2018 |
#
# ### 2.1 Neden bir şeyleri dondururuz?
#
# Bütün parametreleri eğitmek en esnek seçimdir. Yine de ağın çoğunu dondurmanın dört yararı vardır:
# * **maliyet**: dondurulmuş bir parametre için ne gradyan ne de optimizer durumu gerekir (AdamW, eğitilen
#   her parametre için iki sayı daha tutar); bellek ve süre azalır,
# * **az veri**: birkaç yüz örnek milyonlarca parametreyi belirlemeye yetmez; serbest parametre ne kadar
#   azsa aşırı öğrenme o kadar azalır,
# * **unutma**: dondurulmuş bir parametrenin üzerine yazılamaz; model ön eğitimde öğrendiklerinin daha
#   çoğunu korur (3. kısım),
# * **tek temel, çok görev**: dondurulan kısım bütün görevlerde ortaktır; görev başına yalnızca eğitilen
#   küçük kısım saklanır.
#
# Hangi katmanlar? Ön eğitimli bir transformer'ın alt blokları dilin genel özniteliklerini taşır; üst
# bloklar ön eğitimin hedefine daha yakındır ve yeni bir görev için en çok onların değişmesi gerekir.
# Lee, Tang ve Lin (2019), BERT'i alttan başlayarak dondurmuş ve katmanlarının yalnızca üstteki
# dörtte birini eğitmenin tam ince ayarın kalitesinin yaklaşık %90'ını koruduğunu bulmuştur (GLUE
# üzerinde, kendi bulguları).
#
# ### 1. alıştırma: en üstteki k blok dışında her şeyi dondurun
#
# `freeze_top_k(model, blocks, k, head)` fonksiyonunu yazın: `blocks`, modelin bloklarının alttan
# (gömmelerin yanından) üste (çıktının yanına) doğru sıralanmış listesidir. Çağrıdan sonra tam olarak
# **son `k` blok ve `head`** eğitilmeli, **geri kalan her şey dondurulmalıdır** (`requires_grad = False`):
# gömmeler, alttaki bloklar ve başka her katman. Fonksiyon eğitilebilir skalerlerin sayısını döndürsün.
# `k` değerinin 0 olabileceğine (o zaman yalnızca kafa eğitilir) ve modelin bazı kısımları önceden
# dondurulmuş olarak gelebileceğine dikkat edin.

# %%
def freeze_top_k(model, blocks, k, head):
    ### BEGIN SOLUTION
    model.requires_grad_(False)
    for block in list(blocks)[len(blocks) - k:]:
        block.requires_grad_(True)
    head.requires_grad_(True)
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
    ### END SOLUTION


# %%
check_freeze_top_k(freeze_top_k)

# %% [markdown] lang=en
# On the real classifier: the library's `Selected(k)` also trains the final LayerNorm, which sits
# between the top block and the head (it is tiny: $2d$ numbers), so we hand it over together with the
# head. The share of trainable parameters falls fast with $k$:
# %% [markdown] lang=tr
# Gerçek sınıflandırıcıda: kütüphanenin `Selected(k)` yaklaşımı, en üst blokla kafa arasındaki son
# LayerNorm'u da eğitir (çok küçüktür: $2d$ sayı); bu yüzden onu kafayla birlikte veriyoruz. Eğitilebilir
# parametrelerin payı $k$ küçüldükçe hızla düşer:

# %%
blocks = classifier.backbone.blocks
top = nn.ModuleList([classifier.backbone.ln_f, classifier.head])
total = sum(p.numel() for p in classifier.parameters())
for k in range(len(blocks), -1, -1):
    n = freeze_top_k(classifier, blocks, k, top)
    assert n == count_trainable(classifier)
    print(f"k = {k}: {n:>9,} / {total:,} = {100 * n / total:5.1f} %")
classifier.requires_grad_(True)

# %% [markdown] lang=en
# ### 2.2 Transfer learning: a linear probe, and LP-FT
#
# **Transfer learning** is the umbrella idea of this whole chapter: reuse what pretraining learned. Its
# narrowest form freezes the entire pretrained model and trains only the new head on its features: a
# **linear probe** (it "probes" how much of the task the frozen features already contain). Here the
# probe is logistic regression fitted by the same training loop, with every block frozen: the cheapest
# approach, and it cannot forget anything, but it can only use the features as they are.
#
# **LP-FT** (Kumar et al., ICLR 2022) fixes a problem of full fine-tuning that they identified. At the
# start the head is random, so its gradients push the pretrained features in random directions; the
# features of the training distribution get adapted to the task, while features of text that looks
# different (another domain, another language) get distorted. Their remedy: first fit the linear probe
# (LP), then fine-tune everything (FT) starting from that fitted head, whose gradients change the
# features only as much as the task needs. They report clearly better out-of-distribution accuracy
# than full fine-tuning, with in-distribution accuracy as good or slightly better. Their experiments
# were mostly on image classification (CLIP, ResNet); whether the effect carries over to a small
# language model and to another language is one of the things your table tests. Here the probe phase takes the first half of the
# steps (`LPFT(probe_fraction=0.5)`).
#
# ### 2.3 Gradual unfreezing: ULMFiT's recipe
#
# ULMFiT (Howard & Ruder, ACL 2018) fine-tuned a pretrained LSTM language model with three ideas, which
# work together:
# 1. **gradual unfreezing**: the first epoch trains only the head; each later epoch unfreezes one more
#    block from the top, until all layers train. The random head settles before it sends gradients deep
#    into the network;
# 2. **discriminative learning rates**: each layer gets its own rate, smaller the lower it sits,
#    $\eta_{l-1} = \eta_l / 2.6$ (the factor 2.6 they found empirically);
# 3. the **slanted triangular** learning rate: a short linear rise over the first `cut_frac` = 10 % of
#    the steps to `max_lr`, then a long linear decay down to `max_lr / ratio`, with `ratio` = 32.
#    With step $t$ of $T$ and $\text{cut} = \lfloor T \cdot \text{cut\_frac} \rfloor$:
#
# $$p = \begin{cases} t / \text{cut} & t < \text{cut} \\ 1 - \dfrac{t - \text{cut}}{\text{cut} \cdot (1/\text{cut\_frac} - 1)} & \text{otherwise} \end{cases}
# \qquad \eta_t = \eta_{max} \cdot \frac{1 + p\,(\text{ratio} - 1)}{\text{ratio}}$$
#
# ### Exercise 2: the slanted triangular schedule
#
# Write `slanted_triangular(step, *, max_lr, total_steps, cut_frac=0.1, ratio=32)` from the formula
# above. Steps count from 0; the rate is highest exactly at step `cut`, and it is `max_lr / ratio` at
# step 0 and at step `total_steps`.
# %% [markdown] lang=tr
# ### 2.2 Aktarım öğrenmesi: doğrusal yoklama ve LP-FT
#
# **Aktarım öğrenmesi** (transfer learning) bu bölümün tamamının çatı fikridir: ön eğitimde
# öğrenilenleri yeniden kullanmak. En dar biçiminde ön eğitimli modelin tamamı dondurulur ve onun
# öznitelikleri üzerinde yalnızca yeni kafa eğitilir. Buna **doğrusal yoklama** (linear probe) denir:
# dondurulmuş özniteliklerin görevin ne kadarını zaten içerdiği bir doğrusal katmanla "yoklanır".
# Burada yoklama, bütün bloklar dondurulmuşken aynı eğitim döngüsüyle uydurulan bir lojistik
# regresyondur. En ucuz yaklaşımdır ve hiçbir şeyi unutamaz; ama öznitelikleri yalnızca oldukları
# gibi kullanabilir.
#
# **LP-FT** (Kumar vd., ICLR 2022), bu yazarların tam ince ayarda saptadığı bir sorunu giderir.
# Başlangıçta kafa rastgeledir; bu yüzden gradyanları ön eğitimli öznitelikleri rastgele yönlere iter.
# Eğitim dağılımına ait metinlerin öznitelikleri göreve uyarlanırken, farklı görünen metinlerin (başka
# bir alan, başka bir dil) öznitelikleri bozulur. Önerdikleri çare: önce doğrusal yoklamayı uydurmak
# (LP), ardından uydurulmuş bu kafadan başlayarak her şeye ince ayar yapmak (FT). Uydurulmuş kafanın
# gradyanları öznitelikleri ancak görevin gerektirdiği kadar değiştirir. Yazarlar, dağılım dışında tam
# ince ayardan belirgin biçimde yüksek, dağılım içinde ise aynı ya da biraz daha yüksek doğruluk bildirir.
# Deneylerinin çoğu görüntü sınıflandırması üzerindeydi (CLIP, ResNet); etkinin küçük bir dil modeline
# ve başka bir dile taşınıp taşınmadığı, tablonuzun sınadığı şeylerden biridir. Burada yoklama evresi
# adımların ilk yarısını kaplar (`LPFT(probe_fraction=0.5)`).
#
# ### 2.3 Katmanların kademeli çözülmesi: ULMFiT'in tarifi
#
# ULMFiT (Howard ve Ruder, ACL 2018), ön eğitimli bir LSTM dil modeline birlikte işleyen üç fikirle
# ince ayar yapmıştır:
# 1. **katmanların kademeli çözülmesi** (gradual unfreezing): ilk tur yalnızca kafayı eğitir; sonraki
#    her tur, bütün katmanlar eğitilene dek üstten bir bloğun daha buzunu çözer. Böylece rastgele kafa,
#    gradyanlarını ağın derinliklerine göndermeden önce yerine oturur;
# 2. **katmana özgü öğrenme oranları** (discriminative learning rates): her katmanın kendi öğrenme
#    oranı vardır ve katman ne kadar alttaysa oran o kadar küçüktür: $\eta_{l-1} = \eta_l / 2{,}6$
#    (2,6 çarpanını yazarlar deneyerek bulmuştur);
# 3. **eğik üçgen** (slanted triangular) öğrenme oranı çizelgesi: adımların ilk `cut_frac` = %10'unda
#    `max_lr` değerine kısa ve doğrusal bir yükseliş, ardından `max_lr / ratio` değerine uzun ve
#    doğrusal bir iniş; `ratio` = 32. $T$ adımın $t$. adımında, $\text{cut} = \lfloor T \cdot
#    \text{cut\_frac} \rfloor$ ile:
#
# $$p = \begin{cases} t / \text{cut} & t < \text{cut} \\ 1 - \dfrac{t - \text{cut}}{\text{cut} \cdot (1/\text{cut\_frac} - 1)} & \text{aksi halde} \end{cases}
# \qquad \eta_t = \eta_{max} \cdot \frac{1 + p\,(\text{ratio} - 1)}{\text{ratio}}$$
#
# ### 2. alıştırma: eğik üçgen çizelge
#
# Yukarıdaki formülden `slanted_triangular(step, *, max_lr, total_steps, cut_frac=0.1, ratio=32)`
# fonksiyonunu yazın. Adımlar 0'dan sayılır; oran tam olarak `cut` adımında en yüksektir, 0. adımda
# ve `total_steps` adımında ise `max_lr / ratio` değerindedir.

# %%
def slanted_triangular(step, *, max_lr, total_steps, cut_frac=0.1, ratio=32):
    ### BEGIN SOLUTION
    cut = int(total_steps * cut_frac)
    if step < cut:
        p = step / cut
    else:
        p = 1 - (step - cut) / (cut * (1 / cut_frac - 1))
    return max_lr * (1 + p * (ratio - 1)) / ratio
    ### END SOLUTION


# %%
check_slanted_triangular(slanted_triangular)

# %%
steps = range(201)
fig, ax = plt.subplots(figsize=(7, 3))
ax.plot(steps, [slanted_triangular(t, max_lr=1e-3, total_steps=200) for t in steps],
        label=pick(en="yours", tr="sizinki"))
ax.plot(steps, [slanted_triangular_lr(t, max_lr=1e-3, total_steps=200) for t in steps], "--",
        label="course_lib")
ax.set(xlabel=pick(en="step", tr="adım"), ylabel=pick(en="learning rate", tr="öğrenme oranı"),
       title=pick(en="slanted triangular schedule (cut_frac 0.1, ratio 32)",
                  tr="eğik üçgen çizelge (cut_frac 0,1, ratio 32)"))
ax.legend()
plt.show()

# %% [markdown] lang=en
# ### Exercise 3: discriminative learning rates
#
# Write `discriminative_groups(embeddings, blocks, head, lr, factor=2.6)`. It returns the optimizer's
# **parameter groups**: a list of dicts, each with `"params"` (a list of parameters) and `"lr"`. The
# top block (the last in `blocks`) learns at `lr`; each block below it at the rate of the block above
# divided by `factor` once more; the `embeddings` are the layer below the lowest block; the `head` is
# new and learns at the full `lr`. With 4 blocks: head $\eta$, blocks 3, 2, 1, 0 at $\eta, \eta/2.6,
# \eta/2.6^2, \eta/2.6^3$ and the embeddings at $\eta/2.6^4$, which is fastai's
# `slice(lr / 2.6**4, lr)`. Every parameter must be in exactly one group. You may add
# `"lr_scale"` = the group's lr / `lr` (the course's training loop multiplies its scheduled rate by it).
# %% [markdown] lang=tr
# ### 3. alıştırma: katmana özgü öğrenme oranları
#
# `discriminative_groups(embeddings, blocks, head, lr, factor=2.6)` fonksiyonunu yazın. Fonksiyon
# optimizer'ın **parametre gruplarını** döndürür: her biri `"params"` (parametrelerin listesi) ve
# `"lr"` içeren sözlüklerin listesi. En üst blok (`blocks` listesindeki son blok) `lr` oranıyla öğrenir;
# altındaki her blok, üstündeki bloğun oranının bir kez daha `factor`'e bölünmüşüyle; `embeddings`,
# en alttaki bloğun da altındaki katman sayılır; `head` ise yenidir ve tam `lr` oranıyla öğrenir.
# 4 blokla: kafa $\eta$, 3, 2, 1 ve 0. bloklar $\eta, \eta/2{,}6, \eta/2{,}6^2, \eta/2{,}6^3$ ve gömmeler
# $\eta/2{,}6^4$; bu, fastai'deki `slice(lr / 2.6**4, lr)` yazımının karşılığıdır. Her parametre tam
# olarak bir grupta bulunmalıdır. İsterseniz `"lr_scale"` = grubun lr'si / `lr` değerini de
# ekleyebilirsiniz (kursun eğitim döngüsü, zamanlanmış oranı bununla çarpar).

# %%
def discriminative_groups(embeddings, blocks, head, lr, factor=2.6):
    ### BEGIN SOLUTION
    n = len(blocks)
    groups = [{"params": list(head.parameters()), "lr": lr, "lr_scale": 1.0}]
    for index, block in enumerate(blocks):
        scale = 1 / factor ** (n - 1 - index)
        groups.append({"params": list(block.parameters()), "lr": lr * scale, "lr_scale": scale})
    groups.append({"params": list(embeddings.parameters()), "lr": lr / factor**n, "lr_scale": 1 / factor**n})
    return groups
    ### END SOLUTION


# %%
check_discriminative_groups(discriminative_groups)

# %% [markdown] lang=en
# Your groups on the real classifier, beside the library's `discriminative_lr_groups` (which finds the
# layers by name). The rates agree layer by layer:
# %% [markdown] lang=tr
# Gruplarınız gerçek sınıflandırıcıda, katmanları adlarından bulan kütüphane fonksiyonu
# `discriminative_lr_groups` ile yan yana. Oranlar katman katman aynıdır:

# %%
gpt = classifier.backbone
embeddings = nn.ModuleList([gpt.wte, gpt.wpe])
mine = discriminative_groups(embeddings, gpt.blocks, top, lr=1e-3)
library = discriminative_lr_groups(classifier, "backbone.blocks", lr=1e-3)
rate_of = {id(p): group["lr"] for group in library for p in group["params"]}
names = {id(p): name for name, p in classifier.named_parameters()}
rows = [{pick(en="first parameter", tr="ilk parametre"): names[id(group["params"][0])],
         pick(en="parameters", tr="parametre"): sum(p.numel() for p in group["params"]),
         pick(en="your lr", tr="sizin lr"): group["lr"],
         "course_lib lr": rate_of[id(group["params"][0])]} for group in mine]
assert all(abs(row["course_lib lr"] - row[pick(en="your lr", tr="sizin lr")]) < 1e-12 for row in rows)
pd.DataFrame(rows)

# %% [markdown] lang=en
# ## 3. Forgetting
#
# A network trained on a new task tends to lose what it knew before: McCloskey & Cohen (1989) called
# this **catastrophic forgetting**. For a fine-tuned language model, forgetting shows as a rise of the
# loss on the text it was pretrained on. The harness measures it directly: after fine-tuning, it runs
# the fine-tuned network without its new head as the language model it was (through its own output
# layer, which shares its weights with the token embeddings) on held-out pretraining text that no
# run trained on; **forgetting = that loss − the base model's loss on the same text**. A linear probe
# changes no weight of the network, so its forgetting is exactly 0; an approach that moves every
# weight far from where pretraining left it forgets most.
#
# Forgetting matters because a fine-tuned model is rarely used for one narrow task only: what it
# forgot (another language, general facts, the ability to write) is lost for every later use.
# %% [markdown] lang=tr
# ## 3. Unutma
#
# Yeni bir görevle eğitilen bir ağ, önceden bildiklerini kaybetme eğilimindedir: McCloskey ve Cohen
# (1989) buna **yıkıcı unutma** (catastrophic forgetting) adını vermiştir. İnce ayarlanmış bir dil
# modelinde unutma, modelin ön eğitim gördüğü metindeki kaybın yükselmesiyle kendini gösterir.
# Karşılaştırma düzeneği bunu doğrudan ölçer: ince ayardan sonra, ağı yeni kafası olmadan eskisi gibi
# bir dil modeli olarak (ağırlıklarını token gömmeleriyle paylaşan kendi çıktı katmanıyla) çalıştırır
# ve ön eğitim metninden ayrılmış, hiçbir çalıştırmanın eğitimde görmediği bir bölümde kaybı hesaplar;
# **unutma = bu kayıp − temel modelin aynı metindeki kaybı**. Doğrusal yoklama ağın hiçbir ağırlığını
# değiştirmez, bu yüzden unutması tam olarak 0'dır; her ağırlığı ön eğitimin bıraktığı yerden uzağa
# taşıyan bir yaklaşım ise en çok unutandır.
#
# Unutmanın önemi şuradan gelir: ince ayarlanmış bir model nadiren yalnızca tek bir dar görev için
# kullanılır; unuttuğu şey (başka bir dil, genel bilgiler, metin yazma becerisi) sonraki her kullanımda
# eksik kalır.

# %% [markdown] lang=en
# ## 4. The comparison on a world task
#
# `compare` runs each approach on a fresh copy of the base model, once per seed, through the course's
# one training loop, and returns a table and a plot. Its columns: the task metric on the dev set
# (mean ± std over the seeds), the same metric on the task in the **other language** (the
# out-of-distribution set, section 6), trainable parameters (count and %), wall time, peak memory,
# training FLOPs, forgetting, and an energy column that chapter 12 (carbon emissions) will fill.
# Finished runs are cached on disk, keyed by everything that defines them, so running the notebook
# again is instant.
# %% [markdown] lang=tr
# ## 4. Bir dünya görevinde karşılaştırma
#
# `compare`, her yaklaşımı temel modelin yeni bir kopyası üzerinde, her tohum için bir kez, kursun tek
# eğitim döngüsüyle çalıştırır; bir tablo ve bir grafik döndürür. Tablonun sütunları: doğrulama
# kümesinde görev ölçütü (tohumlar üzerinden ortalama ± standart sapma), aynı ölçütün **öteki dildeki**
# görevde aldığı değer (dağılım dışı küme, 6. kısım), eğitilebilir parametreler (sayı ve %), geçen
# süre, en yüksek bellek kullanımı, eğitim FLOP'ları, unutma ve 12. bölümün (karbon salımı) dolduracağı
# bir enerji sütunu. Biten çalıştırmalar, onları tanımlayan her şeyden türetilen bir anahtarla diske
# kaydedilir; defteri yeniden çalıştırmak bu yüzden anında biter.

# %%
# NBVAL_IGNORE_OUTPUT
APPROACHES = [Full(), Selected(SIZES.selected_k), LinearProbe(), LPFT(probe_fraction=0.5), GradualUnfreezingMethod()]
ROLES = dict(zip(("full", "selected", "probe", "lpft", "gradual"), (m.name for m in APPROACHES)))
world_result = compare(base, world_task, APPROACHES, seeds=SIZES.seeds, config=CONFIG, cache_dir=CACHE)
world_result.formatted()

# %%
# NBVAL_IGNORE_OUTPUT
fig = world_result.plot()
plt.show()

# %% [markdown] lang=en
# ## 5. Real text: SIB-200 in Turkish
#
# The same five runs on real Turkish sentences. This task is harder than the world's: real text has
# words the base model saw rarely or never, and seven topics to tell apart from a few hundred examples
# (this profile trains on the first `sib_n_train` of the 701 training sentences).
# %% [markdown] lang=tr
# ## 5. Gerçek metin: Türkçe SIB-200
#
# Aynı beş çalıştırma, bu kez gerçek Türkçe cümlelerde. Bu görev dünya görevinden zordur: gerçek
# metinde temel modelin az gördüğü ya da hiç görmediği sözcükler vardır ve birkaç yüz örnekten yedi
# konuyu ayırt etmek gerekir (bu profil, 701 eğitim cümlesinin ilk `sib_n_train` tanesiyle eğitir).

# %%
# NBVAL_IGNORE_OUTPUT
sib_result = compare(base, sib_task, APPROACHES, seeds=SIZES.seeds, config=CONFIG, cache_dir=CACHE)
sib_result.formatted()

# %%
# NBVAL_IGNORE_OUTPUT
fig = sib_result.plot()
plt.show()

# %% [markdown] lang=en
# ## 6. What do the tables show?
#
# The literature leads us to expect three things:
# 1. in-domain, **full ≈ gradual unfreezing ≥ selected layers ≥ linear probe** (Howard & Ruder 2018;
#    Lee et al. 2019);
# 2. the **linear probe and LP-FT forget least**;
# 3. out of distribution, **LP-FT ≥ full fine-tuning** (Kumar et al. 2022).
#
# This chapter states only what its own numbers show, and those numbers are measured now, on your
# machine, with your profile's sizes. So the next cell does not print a sentence written in advance:
# it compares the measured means (a difference smaller than the spread over seeds counts as a tie)
# and prints, for each claim, whether your table supports it. When both sides of the cross-lingual
# claim sit at the accuracy of always answering the most frequent label, it says the claim cannot be
# judged: an order between two guesses is not evidence.
# %% [markdown] lang=tr
# ## 6. Tablolar ne gösteriyor?
#
# Literatür üç şey beklememize yol açar:
# 1. alan içinde **tam ≈ katmanların kademeli çözülmesi ≥ seçili katmanlar ≥ doğrusal yoklama**
#    (Howard ve Ruder 2018; Lee vd. 2019),
# 2. **doğrusal yoklama ve LP-FT en az unutandır**,
# 3. dağılım dışında **LP-FT ≥ tam ince ayar** (Kumar vd. 2022).
#
# Bu bölüm yalnızca kendi sayılarının gösterdiğini söyler ve bu sayılar şimdi, sizin makinenizde,
# profilinizin boyutlarıyla ölçülür. Bu yüzden sonraki hücre önceden yazılmış bir cümle yazdırmaz:
# ölçülen ortalamaları karşılaştırır (tohumlar arasındaki yayılımdan küçük bir fark beraberlik sayılır)
# ve her iddia için tablonuzun onu destekleyip desteklemediğini yazdırır. Diller arası iddianın iki
# tarafı da hep en sık etiketi söylemenin doğruluğunda kalırsa, iddianın değerlendirilemeyeceğini söyler:
# iki tahmin arasındaki sıra kanıt değildir.

# %%
# NBVAL_IGNORE_OUTPUT
for task, result in ((world_task, world_result), (sib_task, sib_result)):
    print(f"— {task.name} —")
    # en: the cross-lingual claim is judged only where some approach beats always-the-majority-label
    # tr: diller arası iddia ancak bir yaklaşım hep en sık etiketi söylemekten iyi çıkarsa değerlendirilir
    ood_chance = majority_rate([example.label for example in task.ood])
    for line in verdict_lines(judge_claims(result.runs, **ROLES, ood_chance=ood_chance)):
        print("  ", line)

# %% [markdown] lang=en
# Where a claim does not hold, the usual reasons at this scale are:
# * **noise**: a few hundred dev examples and three seeds leave a spread of several points; a
#   difference inside it is not a finding;
# * **saturation**: when the task is easy for the features (or the label noise caps every approach at
#   the same accuracy), all approaches tie and the order cannot show;
# * **model size and domain**: the papers fine-tuned far larger models (ULMFiT an LSTM language
#   model, Lee et al. BERT and RoBERTa, Kumar et al. mostly image models such as CLIP). In a model of
#   a few million parameters the top block is a large share of the network, so "selected" is close to
#   "full", and the features that a linear probe reads are weaker;
# * **schedule**: gradual unfreezing needs more epochs than blocks to train every layer; with a short
#   run its lower blocks barely move, which makes it look like "selected layers".
#
# Read your verdicts with these in mind, and try the `gpu` profile (more data, longer training) to see
# which of them change.
# %% [markdown] lang=tr
# Bir iddia doğrulanmadığında bu ölçekte olağan nedenler şunlardır:
# * **gürültü**: birkaç yüz doğrulama örneği ve üç tohum, birkaç puanlık bir yayılım bırakır; bu
#   yayılımın içinde kalan bir fark bir bulgu değildir,
# * **doyma**: görev öznitelikler için kolaysa (ya da etiket gürültüsü her yaklaşımı aynı doğrulukta
#   sınırlıyorsa) bütün yaklaşımlar berabere kalır ve sıralama görünmez,
# * **model boyutu ve alan**: makaleler çok daha büyük modellere ince ayar yapmıştır (ULMFiT bir LSTM
#   dil modeline, Lee vd. BERT ve RoBERTa'ya, Kumar vd. çoğunlukla CLIP gibi görüntü modellerine).
#   Birkaç milyon parametreli bir modelde en üst blok ağın büyük bir payıdır; bu yüzden "seçili"
#   "tam"a yakın olur ve doğrusal yoklamanın okuduğu öznitelikler daha zayıftır,
# * **çizelge**: katmanların kademeli çözülmesi, her katmanı eğitebilmek için blok sayısından fazla
#   tura ihtiyaç duyar; kısa bir eğitimde alt bloklar neredeyse hiç kıpırdamaz ve yaklaşım "seçili
#   katmanlar"a benzer.
#
# Kararlarınızı bunları akılda tutarak okuyun ve hangilerinin değiştiğini görmek için `gpu` profilini
# (daha çok veri, daha uzun eğitim) deneyin.

# %% [markdown] lang=en
# ## 7. Across languages
#
# The base model read Turkish and English. Does a classifier fine-tuned on Turkish texts also sort
# English ones? The tables' out-of-distribution column answers it: each model was trained on the
# Turkish task and scored, without any English training example, on the same task in English. This
# is **cross-lingual transfer**. Now the reverse: train on English, test on Turkish (three approaches,
# to save time).
# %% [markdown] lang=tr
# ## 7. Diller arasında
#
# Temel model Türkçe ve İngilizce okudu. Türkçe metinlerle ince ayarlanmış bir sınıflandırıcı İngilizce
# metinleri de ayırabilir mi? Tabloların dağılım dışı sütunu bunu yanıtlar: her model Türkçe görevle
# eğitildi ve hiçbir İngilizce eğitim örneği görmeden aynı görevin İngilizcesinde puanlandı. Buna
# **diller arası aktarım** (cross-lingual transfer) denir. Şimdi tersi: İngilizceyle eğitip Türkçede
# sınayalım (zaman kazanmak için üç yaklaşımla).

# %%
# NBVAL_IGNORE_OUTPUT
world_task_en = (world_sentiment if SIZES.world_task == "sentiment" else world_topic)(
    "en", n_train=SIZES.world_n_train, n_dev=SIZES.world_n_dev, label_noise=SIZES.label_noise)
reverse = compare(base, world_task_en, [Full(), LinearProbe(), LPFT(probe_fraction=0.5)], seeds=SIZES.seeds,
                  config=CONFIG, cache_dir=CACHE)
reverse.formatted()

# %% [markdown] lang=en
# ## 8. Instruction tuning
#
# A chat model is a language model fine-tuned to *answer*. **Instruction tuning** (supervised
# fine-tuning, SFT) trains it on pairs of an instruction and a good response, written into a **chat
# template** that marks who speaks:
#
# ```
# User: Is this review positive or negative?
# The soup was cold. The staff were rude.
# Assistant: Negative.<|endoftext|>
# ```
#
# (A Turkish example uses the role names *Kullanıcı* and *Asistan*.)
#
# The model should learn to write the assistant's turn, not to predict the user's words, which it
# will always be given. So the loss counts only the **response** tokens: every prompt token gets the
# label `-100`, which PyTorch's and Hugging Face's cross-entropy skip (Stanford Alpaca's training
# code, for one, masks the prompt the same way). The end-of-text token closes every response and *does*
# count: it is how the model learns to stop.
#
# ### Exercise 4: the response-only labels
#
# Write `response_only_labels(input_ids, prompt_lengths, lengths, ignore_index=-100)`. `input_ids` is a
# (B, T) batch padded on the right; in row $b$ the first `prompt_lengths[b]` tokens are the prompt and
# the first `lengths[b]` tokens are real (the rest is padding). Return the labels: a **new** tensor
# like `input_ids` in which every prompt position and every padding position is `ignore_index`. The
# labels line up with `input_ids`, as Hugging Face's `labels` do: the loss shifts them by one. Find
# the padding by its *position*: the padding id may also be a real token.
# %% [markdown] lang=tr
# ## 8. Talimat ince ayarı
#
# Bir sohbet modeli, *yanıt vermek* üzere ince ayarlanmış bir dil modelidir. **Talimat ince ayarı**
# (instruction tuning; gözetimli ince ayar, SFT) modeli bir talimat ve iyi bir yanıttan oluşan
# çiftlerle eğitir. Çiftler, kimin konuştuğunu belirten bir **sohbet şablonuna** yazılır:
#
# ```
# Kullanıcı: Bu yorum olumlu mu, olumsuz mu?
# Çorba soğuktu. Çalışanlar kabaydı.
# Asistan: Olumsuz.<|endoftext|>
# ```
#
# (İngilizce bir örnekte rol adları *User* ve *Assistant* olur.)
#
# Modelin öğrenmesi gereken, asistanın sözünü yazmaktır; kullanıcının sözlerini tahmin etmek değil,
# çünkü onlar modele her zaman verilecektir. Bu yüzden kayıp yalnızca **yanıt** token'larını sayar:
# prompt'un her token'ı `-100` etiketini alır ve PyTorch'un da Hugging Face'in de çapraz entropisi bu
# etiketi atlar (örneğin Stanford Alpaca'nın eğitim kodu da prompt'u aynı biçimde maskeler).
# Metin sonu token'ı her yanıtı kapatır ve kayba *dahildir*: model durmayı onunla öğrenir.
#
# ### 4. alıştırma: yalnızca yanıtı sayan etiketler
#
# `response_only_labels(input_ids, prompt_lengths, lengths, ignore_index=-100)` fonksiyonunu yazın.
# `input_ids`, sağdan dolgulanmış (B, T) boyutlu bir yığındır; $b$. satırda ilk `prompt_lengths[b]`
# token prompt'tur, ilk `lengths[b]` token gerçektir (gerisi dolgudur). Etiketleri döndürün:
# `input_ids` ile aynı şekilde, her prompt konumunun ve her dolgu konumunun `ignore_index` olduğu
# **yeni** bir tensör. Etiketler, Hugging Face'in `labels` değerleri gibi `input_ids` ile hizalıdır:
# kayıp onları bir konum kaydırır. Dolguyu *konumundan* bulun: dolgunun token kimliği, gerçek bir token'ın kimliği de olabilir.

# %%
def response_only_labels(input_ids, prompt_lengths, lengths, ignore_index=-100):
    ### BEGIN SOLUTION
    positions = torch.arange(input_ids.shape[1], device=input_ids.device)[None, :]
    prompt = positions < torch.as_tensor(prompt_lengths, device=input_ids.device)[:, None]
    padding = positions >= torch.as_tensor(lengths, device=input_ids.device)[:, None]
    return input_ids.masked_fill(prompt | padding, ignore_index)
    ### END SOLUTION


# %%
check_response_mask(response_only_labels)

# %% [markdown] lang=en
# Your mask on a real example of the chat template, in Turkish. The tokens marked `·` add nothing to
# the loss:
# %% [markdown] lang=tr
# Maskeniz, sohbet şablonunun Türkçe gerçek bir örneği üzerinde. `·` ile gösterilen token'lar kayba
# hiçbir şey katmaz:

# %%
world = World(seed=0)
pair = world.instructions(4, "tr")[2]
prompt_text, full_text = format_example(pair.instruction, pair.response, "tr")
example = encode_example(base.tokenizer, pair.instruction, pair.response, "tr")
ids = torch.tensor([example.ids])
labels = response_only_labels(ids, torch.tensor([example.prompt_length]), torch.tensor([len(example.ids)]))
print(full_text, "\n")
print(" ".join(base.tokenizer.decode([t]) if label != -100 else "·"
               for t, label in zip(example.ids, labels[0].tolist())))

# %% [markdown] lang=en
# ### Before and after
#
# The course ships a chat model: the base model after instruction tuning on the world's instructions
# in both languages (`load_chat_model()`; its recipe is in `course_lib/assets`). Same prompts, same
# greedy decoding, first the base model, then the chat model. The base model continues the text as
# if it were any text; the chat model answers, and stops.
# %% [markdown] lang=tr
# ### Önce ve sonra
#
# Kurs, bir sohbet modeliyle birlikte gelir: dünyanın iki dildeki talimatlarıyla talimat ince ayarından
# geçmiş temel model (`load_chat_model()`; tarifi `course_lib/assets` içindedir). Aynı prompt'lar, aynı
# açgözlü kod çözme; önce temel model, sonra sohbet modeli. Temel model metni herhangi bir metinmiş gibi
# sürdürür; sohbet modeli ise yanıt verir ve durur.

# %%
# NBVAL_IGNORE_OUTPUT
chat = load_chat_model()
rows = []
for lang in ("en", "tr"):
    pairs = World(seed=7).instructions(SIZES.chat_prompts, lang)
    instructions = [p.instruction for p in pairs]
    before = respond(base.model, base.tokenizer, instructions, lang, max_new_tokens=SIZES.generate_tokens)
    after = respond(chat.model, chat.tokenizer, instructions, lang, max_new_tokens=SIZES.generate_tokens)
    for p, b, a in zip(pairs, before, after):
        rows.append({pick(en="language", tr="dil"): lang, pick(en="instruction", tr="talimat"): p.instruction,
                     pick(en="base model", tr="temel model"): b, pick(en="chat model", tr="sohbet modeli"): a,
                     pick(en="reference", tr="beklenen"): p.response})
pd.set_option("display.max_colwidth", 80)
pd.DataFrame(rows)

# %% [markdown] lang=en
# ## 9. Translation: a generation task, scored with chrF
#
# Classification is one thing fine-tuning is for; **generation** is another, and translation is the
# generation task we can score. Among the chat model's instructions were translations of the world's
# sentences (Turkish → English asked in English, English → Turkish asked in Turkish). On sentences from
# a world it never saw, we score the base model and the chat model with **chrF** (Popović 2015): the
# F-score of matching character n-grams ($n = 1 \dots 6$), with recall weighted twice as much as
# precision, on a 0–100 scale. chrF gives partial credit for a word whose stem is right but whose
# suffix is wrong, which word-level BLEU would not: a fair property for Turkish, whose words carry
# many suffixes. We use `sacrebleu`'s implementation, the standard one.
# %% [markdown] lang=tr
# ## 9. Çeviri: chrF ile puanlanan bir üretim görevi
#
# Sınıflandırma, ince ayarın işe yaradığı alanlardan yalnızca biridir; **metin üretimi** de öyle ve
# çeviri, puanlayabildiğimiz bir üretim görevidir. Sohbet modelinin talimatları arasında dünyanın
# cümlelerinin çevirileri de vardı (İngilizce sorulan Türkçe → İngilizce, Türkçe sorulan İngilizce →
# Türkçe). Modelin hiç görmediği bir dünyanın cümlelerinde temel modeli ve sohbet modelini **chrF** ile
# puanlıyoruz (Popović 2015): eşleşen karakter n-gramlarının ($n = 1 \dots 6$) F-puanı; duyarlılık
# (recall) kesinlikten (precision) iki kat ağır sayılır ve puan 0–100 arasındadır. chrF, gövdesi doğru
# ama eki yanlış bir sözcüğe kısmi puan verir; sözcük düzeyindeki BLEU bunu yapmaz. Sözcükleri çok ek
# alan Türkçe için bu adil bir özelliktir. `sacrebleu` kütüphanesinin standart uygulamasını kullanıyoruz.

# %%
# NBVAL_IGNORE_OUTPUT
rows, examples = [], []
for lang, direction in (("en", "TR → EN"), ("tr", "EN → TR")):
    pairs = instruction_pairs(World(seed=11), SIZES.translation_n_dev, lang, kinds=("translate",))
    references = [p.response for p in pairs]
    scores = {}
    for label, model in ((pick(en="base model", tr="temel model"), base), (pick(en="chat model", tr="sohbet modeli"), chat)):
        answers = respond(model.model, model.tokenizer, [p.instruction for p in pairs], lang,
                          max_new_tokens=SIZES.generate_tokens)
        scores[label] = round(chrf(answers, references), 1)
        examples.append((direction, label, pairs[0].instruction, answers[0]))
    rows.append({pick(en="direction", tr="yön"): direction, pick(en="sentences", tr="cümle"): len(pairs),
                 **{f"chrF · {label}": score for label, score in scores.items()}})
for direction, label, instruction, answer in examples:
    print(f"{direction} · {label}: {instruction!r} → {answer!r}")
pd.DataFrame(rows)

# %% [markdown] lang=en
# ## 10. A real Turkish model (the `gpu` profile)
#
# Everything above works on any GPT, including a real one. The `gpu` profile loads
# **`ytu-ce-cosmos/turkish-gpt2`** (GPT-2's smallest size, about 124 M parameters, pretrained on the
# Turkish part of CulturaX by the COSMOS group of Yıldız Technical University;
# arXiv:2404.17336) from the Hugging Face Hub and runs the same comparison
# on SIB-200 with the same functions. It needs a network; without one, the cell says so and skips.
# %% [markdown] lang=tr
# ## 10. Gerçek bir Türkçe model (`gpu` profili)
#
# Yukarıdaki her şey, gerçek bir model de dahil olmak üzere herhangi bir GPT üzerinde çalışır. `gpu`
# profili Hugging Face Hub'dan **`ytu-ce-cosmos/turkish-gpt2`** modelini (Yıldız Teknik Üniversitesi
# COSMOS grubunun CulturaX'in Türkçe bölümüyle ön eğitimden geçirdiği, GPT-2'nin en küçük boyutunda,
# yaklaşık 124 milyon parametreli bir model; arXiv:2404.17336) yükler ve aynı
# karşılaştırmayı aynı fonksiyonlarla SIB-200 üzerinde çalıştırır. Bunun için ağ bağlantısı gerekir;
# bağlantı yoksa hücre bunu söyler ve bu kısmı atlar.

# %%
# NBVAL_IGNORE_OUTPUT
if SIZES.hub_model is None:
    print(pick(en=f"The {current_profile()} profile skips the Hub model (COURSE_PROFILE=gpu runs it).",
               tr=f"{current_profile()} profili Hub modelini atlıyor (COURSE_PROFILE=gpu onu çalıştırır)."))
else:
    try:
        hub = load_base_model(f"hub:{SIZES.hub_model}")
    # en: offline, or transformers missing: the loader's message says which
    # tr: ağ bağlantısı ya da transformers yok: yükleyicinin iletisi hangisi olduğunu söyler
    except Exception as error:
        hub = None
        print(pick(en="No network (or no transformers): skipping the Hub model.",
                   tr="Ağ bağlantısı (ya da transformers) yok: Hub modeli atlanıyor."), error, sep="\n")
    if hub is not None:
        hub_result = compare(hub, sib_task, [Full(), Selected(2), LinearProbe(), LPFT(probe_fraction=0.5)],
                             seeds=SIZES.seeds, config=CONFIG, cache_dir=CACHE)
        display(hub_result.formatted())

# %% [markdown] lang=en
# ## Summary
#
# * Fine-tuning starts from pretrained weights. For classification, a new **head** reads the features
#   of the last real token.
# * The four approaches differ in **what trains**: everything (full), the top $k$ blocks and the head
#   (selected layers), the head only (linear probe), the head first and then everything (LP-FT), or
#   the head first and one more block per epoch, each layer at its own rate, on a slanted triangular
#   schedule (ULMFiT's gradual unfreezing).
# * Freezing saves memory and time, overfits less on small data and **forgets** less: forgetting is the
#   rise of the loss on the pretraining text.
# * The table and the verdicts above say which of the literature's claims your own runs support.
# * Cross-lingual transfer: a classifier trained in one language works, to a measured degree, in the
#   other.
# * Translation is a generation task: here the chat model learned it through instruction tuning, and
#   chrF scores it on characters, which suits Turkish suffixes.
# * Instruction tuning trains on instruction–response pairs in a chat template, with the loss on the
#   response only; it turns the base model into the chat model.
#
# **Next:** chapter 04 — PEFT: LoRA and its family, which train even fewer parameters.
# %% [markdown] lang=tr
# ## Özet
#
# * İnce ayar, ön eğitimde öğrenilmiş ağırlıklardan başlar. Sınıflandırmada yeni bir **kafa**, son gerçek
#   token'ın özniteliklerini okur.
# * Dört yaklaşım **neyin eğitildiğiyle** ayrılır: her şey (tam), en üstteki $k$ blok ve kafa (seçili
#   katmanlar), yalnızca kafa (doğrusal yoklama), önce kafa sonra her şey (LP-FT) ya da önce kafa, sonra
#   her turda bir blok daha; her katman kendi oranıyla, eğik üçgen bir çizelgeyle (ULMFiT'in katmanların
#   kademeli çözülmesi).
# * Dondurmak bellek ve süre kazandırır, az veride daha az aşırı öğrenir ve daha az **unutur**: unutma,
#   ön eğitim metnindeki kaybın yükselmesidir.
# * Yukarıdaki tablo ve kararlar, literatürün iddialarından hangilerini sizin çalıştırmalarınızın
#   desteklediğini söyler.
# * Diller arası aktarım: bir dilde eğitilmiş bir sınıflandırıcı, ölçülebilir bir ölçüde öteki dilde de
#   çalışır.
# * Çeviri bir üretim görevidir: burada sohbet modeli onu talimat ince ayarıyla öğrendi; chrF onu
#   karakterler üzerinden puanlar, bu da Türkçenin ekleri için uygundur.
# * Talimat ince ayarı, bir sohbet şablonuna yazılmış talimat–yanıt çiftleriyle ve yalnızca yanıt
#   üzerinden hesaplanan kayıpla eğitir; temel modeli sohbet modeline dönüştüren budur.
#
# **Sırada:** 04. bölüm — PEFT: çok daha az parametre eğiten LoRA ve benzerleri.

# %% [markdown] lang=en
# ## Further reading
#
# * J. Howard, S. Ruder. *Universal Language Model Fine-tuning for Text Classification* (ULMFiT). ACL
#   2018, arXiv:1801.06146 — gradual unfreezing, discriminative fine-tuning, slanted triangular rates.
# * J. Lee, R. Tang, J. Lin. *What Would Elsa Do? Freezing Layers During Transformer Fine-Tuning*.
#   arXiv:1911.03090, 2019 — how many layers need to train.
# * A. Kumar, A. Raghunathan, R. Jones, T. Ma, P. Liang. *Fine-Tuning can Distort Pretrained Features
#   and Underperform Out-of-Distribution*. ICLR 2022, arXiv:2202.10054 — LP-FT.
# * L. Ouyang et al. *Training language models to follow instructions with human feedback*
#   (InstructGPT). NeurIPS 2022, arXiv:2203.02155 — supervised fine-tuning on instructions, then RLHF.
# * S. Raschka. *Build a Large Language Model (From Scratch)*, Manning 2024, chapters 6 (fine-tuning
#   for classification) and 7 (fine-tuning to follow instructions); code: github.com/rasbt/LLMs-from-scratch.
# * D. I. Adelani et al. *SIB-200: A Simple, Inclusive, and Big Evaluation Dataset for Topic
#   Classification in 200+ Languages and Dialects*. EACL 2024, arXiv:2309.07445.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * J. Howard, S. Ruder. *Universal Language Model Fine-tuning for Text Classification* (ULMFiT). ACL
#   2018, arXiv:1801.06146 — katmanların kademeli çözülmesi, katmana özgü öğrenme oranları, eğik üçgen
#   çizelge.
# * J. Lee, R. Tang, J. Lin. *What Would Elsa Do? Freezing Layers During Transformer Fine-Tuning*.
#   arXiv:1911.03090, 2019 — kaç katmanın eğitilmesi gerektiği üzerine.
# * A. Kumar, A. Raghunathan, R. Jones, T. Ma, P. Liang. *Fine-Tuning can Distort Pretrained Features
#   and Underperform Out-of-Distribution*. ICLR 2022, arXiv:2202.10054 — LP-FT.
# * L. Ouyang vd. *Training language models to follow instructions with human feedback*
#   (InstructGPT). NeurIPS 2022, arXiv:2203.02155 — talimatlarla gözetimli ince ayar, ardından RLHF.
# * S. Raschka. *Build a Large Language Model (From Scratch)*, Manning 2024, 6. bölüm (sınıflandırma için
#   ince ayar) ve 7. bölüm (talimatları izlemek için ince ayar); kod: github.com/rasbt/LLMs-from-scratch.
# * D. I. Adelani vd. *SIB-200: A Simple, Inclusive, and Big Evaluation Dataset for Topic
#   Classification in 200+ Languages and Dialects*. EACL 2024, arXiv:2309.07445.
