# %% [markdown] lang=en
# # 12 · Carbon emissions: what training costs in energy and CO₂
#
# Every training run draws electricity, and most electricity is still made by burning something. The
# cost is small for the course's model and very large for today's big models, and the same run can
# emit ten times more on one grid than on another. This chapter turns that into numbers you measure.
#
# In this chapter you will
# 1. write the two formulas everything rests on: energy = power × time × PUE, and emissions = energy ×
#    the grid's carbon intensity (exercise 1),
# 2. count the work of training in FLOPs, 6·N·D, and what freezing layers saves (exercise 2),
# 3. **measure** one fine-tuning run of the course GPT with codecarbon, put the **estimate** from its
#    FLOPs beside it, and see why the two differ,
# 4. price the same run on the grids of Türkiye, France, Poland, the United States and Norway,
# 5. set the published figures of GPT-3, BLOOM and Strubell et al. beside your own, scaled by 6·N·D,
# 6. measure what reduces emissions: training fewer parameters, a cleaner grid, and what kernels and
#    the time of day could add.
#
# Time: about 25 minutes to read; the `cpu` profile computes for about 1 minute. No GPU needed.
# %% [markdown] lang=tr
# # 12 · Karbon salımı: eğitimin enerji ve CO₂ bedeli
#
# Her eğitim çalıştırması elektrik çeker ve elektriğin çoğu hâlâ bir şey yakılarak üretilir. Bu bedel
# kursun modeli için küçük, bugünün büyük modelleri içinse çok büyüktür; üstelik aynı çalıştırma bir
# şebekede ötekinden on kat fazla salım yapabilir. Bu bölüm bunu sizin ölçtüğünüz sayılara dönüştürür.
#
# Bu bölümde
# 1. her şeyin dayandığı iki formülü yazacaksınız: enerji = güç × süre × PUE ve salım = enerji ×
#    şebekenin karbon yoğunluğu (1. alıştırma),
# 2. eğitimin işini FLOP cinsinden sayacak (6·N·D) ve katman dondurmanın ne kazandırdığını
#    hesaplayacaksınız (2. alıştırma),
# 3. kursun GPT'siyle bir ince ayar çalıştırmasını codecarbon ile **ölçecek**, yanına FLOP'lardan
#    yapılan **tahmini** koyacak ve ikisinin neden ayrıştığını göreceksiniz,
# 4. aynı çalıştırmayı Türkiye, Fransa, Polonya, ABD ve Norveç şebekelerinde fiyatlayacaksınız,
# 5. GPT-3, BLOOM ve Strubell vd.'nin yayımlanmış rakamlarını 6·N·D ile ölçeklenmiş kendi
#    rakamlarınızın yanına koyacaksınız,
# 6. salımı neyin azalttığını ölçeceksiniz: daha az parametre eğitmek, daha temiz bir şebeke; ayrıca
#    çekirdeklerin ve günün saatinin neler katabileceğini göreceksiniz.
#
# Süre: okumak yaklaşık 25 dakika; `cpu` profili yaklaşık 1 dakika hesap yapar. GPU gerekmez.

# %%
import math

import pandas as pd

from course_lib.assets import load_base_model
from course_lib.checks.ch12_carbon import check_grams_co2e, check_training_flops
from course_lib.device import seed_everything
from course_lib.finetune import Full, LinearProbe, Selected, compare, world_topic
from course_lib.finetune.compare import FinetuneConfig
from course_lib.i18n import pick
from course_lib.profile import current_profile, sizes
from course_lib.risks.carbon import (
    EnergyMeter,
    codecarbon_available,
    cpu_device,
    emissions_g,
    estimate_energy,
    on_grids,
)
from course_lib.risks.carbon_data import DEVICES, GRIDS
from course_lib.risks.carbon_report import GAP, published_beside_ours, side_by_side
from course_lib.viz.carbon import plot_energy, plot_grids

SIZES = sizes("12_carbon")
# en: this chapter measures energy, so every run trains again (cache_dir=False below)
# tr: bu bölüm enerji ölçer; bu yüzden her çalıştırma yeniden eğitilir (aşağıda cache_dir=False)
CONFIG = FinetuneConfig.from_sizes(SIZES)
PUE = SIZES.pue
generator = seed_everything(0)
print(pick(en="profile:", tr="profil:"), current_profile(), "·", dict(SIZES))
print(pick(en="codecarbon installed:", tr="codecarbon kurulu:"), codecarbon_available())

