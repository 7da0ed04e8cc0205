# %% [markdown] lang=en
# # 09 · Guided attention: a loss on where the model looks
#
# Every attention head of a GPT learns by itself where to look; the training loss only judges the
# final prediction. Sometimes we *know* where a head should look: in a translation, output word $j$
# should look near input word $j$; in a lookup, the answer should look at the key it was asked about.
# **Attention supervision** turns that knowledge into a second loss that pulls chosen heads' attention
# maps toward target maps.
#
# **A word on the name.** The seed of this course lists this method as "GATE" (guided attention
# training). That is not an established name for a fine-tuning method ("GATE" in the literature is a
# graph attention encoder). The established idea behind the description is supervising attention
# maps with an extra loss, as in guided attention for speech synthesis (Tachibana et al., ICASSP 2018)
# and in work that guides heads toward fixed patterns (Deshpande & Narasimhan, Findings of EMNLP 2020);
# that is what this chapter teaches.
#
# In this chapter you will
# 1. write the loss $L = L_\text{task} + \lambda(t) \sum_h D(A_h, A^*_h)$ and its targets: the previous
#    token, the diagonal, and "the key that was asked for",
# 2. implement the guidance term $D$ yourself (exercise),
# 3. train a small GPT on a **key–value retrieval** task, written in Turkish and English, with and
#    without guidance, over several seeds: steps to 95 % accuracy, accuracy at twice the trained
#    length, attention mass on the right key, and the attention maps before and after,
# 4. check which claims your own runs support, and where attention supervision fails.
#
# Time: about 20 minutes to read; the `cpu` profile computes for about 2 minutes. No GPU needed.
# %% [markdown] lang=tr
# # 09 · Yönlendirilmiş dikkat: modelin nereye baktığı üzerine bir kayıp
#
# Bir GPT'nin her dikkat kafası nereye bakacağını kendi kendine öğrenir; eğitim kaybı yalnızca son
# tahmini değerlendirir. Oysa bazen bir kafanın nereye bakması gerektiğini *biliriz*: bir çeviride
# $j$. çıktı sözcüğü $j$. girdi sözcüğünün yakınına bakmalıdır; bir aramada yanıt, sorulan anahtara
# bakmalıdır. **Dikkat gözetimi** (attention supervision) bu bilgiyi, seçilen kafaların dikkat
# haritalarını hedef haritalara doğru çeken ikinci bir kayba dönüştürür.
#
# **Ad üzerine bir not.** Bu kursun çıkış listesi bu yöntemi "GATE" (guided attention training,
# yönlendirilmiş dikkat eğitimi) diye anar. Bu, bir ince ayar yöntemi için yerleşik bir ad değildir
# (literatürde "GATE" bir çizge dikkat kodlayıcısıdır). Tanımın ardındaki yerleşik fikir, dikkat
# haritalarını ek bir kayıpla denetlemektir: konuşma sentezindeki yönlendirilmiş dikkat (Tachibana vd.,
# ICASSP 2018) ve kafaları sabit örüntülere doğru yönlendiren çalışmalar (Deshpande ve Narasimhan,
# Findings of EMNLP 2020) gibi. Bu bölüm onu öğretir.
#
# Bu bölümde
# 1. $L = L_\text{görev} + \lambda(t) \sum_h D(A_h, A^*_h)$ kaybını ve hedeflerini yazacaksınız: önceki
#    token, köşegen ve "sorulan anahtar",
# 2. $D$ yönlendirme terimini kendiniz kodlayacaksınız (alıştırma),
# 3. küçük bir GPT'yi Türkçe ve İngilizce yazılmış bir **anahtar–değer geri getirme** görevinde,
#    yönlendirmeli ve yönlendirmesiz, birkaç tohumla eğiteceksiniz: %95 doğruluğa kaç adımda
#    ulaşıldığı, eğitilen uzunluğun iki katındaki doğruluk, doğru anahtara düşen dikkat payı ve
#    eğitimden önceki ve sonraki dikkat haritaları,
# 4. kendi çalıştırmalarınızın hangi iddiaları desteklediğini ve dikkat gözetiminin nerede işe
#    yaramadığını göreceksiniz.
#
# Süre: okumak yaklaşık 20 dakika; `cpu` profili yaklaşık 2 dakika hesap yapar. GPU gerekmez.

