# %% [markdown] lang=en
# # 08 · Instance reweighting: learning which training examples to trust
#
# Real labelled data contains mistakes: a tired annotator, a scraped label, a category that was
# renamed. Chapter 03 already flipped some of the world task's training labels to keep the approaches
# apart. This chapter asks what a method can do *against* such noise: give every training example a
# **weight**, and learn the weights so that examples with wrong labels count less.
#
# **A word on the name.** The seed of this course lists this method as "IGBI" (iterative
# gradient-based instance reweighting). That is not an established name in the literature. The
# established method that matches its description is **Learning to Reweight Examples** (Ren, Zeng,
# Yang & Urtasun, ICML 2018), and that is what this chapter teaches.
#
# In this chapter you will
# 1. build a world topic task in which 40 % of the training labels are flipped, plus a small set of
#    examples whose labels are known to be right (the **clean set**),
# 2. derive the algorithm: a *virtual* gradient step, and the gradient of the clean loss with respect
#    to the examples' weights (the look-ahead),
# 3. write the weight computation yourself with `torch.func` (exercise), checked against a
#    finite-difference reference,
# 4. compare plain training, reweighted training and a **clean oracle** (trained on the unflipped
#    examples only) over several seeds, measure how well the learned weights find the flipped
#    examples (AUROC) and what a step costs,
# 5. check which claims your own table supports, and where the method's limits are.
#
# Time: about 25 minutes to read; the `cpu` profile computes for about 2 minutes. No GPU needed.
# %% [markdown] lang=tr
# # 08 · Örnek yeniden ağırlıklandırma: hangi eğitim örneklerine güvenileceğini öğrenmek
#
# Gerçek etiketli veri hata içerir: yorgun bir etiketleyici, web'den toplanmış bir etiket, adı
# değiştirilmiş bir kategori. 03. bölümde yaklaşımları birbirinden ayırmak için dünya görevinin bazı
# eğitim etiketlerini zaten değiştirmiştik. Bu bölüm, bir yöntemin böyle bir gürültüye *karşı* ne
# yapabileceğini soruyor: her eğitim örneğine bir **ağırlık** vermek ve ağırlıkları, etiketi yanlış
# olan örnekler daha az sayılacak biçimde öğrenmek.
#
# **Ad üzerine bir not.** Bu kursun çıkış listesi bu yöntemi "IGBI" (iterative gradient-based instance
# reweighting, yinelemeli gradyan tabanlı örnek yeniden ağırlıklandırma) diye anar. Bu, literatürde
# yerleşik bir ad değildir. Tanıma uyan yerleşik yöntem **Learning to Reweight Examples**'dır (Ren,
# Zeng, Yang ve Urtasun, ICML 2018); bu bölüm onu öğretir.
#
# Bu bölümde
# 1. eğitim etiketlerinin %40'ı değiştirilmiş bir dünya konu görevi ve etiketlerinin doğru olduğu
#    bilinen küçük bir örnek kümesi (**temiz küme**) kuracaksınız,
# 2. algoritmayı türeteceksiniz: *sanal* bir gradyan adımı ve temiz kaybın örnek ağırlıklarına göre
#    gradyanı (ileriye bakış),
# 3. ağırlık hesabını `torch.func` ile kendiniz yazacaksınız (alıştırma); sonlu farklarla hesaplanan
#    bir referansla denetlenecek,
# 4. düz eğitimi, yeniden ağırlıklandırılmış eğitimi ve yalnızca değiştirilmemiş örneklerle eğitilen
#    bir **temiz kâhini** (clean oracle) birkaç tohumla karşılaştıracak, öğrenilen ağırlıkların
#    değiştirilmiş örnekleri ne kadar iyi bulduğunu (AUROC) ve bir adımın neye mal olduğunu ölçeceksiniz,
# 5. kendi tablonuzun hangi iddiaları desteklediğini ve yöntemin sınırlarının nerede olduğunu
#    göreceksiniz.
#
# Süre: okumak yaklaşık 25 dakika; `cpu` profili yaklaşık 2 dakika hesap yapar. GPU gerekmez.