# %% [markdown] lang=en
# ## 1. Energy and emissions: two multiplications
#
# A device that draws a power $P$ (watts) for $t$ seconds uses the energy $P \cdot t$ joules. A data
# centre also spends power on cooling, power conversion and lighting; its **PUE** (power usage
# effectiveness) is the total power of the building divided by the power of its computers, so the
# grid delivers
#
# $$E_{\text{kWh}} = \frac{P \cdot t \cdot \text{PUE}}{3.6 \times 10^{6}} \qquad (1\ \text{kWh} = 1000\ \text{W} \times 3600\ \text{s})$$
#
# A PUE of 1.0 is a machine with no overhead (your laptop); Google reports a fleet average near 1.1;
# the Uptime Institute's 2023 survey of data centres found an average of 1.58. The grid's **carbon
# intensity** $I$ (grams of CO₂-equivalent per kWh) says how the electricity was made: coal emits most,
# gas about half of that, hydro, wind, solar and nuclear little. Then
#
# $$\text{emissions}_{\text{gCO}_2\text{e}} = E_{\text{kWh}} \cdot I$$
#
# ### Exercise 1: from watts to grams
#
# Write `grams_co2e(power_w, seconds, pue, g_per_kwh)`: the grams of CO₂e of a device that draws `power_w`
# watts for `seconds` seconds, in a building with the given `pue`, on a grid of `g_per_kwh`.
# %% [markdown] lang=tr
# ## 1. Enerji ve salım: iki çarpma
#
# $P$ güç (watt) çeken bir aygıt $t$ saniyede $P \cdot t$ jul enerji harcar. Bir veri merkezi ayrıca
# soğutmaya, güç dönüşümüne ve aydınlatmaya da güç harcar; **PUE** (power usage effectiveness, güç
# kullanım etkinliği) binanın toplam gücünün bilgisayarlarının gücüne oranıdır. Böylece şebekeden
# çekilen enerji şudur:
#
# $$E_{\text{kWh}} = \frac{P \cdot t \cdot \text{PUE}}{3{,}6 \times 10^{6}} \qquad (1\ \text{kWh} = 1000\ \text{W} \times 3600\ \text{s})$$
#
# 1,0 PUE, hiç ek yükü olmayan bir makinedir (dizüstü bilgisayarınız); Google kendi veri merkezleri
# için 1,1'e yakın bir ortalama bildirir; Uptime Institute'un 2023 veri merkezi anketi ise ortalamayı
# 1,58 bulmuştur. Şebekenin **karbon yoğunluğu** $I$ (kWh başına gram CO₂ eşdeğeri) elektriğin nasıl
# üretildiğini söyler: en çok kömür salar, doğal gaz bunun yaklaşık yarısını; hidroelektrik, rüzgâr,
# güneş ve nükleer ise az salar. Sonra
#
# $$\text{salım}_{\text{gCO}_2\text{e}} = E_{\text{kWh}} \cdot I$$
#
# ### 1. alıştırma: watt'tan grama
#
# `grams_co2e(power_w, seconds, pue, g_per_kwh)` fonksiyonunu yazın: `power_w` watt çeken bir aygıtın
# `seconds` saniyede, PUE'su `pue` olan bir binada ve yoğunluğu `g_per_kwh` olan bir şebekede saldığı
# gram CO₂e.

# %%
def grams_co2e(power_w, seconds, pue, g_per_kwh):
    ### BEGIN SOLUTION
    kwh = power_w * seconds * pue / 3.6e6
    return kwh * g_per_kwh
    ### END SOLUTION


# %%
check_grams_co2e(grams_co2e)