# %%
import matplotlib.pyplot as plt
import pandas as pd
import torch

from course_lib.checks.ch09_guided_attention import check_guidance_loss
from course_lib.data.kv_retrieval import VOCAB, make_batch, render
from course_lib.device import seed_everything
from course_lib.finetune.claims import verdict_lines
from course_lib.i18n import pick
from course_lib.methods.guided_attention import diagonal_target, previous_token_target
from course_lib.methods.guided_attention import guidance_loss as library_loss
from course_lib.methods.guided_claims import judge_guidance
from course_lib.methods.guided_retrieval import GUIDED_HEAD, GUIDED_LAYER, retrieval_model, train_retrieval
from course_lib.profile import current_profile, sizes
from course_lib.viz.attention import plot_attention_heads
from course_lib.viz.guided_attention import plot_retrieval_curves

SIZES = sizes("09_guided_attention")
generator = seed_everything(0)
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. The loss and its targets
#
# A head's attention map $A_h$ is a $T \times T$ matrix: row $t$ is a probability distribution over
# the positions $0 \dots t$ that position $t$ may look at (the causal mask keeps the rest at 0). A
# target map $A^*$ has the same shape, and each row we guide is also a distribution. We measure the
# distance of a row from its target with the **KL divergence**
#
# $$D(A^*_t \,\|\, A_t) = \sum_k A^*_{t,k} \big(\log A^*_{t,k} - \log A_{t,k}\big), \qquad 0 \log 0 = 0,$$
#
# which is 0 exactly when the rows agree and grows as the head puts little weight where the target
# puts much. (Squared error on the rows is the other common choice; it punishes a wrong row less
# sharply.) The loss averages $D$ over the guided heads and rows and adds it to the task loss with a
# weight that **decays**: $\lambda(t) = \lambda_0 (1 - t/T_\text{steps})$. The guidance shapes the
# heads early, and by the end the task alone decides, as Deshpande & Narasimhan do with their decaying
# weight.
#
# Three targets, each a row-stochastic lower-triangular matrix:
# * **previous token**: row $t$ looks at $t-1$, a pattern many trained heads show by themselves;
# * **diagonal**: for alignment tasks where order is roughly kept (a sentence and its translation,
#   text and speech), Tachibana et al. penalise attention far from the diagonal,
#   $W_{n,t} = 1 - \exp\!\big(-(n/N - t/T)^2 / 2g^2\big)$ with $g = 0.2$; the target here is the matching
#   soft diagonal, each row $\propto \exp\!\big(-(n/T - t/T)^2 / 2g^2\big)$ over the keys it may see;
# * **the queried key** (section 2): one row, one-hot at the position of the key that was asked for.
#
# In the course GPT, `return_attention=True` computes the softmax explicitly and returns the maps (the
# fast fused path never forms them). `GuidedAttention` swaps the guided layer's attention core for that
# explicit one during training, feeds its maps to the loss through the loop's `extra_loss` hook, and
# swaps the fused core back afterwards.
# %% [markdown] lang=tr
# ## 1. Kayıp ve hedefleri
#
# Bir kafanın $A_h$ dikkat haritası $T \times T$ boyutunda bir matristir: $t$. satır, $t$ konumunun
# bakabileceği $0 \dots t$ konumları üzerinde bir olasılık dağılımıdır (nedensel maske gerisini 0'da
# tutar). Bir $A^*$ hedef haritası aynı biçimdedir ve yönlendirdiğimiz her satır da bir dağılımdır.
# Bir satırın hedefinden uzaklığını **KL ıraksaması** ile ölçeriz:
#
# $$D(A^*_t \,\|\, A_t) = \sum_k A^*_{t,k} \big(\log A^*_{t,k} - \log A_{t,k}\big), \qquad 0 \log 0 = 0.$$
#
# Bu değer satırlar tam olarak örtüştüğünde 0'dır ve kafa, hedefin çok ağırlık verdiği yere az ağırlık
# verdikçe büyür. (Satırlar üzerinde karesel hata öbür yaygın seçimdir; yanlış bir satırı daha az sert
# cezalandırır.) Kayıp, $D$'nin yönlendirilen kafalar ve satırlar üzerindeki ortalamasını alır ve onu
# görev kaybına **azalan** bir ağırlıkla ekler: $\lambda(t) = \lambda_0 (1 - t/T_\text{adım})$.
# Yönlendirme kafaları erken biçimlendirir; sonunda yalnızca görev karar verir. Deshpande ve Narasimhan
# da azalan bir ağırlıkla böyle yapar.
#
# Üç hedef; her biri satırları toplamı 1 olan, alt üçgensel bir matristir:
# * **önceki token**: $t$. satır $t-1$'e bakar; eğitilmiş pek çok kafanın kendiliğinden gösterdiği bir örüntü;
# * **köşegen**: sıranın kabaca korunduğu hizalama görevleri için (bir cümle ve çevirisi, metin ve
#   konuşma) Tachibana vd. köşegenden uzak dikkati cezalandırır:
#   $W_{n,t} = 1 - \exp\!\big(-(n/N - t/T)^2 / 2g^2\big)$, $g = 0{,}2$; buradaki hedef buna karşılık gelen
#   yumuşak köşegendir: her satır, bakabildiği anahtarlar üzerinde $\propto \exp\!\big(-(n/T - t/T)^2 / 2g^2\big)$;
# * **sorulan anahtar** (2. kısım): tek bir satır, sorulan anahtarın konumunda tek-sıcak (one-hot).
#
# Kursun GPT'sinde `return_attention=True`, softmax'ı açıkça hesaplar ve haritaları döndürür (hızlı,
# birleşik yol onları hiç oluşturmaz). `GuidedAttention`, eğitim boyunca yönlendirilen katmanın dikkat
# çekirdeğini bu açık çekirdekle değiştirir, haritalarını döngünün `extra_loss` kancası üzerinden kayba
# verir ve sonra birleşik çekirdeği yerine koyar.

