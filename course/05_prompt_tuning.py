# %% [markdown] lang=en
# # 05 · Prompt tuning: a soft prompt
#
# Chapter 04 trained a few new parameters *inside* the model. Prompt tuning (Lester, Al-Rfou &
# Constant, EMNLP 2021) trains them only at the **input**: $p$ learned vectors, the "virtual tokens",
# are put in front of every text's token embeddings, and nothing else of the model changes. This is
# not a hand-written prompt: the vectors live in the embedding space and need not be close to any
# word; they are found by gradient descent. Hence the name **soft prompt**.
#
# In this chapter you will
# 1. write the soft prompt's forward pass: put the prompt in front of the embeddings and mask the
#    loss at its positions (the exercise), and check the course's version against `peft`'s,
# 2. train prompts of length p ∈ {1, 5, 20} through chapter 03's harness,
# 3. compare initialising the prompt from the class labels' embeddings against random vectors,
# 4. measure by how much prompt tuning trails full fine-tuning at this scale, and read why.
#
# Time: about 20 minutes to read; the `cpu` profile computes for about 3 minutes. No GPU needed.
# %% [markdown] lang=tr
# # 05 · Prompt ayarlama: yumuşak bir prompt
#
# 04. bölüm modelin *içinde* birkaç yeni parametre eğitti. Prompt ayarlama (prompt tuning; Lester,
# Al-Rfou ve Constant, EMNLP 2021) onları yalnızca **girdide** eğitir: "sanal token" denilen $p$ adet
# öğrenilmiş vektör her metnin token gömmelerinin önüne konur; modelin başka hiçbir yeri değişmez. Bu,
# elle yazılmış bir prompt değildir: vektörler gömme uzayında yaşar ve herhangi bir sözcüğe yakın olmaları
# gerekmez; gradyan inişiyle bulunurlar. **Yumuşak prompt** (soft prompt) adı buradan gelir.
#
# Bu bölümde
# 1. yumuşak prompt'un ileri geçişini yazacaksınız: prompt'u gömmelerin önüne koyup kaybı onun
#    konumlarında maskeleyeceksiniz (alıştırma); kursun sürümünü `peft`'inkiyle karşılaştıracaksınız,
# 2. p ∈ {1, 5, 20} uzunluğunda prompt'ları 03. bölümün karşılaştırma düzeneğiyle eğiteceksiniz,
# 3. prompt'u sınıf etiketlerinin gömmeleriyle ilklendirmeyi rastgele vektörlerle karşılaştıracaksınız,
# 4. bu ölçekte prompt ayarlamanın tam ince ayarın ne kadar gerisinde kaldığını ölçüp nedenini
#    okuyacaksınız.
#
# Süre: okumak yaklaşık 20 dakika; `cpu` profili yaklaşık 3 dakika hesap yapar. GPU gerekmez.

# %%
import copy
from pathlib import Path

import pandas as pd
import torch
from peft import PromptTuningConfig, get_peft_model

from course_lib.assets import load_base_model
from course_lib.checks.ch05_prompt_tuning import check_prepend_prompt
from course_lib.device import seed_everything
from course_lib.finetune import Full, compare, sib200, world_sentiment, world_topic
from course_lib.finetune.claims import verdict_lines
from course_lib.finetune.compare import FinetuneConfig
from course_lib.i18n import pick
from course_lib.methods.peft_family import peft_parameter_counts
from course_lib.methods.prompt_claims import judge_prompt_claims
from course_lib.methods.prompt_tuning import PromptTuning, SoftPrompt, init_prompt
from course_lib.model import to_hf
from course_lib.profile import current_profile, sizes