# %%
import pandas as pd
import torch
from torch.func import grad
from torch.nn.attention import SDPBackend, sdpa_kernel

from course_lib.assets import load_base_model
from course_lib.checks.ch08_reweighting import check_lookahead_weights
from course_lib.data.batching import LabelledDataset, collate
from course_lib.device import seed_everything
from course_lib.finetune import Full, SequenceClassifier, compare
from course_lib.finetune.claims import verdict_lines
from course_lib.finetune.compare import FinetuneConfig, pad_token_id
from course_lib.finetune.metrics import auroc
from course_lib.i18n import pick
from course_lib.methods.reweight import Reweight, batch_weights, classifier_losses
from course_lib.methods.reweight_claims import judge_reweighting, stat_of
from course_lib.methods.reweight_task import clean_oracle, flipped_label_task
from course_lib.profile import current_profile, sizes
from course_lib.viz.reweighting import plot_reweighting

SIZES = sizes("08_reweighting")
CONFIG = FinetuneConfig.from_sizes(SIZES)
generator = seed_everything(0)
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))

# %% [markdown] lang=en
# ## 1. A task with flipped labels, and a small clean set
#
# `flipped_label_task` takes the world's topic task (six topics, Turkish text) and flips
# `label_noise` = 40 % of the first `n_noisy` training labels to another topic at random. After them
# come `n_clean` training examples whose labels are untouched: the clean set. Because the flips are
# ours, the ground truth is known: `task.info["flipped"]` lists the flipped examples. The dev set, which
# is scored, keeps the true labels and is never used for training or for the weights.
#
# Every method below trains on all the training examples, clean ones included; only the reweighting
# method is *told* which of them are clean. The **clean oracle** trains on the unflipped examples
# only: it knows what no real method knows, and shows how good training could be without the noise.
# %% [markdown] lang=tr
# ## 1. Etiketleri değiştirilmiş bir görev ve küçük bir temiz küme
#
# `flipped_label_task`, dünyanın konu görevini (altı konu, Türkçe metin) alır ve ilk `n_noisy` eğitim
# etiketinin `label_noise` = %40'ını rastgele başka bir konuya çevirir. Onlardan sonra etiketlerine
# dokunulmamış `n_clean` eğitim örneği gelir: temiz küme. Değişiklikleri biz yaptığımız için gerçek
# durum bilinir: `task.info["flipped"]` değiştirilmiş örnekleri listeler. Puanlanan doğrulama kümesi
# gerçek etiketleri korur; ne eğitimde ne de ağırlıkların hesabında kullanılır.
#
# Aşağıdaki her yöntem, temizler de dahil bütün eğitim örnekleriyle eğitilir; hangilerinin temiz
# olduğu yalnızca yeniden ağırlıklandırma yöntemine *söylenir*. **Temiz kâhin** ise yalnızca
# değiştirilmemiş örneklerle eğitilir: gerçek hiçbir yöntemin bilmediği bir şeyi bilir ve gürültü
# olmasaydı eğitimin ne kadar iyi olabileceğini gösterir.

# %%
base = load_base_model()
task = flipped_label_task("tr", n_noisy=SIZES.n_noisy, n_clean=SIZES.n_clean, noise=SIZES.label_noise,
                          n_dev=SIZES.n_dev)
truth = flipped_label_task("tr", n_noisy=SIZES.n_noisy, n_clean=SIZES.n_clean, noise=0.0, n_dev=SIZES.n_dev)
flipped = set(task.info["flipped"])
print(task)
print(pick(en="flipped training labels:", tr="değiştirilmiş eğitim etiketleri:"), len(flipped), "/", SIZES.n_noisy,
      "·", pick(en="clean set:", tr="temiz küme:"), len(task.info["clean"]))
rows = [{pick(en="text", tr="metin"): example.text[:70],
         pick(en="label in training", tr="eğitimdeki etiket"): task.labels[example.label],
         pick(en="true label", tr="gerçek etiket"): task.labels[truth.train[i].label]}
        for i, example in enumerate(task.train[:8])]
pd.DataFrame(rows)