# %% [markdown] lang=en
# ## 2. The grids
#
# Which intensity is "Türkiye's"? It depends on the source and the year: published figures for the
# Turkish grid range from about 390 to 465 gCO₂e/kWh. This course uses one source for every country,
# so that the comparison is fair: the 2023 national electricity mixes of **Ember and Our World in
# Data, as bundled with codecarbon** (the same numbers the measurement below uses). Türkiye's 2023 mix
# was still about one third coal.
# %% [markdown] lang=tr
# ## 2. Şebekeler
#
# "Türkiye'nin" yoğunluğu hangisidir? Bu, kaynağa ve yıla göre değişir: Türkiye şebekesi için
# yayımlanmış rakamlar yaklaşık 390 ile 465 gCO₂e/kWh arasındadır. Bu kurs, karşılaştırma adil olsun
# diye her ülke için tek bir kaynak kullanır: **Ember ve Our World in Data'nın codecarbon ile birlikte
# gelen** 2023 ulusal elektrik karışımları (aşağıdaki ölçümün kullandığı sayıların aynısı). Türkiye'nin
# 2023 karışımında kömürün payı hâlâ yaklaşık üçte birdi.

# %%
grids = pd.DataFrame([{"grid": g.code, pick(en="country", tr="ülke"): pick(en=g.name_en, tr=g.name_tr),
                       "gCO2e/kWh": g.g_per_kwh, pick(en="year", tr="yıl"): g.year,
                       pick(en="source", tr="kaynak"): g.source} for g in GRIDS.values()]).set_index("grid")
grids

# %% [markdown] lang=en
# ## 3. Counting the work: 6·N·D
#
# A matrix product of a $d_{in} \times d_{out}$ weight with one token's vector costs $2 d_{in} d_{out}$
# floating-point operations (a multiply and an add per weight). So for a model whose matrix weights
# number $N$, one token's **forward pass** costs about $2N$ FLOPs. The **backward pass** costs about
# twice that: one product gives the gradient of the weights ($2N$), another the gradient of the
# activations that flows to the layer below ($2N$). Training on $D$ tokens therefore costs
#
# $$C \approx 6 \cdot N \cdot D$$
#
# (Kaplan et al. 2020; attention scores and embeddings add little for large models and are left out).
# A **frozen** layer still runs forward, but computes no gradient: when the bottom layers are frozen,
# the weights' gradients and the activations' gradients are needed only for the top, trainable ones.
# With $N_{tr}$ the trainable layers' weights:
#
# $$C \approx 2 N D + 4 N_{tr} D$$
#
# (An adapter such as LoRA is different: it trains few weights, but sits in every layer, so the
# activations' gradient must still cross every layer: $C \approx 2ND + 2N_{tr}D + 2ND$.)
#
# ### Exercise 2: training FLOPs with frozen layers
#
# Write `training_flops(layer_params, tokens, n_frozen)`. `layer_params` lists the number of matrix
# weights of each layer from the **bottom** (next to the input) to the **top** (the head, last);
# the first `n_frozen` layers are frozen. Return the training FLOPs by the formula above.
# %% [markdown] lang=tr
# ## 3. İşi saymak: 6·N·D
#
# $d_{in} \times d_{out}$ boyutlu bir ağırlık matrisinin tek bir token'ın vektörüyle çarpımı
# $2 d_{in} d_{out}$ kayan nokta işlemi tutar (her ağırlık için bir çarpma ve bir toplama). Dolayısıyla
# matris ağırlıklarının sayısı $N$ olan bir modelde bir token'ın **ileri geçişi** yaklaşık $2N$ FLOP
# tutar. **Geri yayılım** bunun yaklaşık iki katıdır: bir çarpım ağırlıkların gradyanını ($2N$),
# bir başkası alttaki katmana akan aktivasyon gradyanını ($2N$) verir. $D$ token üzerinde eğitim bu
# yüzden şu kadar tutar:
#
# $$C \approx 6 \cdot N \cdot D$$
#
# (Kaplan vd. 2020; dikkat puanları ve gömmeler büyük modellerde az tutar ve sayılmaz.)
# **Dondurulmuş** bir katman yine ileri geçişten geçer ama gradyan hesaplamaz: alttaki katmanlar
# dondurulduğunda ağırlık gradyanları da aktivasyon gradyanları da yalnızca üstteki, eğitilen katmanlar
# için gerekir. $N_{eğ}$ eğitilen katmanların ağırlıkları olmak üzere:
#
# $$C \approx 2 N D + 4 N_{eğ} D$$
#
# (LoRA gibi bir bağdaştırıcı farklıdır: az ağırlık eğitir ama her katmanda durur; bu yüzden
# aktivasyon gradyanı yine her katmandan geçmek zorundadır: $C \approx 2ND + 2N_{eğ}D + 2ND$.)
#
# ### 2. alıştırma: dondurulmuş katmanlarla eğitim FLOP'ları
#
# `training_flops(layer_params, tokens, n_frozen)` fonksiyonunu yazın. `layer_params`, her katmanın
# matris ağırlığı sayısını **alttan** (girdinin yanından) **üste** (en sonda kafa) doğru listeler; ilk
# `n_frozen` katman dondurulmuştur. Yukarıdaki formülle eğitim FLOP'larını döndürün.