SIZES = sizes("05_prompt_tuning")
# en: finished fine-tuning runs are cached under CACHE, so running the notebook again is instant
# tr: biten ince ayar çalıştırmaları CACHE altında saklanır; defteri yeniden çalıştırmak anında biter
CACHE = Path("runs/05_prompt_tuning/compare")
CONFIG = FinetuneConfig.from_sizes(SIZES)
generator = seed_everything(0)
base = load_base_model()
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. The soft prompt's forward pass
#
# A GPT turns token ids $x_1 \dots x_T$ into embeddings $e_1 \dots e_T$ (rows of `wte`) and adds the
# position embeddings. Prompt tuning keeps a matrix $P$ ($p \times d$) and feeds the model
#
# $$[P_1, \dots, P_p, e_1, \dots, e_T]$$
#
# instead. Two details make it work:
# * every text of the batch gets the **same** $P$ in front (one prompt per task, not per example);
# * the $p$ new positions have nothing to predict, so their targets are $-100$, the index PyTorch's
#   cross-entropy skips. The text's targets move $p$ places to the right together with the text.
#
# The frozen model's weights get no gradient; $P$ does, through attention: every text position reads
# the prompt's positions. Only $p \cdot d$ numbers train (with $d = 256$ and $p = 20$: 5,120).
#
# ### Exercise: prepend the prompt and mask the loss
#
# Write `prepend_prompt(embeds, prompt, targets)`: `embeds` is (B, T, d), `prompt` is (p, d), `targets`
# is (B, T). Return `(inputs_embeds, new_targets)`: (B, p + T, d) with the prompt in front of every row,
# and (B, p + T) with $-100$ at the prompt's positions. The gradient must reach `prompt` (use
# `torch.cat` and `prompt.expand`, no copies), and `targets` must not be changed in place.
# %% [markdown] lang=tr
# ## 1. Yumuşak prompt'un ileri geçişi
#
# Bir GPT, $x_1 \dots x_T$ token kimliklerini $e_1 \dots e_T$ gömmelerine (`wte`'nin satırlarına)
# dönüştürür ve konum gömmelerini ekler. Prompt ayarlama bir $P$ matrisi ($p \times d$) tutar ve
# modele bunun yerine
#
# $$[P_1, \dots, P_p, e_1, \dots, e_T]$$
#
# dizisini verir. İşin yürümesi için iki ayrıntı gerekir:
# * yığındaki her metnin önüne **aynı** $P$ gelir (örnek başına değil, görev başına bir prompt),
# * $p$ yeni konumun tahmin edeceği bir şey yoktur; bu yüzden hedefleri $-100$'dür, yani PyTorch'un
#   çapraz entropisinin atladığı indeks. Metnin hedefleri de metinle birlikte $p$ konum sağa kayar.
#
# Donmuş modelin ağırlıkları gradyan almaz; $P$ ise dikkat üzerinden alır: metnin her konumu prompt'un
# konumlarını okur. Yalnızca $p \cdot d$ sayı eğitilir ($d = 256$ ve $p = 20$ ile: 5.120).
#
# ### Alıştırma: prompt'u öne ekleyin ve kaybı maskeleyin
#
# `prepend_prompt(embeds, prompt, targets)` fonksiyonunu yazın: `embeds` (B, T, d), `prompt` (p, d),
# `targets` (B, T) boyutundadır. `(inputs_embeds, new_targets)` ikilisini döndürün: her satırın önünde
# prompt bulunan (B, p + T, d) boyutlu tensör ve prompt'un konumlarında $-100$ bulunan (B, p + T)
# boyutlu hedefler. Gradyan `prompt`'a ulaşmalıdır (`torch.cat` ve `prompt.expand` kullanın, kopya
# almayın); `targets` yerinde değiştirilmemelidir.

# %%
def prepend_prompt(embeds, prompt, targets):
    ### BEGIN SOLUTION
    batch, p = embeds.shape[0], prompt.shape[0]
    inputs_embeds = torch.cat([prompt.expand(batch, -1, -1), embeds], dim=1)
    ignore = torch.full((batch, p), -100, dtype=targets.dtype, device=targets.device)
    return inputs_embeds, torch.cat([ignore, targets], dim=1)
    ### END SOLUTION


# %%
check_prepend_prompt(prepend_prompt)

# %% [markdown] lang=en
# Your function on the real model gives the same loss as the library's `SoftPrompt`, which puts the
# prompt on the course GPT with two hooks (in front of the input, and cutting the prompt's positions
# off the outputs). And `peft`'s `PromptTuningConfig` on the Hugging Face export, given the same $P$,
# gives the same logits. (peft returns the prompt's positions too; and its loss counts one more term,
# the last virtual token predicting the text's first token, because Hugging Face shifts the labels
# inside the model.)
# %% [markdown] lang=tr
# Fonksiyonunuz gerçek modelde, kütüphanenin `SoftPrompt` sınıfıyla aynı kaybı verir. `SoftPrompt`,
# prompt'u kursun GPT'sine iki kancayla (hook) takar: biri girdinin önüne ekler, öteki prompt'un
# konumlarını çıktılardan keser. `peft`'in `PromptTuningConfig` sınıfı da Hugging Face'e aktarılmış
# modelde, aynı $P$ verildiğinde aynı logit'leri verir. (peft prompt'un konumlarını da döndürür;
# kaybı da bir terim fazla sayar: Hugging Face etiketleri modelin içinde kaydırdığı için son sanal
# token metnin ilk token'ını tahmin eder.)