# %% [markdown] lang=en
# ## 2. The algorithm: a look-ahead step
#
# Give example $i$ of a batch a weight $\epsilon_i$ and imagine one plain gradient step (SGD, step
# size $\alpha$) on the weighted loss:
#
# $$\theta'(\epsilon) = \theta - \alpha \, \nabla_\theta \sum_i \epsilon_i \, \ell_i(\theta).$$
#
# This step is **virtual**: it is never applied. We only ask how the loss of the clean set *after* it
# would change if we raised one weight a little, at $\epsilon = 0$:
#
# $$g_i = \frac{\partial \, L_{\text{clean}}\big(\theta'(\epsilon)\big)}{\partial \epsilon_i}\Big|_{\epsilon = 0}.$$
#
# If $g_i < 0$, training more on example $i$ would *lower* the clean loss: the example helps. If
# $g_i > 0$, it would raise it: the example probably has a wrong label. Ren et al. keep the helpful
# ones and normalise:
#
# $$w_i = \frac{\max(-g_i, 0)}{\sum_j \max(-g_j, 0)}, \qquad \text{all } w_i = 0 \text{ if no example helps,}$$
#
# and then take the *real* step on $\sum_i w_i \ell_i$. The weights are computed anew for every batch,
# from the current parameters, so an example may be trusted early and distrusted later.
#
# **What $g_i$ is.** At $\epsilon = 0$ the virtual step is zero ($\theta' = \theta$), and the chain rule
# gives exactly
#
# $$g_i = -\alpha \; \nabla_\theta L_{\text{clean}}(\theta) \cdot \nabla_\theta \ell_i(\theta):$$
#
# an example weighs as much as its gradient points the same way as the clean set's. The step size
# $\alpha$ only scales every $g_i$, so the normalised weights do not depend on it. Computing it as a
# derivative through the virtual step, as the paper does, needs no per-example gradients: one
# "gradient of a gradient" gives all $B$ numbers at once. It costs about as much as two or three
# ordinary steps.
#
# **With `torch.func`.** `torch.func.grad(f)` returns a function that computes the gradient of `f`,
# and such functions compose: the gradient of a function that itself takes a gradient. The
# parameters are passed as a dict of tensors (for a real model, `torch.func.functional_call(model,
# params, inputs)` runs the model with them), so the virtual step is plain arithmetic on the dict.
#
# ### Exercise: the look-ahead weights
#
# Write `lookahead_weights(per_example_loss, clean_loss, params, lr)`:
# * `params` is a dict of tensors $\theta$;
# * `per_example_loss(params)` returns the training batch's losses, a tensor of shape $(B,)$;
# * `clean_loss(params)` returns the clean set's mean loss, a scalar;
# * return the weights $w$, shape $(B,)$: take $g$ as the derivative through the virtual step with
#   step size `lr`, then clip and normalise as above.
#
# Hint: write `clean_after_step(eps)`, which takes the virtual step with
# `torch.func.grad` over the parameters and returns the clean loss there, and differentiate it with
# `torch.func.grad` at `eps = torch.zeros(B)`. The check compares your weights with a reference that
# takes no automatic derivative through the step at all: it moves $\epsilon_i$ by $\pm h$ and measures
# the clean loss (central finite differences).
# %% [markdown] lang=tr
# ## 2. Algoritma: ileriye bakan bir adım
#
# Bir yığının $i$. örneğine bir $\epsilon_i$ ağırlığı verin ve ağırlıklı kayıp üzerinde düz bir gradyan
# adımı (SGD, adım boyu $\alpha$) düşünün:
#
# $$\theta'(\epsilon) = \theta - \alpha \, \nabla_\theta \sum_i \epsilon_i \, \ell_i(\theta).$$
#
# Bu adım **sanaldır**: hiç uygulanmaz. Yalnızca şunu sorarız: $\epsilon = 0$ noktasında bir ağırlığı
# biraz artırsaydık, bu adımdan *sonra* temiz kümenin kaybı nasıl değişirdi?
#
# $$g_i = \frac{\partial \, L_{\text{temiz}}\big(\theta'(\epsilon)\big)}{\partial \epsilon_i}\Big|_{\epsilon = 0}.$$
#
# $g_i < 0$ ise $i$. örnekle daha çok eğitmek temiz kaybı *düşürürdü*: örnek yardım ediyordur.
# $g_i > 0$ ise kaybı artırırdı: örneğin etiketi büyük olasılıkla yanlıştır. Ren vd. yardım edenleri
# tutar ve normalleştirir:
#
# $$w_i = \frac{\max(-g_i, 0)}{\sum_j \max(-g_j, 0)}, \qquad \text{hiçbir örnek yardım etmiyorsa bütün } w_i = 0,$$
#
# ardından $\sum_i w_i \ell_i$ üzerinde *gerçek* adımı atar. Ağırlıklar her yığın için o anki
# parametrelerden yeniden hesaplanır; bir örneğe başta güvenilip sonra güvenilmeyebilir.
#
# **$g_i$ aslında nedir?** $\epsilon = 0$ noktasında sanal adım sıfırdır ($\theta' = \theta$) ve zincir
# kuralı tam olarak şunu verir:
#
# $$g_i = -\alpha \; \nabla_\theta L_{\text{temiz}}(\theta) \cdot \nabla_\theta \ell_i(\theta):$$
#
# bir örnek, gradyanı temiz kümenin gradyanıyla ne kadar aynı yönü gösteriyorsa o kadar ağırlık alır.
# $\alpha$ adım boyu her $g_i$'yi yalnızca ölçekler; bu yüzden normalleştirilmiş ağırlıklar ona bağlı
# değildir. Makalenin yaptığı gibi sanal adımın içinden türev almak örnek başına gradyan gerektirmez:
# tek bir "gradyanın gradyanı" $B$ sayının hepsini birden verir. Maliyeti kabaca iki üç sıradan
# adım kadardır.
#
# **`torch.func` ile.** `torch.func.grad(f)`, `f`'nin gradyanını hesaplayan bir fonksiyon döndürür ve
# bu fonksiyonlar iç içe kullanılabilir: kendisi gradyan alan bir fonksiyonun gradyanı. Parametreler
# bir tensör sözlüğü olarak verilir (gerçek bir modelde `torch.func.functional_call(model, params,
# inputs)` modeli bu parametrelerle çalıştırır); böylece sanal adım, sözlük üzerinde sıradan bir
# aritmetiktir.
#
# ### Alıştırma: ileriye bakış ağırlıkları
#
# `lookahead_weights(per_example_loss, clean_loss, params, lr)` fonksiyonunu yazın:
# * `params`, $\theta$ tensörlerinin bir sözlüğüdür;
# * `per_example_loss(params)`, eğitim yığınının kayıplarını $(B,)$ biçiminde bir tensör olarak döndürür;
# * `clean_loss(params)`, temiz kümenin ortalama kaybını bir skaler olarak döndürür;
# * fonksiyon $(B,)$ biçimindeki $w$ ağırlıklarını döndürsün: $g$'yi adım boyu `lr` olan sanal adımın
#   içinden alınan türev olarak hesaplayın, sonra yukarıdaki gibi kırpıp normalleştirin.
#
# İpucu: sanal adımı parametreler üzerinde `torch.func.grad` ile atan ve oradaki temiz kaybı döndüren
# bir `clean_after_step(eps)` yazın; onu da `eps = torch.zeros(B)` noktasında `torch.func.grad` ile
# türetin. Denetim, ağırlıklarınızı adımın içinden hiç otomatik türev almayan bir referansla
# karşılaştırır: $\epsilon_i$'yi $\pm h$ kadar oynatır ve temiz kaybı ölçer (merkezî sonlu farklar).

