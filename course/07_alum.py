# %% [markdown] lang=en
# # 07 · ALUM: adversarial training in the embedding space
#
# **ALUM** stands for **A**dversarial training for **L**arge neural lang**U**age **M**odels (Liu et al.
# 2020). It is not a "large batch momentum" method, a name that circulates for it by mistake (the
# large-batch adversarial method is FreeLB, Zhu et al. 2020). ALUM trains a model to give the same
# answer when its input embeddings are pushed, slightly, in the direction that changes the answer most.
#
# In this chapter you will
# 1. follow the adversarial idea from images to text, where it moves into the embedding space,
# 2. build ALUM's algorithm step by step, and write its **projected ascent step** (the exercise),
# 3. meet three kinds of realistic Turkish noise: **diacritics stripped** (ş→s, ı→i, ğ→g, ç→c, ö→o,
#    ü→u, the way much Turkish is typed), character **typos**, and **word-order swaps**,
# 4. fine-tune with and without ALUM through the chapter-03 harness and compare clean accuracy, robust
#    accuracy under each noise kind and under an embedding attack, and the cost per step,
# 5. sweep the radius ε and the number of ascent steps K, and check which claims your tables support.
#
# Time: about 25 minutes to read; the `cpu` profile computes for a few minutes. No GPU needed.
# %% [markdown] lang=tr
# # 07 · ALUM: gömme uzayında çekişmeli eğitim
#
# **ALUM**, **A**dversarial training for **L**arge neural lang**U**age **M**odels, yani "büyük sinirsel
# dil modelleri için çekişmeli eğitim" demektir (Liu vd. 2020). Yanlışlıkla dolaşan adıyla bir "büyük
# yığın momentumu" yöntemi değildir (büyük yığınlarla çalışan çekişmeli yöntem FreeLB'dir, Zhu vd.
# 2020). ALUM, modeli girdi gömmeleri yanıtı en çok değiştiren yönde biraz itildiğinde de aynı yanıtı
# verecek biçimde eğitir.
#
# Bu bölümde
# 1. çekişmeli fikri görüntülerden metne doğru izleyecek ve gömme uzayına nasıl taşındığını görecek,
# 2. ALUM'un algoritmasını adım adım kuracak ve **izdüşümlü yükseliş adımını** yazacaksınız (alıştırma),
# 3. üç tür gerçekçi Türkçe gürültüyle tanışacaksınız: **Türkçe karakterleri olmadan yazım** (ş→s, ı→i,
#    ğ→g, ç→c, ö→o, ü→u; pek çok Türkçe metin böyle yazılır), karakter düzeyinde **yazım hataları** ve
#    **sözcük sırası değişimleri**,
# 4. 03. bölümün karşılaştırma düzeneğinde ALUM ile ve ALUM olmadan ince ayar yapacak; temiz doğruluğu,
#    her gürültü türü altında ve gömme uzayındaki bir saldırı altında dayanıklı doğruluğu ve adım başına
#    maliyeti karşılaştıracak,
# 5. ε yarıçapını ve yükseliş adımı sayısı K'yi tarayacak, tablolarınızın hangi iddiaları desteklediğini
#    sınayacaksınız.
#
# Süre: okumak yaklaşık 25 dakika; `cpu` profili birkaç dakika hesap yapar. GPU gerekmez.

# %%
import matplotlib.pyplot as plt
import pandas as pd
import torch

from course_lib.assets import load_base_model
from course_lib.checks.ch07_alum import check_ascent_step
from course_lib.device import seed_everything
from course_lib.finetune import Full, compare, world_topic
from course_lib.finetune.compare import FinetuneConfig
from course_lib.i18n import pick
from course_lib.methods.alum import ALUM, PAPER, PAPER_EMBEDDING_RMS
from course_lib.methods.alum import ascent_step as library_step
from course_lib.methods.alum_claims import judge_alum, verdict_lines
from course_lib.methods.embedding_perturbation import embedding_rms
from course_lib.profile import current_profile, sizes
from course_lib.risks.robust_runs import Measured, robust_table
from course_lib.risks.robustness import add_noise