# %%
def training_flops(layer_params, tokens, n_frozen):
    ### BEGIN SOLUTION
    trainable = sum(layer_params[n_frozen:])
    return 2 * sum(layer_params) * tokens + 4 * trainable * tokens
    ### END SOLUTION


# %%
check_training_flops(training_flops)

# %% [markdown] lang=en
# On the course's base model: its blocks from the bottom, then the head of a classifier, and the
# tokens one fine-tuning run of this chapter reads (examples × epochs × tokens per example, at most).
# Freezing the lower blocks saves up to two thirds of the work; it never goes below the forward pass.
# %% [markdown] lang=tr
# Kursun temel modelinde: alttan başlayarak blokları, ardından bir sınıflandırıcının kafası ve bu
# bölümün bir ince ayar çalıştırmasının okuduğu token'lar (örnek × tur × örnek başına token, en çok).
# Alttaki blokları dondurmak işin üçte ikisine kadarını kazandırır; ileri geçişin altına ise hiçbir
# zaman inmez.

# %%
base = load_base_model()
task = world_topic("tr", n_train=SIZES.n_train, n_dev=SIZES.n_dev, label_noise=SIZES.label_noise)
blocks = [sum(p.numel() for p in block.parameters() if p.ndim >= 2) for block in base.model.blocks]
layers = blocks + [base.model.config.n_embd * len(task.labels)]
tokens = len(task.train) * SIZES.epochs * SIZES.max_length
full = training_flops(layers, tokens, 0)
for frozen in range(len(layers)):
    flops = training_flops(layers, tokens, frozen)
    print(pick(en=f"{frozen} frozen: {flops:.3e} FLOPs ({flops / full:.0%} of full training)",
               tr=f"{frozen} donmuş: {flops:.3e} FLOP (tam eğitimin %{100 * flops / full:.0f}'i)"))

# %% [markdown] lang=en
# ## 4. One training run, measured and estimated
#
# **Measured.** `EnergyMeter` runs codecarbon's `OfflineEmissionsTracker` (no network) with the
# country `TUR` and the PUE given explicitly: codecarbon's default PUE is 1.0. Be clear about what it
# measures. On an NVIDIA GPU it reads the GPU's own power meter (NVML). On an Intel or AMD CPU under
# Linux with RAPL counters it reads the CPU package's energy. **Without RAPL (a VM, a Mac, most cloud
# machines), codecarbon does not measure the CPU: it estimates its power** from the CPU model's TDP
# (or 4 W per thread when it does not know the model) and the measured load, and the RAM's power from
# its size. The last line below says which way it went on your machine.
#
# **Estimated.** The same run's FLOPs (counted during training by the harness), divided by the device's
# peak throughput times a **utilisation** (the share of peak a run achieves; large models on good
# hardware reach 30–50 %), give a time; the device's TDP times that time gives the energy.
# %% [markdown] lang=tr
# ## 4. Bir eğitim çalıştırması: ölçülen ve tahmin edilen
#
# **Ölçülen.** `EnergyMeter`, codecarbon'un `OfflineEmissionsTracker` sınıfını (ağ gerekmez) `TUR`
# ülke koduyla ve açıkça verilen PUE ile çalıştırır: codecarbon'un varsayılan PUE'su 1,0'dır. Neyi
# ölçtüğünü açıkça bilin. NVIDIA GPU'da GPU'nun kendi güç ölçerini (NVML) okur. Linux altında RAPL
# sayaçları olan bir Intel ya da AMD işlemcide, işlemci paketinin enerjisini okur. **RAPL yoksa (sanal
# makine, Mac, çoğu bulut makinesi) codecarbon işlemciyi ölçmez: gücünü tahmin eder**; bunu işlemci
# modelinin TDP'sinden (modeli tanımıyorsa iş parçacığı başına 4 W'tan) ve ölçülen yükten, belleğin
# gücünü de boyutundan yapar. Aşağıdaki son satır, sizin makinenizde hangi yolun izlendiğini söyler.
#
# **Tahmin edilen.** Aynı çalıştırmanın FLOP'ları (eğitim sırasında düzenek tarafından sayılır),
# aygıtın tepe işlem hızı ile bir **kullanım oranının** (bir çalıştırmanın tepe hızın ne kadarına
# ulaştığı; iyi donanımdaki büyük modeller %30–50'ye ulaşır) çarpımına bölünerek bir süre verir;
# aygıtın TDP'si ile bu sürenin çarpımı da enerjiyi verir.