# %%
def lookahead_weights(per_example_loss, clean_loss, params, lr):
    ### BEGIN SOLUTION
    n = per_example_loss(params).shape[0]

    def weighted(theta, eps):
        return (eps * per_example_loss(theta)).sum()

    def clean_after_step(eps):
        step = grad(weighted)(params, eps)
        return clean_loss({name: value - lr * step[name] for name, value in params.items()})

    first = next(iter(params.values()))
    g = grad(clean_after_step)(torch.zeros(n, dtype=first.dtype))
    w = (-g).clamp(min=0)
    return w / w.sum() if w.sum() > 0 else w
    ### END SOLUTION


# %%
check_lookahead_weights(lookahead_weights)

# %% [markdown] lang=en
# Now on the real model: the base GPT with a new classification head, one training batch of the noisy
# task and a batch of the clean set. Your function and the library's `batch_weights` get the same
# parameters (the trainable ones; the buffers enter as constants). PyTorch's fused attention kernels
# have no second derivative, so the look-ahead runs with the "math" attention backend, plain
# differentiable operations.
#
# Before any training the head is random, so these first weights say little: an example's gradient
# mostly reflects what the random head gets wrong. Read them as a demonstration that the numbers
# agree, not yet as a verdict on the examples; section 3 averages the weights over a whole training run.
# %% [markdown] lang=tr
# Şimdi gerçek modelde: yeni bir sınıflandırma kafası takılmış temel GPT, gürültülü görevin bir eğitim
# yığını ve temiz kümeden bir yığın. Sizin fonksiyonunuz ve kütüphanenin `batch_weights` fonksiyonu
# aynı parametreleri alır (eğitilebilir olanları; tamponlar sabit olarak girer). PyTorch'un birleşik
# (fused) dikkat çekirdeklerinin ikinci türevi yoktur; bu yüzden ileriye bakış "math" dikkat
# arka ucuyla, yani türevlenebilir sıradan işlemlerle çalışır.
#
# Eğitimden önce kafa rastgeledir; bu ilk ağırlıklar pek bir şey söylemez: bir örneğin gradyanı
# çoğunlukla rastgele kafanın neyi yanlış yaptığını yansıtır. Onları sayıların örtüştüğünün bir
# gösterimi olarak okuyun, henüz örnekler hakkında bir yargı olarak değil; 3. kısım ağırlıkların bütün
# bir eğitim boyunca ortalamasını alır.