SIZES = sizes("07_alum")
CONFIG = FinetuneConfig.from_sizes(SIZES, device="cpu")
generator = seed_everything(0)
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. From images to embeddings
#
# Szegedy et al. (2014) and Goodfellow et al. (2015) found that an image classifier can be fooled by a
# change of the pixels too small for a person to see, if the change points along the gradient of the
# loss: the fast gradient sign method moves every pixel by $\epsilon \cdot \mathrm{sign}(\nabla_x L)$.
# Madry et al. (2018) repeated such steps, each followed by a **projection** back into a small ball
# around the input (projected gradient descent, PGD), and trained on the result: **adversarial
# training**, $\min_\theta \max_{\|\delta\| \le \epsilon} L(f(x + \delta), y)$.
#
# Text is made of discrete tokens: there is no "slightly different" token. Miyato et al. (2017) moved
# the perturbation to the **input embeddings**, the vectors the model reads, where small changes do
# exist. ALUM does the same for large language models, with two changes:
# * it does not ask for the same *label* under the perturbation but for the same *output distribution*:
#   a **symmetric KL** between the clean and the perturbed predictions, which needs no label and so works
#   in pretraining too;
# * it keeps the ordinary loss and adds the adversarial term with a weight $\alpha$:
#
# $$\min_\theta\; L(f(x), y) + \alpha \max_{\|\delta\|_\infty \le \epsilon} \mathrm{SKL}\big(f(x + \delta), f(x)\big),
# \qquad \mathrm{SKL}(p, q) = \mathrm{KL}(p\,\|\,q) + \mathrm{KL}(q\,\|\,p).$$
#
# How large is "small"? A radius only means something next to the size of the embeddings. The base
# model's embeddings have a root mean square (RMS) of:
# %% [markdown] lang=tr
# ## 1. Görüntülerden gömmelere
#
# Szegedy vd. (2014) ve Goodfellow vd. (2015), bir görüntü sınıflandırıcısının, bir insanın göremeyeceği
# kadar küçük bir piksel değişikliğiyle yanıltılabildiğini buldu; yeter ki değişiklik kaybın gradyanı
# yönünde olsun: hızlı gradyan işareti yöntemi (FGSM) her pikseli $\epsilon \cdot \mathrm{sign}(\nabla_x L)$
# kadar kaydırır. Madry vd. (2018) bu adımları, her birinin ardından girdinin çevresindeki küçük bir topa
# geri **izdüşüm** yaparak yineledi (izdüşümlü gradyan inişi, PGD) ve modeli bu sonuçlarla eğitti:
# **çekişmeli eğitim**, $\min_\theta \max_{\|\delta\| \le \epsilon} L(f(x + \delta), y)$.
#
# Metin ayrık token'lardan oluşur: "biraz farklı" bir token yoktur. Miyato vd. (2017) bozulmayı, modelin
# okuduğu vektörlere, yani küçük değişikliklerin var olduğu **girdi gömmelerine** taşıdı. ALUM aynısını
# büyük dil modelleri için iki farkla yapar:
# * bozulma altında aynı *etiketi* değil, aynı *çıktı dağılımını* ister: temiz ve bozulmuş tahminler
#   arasında bir **simetrik KL**; bunun için etiket gerekmez, bu yüzden ön eğitimde de işe yarar,
# * olağan kaybı korur ve çekişmeli terimi bir $\alpha$ ağırlığıyla ekler:
#
# $$\min_\theta\; L(f(x), y) + \alpha \max_{\|\delta\|_\infty \le \epsilon} \mathrm{SKL}\big(f(x + \delta), f(x)\big),
# \qquad \mathrm{SKL}(p, q) = \mathrm{KL}(p\,\|\,q) + \mathrm{KL}(q\,\|\,p).$$
#
# "Küçük" ne kadar küçüktür? Bir yarıçap ancak gömmelerin büyüklüğüyle yan yana anlam taşır. Temel modelin
# gömmelerinin karesel ortalaması (RMS, yani √ort(x²)) şudur:

# %%
base = load_base_model()
rms = embedding_rms(base.model)
print(f"RMS = {rms:.4f}")

# %% [markdown] lang=en
# ## 2. ALUM's algorithm, step by step
#
# The inner max cannot be solved exactly; ALUM approximates it with a few steps (their Algorithm 1):
# 1. start from random noise, $\delta \sim \mathcal{N}(0, \sigma^2)$ (at $\delta = 0$ the SKL is at its
#    minimum and its gradient is zero, so the search must start off it);
# 2. $K$ times: $g = \nabla_\delta \mathrm{SKL}(f(x + \delta), f(x))$, then
#    $\delta \leftarrow \Pi_\epsilon\big(\delta + \eta \cdot g / \|g\|_\infty\big)$: a step of size $\eta$
#    along the gradient divided by its largest entry (per example), and the projection $\Pi_\epsilon$ that
#    clamps every coordinate back into $[-\epsilon, \epsilon]$;
# 3. update the model on $L + \alpha \cdot \mathrm{SKL}(f(x + \delta), f(x))$.
#
# The paper's defaults: $K = 1$, $\eta = 10^{-3}$, $\sigma = 10^{-5}$, $\epsilon = 10^{-5}$, $\alpha = 1$ for
# fine-tuning and 10 for pretraining, for BERT- and RoBERTa-sized embeddings. The course states them
# relative to the embedding RMS, dividing by an assumed RMS of about 0.04 for BERT-base, so that they
# mean the same on a model of another scale. With $\epsilon \ll \eta$ the single step always reaches the
# edge of the ball, so $\epsilon$ is the setting that matters; section 5 sweeps it.
#
# ### Exercise: one projected ascent step
#
# Write `ascent_step(delta, grad, step_size, epsilon)`: `delta` and `grad` have shape (batch, tokens,
# width). Return the new $\delta = \Pi_\epsilon(\delta + \eta\, g / \|g\|_\infty)$, where $\|g\|_\infty$ is the
# largest $|g|$ **of each example** (over its tokens and coordinates) and $\Pi_\epsilon$ clamps every
# coordinate to $[-\epsilon, \epsilon]$.
# %% [markdown] lang=tr
# ## 2. Adım adım ALUM algoritması
#
# İçteki maksimum tam olarak çözülemez; ALUM onu birkaç adımla yaklaşık olarak bulur (makaledeki 1.
# algoritma):
# 1. rastgele gürültüden başlanır, $\delta \sim \mathcal{N}(0, \sigma^2)$ ($\delta = 0$ noktasında SKL en küçük
#    değerindedir ve gradyanı sıfırdır; arama bu yüzden oradan uzakta başlamalıdır),
# 2. $K$ kez: $g = \nabla_\delta \mathrm{SKL}(f(x + \delta), f(x))$ hesaplanır, ardından
#    $\delta \leftarrow \Pi_\epsilon\big(\delta + \eta \cdot g / \|g\|_\infty\big)$: gradyanın (örnek başına) en büyük
#    bileşenine bölünmüş hâli yönünde $\eta$ boyunda bir adım ve her koordinatı $[-\epsilon, \epsilon]$
#    aralığına geri kırpan $\Pi_\epsilon$ izdüşümü,
# 3. model $L + \alpha \cdot \mathrm{SKL}(f(x + \delta), f(x))$ üzerinden güncellenir.
#
# Makalenin varsayılan değerleri: $K = 1$, $\eta = 10^{-3}$, $\sigma = 10^{-5}$, $\epsilon = 10^{-5}$; ince ayar
# için $\alpha = 1$, ön eğitim için 10; bunlar BERT ve RoBERTa boyutundaki gömmeler içindir. Kurs bu
# değerleri gömme RMS'sine göre verir: BERT-base için yaklaşık 0,04 olduğu varsayılan RMS'ye böler, böylece
# değerler başka ölçekteki bir modelde de aynı anlamı taşır. $\epsilon \ll \eta$ olduğunda tek adım her zaman
# topun kenarına ulaşır; bu yüzden asıl önemli ayar $\epsilon$'dur. 5. kısım onu tarar.
#
# ### Alıştırma: izdüşümlü tek bir yükseliş adımı
#
# `ascent_step(delta, grad, step_size, epsilon)` fonksiyonunu yazın: `delta` ve `grad` (yığın, token,
# genişlik) biçimindedir. Yeni $\delta = \Pi_\epsilon(\delta + \eta\, g / \|g\|_\infty)$ değerini döndürün;
# burada $\|g\|_\infty$ **her örneğin** (token'ları ve koordinatları üzerinden) en büyük $|g|$ değeridir ve
# $\Pi_\epsilon$ her koordinatı $[-\epsilon, \epsilon]$ aralığına kırpar.