# %%
# NBVAL_IGNORE_OUTPUT
gpt = copy.deepcopy(base.model).eval()
ids = torch.randint(0, gpt.config.vocab_size, (4, 24), generator=generator)
prompt = SoftPrompt(init_prompt(gpt, 20, "vocab"))
with torch.no_grad():
    inputs_embeds, targets = prepend_prompt(gpt.embed(ids[:, :-1]), prompt.weight, ids[:, 1:])
    yours = gpt(inputs_embeds=inputs_embeds, targets=targets).loss
    prompt.attach(gpt)
    library = gpt(ids[:, :-1], ids[:, 1:])
    in_peft = get_peft_model(to_hf(base.model), PromptTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=20))
    in_peft.prompt_encoder["default"].embedding.weight.copy_(prompt.weight)
    theirs = in_peft.eval()(input_ids=ids[:, :-1]).logits[:, 20:]
prompt.remove()
print(pick(en="loss, yours vs SoftPrompt:", tr="kayıp, sizinki ve SoftPrompt:"),
      f"{yours.item():.5f} · {library.loss.item():.5f}")
print(pick(en="course vs peft, largest logit difference:", tr="kurs ve peft, en büyük logit farkı:"),
      f"{(library.logits - theirs).abs().max().item():.2e}")
assert abs(yours.item() - library.loss.item()) < 1e-4

# %% [markdown] lang=en
# ## 2. Prompt length, through the harness
#
# The same harness, task and sizes as chapters 03 and 04 (the world topic task with 30 % noisy
# training labels, 3 seeds), so the full fine-tuning row is the same experiment. Prompts of length
# p ∈ {1, 5, 20}, initialised from vocabulary embeddings; the prompt learns at 10 × the harness's rate
# and the new head at 1 × (Lester et al. trained prompts at 0.3 with Adafactor). Lester et al. used
# p = 100; our model reads only 128 positions, so 20 is the longest here.
# %% [markdown] lang=tr
# ## 2. Prompt uzunluğu, karşılaştırma düzeneğinde
#
# 03. ve 04. bölümlerle aynı düzenek, görev ve boyutlar (eğitim etiketlerinin %30'u gürültülü dünya
# konu görevi, 3 tohum); böylece tam ince ayar satırı aynı deneydir. Uzunluğu p ∈ {1, 5, 20} olan,
# sözcük dağarcığı gömmeleriyle ilklendirilmiş prompt'lar; prompt düzeneğin öğrenme oranının 10 katıyla,
# yeni kafa 1 katıyla öğrenir (Lester vd. prompt'ları Adafactor ile 0,3 oranında eğitmiştir). Lester vd.
# p = 100 kullanmıştır; bizim modelimiz yalnızca 128 konum okur, bu yüzden burada en uzunu 20'dir.

# %%
# NBVAL_IGNORE_OUTPUT
world_task = (world_sentiment if SIZES.world_task == "sentiment" else world_topic)(
    "tr", n_train=SIZES.world_n_train, n_dev=SIZES.world_n_dev, label_noise=SIZES.label_noise)
LENGTHS = {p: PromptTuning(n_virtual=p) for p in SIZES.lengths}
INITS = {init: PromptTuning(n_virtual=SIZES.init_p, init=init) for init in ("labels", "random")}
WORLD_METHODS = [Full(), *LENGTHS.values(), *(m for m in INITS.values() if m.name not in {x.name for x in LENGTHS.values()})]
world_result = compare(base, world_task, WORLD_METHODS, seeds=SIZES.seeds, config=CONFIG, cache_dir=CACHE)
world_result.formatted()