# %%
pad_id = pad_token_id(base.tokenizer)
classifier = SequenceClassifier(base.model, n_classes=len(task.labels), pad_id=pad_id).train()
encoded = LabelledDataset.from_texts([e.text for e in task.train], [e.label for e in task.train], base.tokenizer,
                                     max_length=SIZES.max_length)
batch_rows = list(range(SIZES.batch_size))
train_batch = collate([encoded[i] for i in batch_rows], pad_id=pad_id)
clean_batch = collate([encoded[i] for i in task.info["clean"][: SIZES.batch_size]], pad_id=pad_id)
params = {name: p.detach() for name, p in classifier.named_parameters() if p.requires_grad}
buffers = dict(classifier.named_buffers())
with sdpa_kernel(SDPBackend.MATH):
    yours = lookahead_weights(lambda theta: classifier_losses(classifier, {**buffers, **theta}, train_batch),
                              lambda theta: classifier_losses(classifier, {**buffers, **theta}, clean_batch).mean(),
                              params, SIZES.lr)
library = batch_weights(classifier, train_batch, clean_batch, SIZES.lr)
assert torch.allclose(yours, library, atol=1e-5)
pd.DataFrame({pick(en="your weight", tr="sizin ağırlığınız"): yours.numpy().round(3),
              "course_lib": library.numpy().round(3),
              pick(en="label flipped?", tr="etiket değişmiş mi?"): [i in flipped for i in batch_rows]})