# %%
# NBVAL_IGNORE_OUTPUT
device = cpu_device()
with EnergyMeter(pue=PUE, interval_s=SIZES.interval_s) as meter:
    run = compare(base, task, [Full()], seeds=[0], config=CONFIG, cache_dir=False).runs[0]
row = side_by_side(meter, run["training_flops"], device, utilisation=SIZES.utilisation, pue=PUE)
print(pick(en="device:", tr="aygıt:"), device.name, f"· TDP {device.tdp_w:.0f} W ·",
      f"{device.peak_flops / 1e9:.1f} GFLOP/s", pick(en="(measured matmul peak)", tr="(ölçülen matris çarpımı tepesi)"))
print(pick(en="codecarbon's CPU power:", tr="codecarbon'un işlemci gücü:"), meter.how,
      pick(en="(intel_rapl = measured; cpu_load, constant = estimated from the TDP)",
           tr="(intel_rapl = ölçülmüş; cpu_load, constant = TDP'den tahmin)"))
print(pick(en="wall time", tr="duvar saati süresi"), f"{meter.seconds:.1f} s ·",
      pick(en="CPU time", tr="işlemci süresi"), f"{meter.cpu_seconds:.1f} s")
pd.Series(row, name=pick(en="one run", tr="bir çalıştırma")).to_frame()

# %% [markdown] lang=en
# The ratio *measured / estimated* splits into two factors, and the next cell prints them:
# $\frac{E_m}{E_e} = \frac{\bar P}{\text{TDP}} \cdot \frac{t_m}{t_e}$, the mean power against the TDP,
# and the measured time against the time the FLOPs should have taken. Where they disagree by more
# than 3×, these factors say why.
# %% [markdown] lang=tr
# *Ölçülen / tahmin* oranı iki çarpana ayrılır ve sonraki hücre bunları yazdırır:
# $\frac{E_m}{E_e} = \frac{\bar P}{\text{TDP}} \cdot \frac{t_m}{t_e}$, yani ortalama gücün TDP'ye
# oranı ve ölçülen sürenin FLOP'ların gerektirdiği süreye oranı. İkisi 3 kattan fazla ayrıştığında
# nedeni bu çarpanlardadır.

# %%
# NBVAL_IGNORE_OUTPUT
if row["measured kWh"] is None:
    print(pick(en="nothing measured (no codecarbon): only the estimate is shown",
               tr="ölçüm yok (codecarbon yok): yalnızca tahmin gösteriliyor"))