# %%
def ascent_step(delta, grad, step_size, epsilon):
    ### BEGIN SOLUTION
    size = grad.flatten(1).abs().amax(dim=1).clamp_min(1e-12).view(-1, *([1] * (grad.dim() - 1)))
    return (delta + step_size * grad / size).clamp(-epsilon, epsilon)
    ### END SOLUTION


# %%
check_ascent_step(ascent_step)

# %%
delta, grad = torch.zeros(2, 3, 4), torch.randn(2, 3, 4)
assert torch.allclose(ascent_step(delta, grad, 0.1, 0.05), library_step(delta, grad, 0.1, 0.05))
paper = {name: PAPER[name] / PAPER_EMBEDDING_RMS for name in ("step_size", "sigma", "epsilon")}
print(pick(en="paper defaults in RMS units:", tr="RMS biriminde makalenin varsayılanları:"),
      {k: f"{v:.2e}" for k, v in paper.items()})

# %% [markdown] lang=en
# ## 3. Realistic Turkish noise
#
# An embedding attack is a worst case; real inputs are noisy in other ways. Three kinds, each measured
# on its own (`course_lib.risks.robustness`):
# * **diacritics stripped**: much Turkish is typed on phones and keyboards without its own letters.
#   For the tokenizer this is different text: "çalıştı" and "calisti" share few tokens;
# * **typos**: a letter dropped, doubled, swapped with the next one, or replaced by a neighbouring key;
# * **swaps**: neighbouring words trade places.
# %% [markdown] lang=tr
# ## 3. Gerçekçi Türkçe gürültü
#
# Gömme uzayındaki saldırı en kötü durumdur; gerçek girdiler başka biçimlerde gürültülüdür. Her biri ayrı
# ölçülen üç tür (`course_lib.risks.robustness`):
# * **Türkçe karakterleri olmadan yazım**: pek çok Türkçe metin telefonlarda ve klavyelerde kendi harfleri
#   olmadan yazılır. Tokenizer için bu başka bir metindir: "çalıştı" ile "calisti" pek az token paylaşır,
# * **yazım hataları**: bir harf düşer, ikilenir, sonrakiyle yer değiştirir ya da komşu bir tuşun harfiyle değişir,
# * **sözcük sırası değişimleri**: komşu sözcükler yer değiştirir.

# %%
task = world_topic("tr", n_train=SIZES.task_n_train, n_dev=SIZES.task_n_dev, label_noise=SIZES.label_noise)
sentence = task.dev[0].text
rows = []
for kind in ("clean", "diacritics", "typos", "swaps"):
    text = sentence if kind == "clean" else add_noise(sentence, kind, seed=1)
    rows.append({pick(en="noise", tr="gürültü"): kind, pick(en="text", tr="metin"): text[:90],
                 "tokens": len(base.tokenizer.encode(text))})