# %% [markdown] lang=en
# ## 3. The experiment: plain, reweighted, and the clean oracle
#
# `Reweight` plugs into chapter 03's harness like any method: its `setup` encodes the clean set and
# returns a callback whose `example_weights` hook hands the training loop the weights of each batch;
# the loop then minimises $\sum_i w_i \ell_i$ instead of the mean. The optimizer is still AdamW: only
# the *virtual* step is plain SGD, as in the paper. Every run starts from the same base model; the
# table gives mean ± std over the seeds.
#
# These runs are not cached (`cache_dir=False`): the method records, during training, the weight
# each example received, and a cached run would not have them.
# %% [markdown] lang=tr
# ## 3. Deney: düz eğitim, yeniden ağırlıklandırma ve temiz kâhin
#
# `Reweight`, 03. bölümün karşılaştırma düzeneğine her yöntem gibi takılır: `setup` temiz kümeyi
# kodlar ve `example_weights` kancası her yığının ağırlıklarını eğitim döngüsüne veren bir geri
# çağırma (callback) döndürür; döngü de ortalama yerine $\sum_i w_i \ell_i$'yi küçültür. Optimizer yine
# AdamW'dir: makaledeki gibi yalnızca *sanal* adım düz SGD'dir. Her çalıştırma aynı temel modelden
# başlar; tablo, tohumlar üzerinden ortalama ± standart sapmayı verir.
#
# Bu çalıştırmalar önbelleğe alınmaz (`cache_dir=False`): yöntem, eğitim sırasında her örneğin aldığı
# ağırlığı kaydeder; önbellekten okunan bir çalıştırmada bu kayıt olmazdı.

# %%
# NBVAL_IGNORE_OUTPUT
reweight = Reweight(tokenizer=base.tokenizer)
noisy = compare(base, task, [Full(), reweight], seeds=SIZES.seeds, config=CONFIG, cache_dir=False)
oracle = compare(base, clean_oracle(task), [Full()], seeds=SIZES.seeds, config=CONFIG, cache_dir=False)
noisy.formatted()

# %%
# NBVAL_IGNORE_OUTPUT
oracle.formatted()

# %% [markdown] lang=en
# How well do the weights find the flipped labels? For each run we take the mean weight every noisy
# training example received and compute the **AUROC** of "label right" against it: the probability
# that a random example with a right label got a higher mean weight than a random flipped one (1 is a
# perfect separation, 0.5 is chance). The clean set is left out of this score, since the method was
# told its labels.
# %% [markdown] lang=tr
# Ağırlıklar değiştirilmiş etiketleri ne kadar iyi buluyor? Her çalıştırma için gürültülü her eğitim
# örneğinin aldığı ortalama ağırlığı alır ve "etiket doğru" bilgisine göre **AUROC**'u hesaplarız:
# etiketi doğru rastgele bir örneğin, değiştirilmiş rastgele bir örnekten daha yüksek ortalama ağırlık
# almış olma olasılığı (1 kusursuz bir ayrım, 0,5 rastgele tahmindir). Temiz küme bu puana katılmaz,
# çünkü yönteme onun etiketleri söylenmişti.

# %%
noisy_rows = range(SIZES.n_noisy)
aurocs = [auroc([run[i] for i in noisy_rows], [i not in flipped for i in noisy_rows]) for run in reweight.weight_runs]
print("AUROC:", [round(a, 3) for a in aurocs], "·", pick(en="mean", tr="ortalama"), f"{stat_of(aurocs).mean:.3f}")
table = noisy.table
accuracy = {pick(en="plain", tr="düz"): (table.loc["full", "accuracy"], table.loc["full", "accuracy std"]),
            pick(en="reweighted", tr="yeniden ağırlıklı"): (table.loc["reweight", "accuracy"],
                                                            table.loc["reweight", "accuracy std"]),
            pick(en="clean oracle", tr="temiz kâhin"): (oracle.table.loc["full", "accuracy"],
                                                        oracle.table.loc["full", "accuracy std"])}
fig = plot_reweighting(accuracy, [reweight.weight_runs[0][i] for i in noisy_rows],
                       [i in flipped for i in noisy_rows], title=task.name)

# %% [markdown] lang=en
# ## 4. What does your table show?
#
# Ren et al. report that the method stays robust where plain training breaks down: on CIFAR with
# 40 % of the labels flipped and 1,000 clean images. Our setting is far smaller (a 5 M-parameter
# model, a few hundred sentences, a clean set of a few dozen), so the claims are checked, not assumed.
# The cell below judges them on the runs above: a claim "holds" only when the difference is larger than
# the spread over seeds.
# %% [markdown] lang=tr
# Ren vd., düz eğitimin çöktüğü yerde yöntemin dayanıklı kaldığını bildirir: etiketlerin %40'ı
# değiştirilmiş CIFAR'da, 1.000 temiz görüntüyle. Bizim ortamımız çok daha küçüktür (5 M parametreli
# bir model, birkaç yüz cümle, birkaç düzine örnekten oluşan bir temiz küme); bu yüzden iddialar
# varsayılmaz, sınanır. Aşağıdaki hücre onları yukarıdaki çalıştırmalar üzerinde değerlendirir: bir
# iddia ancak fark, tohumlar arasındaki yayılımdan büyükse "doğrulanır".