else:
    print(pick(en=f"measured / estimated = {row['measured / estimated']:.2f} = power factor "
                  f"{row['power factor']:.2f} × time factor {row['time factor']:.2f}",
               tr=f"ölçülen / tahmin = {row['measured / estimated']:.2f} = güç çarpanı "
                  f"{row['power factor']:.2f} × süre çarpanı {row['time factor']:.2f}"))
    if row["disagree"]:
        print(pick(en=f"They disagree by more than {GAP:.0f}×. Both factors, largest first:",
                   tr=f"İkisi {GAP:.0f} kattan fazla ayrışıyor. İki çarpan, büyüğü önce:"))
        power_text = pick(
            en=f"* power: the mean power was {row['mean power W']:.1f} W against the {row['TDP W']:.0f} W the estimate "
               f"assumed ({row['power factor']:.2f}×). codecarbon adds the RAM ({meter.ram_w:.1f} W) to the CPU "
               f"({meter.cpu_w:.1f} W) and, without RAPL, models the CPU's power from its own TDP table and the load.",
            tr=f"* güç: ortalama güç {row['mean power W']:.1f} W, tahminin varsaydığı ise {row['TDP W']:.0f} W "
               f"({row['power factor']:.2f} kat). codecarbon işlemcinin ({meter.cpu_w:.1f} W) üzerine belleği "
               f"({meter.ram_w:.1f} W) de ekler ve RAPL yoksa işlemcinin gücünü kendi TDP tablosundan ve yükten modeller.")
        time_text = pick(
            en=f"* time: the run took {row['time factor']:.2f}× the time its FLOPs need at "
               f"{row['assumed utilisation']:.0%} of peak; it reached {row['achieved utilisation']:.1%}. A small model "
               "on a CPU spends time in Python, small matrices, the optimizer and data loading; the harness also "
               "evaluates and measures forgetting, which the training FLOPs do not count.",
            tr=f"* süre: çalıştırma, FLOP'larının tepe hızın %{100 * row['assumed utilisation']:.0f}'inde gerektirdiği "
               f"sürenin {row['time factor']:.2f} katını aldı; tepe hızın %{100 * row['achieved utilisation']:.1f}'ine "
               "ulaştı. İşlemcide küçük bir model zamanını Python'da, küçük matrislerde, optimizer'da ve veri "
               "yüklemede de geçirir; düzenek ayrıca değerlendirme yapar ve unutmayı ölçer, eğitim FLOP'ları "
               "bunları saymaz.")
        factors = sorted([(abs(math.log(row["power factor"])), power_text), (abs(math.log(row["time factor"])), time_text)],
                         reverse=True)
        for _, text in factors:
            print(text)
    else:
        print(pick(en=f"They agree within {GAP:.0f}×.", tr=f"İkisi {GAP:.0f} kat içinde uyuşuyor."))

# %% [markdown] lang=en
# ## 5. The same run on five grids
#
# The run drew the same energy wherever it ran; only the grid changes its emissions.
# %% [markdown] lang=tr
# ## 5. Aynı çalıştırma, beş şebekede
#
# Çalıştırma nerede yapılırsa yapılsın aynı enerjiyi çekti; salımını yalnızca şebeke değiştirir.

# %%
# NBVAL_IGNORE_OUTPUT
kwh = row["measured kWh"] if row["measured kWh"] is not None else row["estimated kWh"]
priced = on_grids(kwh)
plot_grids(priced, title=pick(en=f"one fine-tuning run, {kwh:.2e} kWh", tr=f"bir ince ayar çalıştırması, {kwh:.2e} kWh"))
pd.DataFrame(priced).set_index("grid")

# %% [markdown] lang=en
# ## 6. Theirs and ours
#
# The published figures below are the authors' own, for their own hardware, data centre and grid:
# GPT-3 (Patterson et al. 2021), BLOOM (Luccioni et al. 2022), and the neural architecture search that
# Strubell et al. (2019) priced, the figure that started the discussion. Beside them: what each would
# have drawn **at your run's energy per FLOP**, scaled by 6·N·D. The ratio is the gap between a
# small model on a CPU and a large model on accelerators built for it: their hardware does far more
# FLOPs per joule, and their large matrices keep it busy.
# %% [markdown] lang=tr
# ## 6. Onlarınki ve bizimki
#
# Aşağıdaki yayımlanmış rakamlar yazarların kendilerine aittir; kendi donanımları, veri merkezleri ve
# şebekeleri içindir: GPT-3 (Patterson vd. 2021), BLOOM (Luccioni vd. 2022) ve Strubell vd.'nin (2019)
# fiyatladığı, tartışmayı başlatan sinir mimarisi araması. Yanlarında: her birinin, **sizin
# çalıştırmanızın FLOP başına enerjisiyle** 6·N·D'ye göre ölçeklendiğinde ne kadar çekeceği. Oran,
# işlemcideki küçük bir model ile bunun için yapılmış hızlandırıcılardaki büyük bir model arasındaki
# farktır: onların donanımı jul başına çok daha fazla FLOP yapar ve büyük matrisleri donanımı meşgul tutar.

# %%
# NBVAL_IGNORE_OUTPUT
pd.DataFrame(published_beside_ours(kwh, run["training_flops"])).set_index("model")