# %%
T = 8
labels = [str(t) for t in range(T)]
targets = torch.stack([previous_token_target(T), diagonal_target(T, g=0.2)])
fig = plot_attention_heads(targets, labels, title=pick(en="targets: previous token · diagonal (g = 0.2)",
                                                       tr="hedefler: önceki token · köşegen (g = 0,2)"))
plt.show()

# %% [markdown] lang=en
# ### Exercise: the guidance loss
#
# Write `guidance_loss(attention, target, rows)`:
# * `attention`: the guided heads' maps, shape $(B, H, T, T)$;
# * `target`: the target rows, shape $(T, T)$ (the same for every example) or $(B, T, T)$;
# * `rows`: booleans of shape $(B, T)$, True for the rows that are guided;
# * return one number: the mean of $D(A^*_t \| A_t)$ over the batch, the heads and the guided rows.
#
# Mind $0 \log 0$: where the target is 0 the term is 0, but `torch.log(0.0)` is $-\infty$ and
# $0 \cdot (-\infty)$ is `nan`. `torch.where(target > 0, ..., 0.0)` avoids it (put a harmless value
# inside the log where the target is 0). The check compares your loss with a reference written out
# with Python loops.
# %% [markdown] lang=tr
# ### Alıştırma: yönlendirme kaybı
#
# `guidance_loss(attention, target, rows)` fonksiyonunu yazın:
# * `attention`: yönlendirilen kafaların haritaları, $(B, H, T, T)$ biçiminde;
# * `target`: hedef satırlar, $(T, T)$ (her örnek için aynı) ya da $(B, T, T)$ biçiminde;
# * `rows`: $(B, T)$ biçiminde mantıksal değerler; yönlendirilen satırlar için True;
# * tek bir sayı döndürün: $D(A^*_t \| A_t)$'nin yığın, kafalar ve yönlendirilen satırlar üzerindeki
#   ortalaması.
#
# $0 \log 0$'a dikkat edin: hedefin 0 olduğu yerde terim 0'dır, ama `torch.log(0.0)` $-\infty$ verir ve
# $0 \cdot (-\infty)$ `nan` olur. `torch.where(target > 0, ..., 0.0)` bunu önler (hedefin 0 olduğu yerde
# log'un içine zararsız bir değer koyun). Denetim, kaybınızı Python döngüleriyle yazılmış bir
# referansla karşılaştırır.