# %%
verdicts, gap_line = judge_reweighting(noisy.runs, oracle.runs, aurocs, plain="full", reweight="reweight",
                                       noise=SIZES.label_noise)
for line in verdict_lines(verdicts):
    print(line)
print(gap_line)

# %% [markdown] lang=en
# ## 5. Limits
#
# * **Cost.** Every step runs the model forward and backward twice more (the virtual step and the
#   clean loss after it, differentiated through): about three ordinary steps, as the verdict above
#   measures. On a large model this is the method's main price.
# * **A clean set is needed.** The method trusts the clean set completely: its labels decide which
#   examples count. If the clean set is itself noisy, too small to cover every class, or drawn from a
#   different distribution than the test data, the weights follow it there. Here it comes from the
#   *training* side; taking it from the dev set that is scored would make the score a lie.
# * **Weights per batch.** The weights are normalised inside each batch, so an example is compared
#   only with its batch-mates. A batch in which no example helps gets no update at all.
# * **Hard examples look like noisy ones.** An example that is right but unusual can have a gradient
#   that disagrees with a small clean set, and lose its weight with the flipped ones.
# * **An extension: Meta-Weight-Net** (Shu et al., NeurIPS 2019) replaces the per-step weights by a small
#   network that maps an example's loss to its weight, trained with the same look-ahead; the weights
#   then carry over from step to step. It is not built in this course.
#
# Related tools ask the same question, "which training examples help?", without reweighting: TracIn
# (Pruthi et al. 2020) sums the same gradient dot products over checkpoints to find influential or
# mislabelled examples.
# %% [markdown] lang=tr
# ## 5. Sınırlar
#
# * **Maliyet.** Her adımda model iki kez daha ileri ve geri çalışır (sanal adım ve ondan sonraki
#   temiz kayıp, içinden türev alınarak): yukarıdaki kararın ölçtüğü gibi kabaca üç sıradan adım eder.
#   Büyük bir modelde yöntemin asıl bedeli budur.
# * **Temiz bir küme gerekir.** Yöntem temiz kümeye tamamen güvenir: hangi örneklerin sayılacağına onun
#   etiketleri karar verir. Temiz küme de gürültülüyse, her sınıfı kapsamayacak kadar küçükse ya da
#   sınama verisinden farklı bir dağılımdan geliyorsa ağırlıklar da onu izler. Burada küme *eğitim*
#   tarafından gelir; onu puanlanan doğrulama kümesinden almak puanı yalana çevirirdi.
# * **Yığın başına ağırlıklar.** Ağırlıklar her yığının içinde normalleştirilir; bir örnek yalnızca
#   yığındaki komşularıyla karşılaştırılır. Hiçbir örneğin yardım etmediği bir yığın hiç güncelleme
#   getirmez.
# * **Zor örnekler gürültülü görünür.** Etiketi doğru ama alışılmadık bir örneğin gradyanı küçük bir
#   temiz kümeyle uyuşmayabilir ve değiştirilmiş örneklerle birlikte ağırlığını yitirebilir.
# * **Bir uzantı: Meta-Weight-Net** (Shu vd., NeurIPS 2019), adım başına ağırlıkların yerine bir örneğin
#   kaybını ağırlığına eşleyen küçük bir ağ koyar ve onu aynı ileriye bakışla eğitir; böylece ağırlıklar
#   adımdan adıma taşınır. Bu kursta kurulmamıştır.
#
# Benzer araçlar aynı soruyu ("hangi eğitim örnekleri yardım ediyor?") yeniden ağırlıklandırmadan
# sorar: TracIn (Pruthi vd. 2020), etkili ya da yanlış etiketlenmiş örnekleri bulmak için aynı gradyan
# iç çarpımlarını kontrol noktaları (checkpoint) üzerinden toplar.