# %% [markdown] lang=en
# ## 7. What reduces emissions
#
# * **A smaller model, fewer tokens.** 6·N·D is linear in both: half the parameters, half the work.
# * **Training fewer parameters.** Measured now: the same task with every layer, the top block only,
#   and the head only (a linear probe). Their FLOPs follow section 3; their energy is measured.
# * **Efficient kernels.** Fused kernels (appendix A1) do the same FLOPs in less time on a GPU, and
#   time is energy. They are not measured here: on a CPU the course's kernels run in Triton's
#   interpreter, which measures nothing about a GPU.
# * **The grid.** Section 5: the same kWh costs about 22× more CO₂e in Poland than in Norway.
# * **The time of day.** A grid's intensity changes hour by hour with the sun, the wind and the demand;
#   a job that can wait can run when the grid is cleanest. codecarbon's offline mode knows only the
#   yearly average, so this course cannot measure it; grid operators publish hourly data.
# %% [markdown] lang=tr
# ## 7. Salımı ne azaltır?
#
# * **Daha küçük bir model, daha az token.** 6·N·D ikisine de doğrusal olarak bağlıdır: parametrelerin
#   yarısı, işin yarısı demektir.
# * **Daha az parametre eğitmek.** Şimdi ölçülüyor: aynı görev tüm katmanlarla, yalnızca en üst
#   blokla ve yalnızca kafayla (doğrusal yoklama). FLOP'ları 3. kısımdaki gibidir; enerjileri ölçülür.
# * **Verimli çekirdekler.** Birleştirilmiş çekirdekler (A1 eki) GPU'da aynı FLOP'ları daha kısa
#   sürede yapar; süre de enerjidir. Burada ölçülmezler: işlemcide kursun çekirdekleri Triton'un
#   yorumlayıcısında çalışır ve bu, bir GPU hakkında hiçbir şey ölçmez.
# * **Şebeke.** 5. kısım: aynı kWh, Polonya'da Norveç'tekinin yaklaşık 22 katı CO₂e tutar.
# * **Günün saati.** Bir şebekenin yoğunluğu güneşe, rüzgâra ve talebe göre saatten saate değişir;
#   bekleyebilen bir iş, şebekenin en temiz olduğu saatte çalıştırılabilir. codecarbon'un çevrimdışı
#   kipi yalnızca yıllık ortalamayı bilir; bu yüzden kurs bunu ölçemez; şebeke işletmecileri saatlik
#   veri yayımlar.

# %%
# NBVAL_IGNORE_OUTPUT
rows = []
for method in (Full(), Selected(SIZES.selected_k), LinearProbe()):
    with EnergyMeter(pue=PUE, interval_s=SIZES.interval_s, quiet=True) as measured:
        result = compare(base, task, [method], seeds=[0], config=CONFIG, cache_dir=False)
    one = result.runs[0]
    estimate = side_by_side(measured, one["training_flops"], device, utilisation=SIZES.utilisation, pue=PUE)
    rows.append({pick(en="method", tr="yöntem"): method.name, "accuracy": one["metric"],
                 "trainable %": one["trainable_pct"], "FLOPs": one["training_flops"], "s": measured.seconds,
                 pick(en="measured kWh", tr="ölçülen kWh"): measured.kwh,
                 pick(en="estimated kWh", tr="tahmini kWh"): estimate["estimated kWh"],
                 "gCO2e (TUR)": emissions_g(measured.kwh if measured.kwh is not None else estimate["estimated kWh"])})
reduce = pd.DataFrame(rows).set_index(pick(en="method", tr="yöntem"))
plot_energy(list(reduce.index), list(reduce[pick(en="measured kWh", tr="ölçülen kWh")]),
            list(reduce[pick(en="estimated kWh", tr="tahmini kWh")]),
            title=pick(en="energy of one run per approach", tr="yaklaşım başına bir çalıştırmanın enerjisi"))
reduce

# %% [markdown] lang=en
# Read the table: the FLOPs fall as fewer layers train, exactly as section 3 predicts. Whether the
# *measured* energy falls as much depends on your machine: on a small model most of the time is spent
# outside the large matrix products, and codecarbon (without RAPL) derives the energy from the time.
# On a GPU with a large model the two track each other much more closely.
#
# A last comparison, with numbers from the data sheets: the same FLOPs on a GPU.
# %% [markdown] lang=tr
# Tabloyu okuyun: daha az katman eğitildikçe FLOP'lar, tam 3. kısmın öngördüğü gibi azalır. *Ölçülen*
# enerjinin de o kadar azalıp azalmadığı makinenize bağlıdır: küçük bir modelde zamanın çoğu büyük
# matris çarpımlarının dışında geçer ve codecarbon (RAPL yoksa) enerjiyi süreden türetir. Büyük bir
# modelle GPU'da ikisi birbirini çok daha yakından izler.
#
# Son bir karşılaştırma, veri sayfalarındaki sayılarla: aynı FLOP'lar bir GPU'da.