# %%
def guidance_loss(attention, target, rows):
    ### BEGIN SOLUTION
    B, H, T, _ = attention.shape
    target = target.expand(B, T, T)[:, None]
    safe = torch.where(target > 0, target, torch.ones_like(target))
    per_row = torch.where(target > 0, target * (safe.log() - attention.log()), 0.0).sum(-1)
    weight = rows[:, None, :].to(per_row).expand(B, H, T)
    return (per_row * weight).sum() / weight.sum()
    ### END SOLUTION


# %%
check_guidance_loss(guidance_loss)

# %% [markdown] lang=en
# ## 2. Key–value retrieval, in both languages
#
# Each sequence lists a few pairs `key:value` with distinct keys, then a query word and one of the
# keys; the model must answer that key's value at the last position. The query word is `query:` in
# English and `sorgu:` in Turkish, and the training data mixes both. Every pair is one token, so the
# pair's position holds both its key and its value; keys and values are random, so the only way to
# answer is to look back at the pair with the queried key.
#
# Under the causal mask the last position may look at every earlier one, so the target is simple: in
# the guided head (head 0 of layer 0) the last row puts all its weight on the queried pair.
# %% [markdown] lang=tr
# ## 2. Anahtar–değer geri getirme, iki dilde
#
# Her dizi, anahtarları birbirinden farklı birkaç `anahtar:değer` çifti sıralar; ardından bir sorgu
# sözcüğü ve anahtarlardan biri gelir; model son konumda o anahtarın değerini yanıtlamalıdır. Sorgu
# sözcüğü İngilizcede `query:`, Türkçede `sorgu:`'dur ve eğitim verisi ikisini karıştırır. Her çift tek
# bir token'dır; böylece çiftin konumu hem anahtarını hem değerini taşır. Anahtarlar ve değerler
# rastgeledir; yanıt vermenin tek yolu, sorulan anahtarı taşıyan çifte geri bakmaktır.
#
# Nedensel maske altında son konum kendinden önceki her konuma bakabilir; bu yüzden hedef basittir:
# yönlendirilen kafada (0. katmanın 0. kafası) son satır bütün ağırlığını sorulan çifte verir.

# %%
sample = make_batch(4, SIZES.n_pairs, torch.Generator().manual_seed(0))
for row, answer, position in zip(sample["input_ids"], sample["answer"], sample["key_position"]):
    print(f"{render(row):<40} → {VOCAB[int(answer)]}   ({pick(en='pair at position', tr='çiftin konumu')} {int(position)})")

# %% [markdown] lang=en
# ## 3. The experiment
#
# `train_retrieval` trains a fresh two-layer GPT (with its own small vocabulary) on random batches of
# `n_pairs` pairs and measures the dev accuracy every few steps. With `guided=True` it adds one
# `GuidedAttention` loss on head 0 of layer 0, target "the queried pair", weight $\lambda_0 = 1$
# decaying to 0. Everything else (data, seed, steps, learning rate) is the same. After training we
# also test on sequences with **twice as many pairs** as in training, and measure how much attention
# the guided head puts on the queried pair.
# %% [markdown] lang=tr
# ## 3. Deney
#
# `train_retrieval`, yeni bir iki katmanlı GPT'yi (kendi küçük sözlüğüyle) `n_pairs` çiftli rastgele
# yığınlarla eğitir ve birkaç adımda bir doğrulama doğruluğunu ölçer. `guided=True` ile 0. katmanın
# 0. kafasına hedefi "sorulan çift" olan bir `GuidedAttention` kaybı ekler; ağırlığı $\lambda_0 = 1$'den
# 0'a iner. Geri kalan her şey (veri, tohum, adım sayısı, öğrenme oranı) aynıdır. Eğitimden sonra
# modeli eğitimdekinin **iki katı çift** içeren dizilerde de sınar ve yönlendirilen kafanın sorulan
# çifte ne kadar dikkat verdiğini ölçeriz.