pd.DataFrame(rows)

# %% [markdown] lang=en
# ## 4. Clean against ALUM fine-tuning
#
# Three runs per seed through the harness, on the world's topic task (30 % of the training labels
# flipped, as in chapter 03): plain full fine-tuning, ALUM with the paper's defaults, and ALUM with a
# radius $\epsilon$ = `alum_epsilon` RMS units and a step as large as the radius. `Measured` wraps each method:
# once a run has trained, it scores the trained classifier on the dev set under each noise kind and under
# a PGD attack of radius `pgd_epsilon` RMS units. The harness's time column gives the cost; since every
# method takes the same number of steps here, its ratio is also the cost per step.
# %% [markdown] lang=tr
# ## 4. Sıradan ince ayar ile ALUM
#
# Yerleşik "dünya" derleminin konu görevinde (03. bölümdeki gibi eğitim etiketlerinin %30'u değiştirilmiş), düzenekte her tohum
# için üç çalıştırma: sıradan tam ince ayar, makalenin varsayılanlarıyla ALUM ve yarıçapı $\epsilon$ =
# `alum_epsilon` RMS birimi, adımı yarıçap kadar olan ALUM. `Measured` her yöntemi sarar: bir çalıştırma
# eğitimini bitirince, eğitilmiş sınıflandırıcıyı doğrulama kümesinde her gürültü türü altında ve
# `pgd_epsilon` RMS birimi yarıçaplı bir PGD saldırısı altında puanlar. Maliyeti düzeneğin süre sütunu
# verir; burada her yöntem aynı sayıda adım attığından, oranı adım başına maliyettir.

# %%
# NBVAL_IGNORE_OUTPUT
def measured(method):
    return Measured(method, base.tokenizer, task, pgd_epsilon=SIZES.pgd_epsilon, pgd_steps=SIZES.pgd_steps,
                    max_length=SIZES.max_length)


eps = SIZES.alum_epsilon
main = [measured(Full()), measured(ALUM()), measured(ALUM(epsilon=eps, step_size=eps))]
result = compare(base, task, main, seeds=SIZES.seeds, config=CONFIG, cache_dir=False)
robust = robust_table(main)
table = pd.DataFrame({
    pick(en="clean", tr="temiz"): result.table["accuracy"],
    **{kind: robust[kind] for kind in ("diacritics", "typos", "swaps", "pgd")},
    pick(en="time / full", tr="süre / tam"): result.table["time s"] / result.table.loc["full", "time s"],
})
table.round(3)

# %% [markdown] lang=en
# ## 5. Sweeping ε and K
#
# A small sweep on the first seed: the radius $\epsilon$ (with a step as large as the radius) and, at the
# chapter's radius, $K$ ascent steps. The plot shows clean and PGD accuracy against $\epsilon$.
# %% [markdown] lang=tr
# ## 5. ε ve K taraması
#
# İlk tohumda küçük bir tarama: yarıçap $\epsilon$ (adım, yarıçap kadar) ve bölümün yarıçapında $K$ yükseliş
# adımı. Grafik, temiz doğruluğu ve PGD altındaki doğruluğu $\epsilon$'a karşı gösteriyor.