# %%
# NBVAL_IGNORE_OUTPUT
pd.DataFrame([{"device": d.name, "TDP W": d.tdp_w, "peak FLOP/s": d.peak_flops,
               "kWh": estimate_energy(run["training_flops"], d, SIZES.utilisation, PUE).kwh,
               pick(en="source", tr="kaynak"): d.source} for d in (device, *DEVICES.values())]).set_index("device")

# %% [markdown] lang=en
# ## Summary
#
# * Energy = power × time × PUE; emissions = energy × the grid's intensity. Say which PUE and which
#   intensity (source, year) you used: each changes the answer.
# * Training costs about 6·N·D FLOPs; frozen layers save their backward pass, never their forward pass.
# * codecarbon measures a GPU (NVML) and a CPU with RAPL; elsewhere it estimates. Your FLOPs estimate
#   and its number can disagree by several times, and the two factors above say why.
# * The same run emits about 22× more on the Polish grid than on the Norwegian one; Türkiye's 2023
#   mix sits between.
#
# **Next:** chapter 10 puts the energy of every method into one comparison table.
# %% [markdown] lang=tr
# ## Özet
#
# * Enerji = güç × süre × PUE; salım = enerji × şebekenin yoğunluğu. Hangi PUE'yu ve hangi yoğunluğu
#   (kaynak, yıl) kullandığınızı söyleyin: her biri sonucu değiştirir.
# * Eğitim yaklaşık 6·N·D FLOP tutar; dondurulan katmanlar geri yayılımlarından tasarruf ettirir, ileri
#   geçişlerinden asla.
# * codecarbon bir GPU'yu (NVML) ve RAPL'li bir işlemciyi ölçer; başka yerlerde tahmin eder. Sizin FLOP
#   tahmininiz ile onun sayısı birkaç kat ayrışabilir; yukarıdaki iki çarpan nedenini söyler.
# * Aynı çalıştırma Polonya şebekesinde Norveç'tekinin yaklaşık 22 katı salım yapar; Türkiye'nin 2023
#   karışımı ikisinin arasındadır.
#
# **Sırada:** 10. bölüm, her yöntemin enerjisini tek bir karşılaştırma tablosuna koyar.

# %% [markdown] lang=en
# ## Further reading
#
# * D. Patterson et al. *Carbon Emissions and Large Neural Network Training*. arXiv:2104.10350, 2021.
# * A. S. Luccioni, S. Viguier, A.-L. Ligozat. *Estimating the Carbon Footprint of BLOOM, a 176B
#   Parameter Language Model*. JMLR 2023, arXiv:2211.02001.
# * E. Strubell, A. Ganesh, A. McCallum. *Energy and Policy Considerations for Deep Learning in NLP*.
#   ACL 2019, arXiv:1906.02243.
# * J. Kaplan et al. *Scaling Laws for Neural Language Models*. arXiv:2001.08361, 2020 — the 6·N·D count.
# * codecarbon documentation, "Methodology": how it measures and estimates power (codecarbon.io).
# %% [markdown] lang=tr
# ## İleri okuma
#
# * D. Patterson vd. *Carbon Emissions and Large Neural Network Training*. arXiv:2104.10350, 2021.
# * A. S. Luccioni, S. Viguier, A.-L. Ligozat. *Estimating the Carbon Footprint of BLOOM, a 176B
#   Parameter Language Model*. JMLR 2023, arXiv:2211.02001.
# * E. Strubell, A. Ganesh, A. McCallum. *Energy and Policy Considerations for Deep Learning in NLP*.
#   ACL 2019, arXiv:1906.02243.
# * J. Kaplan vd. *Scaling Laws for Neural Language Models*. arXiv:2001.08361, 2020 — 6·N·D sayımı.
# * codecarbon belgeleri, "Methodology": gücü nasıl ölçtüğü ve tahmin ettiği (codecarbon.io).