# %%
# NBVAL_IGNORE_OUTPUT
settings = dict(n_pairs=SIZES.n_pairs, steps=SIZES.steps, batch_size=SIZES.batch_size, lr=SIZES.lr,
                eval_every=SIZES.eval_every, n_dev=SIZES.n_dev, lam=SIZES.lam, n_embd=SIZES.n_embd)
runs = {guided: [train_retrieval(guided, seed, progress=True, **settings) for seed in SIZES.seeds]
        for guided in (False, True)}
rows = [{pick(en="guidance", tr="yönlendirme"): pick(en="yes", tr="var") if run.guided else pick(en="no", tr="yok"),
         pick(en="seed", tr="tohum"): run.seed,
         pick(en="steps to 95 %", tr="%95'e adım"): run.steps_to(0.95),
         pick(en="final accuracy", tr="son doğruluk"): round(run.eval_accuracy[-1], 3),
         pick(en="accuracy at 2x pairs", tr="2 kat çiftte doğruluk"): round(run.long_accuracy, 3),
         pick(en="mass on the queried key", tr="sorulan anahtardaki pay"): round(run.mass_on_key, 3),
         pick(en="CPU s", tr="CPU sn"): round(run.cpu_seconds, 1)}
        for setting in runs.values() for run in setting]
pd.DataFrame(rows)

# %%
fig = plot_retrieval_curves(runs[True], runs[False], title=pick(en="key-value retrieval", tr="anahtar-değer geri getirme"))
plt.show()

# %% [markdown] lang=en
# The attention maps of the guided head (layer 0, head 0) on one dev sequence: a fresh model, and the
# models trained without and with guidance. Look at the last row.
# %% [markdown] lang=tr
# Yönlendirilen kafanın (0. katman, 0. kafa) bir doğrulama dizisindeki dikkat haritaları: yeni bir
# model, yönlendirmesiz ve yönlendirmeli eğitilmiş modeller. Son satıra bakın.

# %%
example = make_batch(1, SIZES.n_pairs, torch.Generator().manual_seed(5))
tokens = [VOCAB[i] for i in example["input_ids"][0].tolist()]
models = [retrieval_model(SIZES.n_pairs, n_embd=SIZES.n_embd, seed=SIZES.seeds[0]), runs[False][0].model,
          runs[True][0].model]
with torch.no_grad():
    maps = torch.stack([m.eval()(example["input_ids"], return_attention=True).attentions[GUIDED_LAYER][0, GUIDED_HEAD]
                        for m in models])
fig = plot_attention_heads(maps, tokens, title=pick(en="before · after, unguided · after, guided",
                                                    tr="önce · sonra, yönlendirmesiz · sonra, yönlendirmeli"))
plt.show()
print(pick(en="your loss on the guided model's map:", tr="yönlendirilmiş modelin haritasında sizin kaybınız:"),
      float(guidance_loss(maps[2:3, None], example["attention_target"], example["attention_rows"])),
      "· course_lib:", float(library_loss(maps[2:3, None], example["attention_target"], example["attention_rows"])))