# %%
# NBVAL_IGNORE_OUTPUT
sweep = [measured(ALUM(epsilon=e, step_size=e)) for e in SIZES.sweep_epsilons if e != eps]
sweep += [measured(ALUM(epsilon=eps, step_size=eps / k, steps=k)) for k in SIZES.sweep_steps]
sweep_result = compare(base, task, sweep, seeds=SIZES.seeds[:1], config=CONFIG, cache_dir=False)
# en: seed 0 of every run, the main table's included: clean accuracy from the harness, PGD from Measured
# tr: ana tablonunkiler de dahil her çalıştırmanın 0. tohumu: temiz doğruluk düzenekten, PGD Measured'dan
first = SIZES.seeds[0]
clean = {r["method"]: r["metric"] for r in result.runs + sweep_result.runs if r["seed"] == first}
pgd = {r["method"]: r["pgd"] for m in main + sweep for r in m.records if r["seed"] == first}
points = sorted([(0.0, "full")] + [(m.method.epsilon, m.name) for m in main[1:] + sweep if m.method.steps == 1])
fig, ax = plt.subplots(figsize=(7, 3.5))
# en: ε = 0 (no ALUM) cannot sit on a log axis: it is drawn at the left edge
# tr: ε = 0 (ALUM yok) logaritmik eksende yer alamaz: sol kenarda çizilir
xs = [max(e, points[1][0] / 3) for e, _ in points]
ax.plot(xs, [clean[name] for _, name in points], "o-", label=pick(en="clean", tr="temiz"))
ax.plot(xs, [pgd[name] for _, name in points], "s-", label="PGD")
ax.set_xscale("log")
ax.set(xlabel=pick(en="ALUM radius ε (RMS units; leftmost: no ALUM)", tr="ALUM yarıçapı ε (RMS birimi; en solda: ALUM yok)"),
       ylabel=pick(en="dev accuracy", tr="doğrulama doğruluğu"), title=pick(en="ε sweep (seed 0)", tr="ε taraması (0. tohum)"))
ax.legend()
plt.show()
sweep_result.table[["accuracy", "time s"]].round(3)

# %% [markdown] lang=en
# ## 6. What do the tables show?
#
# Liu et al. report that ALUM improves both the clean accuracy and the robustness of fine-tuned models
# (on GLUE and on adversarial sets such as ANLI), at a cost of a few forward and backward passes per step.
# We therefore expect: (1) clean accuracy kept, (2) higher accuracy under the embedding attack,
# (3) higher accuracy on Turkish typed without its own letters, (4) a step that costs at most 3x a
# plain one. The next cell judges the chapter's ALUM run (radius `alum_epsilon`) against plain
# fine-tuning, from your numbers.
# %% [markdown] lang=tr
# ## 6. Tablolar ne gösteriyor?
#
# Liu vd., ALUM'un ince ayarlanmış modellerin hem temiz doğruluğunu hem de dayanıklılığını artırdığını
# (GLUE'da ve ANLI gibi çekişmeli kümelerde), bunun bedelinin de adım başına birkaç ileri ve geri geçiş
# olduğunu bildirir. Bu yüzden şunları bekleriz: (1) temiz doğruluk korunur, (2) gömme saldırısı altında
# doğruluk yükselir, (3) Türkçe karakterleri olmadan yazılmış metinde doğruluk yükselir, (4) bir adım
# sıradan bir adımın en çok 3 katına mal olur. Sonraki hücre, bölümün ALUM çalıştırmasını (yarıçap
# `alum_epsilon`) sizin sayılarınızla sıradan ince ayara karşı değerlendirir.

# %%
# NBVAL_IGNORE_OUTPUT
records = [record for method in main for record in method.records]
for line in verdict_lines(judge_alum(result.runs, records, plain="full", alum=main[2].name)):
    print(line)

# %% [markdown] lang=en
# Where a claim does not hold, think of the scale: the paper's models have hundreds of millions of
# parameters and train for thousands of steps; here a few million parameters train for a few dozen
# steps, and about a hundred dev examples leave a spread of several points. Stripped diacritics change
# the *tokens*, not the embeddings of the same tokens: an embedding-space defence need not carry over to
# them, and your table says whether it did.
# %% [markdown] lang=tr
# Bir iddia doğrulanmadığında ölçeği düşünün: makaledeki modellerin yüz milyonlarca parametresi vardır ve
# binlerce adım eğitilirler; burada birkaç milyon parametre birkaç düzine adım eğitilir ve yüz kadar
# doğrulama örneği birkaç puanlık bir yayılım bırakır. Türkçe karakterlerin atılması aynı token'ların
# gömmelerini değil, *token'ların kendisini* değiştirir: gömme uzayında kurulan bir savunmanın buna
# taşınması gerekmez; tablonuz taşınıp taşınmadığını söyler.