# %% [markdown] lang=en
# ## 3. Initialisation: class labels against random vectors
#
# The table above has two more rows: the prompt of length `init_p` initialised from the **class
# labels** (each of the first slots is the embedding of one label's name, e.g. "travel", the rest from
# the vocabulary) and from **random** vectors, uniform in [−0.5, 0.5] as in the paper. Lester et al.
# found the label initialisation best and the random one worst, with the largest differences on
# small models (their figure 3b).
#
# And the same comparison on real Turkish text, SIB-200:
# %% [markdown] lang=tr
# ## 3. İlklendirme: sınıf etiketleri ve rastgele vektörler
#
# Yukarıdaki tabloda iki satır daha var: `init_p` uzunluğundaki prompt **sınıf etiketleriyle**
# (ilk yuvaların her biri bir etiketin adının gömmesidir, örneğin "travel"; kalanı sözcük
# dağarcığından) ve **rastgele** vektörlerle, makaledeki gibi [−0,5, 0,5] aralığında düzgün dağılımla
# ilklendirilmiştir. Lester vd. etiketlerle ilklendirmeyi en iyi, rastgele ilklendirmeyi en kötü
# bulmuştur; farklar küçük modellerde en büyüktür (şekil 3b).
#
# Aynı karşılaştırma gerçek Türkçe metinde, SIB-200'de:

# %%
# NBVAL_IGNORE_OUTPUT
sib_task = sib200("tr", n_train=SIZES.sib_n_train)
sib_result = compare(base, sib_task, [Full(), LENGTHS[max(LENGTHS)]], seeds=SIZES.seeds, config=CONFIG,
                     cache_dir=CACHE)
sib_result.formatted()

# %% [markdown] lang=en
# ## 4. What do the tables show?
#
# Lester et al.'s figure 1 is the honest frame for this chapter: on T5, prompt tuning is far behind
# full fine-tuning for models of hundreds of millions of parameters and closes the gap only as the
# model approaches about 10 billion. Our model has 5 million. So we expect:
# 1. prompt tuning **trails** full fine-tuning here; the cell prints by how much, measured;
# 2. a longer prompt does at least as well as a one-token prompt (their figure 3a);
# 3. the class-label initialisation does at least as well as random vectors (their figure 3b).
# %% [markdown] lang=tr
# ## 4. Tablolar ne gösteriyor?
#
# Lester vd.'nin 1. şekli bu bölümün dürüst çerçevesidir: T5 üzerinde prompt ayarlama, yüz milyonlarca
# parametreli modellerde tam ince ayarın çok gerisindedir ve açığı ancak model 10 milyar parametreye
# yaklaşırken kapatır. Bizim modelimizin 5 milyon parametresi var. Bu yüzden şunları bekleriz:
# 1. prompt ayarlama burada tam ince ayarın **gerisinde kalır**; hücre farkın ölçülen büyüklüğünü yazdırır,
# 2. uzun bir prompt en az tek token'lık bir prompt kadar iyidir (şekil 3a),
# 3. sınıf etiketleriyle ilklendirme en az rastgele vektörler kadar iyidir (şekil 3b).

# %%
# NBVAL_IGNORE_OUTPUT
lengths = {p: m.name for p, m in LENGTHS.items()}
for title, result in ((world_task.name, world_result), (sib_task.name, sib_result)):
    print(f"— {title} —")
    for line in verdict_lines(judge_prompt_claims(result.runs, full="full", lengths=lengths,
                                                  labels=INITS["labels"].name, random=INITS["random"].name)):
        print("  ", line)

# %% [markdown] lang=en
# Why does prompt tuning trail so far at this size? The prompt can only *steer* what the frozen network
# already computes: it adds context that every layer attends to, but it cannot change a single weight.
# A large model has features for almost any task and needs only to be told which to use; a small
# model pretrained on little text lacks them, and no input can create them. Full fine-tuning (and,
# less so, LoRA) can. The same property is prompt tuning's strength at scale: one frozen model serves
# every task, and a task costs $p \cdot d$ numbers. With this chapter's model, the other members of
# the family cost:
# %% [markdown] lang=tr
# Prompt ayarlama bu boyutta neden bu kadar geride kalıyor? Prompt, donmuş ağın zaten hesapladığı şeyi
# yalnızca *yönlendirebilir*: her katmanın dikkat ettiği bir bağlam ekler ama tek bir ağırlığı bile
# değiştiremez. Büyük bir modelin hemen her görev için öznitelikleri vardır; ona yalnızca hangilerini
# kullanacağını söylemek yeter. Az metinle ön eğitimden geçmiş küçük bir modelde bu öznitelikler
# yoktur ve hiçbir girdi onları yaratamaz. Tam ince ayar (daha az ölçüde LoRA) bunu yapabilir. Aynı
# özellik, büyük ölçekte prompt ayarlamanın gücüdür: tek bir donmuş model her göreve hizmet eder ve bir
# görev $p \cdot d$ sayıya mal olur. Bu bölümün modelinde ailenin öteki üyelerinin maliyeti:

# %%
counts = peft_parameter_counts(base.model, n_virtual=20, r=8)
n_model = sum(p.numel() for p in base.model.parameters())
rows = {"prompt tuning p=20": counts["prompt_tuning"], "prefix tuning p=20": counts["prefix_tuning"],
        "P-tuning p=20": counts["p_tuning"], "LoRA r=8 (c_attn)": counts["lora"], "IA³": counts["ia3"]}
pd.DataFrame({pick(en="trainable parameters (peft)", tr="eğitilen parametreler (peft)"): rows,
              "%": {k: round(100 * v / n_model, 3) for k, v in rows.items()}})

# %% [markdown] lang=en
# **Prefix tuning** (Li & Liang 2021) puts learned vectors in front of the keys and values of *every*
# layer, not only at the input: $2 \cdot L \cdot p \cdot d$ numbers, and much more influence on a small
# model. **P-tuning** (Liu et al. 2021) produces the prompt with a small encoder network, which trains
# too. Both are peft's implementations here.
#
# ## Summary
#
# * Prompt tuning trains only $p$ vectors in front of the input embeddings; the targets get $-100$ at
#   the prompt's positions, and the gradient reaches the prompt through attention.
# * The course's soft prompt equals peft's `PromptTuningConfig` on the Hugging Face export.
# * At a few million parameters it trails full fine-tuning by the margin your table shows: the gap
#   closes only at billions of parameters (Lester et al. 2021, figure 1).
#
# **Next:** chapter 06 — knowledge distillation.
# %% [markdown] lang=tr
# **Önek ayarlama** (prefix tuning; Li ve Liang 2021) öğrenilen vektörleri yalnızca girdiye değil,
# *her* katmanın anahtarlarının ve değerlerinin önüne koyar: $2 \cdot L \cdot p \cdot d$ sayı ve küçük
# bir model üzerinde çok daha fazla etki. **P-tuning** (Liu vd. 2021) prompt'u küçük bir kodlayıcı
# ağla üretir; o ağ da eğitilir. İkisi de burada peft'in uygulamalarıdır.
#
# ## Özet
#
# * Prompt ayarlama yalnızca girdi gömmelerinin önündeki $p$ vektörü eğitir; hedefler prompt'un
#   konumlarında $-100$ olur ve gradyan prompt'a dikkat üzerinden ulaşır.
# * Kursun yumuşak prompt'u, Hugging Face'e aktarılmış modelde peft'in `PromptTuningConfig` sınıfına eşittir.
# * Birkaç milyon parametrede tam ince ayarın, tablonuzun gösterdiği kadar gerisinde kalır: açık ancak
#   milyarlarca parametrede kapanır (Lester vd. 2021, şekil 1).
#
# **Sırada:** 06. bölüm — bilgi damıtımı.

# %% [markdown] lang=en
# ## Further reading
#
# * B. Lester, R. Al-Rfou, N. Constant. *The Power of Scale for Parameter-Efficient Prompt Tuning*.
#   EMNLP 2021, arXiv:2104.08691.
# * X. L. Li, P. Liang. *Prefix-Tuning: Optimizing Continuous Prompts for Generation*. ACL 2021, arXiv:2101.00190.
# * X. Liu et al. *GPT Understands, Too* (P-tuning). arXiv:2103.10385, 2021.
# * X. Liu et al. *P-Tuning v2: Prompt Tuning Can Be Comparable to Fine-tuning Universally Across
#   Scales and Tasks*. ACL 2022, arXiv:2110.07602.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * B. Lester, R. Al-Rfou, N. Constant. *The Power of Scale for Parameter-Efficient Prompt Tuning*.
#   EMNLP 2021, arXiv:2104.08691.
# * X. L. Li, P. Liang. *Prefix-Tuning: Optimizing Continuous Prompts for Generation*. ACL 2021, arXiv:2101.00190.
# * X. Liu vd. *GPT Understands, Too* (P-tuning). arXiv:2103.10385, 2021.
# * X. Liu vd. *P-Tuning v2: Prompt Tuning Can Be Comparable to Fine-tuning Universally Across
#   Scales and Tasks*. ACL 2022, arXiv:2110.07602.