# %% [markdown] lang=en
# ## 4. What do your runs show?
#
# The cell below judges three claims on the runs above: guidance reaches 95 % in fewer steps (the
# median over seeds; a run that never gets there counts as never), it is more accurate at twice the
# trained length, and the guided head looks more at the queried key. A claim holds only when the
# difference is larger than the spread over seeds.
# %% [markdown] lang=tr
# ## 4. Çalıştırmalarınız ne gösteriyor?
#
# Aşağıdaki hücre üç iddiayı yukarıdaki çalıştırmalar üzerinde değerlendirir: yönlendirme %95'e daha
# az adımda ulaşır (tohumlar üzerinden ortanca; hiç ulaşmayan bir çalıştırma "hiç" sayılır), eğitilen
# uzunluğun iki katında daha doğrudur ve yönlendirilen kafa sorulan anahtara daha çok bakar. Bir iddia
# ancak fark, tohumlar arasındaki yayılımdan büyükse doğrulanır.

# %%
for line in verdict_lines(judge_guidance(runs[True], runs[False])):
    print(line)

# %% [markdown] lang=en
# ## 5. Limits: where attention supervision fails
#
# * **You must know the target.** The loss is only as good as the map it pulls toward. Here the
#   target is exact because we built the task; for real text, targets come from alignments, parsers or
#   heuristics, and a wrong target teaches a wrong pattern (a fixed "diagonal" for Turkish and English,
#   whose word orders differ, is exactly such a mistake).
# * **Attention is not the whole mechanism.** A head that looks at the right position must still carry
#   the right information from there. In this chapter's task each pair is one token, so looking at the
#   right pair is enough. With separate key and value tokens, the key's position cannot know its value
#   under the causal mask (the value comes later), and retrieval needs two heads working together (a
#   previous-token head, then a matching head: an "induction head", Olsson et al. 2022); guiding one
#   map then helps much less. In a trial while writing this chapter, guiding both heads of that
#   two-token version did not reach 95 % within 1,000 steps.
# * **Learned positions limit length.** The course GPT learns one embedding per position. Positions
#   beyond the training length were never trained, so accuracy at twice the length depends on whether
#   the mechanism the model found uses positions at all.
# * **Cost.** The guided layer computes its attention matrix explicitly ($T \times T$ per head) instead of
#   the fused kernel: cheap at these lengths, a real cost for long contexts.
# * **A strong weight can fight the task.** A head forced onto a pattern cannot do something better;
#   the decaying $\lambda(t)$ leaves the last steps to the task alone.
# %% [markdown] lang=tr
# ## 5. Sınırlar: dikkat gözetiminin işe yaramadığı yerler
#
# * **Hedefi bilmeniz gerekir.** Kayıp, ancak doğru çektiği harita kadar iyidir. Burada hedef kesindir,
#   çünkü görevi biz kurduk; gerçek metinde hedefler hizalamalardan, sözdizimi çözümleyicilerinden ya da
#   sezgisel kurallardan gelir ve yanlış bir hedef yanlış bir örüntü öğretir (sözcük sıraları farklı
#   olan Türkçe ile İngilizce için sabit bir "köşegen" tam da böyle bir hatadır).
# * **Dikkat, mekanizmanın tamamı değildir.** Doğru konuma bakan bir kafa, oradan doğru bilgiyi de
#   taşımalıdır. Bu bölümün görevinde her çift tek bir token'dır; doğru çifte bakmak yeter. Anahtar ve
#   değer ayrı token'lar olsaydı, nedensel maske altında anahtarın konumu değerini bilemezdi (değer
#   sonra gelir) ve geri getirme, birlikte çalışan iki kafa gerektirirdi (önce bir önceki-token kafası,
#   sonra bir eşleştirme kafası: bir "tümevarım kafası" (induction head), Olsson vd. 2022); tek bir
#   haritayı yönlendirmek o zaman çok daha az yardım eder. Bu bölüm yazılırken yapılan bir denemede, bu
#   iki token'lı sürümün iki kafasını birden yönlendirmek 1.000 adımda %95'e ulaşmadı.
# * **Öğrenilmiş konumlar uzunluğu sınırlar.** Kursun GPT'si her konum için bir gömme öğrenir. Eğitim
#   uzunluğunun ötesindeki konumlar hiç eğitilmemiştir; iki kat uzunluktaki doğruluk, modelin bulduğu
#   mekanizmanın konumları kullanıp kullanmadığına bağlıdır.
# * **Maliyet.** Yönlendirilen katman, birleşik çekirdek yerine dikkat matrisini açıkça hesaplar (kafa
#   başına $T \times T$): bu uzunluklarda ucuz, uzun bağlamlarda gerçek bir maliyettir.
# * **Güçlü bir ağırlık görevle çatışabilir.** Bir örüntüye zorlanan kafa daha iyisini yapamaz; azalan
#   $\lambda(t)$ son adımları yalnızca göreve bırakır.