# %% [markdown] lang=en
# ## Summary
#
# * Learning to Reweight gives each example of a batch the weight $\max(-g_i, 0)$, normalised, where
#   $g_i$ is the derivative of a clean set's loss after a virtual SGD step with respect to the example's
#   weight; at $\epsilon = 0$ that is $-\alpha$ times the dot product of the clean gradient and the
#   example's gradient.
# * `torch.func.grad` over `functional_call` computes all $B$ derivatives with one gradient of a
#   gradient; the training loop receives them through its `example_weights` hook.
# * Your table says whether it beat plain training under 40 % flipped labels, how much of the gap to
#   the clean oracle it closed, how well its weights found the flipped labels (AUROC), and what a step
#   cost.
# * It needs a small set of examples with trusted labels, from the training side, and about three
#   times the compute of a plain step.
#
# **Next:** chapter 09 — guided attention: a loss on where the model looks.
# %% [markdown] lang=tr
# ## Özet
#
# * Learning to Reweight, bir yığının her örneğine normalleştirilmiş $\max(-g_i, 0)$ ağırlığını verir;
#   $g_i$, sanal bir SGD adımından sonraki temiz küme kaybının örneğin ağırlığına göre türevidir.
#   $\epsilon = 0$ noktasında bu, temiz gradyan ile örneğin gradyanının iç çarpımının $-\alpha$ katıdır.
# * `functional_call` üzerinde `torch.func.grad`, $B$ türevin hepsini tek bir gradyanın gradyanıyla
#   hesaplar; eğitim döngüsü onları `example_weights` kancasından alır.
# * Tablonuz, etiketlerin %40'ı değiştirilmişken yöntemin düz eğitimi geçip geçmediğini, temiz kâhinle
#   arasındaki farkın ne kadarını kapattığını, ağırlıklarının değiştirilmiş etiketleri ne kadar iyi
#   bulduğunu (AUROC) ve bir adımın neye mal olduğunu söyler.
# * Yöntem, eğitim tarafından gelen ve etiketlerine güvenilen küçük bir örnek kümesine ve düz bir
#   adımın kabaca üç katı hesaba gerek duyar.
#
# **Sırada:** 09. bölüm — yönlendirilmiş dikkat: modelin nereye baktığı üzerine bir kayıp.

# %% [markdown] lang=en
# ## Further reading
#
# * M. Ren, W. Zeng, B. Yang, R. Urtasun. *Learning to Reweight Examples for Robust Deep Learning*. ICML
#   2018, arXiv:1803.09050 — the method of this chapter.
# * J. Shu et al. *Meta-Weight-Net: Learning an Explicit Mapping For Sample Weighting*. NeurIPS 2019,
#   arXiv:1902.07379 — the weights from a small network.
# * G. Pruthi, F. Liu, M. Sundararajan, S. Kale. *Estimating Training Data Influence by Tracing Gradient
#   Descent* (TracIn). NeurIPS 2020, arXiv:2002.08484.
# * PyTorch documentation: `torch.func` (function transforms: `grad`, `functional_call`).
# %% [markdown] lang=tr
# ## İleri okuma
#
# * M. Ren, W. Zeng, B. Yang, R. Urtasun. *Learning to Reweight Examples for Robust Deep Learning*. ICML
#   2018, arXiv:1803.09050 — bu bölümün yöntemi.
# * J. Shu vd. *Meta-Weight-Net: Learning an Explicit Mapping For Sample Weighting*. NeurIPS 2019,
#   arXiv:1902.07379 — ağırlıkları küçük bir ağdan almak.
# * G. Pruthi, F. Liu, M. Sundararajan, S. Kale. *Estimating Training Data Influence by Tracing Gradient
#   Descent* (TracIn). NeurIPS 2020, arXiv:2002.08484.
# * PyTorch belgeleri: `torch.func` (fonksiyon dönüşümleri: `grad`, `functional_call`).