# %% [markdown] lang=en
# ## Summary
#
# * ALUM is adversarial training for large language models: a perturbation $\delta$ of the word
#   embeddings found by $K$ projected ascent steps on the symmetric KL, and the loss $L + \alpha \cdot \mathrm{SKL}$.
# * It needs no labels for its term, so it works in continued pretraining too (`ALUMLoss(alpha=10)` in
#   `train`'s callbacks).
# * Radii mean something only next to the embedding scale: the course states them in RMS units.
# * Robustness is measured separately for each kind of noise; your tables show which of them ALUM helped.
#
# **Next:** chapter 08 — instance reweighting, for training labels that are partly wrong.
# %% [markdown] lang=tr
# ## Özet
#
# * ALUM, büyük dil modelleri için çekişmeli eğitimdir: sözcük gömmelerinin simetrik KL üzerinde $K$
#   izdüşümlü yükseliş adımıyla bulunan bir $\delta$ bozulması ve $L + \alpha \cdot \mathrm{SKL}$ kaybı.
# * Terimi etiket gerektirmez; bu yüzden ön eğitimi sürdürürken de işe yarar (`train` geri çağırmalarında
#   `ALUMLoss(alpha=10)`).
# * Yarıçaplar ancak gömme ölçeğinin yanında anlam taşır: kurs onları RMS biriminde verir.
# * Dayanıklılık her gürültü türü için ayrı ölçülür; tablolarınız ALUM'un hangilerinde yardımcı olduğunu gösterir.
#
# **Sırada:** 08. bölüm — eğitim etiketlerinin bir kısmı yanlış olduğunda örnek yeniden ağırlıklandırma.

# %% [markdown] lang=en
# ## Further reading
#
# * X. Liu, H. Cheng, P. He, W. Chen, Y. Wang, H. Poon, J. Gao. *Adversarial Training for Large Neural
#   Language Models*. arXiv:2004.08994, 2020 — ALUM; code in namisan/mt-dnn.
# * I. Goodfellow, J. Shlens, C. Szegedy. *Explaining and Harnessing Adversarial Examples*. ICLR 2015.
# * A. Madry et al. *Towards Deep Learning Models Resistant to Adversarial Attacks*. ICLR 2018, arXiv:1706.06083 — PGD.
# * T. Miyato, A. Dai, I. Goodfellow. *Adversarial Training Methods for Semi-Supervised Text
#   Classification*. ICLR 2017 — perturbing word embeddings.
# * C. Zhu et al. *FreeLB: Enhanced Adversarial Training for Natural Language Understanding*. ICLR 2020,
#   arXiv:1909.11764.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * X. Liu, H. Cheng, P. He, W. Chen, Y. Wang, H. Poon, J. Gao. *Adversarial Training for Large Neural
#   Language Models*. arXiv:2004.08994, 2020 — ALUM; kodu namisan/mt-dnn deposunda.
# * I. Goodfellow, J. Shlens, C. Szegedy. *Explaining and Harnessing Adversarial Examples*. ICLR 2015.
# * A. Madry vd. *Towards Deep Learning Models Resistant to Adversarial Attacks*. ICLR 2018, arXiv:1706.06083 — PGD.
# * T. Miyato, A. Dai, I. Goodfellow. *Adversarial Training Methods for Semi-Supervised Text
#   Classification*. ICLR 2017 — sözcük gömmelerini bozmak.
# * C. Zhu vd. *FreeLB: Enhanced Adversarial Training for Natural Language Understanding*. ICLR 2020,
#   arXiv:1909.11764.