# %% [markdown] lang=en
# ## Summary
#
# * Attention supervision adds $\lambda(t)$ times the mean KL divergence between chosen heads' attention
#   rows and target rows to the task loss, with $\lambda$ decaying to 0.
# * Targets: the previous token, a soft diagonal for alignment (Tachibana et al.), or a map given with
#   each example, such as the queried key in retrieval.
# * In the course library, `GuidedAttention` is a method like the others: it reads the maps from the
#   explicit attention path and adds its loss through the `extra_loss` hook, also inside `compare()`.
# * Your table says whether guidance reached 95 % retrieval accuracy in fewer steps, and what happened at
#   twice the trained length.
#
# **Next:** chapter 10 compares every method of chapters 03–09 on the same tasks.
# %% [markdown] lang=tr
# ## Özet
#
# * Dikkat gözetimi, seçilen kafaların dikkat satırları ile hedef satırlar arasındaki ortalama KL
#   ıraksamasının $\lambda(t)$ katını görev kaybına ekler; $\lambda$ 0'a doğru azalır.
# * Hedefler: önceki token, hizalama için yumuşak bir köşegen (Tachibana vd.) ya da her örnekle verilen
#   bir harita, örneğin geri getirmede sorulan anahtar.
# * Kursun kütüphanesinde `GuidedAttention` öbürleri gibi bir yöntemdir: haritaları açık dikkat yolundan
#   okur ve kaybını `extra_loss` kancasıyla ekler; `compare()` içinde de çalışır.
# * Tablonuz, yönlendirmenin %95 geri getirme doğruluğuna daha az adımda ulaşıp ulaşmadığını ve eğitilen
#   uzunluğun iki katında ne olduğunu söyler.
#
# **Sırada:** 10. bölüm, 03–09. bölümlerin bütün yöntemlerini aynı görevlerde karşılaştırır.

# %% [markdown] lang=en
# ## Further reading
#
# * H. Tachibana, K. Uenoyama, S. Aihara. *Efficiently Trainable Text-to-Speech System Based on Deep
#   Convolutional Networks with Guided Attention*. ICASSP 2018, arXiv:1710.08969.
# * A. Deshpande, K. Narasimhan. *Guiding Attention for Self-Supervised Learning with Transformers*.
#   Findings of EMNLP 2020, arXiv:2010.02399.
# * E. Strubell, P. Verga, D. Andor, D. Weiss, A. McCallum. *Linguistically-Informed Self-Attention for
#   Semantic Role Labeling* (LISA). EMNLP 2018, arXiv:1804.08199.
# * C. Olsson et al. *In-context Learning and Induction Heads*. Transformer Circuits Thread, 2022.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * H. Tachibana, K. Uenoyama, S. Aihara. *Efficiently Trainable Text-to-Speech System Based on Deep
#   Convolutional Networks with Guided Attention*. ICASSP 2018, arXiv:1710.08969.
# * A. Deshpande, K. Narasimhan. *Guiding Attention for Self-Supervised Learning with Transformers*.
#   Findings of EMNLP 2020, arXiv:2010.02399.
# * E. Strubell, P. Verga, D. Andor, D. Weiss, A. McCallum. *Linguistically-Informed Self-Attention for
#   Semantic Role Labeling* (LISA). EMNLP 2018, arXiv:1804.08199.
# * C. Olsson vd. *In-context Learning and Induction Heads*. Transformer Circuits Thread, 2022.
