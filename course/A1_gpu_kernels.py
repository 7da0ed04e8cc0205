# %% [markdown] lang=en
# # A1 · GPU kernels: writing a fused kernel in Triton
#
# Training and running an LLM is mostly a long list of small operations on big tensors: matrix
# products, LayerNorm, softmax, GELU, additions. Each one is a **kernel**: a function the GPU runs
# on thousands of cores at once. This appendix asks why some kernels are fast and others are not,
# and shows how to write a faster one yourself.
#
# In this appendix you will
# 1. see why a GPU is fast, and why most LLM operations are limited by **memory bandwidth**, not
#    by arithmetic (the **roofline** model),
# 2. count the bytes an unfused softmax moves, and see why **fusion** pays,
# 3. write a fused row-wise kernel in **Triton**, step by step,
# 4. write a fused softmax kernel yourself (the exercise),
# 5. measure kernels on a GPU, and see how the course's own kernels enter a model.
#
# Time: about 30 minutes. A GPU is optional: without one, Triton's **interpreter** runs the same
# kernels on the CPU (slowly, so only on tiny tensors), and the timing section explains instead
# of measuring.
# %% [markdown] lang=tr
# # A1 · GPU çekirdekleri: Triton ile birleştirilmiş bir çekirdek yazmak
#
# Bir LLM'i eğitmek ve çalıştırmak, büyük tensörler üzerinde yapılan küçük işlemlerin uzun bir
# listesidir: matris çarpımları, LayerNorm, softmax, GELU, toplamalar. Bunların her biri bir
# **çekirdektir (kernel)**: GPU'nun binlerce işlem biriminde (core) aynı anda çalıştırdığı bir
# fonksiyon. Bu
# ekte bazı çekirdeklerin neden hızlı, bazılarının neden yavaş olduğunu soracak ve daha hızlısını
# kendiniz nasıl yazabileceğinizi göreceksiniz.
#
# Bu ekte
# 1. GPU'nun neden hızlı olduğunu ve LLM işlemlerinin çoğunu aritmetiğin değil **bellek bant
#    genişliğinin** sınırladığını (**roofline** modeli) görecek,
# 2. birleştirilmemiş bir softmax'ın ne kadar bayt taşıdığını sayacak ve **birleştirmenin
#    (fusion)** neden kazandırdığını görecek,
# 3. **Triton** ile satır satır çalışan birleştirilmiş bir çekirdeği adım adım yazacak,
# 4. birleştirilmiş bir softmax çekirdeğini kendiniz yazacak (alıştırma),
# 5. çekirdekleri bir GPU'da ölçecek ve kursun kendi çekirdeklerinin bir modele nasıl
#    girdiğini göreceksiniz.
#
# Süre: yaklaşık 30 dakika. GPU şart değil: GPU yoksa Triton'un **yorumlayıcısı (interpreter)**
# aynı çekirdekleri CPU'da çalıştırır (yavaş çalıştığı için yalnızca küçük tensörlerde); süre
# ölçümü bölümü de o zaman ölçmek yerine açıklar.

# %% [markdown] lang=en
# ## 0. Triton, with or without a GPU
#
# Triton compiles a kernel written in Python into GPU machine code. With no GPU there is nothing
# to compile for: a launch fails with *"0 active drivers"*. Setting the environment variable
# `TRITON_INTERPRET=1` makes Triton **interpret** the kernel instead: it runs each program one
# after the other on the CPU, with numpy arrays standing in for GPU memory. The results are the
# same; the speed is not (about a millisecond per program), so we only ever run it on tiny tensors.
#
# The variable must be set **before** any `@triton.jit` function is defined: the decorator reads
# it once, when the function is defined, and builds either a compiled or an interpreted kernel.
# The course's own kernels are defined when `course_lib.kernels` is imported, so the next cell
# sets the variable before importing anything from there. On a machine without Triton (a Mac, for
# example) the kernel cells are still defined, but skipped with a message.
# %% [markdown] lang=tr
# ## 0. GPU'lu ya da GPU'suz Triton
#
# Triton, Python ile yazılmış bir çekirdeği GPU makine koduna derler. GPU yoksa derlenecek bir
# hedef de yoktur: çekirdeği başlatmak *"0 active drivers"* hatasıyla biter. `TRITON_INTERPRET=1`
# ortam değişkeni ise Triton'a çekirdeği derlemek yerine **yorumlamasını** söyler: her programı
# CPU'da sırayla, GPU belleğinin yerine numpy dizileri kullanarak çalıştırır. Sonuçlar aynıdır,
# hız aynı değildir (program başına yaklaşık bir milisaniye); bu yüzden yorumlayıcıyı yalnızca
# küçük tensörlerde kullanırız.
#
# Bu değişken, herhangi bir `@triton.jit` fonksiyonu tanımlanmadan **önce** ayarlanmalıdır:
# dekoratör onu fonksiyon tanımlanırken bir kez okur ve ya derlenecek ya da yorumlanacak bir
# çekirdek kurar. Kursun kendi çekirdekleri `course_lib.kernels` içe aktarılırken tanımlanır; bu
# yüzden sonraki hücre, oradan bir şey içe aktarmadan önce değişkeni ayarlar. Triton'un olmadığı
# bir makinede (örneğin bir Mac'te) çekirdek hücreleri yine tanımlanır ama bir iletiyle atlanır.

# %%
import os

import torch

if not torch.cuda.is_available():
    # en: before any @triton.jit below, and before course_lib.kernels
    # tr: aşağıdaki her @triton.jit'ten ve course_lib.kernels'ten önce
    os.environ["TRITON_INTERPRET"] = "1"

from course_lib.checks import check_softmax_kernel
from course_lib.i18n import pick
from course_lib.kernels import roofline
from course_lib.kernels.teaching import (
    gigabytes_per_second,
    kernel_device,
    naive_softmax,
    time_on_gpu,
    triton_available,
    triton_stand_ins,
    why_kernels_cannot_run,
)
from course_lib.profile import sizes
from course_lib.viz.kernels import plot_roofline

if triton_available():
    import triton
    import triton.language as tl
else:
    # en: lets the kernel cells below be defined; they are never launched
    # tr: aşağıdaki çekirdek hücreleri tanımlanabilsin diye; hiçbiri başlatılmaz
    triton, tl = triton_stand_ins()

SIZES = sizes("A1_gpu_kernels")
DEVICE = kernel_device()
# en: None when a kernel can be launched here
# tr: burada bir çekirdek başlatılabiliyorsa None
CANNOT_RUN = why_kernels_cannot_run()
if CANNOT_RUN:
    print(CANNOT_RUN)
else:
    print(pick(en="Triton kernels will run on:", tr="Triton çekirdekleri şurada çalışacak:"),
          torch.cuda.get_device_name() if DEVICE.type == "cuda"
          else pick(en="the CPU, through the interpreter", tr="CPU, yorumlayıcı üzerinden"))

# %% [markdown] lang=en
# ## 1. Why a GPU is fast, and what slows it down
#
# A CPU has a few strong cores, each built to finish one instruction stream quickly. A GPU has
# thousands of simple ones, grouped into *streaming multiprocessors* (SMs), and is built for
# **throughput**: the same operation on many elements at once. NVIDIA's datasheets give an H100
# SXM 132 SMs with 16,896 FP32 cores, and a T4 (the GPU of Colab's free tier) 40 SMs with 2,560.
# A GPU also has *tensor cores*, units that do only small matrix products, but very fast.
#
# Cores only compute on data they have. Every operand comes from the GPU's main memory (HBM on an
# H100, GDDR6 on a T4), and that memory has a limited **bandwidth**: bytes per second. So each
# operation has two costs: the arithmetic and the bytes moved. Their ratio is its **arithmetic
# intensity**,
#
# $$I = \frac{\text{FLOPs}}{\text{bytes moved}}.$$
#
# A machine with peak compute $P$ (FLOP/s) and bandwidth $W$ (bytes/s) can deliver at most
# $\min(P,\ I \cdot W)$ FLOP/s. This is the **roofline model** (Williams, Waterman & Patterson,
# 2009). Below the **ridge point** $I = P/W$ (the *machine balance*) an op waits for memory: it is
# **memory-bound**. Above it, it waits for the arithmetic units: it is **compute-bound**.
#
# The peaks below are the vendors' datasheet figures (dense 16-bit tensor-core math, no
# sparsity), not measurements: an H100 SXM has about 989 TFLOP/s and 3.35 TB/s of HBM3, a T4
# 65 TFLOP/s and 320 GB/s of GDDR6.
# %% [markdown] lang=tr
# ## 1. GPU neden hızlıdır, onu ne yavaşlatır?
#
# Bir CPU'da, her biri tek bir komut akışını çabucak bitirmek için tasarlanmış birkaç güçlü
# işlem birimi (core) vardır. GPU'da ise *akış çoklu işlemcilerinde* (SM) gruplanmış binlerce basit
# işlem birimi bulunur; GPU **işlem hacmi** (throughput) için tasarlanmıştır: aynı işlemi aynı anda
# pek çok öğeye uygular. NVIDIA'nın veri sayfalarına göre bir H100 SXM'de 132 SM ve 16.896 FP32
# işlem birimi, bir T4'te (Colab'in ücretsiz sürümündeki GPU) 40 SM ve 2.560 işlem birimi vardır.
# GPU'da ayrıca yalnızca küçük matris çarpımları yapan ama bunu çok hızlı yapan *tensör işlem
# birimleri* (Tensor Core) de bulunur.
#
# İşlem birimleri yalnızca ellerindeki veriyle hesap yapabilir. Her işlenen (operand) GPU'nun ana belleğinden
# (H100'de HBM, T4'te GDDR6) gelir ve bu belleğin **bant genişliği**, yani saniyede taşıyabildiği
# bayt sayısı sınırlıdır. Demek ki her işlemin iki maliyeti vardır: aritmetik ve taşınan baytlar.
# İkisinin oranı, işlemin **aritmetik yoğunluğudur**:
#
# $$I = \frac{\text{FLOP sayısı}}{\text{taşınan bayt}}.$$
#
# En yüksek hesap gücü $P$ (FLOP/s) ve bant genişliği $W$ (bayt/s) olan bir makine en çok
# $\min(P,\ I \cdot W)$ FLOP/s verebilir. Buna **roofline modeli** denir (Williams, Waterman ve
# Patterson, 2009). **Sırt noktasının** ($I = P/W$, makinenin *dengesi*) altındaki bir işlem
# belleği bekler, yani **bellek sınırlıdır**. Üstündeki işlem ise aritmetik birimlerini bekler,
# yani **hesap sınırlıdır**.
#
# Aşağıdaki en yüksek değerler ölçüm değil, üreticilerin veri sayfalarındaki rakamlardır (seyrekliksiz,
# tensör işlem birimlerinde 16 bitlik yoğun hesap): bir H100 SXM yaklaşık 989 TFLOP/s ve 3,35 TB/s HBM3,
# bir T4 ise 65 TFLOP/s ve 320 GB/s GDDR6 sunar.

# %%
for machine in roofline.MACHINES:
    print(f"{machine.name:9s} {machine.peak_flops / 1e12:6.0f} TFLOP/s  {machine.bandwidth / 1e9:6.0f} GB/s  "
          + pick(en="ridge point", tr="sırt noktası") + f" ≈ {machine.ridge_point:4.0f} FLOP/byte")
print()
ops = roofline.typical_ops(bytes_per_element=2)
for name, intensity in ops.items():
    bound = pick(en="memory-bound", tr="bellek sınırlı") if intensity < roofline.T4.ridge_point \
        else pick(en="compute-bound", tr="hesap sınırlı")
    print(f"{name:22s} {intensity:7.2f} FLOP/byte  -> {bound}")
fig = plot_roofline(roofline.MACHINES, ops)

# %% [markdown] lang=en
# Read the picture from left to right. An addition does one FLOP for every 6 bytes it moves (two
# 16-bit inputs, one output); GELU, softmax and LayerNorm do a handful of FLOPs per element. All of
# them sit around 0.2–2 FLOPs per byte. The ridge points above (about 295 on an H100, 203 on a T4)
# belong to the tensor cores, which only multiply matrices. Element-wise ops run on the ordinary
# CUDA cores, whose roof is lower: 67 TFLOP/s in FP32 on an H100 SXM and 8.1 on a T4 (datasheets),
# which puts their ridge at about 20 FLOPs per byte on an H100 and 25 on a T4. Even against that
# second ceiling these ops sit 10 to 100 times below the ridge: however well their arithmetic is
# written, they run at the speed of memory. Only large matrix products, which reuse every loaded
# number many times, reach the flat roof.
#
# So the way to speed up a memory-bound op is not to compute faster but to **move fewer bytes**.
# %% [markdown] lang=tr
# Grafiği soldan sağa okuyun. Bir toplama, taşıdığı her 6 bayt için (16 bitlik iki girdi, bir çıktı)
# tek bir FLOP yapar; GELU, softmax ve LayerNorm öğe başına birkaç FLOP yapar. Hepsi bayt başına
# 0,2–2 FLOP civarındadır. Yukarıdaki sırt noktaları (H100'de yaklaşık 295, T4'te 203) yalnızca
# matris çarpan tensör işlem birimlerine aittir. Öğe öğe işlemler ise sıradan CUDA işlem
# birimlerinde çalışır ve onların tavanı daha alçaktır: veri sayfalarına göre FP32'de H100 SXM'de
# 67 TFLOP/s, T4'te 8,1 TFLOP/s. Bu da onların sırt noktasını H100'de bayt başına yaklaşık 20, T4'te
# 25 FLOP'a koyar. Bu ikinci tavana göre bile bu işlemler sırt noktasının 10 ila 100 kat altındadır:
# aritmetikleri ne kadar iyi yazılırsa yazılsın, bellek hızında çalışırlar. Düz çatıya yalnızca
# yüklenen her sayıyı defalarca yeniden kullanan büyük matris çarpımları ulaşır.
#
# Demek ki bellek sınırlı bir işlemi hızlandırmanın yolu daha hızlı hesaplamak değil, **daha az
# bayt taşımaktır**.

# %% [markdown] lang=en
# ## 2. Why fusion pays: counting the bytes of a softmax
#
# The softmax of a row $x$ is $\mathrm{softmax}(x)_i = e^{x_i - m} / \sum_j e^{x_j - m}$, where
# $m = \max_j x_j$ (subtracting $m$ changes nothing mathematically, but keeps $e^{x}$ from
# overflowing). Written as five separate PyTorch operations, each one is its own kernel: it reads
# its inputs from main memory and writes its result back.
#
# | step | reads | writes |
# |---|---|---|
# | `m = x.amax(-1)` | $x$ | one number per row |
# | `z = x - m` | $x$, $m$ | $z$ |
# | `e = exp(z)` | $z$ | $e$ |
# | `s = e.sum(-1)` | $e$ | one number per row |
# | `y = e / s` | $e$, $s$ | $y$ |
#
# For an $M \times N$ tensor that is $5MN + 2M$ elements read and $3MN + 2M$ written. A **fused**
# kernel does all five steps while the row is in the cores' registers: it reads $x$ once and
# writes $y$ once, $2MN$ elements. For a memory-bound op, four times fewer bytes is close to four
# times faster. (`torch.softmax` is itself already one fused kernel; `naive_softmax` below is what
# it would cost without fusion.)
# %% [markdown] lang=tr
# ## 2. Birleştirme neden kazandırır: bir softmax'ın baytlarını saymak
#
# Bir $x$ satırının softmax'ı $\mathrm{softmax}(x)_i = e^{x_i - m} / \sum_j e^{x_j - m}$ olarak
# tanımlanır; burada $m = \max_j x_j$'dir ($m$'yi çıkarmak matematiksel olarak hiçbir şeyi
# değiştirmez ama $e^{x}$'in taşmasını önler). Beş ayrı PyTorch işlemiyle yazıldığında her biri
# ayrı bir çekirdektir: girdilerini ana bellekten okur, sonucunu oraya geri yazar.
#
# | adım | okur | yazar |
# |---|---|---|
# | `m = x.amax(-1)` | $x$ | satır başına bir sayı |
# | `z = x - m` | $x$, $m$ | $z$ |
# | `e = exp(z)` | $z$ | $e$ |
# | `s = e.sum(-1)` | $e$ | satır başına bir sayı |
# | `y = e / s` | $e$, $s$ | $y$ |
#
# $M \times N$ boyutlu bir tensör için bu, $5MN + 2M$ öğe okumak ve $3MN + 2M$ öğe yazmak
# demektir. **Birleştirilmiş** bir çekirdek ise beş adımın hepsini satır
# yazmaçlardayken yapar: $x$'i bir kez okur, $y$'yi bir kez yazar; toplam $2MN$ öğe. Bellek
# sınırlı bir işlemde dört kat daha az bayt, aşağı yukarı dört kat daha hızlı demektir.
# (`torch.softmax` zaten kendi başına birleştirilmiş tek bir çekirdektir; aşağıdaki `naive_softmax`
# ise birleştirme olmasaydı ödenecek bedeli gösterir.)

# %%
# en: a batch of attention rows in fp32
# tr: fp32'de bir yığın dikkat satırı
rows, cols, element_size = 8192, 4096, 4
unfused = roofline.softmax_traffic_bytes(rows, cols, element_size, fused=False)
fused = roofline.softmax_traffic_bytes(rows, cols, element_size, fused=True)
print(f"{rows}×{cols} fp32: " + pick(en="unfused", tr="birleştirilmemiş") + f" {unfused / 1e9:.2f} GB, "
      + pick(en="fused", tr="birleştirilmiş") + f" {fused / 1e9:.2f} GB  ->  {unfused / fused:.1f}×")
for machine in roofline.MACHINES:
    print(f"  {machine.name:9s} " + pick(en="memory time at the datasheet bandwidth:",
                                         tr="veri sayfası bant genişliğinde bellek süresi:")
          + f" {unfused / machine.bandwidth * 1e3:.2f} ms -> {fused / machine.bandwidth * 1e3:.2f} ms")

x = torch.randn(SIZES.demo_rows, SIZES.demo_cols)
assert torch.allclose(naive_softmax(x), torch.softmax(x, dim=-1), atol=1e-6)

# %% [markdown] lang=en
# ## 3. A fused row-wise kernel in Triton, step by step
#
# A Triton kernel is written for **one program**; the launch asks for a *grid* of programs, which
# the GPU runs in parallel, and each program asks `tl.program_id(0)` which one it is. For a
# row-wise op the natural choice is **one program per row**. Inside, a program works on a whole
# *block* of numbers at once, like a small numpy array held in registers.
#
# The steps, for a kernel that normalises each row by its root mean square,
# $y = x / \sqrt{\mathrm{mean}(x^2) + \varepsilon}$ (the core of RMSNorm, used by Llama models):
#
# 1. **Which row?** `row = tl.program_id(0)`.
# 2. **Which columns?** `cols = tl.arange(0, BLOCK)`. `BLOCK` must be a power of two known when
#    the kernel is compiled (`tl.constexpr`); the launcher picks the next power of two ≥ the width.
# 3. **Mask the extra columns.** When the width is not a power of two, the block is wider than
#    the row: `mask = cols < n_cols` marks the real columns. Without it the kernel would read and
#    write past the end of the row (into the next row, or memory it does not own; the interpreter
#    does not even notice).
# 4. **Load.** Tensors arrive as *pointers* to their first element: the row starts at
#    `X + row * stride_x`. `tl.load(pointers, mask=mask, other=0.0)` reads the block and puts
#    `other` in the masked-out places. Choose `other` so that the padding does not change the
#    result: 0 adds nothing to a sum of squares.
# 5. **Compute** in registers, with reductions such as `tl.sum(v, axis=0)` and `tl.max(v, axis=0)`.
# 6. **Store** with the same mask: `tl.store(Y + row * stride_y + cols, y, mask=mask)`.
# %% [markdown] lang=tr
# ## 3. Triton ile satır satır çalışan birleştirilmiş bir çekirdek, adım adım
#
# Bir Triton çekirdeği **tek bir program** için yazılır; başlatırken bir program *ızgarası*
# (grid) istenir, GPU bu programları paralel çalıştırır ve her program hangisi olduğunu
# `tl.program_id(0)` ile öğrenir. Satır satır çalışan bir işlem için en doğal seçim **her satıra
# bir programdır**. Program, içeride bütün bir sayı *bloğu* üzerinde aynı anda çalışır; bunu
# yazmaçlarda tutulan küçük bir numpy dizisi gibi düşünebilirsiniz.
#
# Her satırı kendi karesel ortalamasına (RMS, yani $\sqrt{\mathrm{ort}(x^2)}$) bölen bir çekirdek için,
# $y = x / \sqrt{\mathrm{ort}(x^2) + \varepsilon}$ (Llama modellerinin kullandığı RMSNorm'un
# özü), adımlar şöyle:
#
# 1. **Hangi satır?** `row = tl.program_id(0)`.
# 2. **Hangi sütunlar?** `cols = tl.arange(0, BLOCK)`. `BLOCK`, çekirdek derlenirken bilinen
#    (`tl.constexpr`) ikinin bir kuvveti olmalıdır; başlatıcı, genişlikten küçük olmayan en küçük
#    ikinin kuvvetini seçer.
# 3. **Fazla sütunları maskeleyin.** Genişlik ikinin kuvveti değilse blok satırdan geniştir:
#    `mask = cols < n_cols` gerçek sütunları işaretler. Maske olmasaydı çekirdek satırın sonundan
#    öteye, yani sonraki satırdan ya da kendisine ait olmayan bellekten okur, oraya yazardı (yorumlayıcı
#    bunu fark bile etmez).
# 4. **Yükleyin.** Tensörler ilk öğelerini gösteren *işaretçiler* olarak gelir: satır
#    `X + row * stride_x` adresinde başlar. `tl.load(işaretçiler, mask=mask, other=0.0)` bloğu
#    okur ve maskelenen yerlere `other` değerini koyar. `other`'ı dolgunun sonucu değiştirmeyeceği
#    biçimde seçin: kareler toplamına 0 hiçbir şey eklemez.
# 5. **Hesaplayın**: yazmaçlarda, `tl.sum(v, axis=0)` ve `tl.max(v, axis=0)` gibi indirgemelerle.
# 6. **Kaydedin**: aynı maskeyle, `tl.store(Y + row * stride_y + cols, y, mask=mask)`.

# %%
@triton.jit
def rms_normalize_kernel(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    # en: 1. one program per row
    # tr: 1. her satıra bir program
    row = tl.program_id(0)
    # en: 2. a power-of-two block of column indices
    # tr: 2. sütun indislerinden oluşan, boyu ikinin kuvveti olan bir blok
    cols = tl.arange(0, BLOCK)
    # en: 3. the real columns
    # tr: 3. gerçek sütunlar
    mask = cols < n_cols
    # en: 4. padding reads as 0
    # tr: 4. dolgu 0 olarak okunur
    x = tl.load(X + row * stride_x + cols, mask=mask, other=0.0)
    # en: 5. the row never leaves the registers
    # tr: 5. satır yazmaçlardan hiç çıkmaz
    mean_square = tl.sum(x * x, axis=0) / n_cols
    y = x / tl.sqrt(mean_square + 1e-6)
    # en: 6. write only the real columns
    # tr: 6. yalnızca gerçek sütunlar yazılır
    tl.store(Y + row * stride_y + cols, y, mask=mask)


def launch_rows(kernel, x):
    # en: Run a row kernel with the signature above on a 2-D tensor: one program per row.
    # tr: Yukarıdaki imzaya sahip bir satır çekirdeğini 2 boyutlu bir tensörde çalıştırır: her satıra bir program.
    rows, n_cols = x.shape
    y = torch.empty_like(x)
    block = triton.next_power_of_2(n_cols)
    # en: More warps (groups of 32 threads) share a wide row; 4 is Triton's default.
    # tr: Geniş bir satırı daha çok warp (32 iş parçacığından oluşan grup) paylaşır; Triton'un varsayılanı 4'tür.
    kernel[(rows,)](x, y, x.stride(0), y.stride(0), n_cols, BLOCK=block, num_warps=8 if block >= 2048 else 4)
    return y


# %% [markdown] lang=en
# Run it on a small tensor whose width (from the profile) is not a power of two, and compare with
# the same formula in PyTorch:
# %% [markdown] lang=tr
# Çekirdeği, genişliği (profilden gelen) ikinin kuvveti olmayan küçük bir tensör üzerinde
# çalıştırıp aynı formülün PyTorch karşılığıyla karşılaştıralım:

# %%
if CANNOT_RUN:
    print(CANNOT_RUN)
else:
    x = torch.randn(SIZES.demo_rows, SIZES.demo_cols, device=DEVICE)
    ours = launch_rows(rms_normalize_kernel, x)
    reference = x / torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + 1e-6)
    print(pick(en="shape", tr="boyut"), tuple(x.shape), "| " + pick(en="largest difference from torch:",
          tr="torch'tan en büyük fark:"), f"{(ours - reference).abs().max().item():.2e}")
    assert torch.allclose(ours, reference, atol=1e-5, rtol=1e-5)

# %% [markdown] lang=en
# ### Exercise — a fused softmax kernel
#
# Write the body of `softmax_kernel`: one program per row, as above, computing the softmax of
# its row in one read and one write. The launcher is `launch_rows`, already written.
#
# 1. `row`, `cols` and `mask` as in `rms_normalize_kernel`.
# 2. Load the row with the mask. **Which `other`?** The padding must not win the maximum and must
#    add nothing to the sum: `other=-float("inf")` does both, since $e^{-\infty} = 0$ (0 would
#    not: $e^{0 - m}$ would join the sum).
# 3. Subtract the row maximum (`tl.max(x, axis=0)`): with values near 1000, $e^{1000}$ overflows
#    float32 to `inf` and the result becomes `nan`.
# 4. `tl.exp`, then divide by the row's `tl.sum`.
# 5. Store with the mask.
#
# The check runs your kernel (on the GPU, or under the interpreter) against `torch.softmax` on
# widths 1, 7, 37 and 130, on negative and on very large inputs, with rows that are followed in
# memory by other data: it notices a missing mask, a wrong `other`, a missing maximum, a row
# address that ignores `stride_x`, one stride used for both buffers (the output's rows are wider
# than the input's), and stores outside the row.
# %% [markdown] lang=tr
# ### Alıştırma — birleştirilmiş bir softmax çekirdeği
#
# `softmax_kernel`'in gövdesini yazın: yukarıdaki gibi her satıra bir program düşsün ve program,
# kendi satırının softmax'ını tek okuma ve tek yazmayla hesaplasın. Başlatıcı hazır:
# `launch_rows`.
#
# 1. `row`, `cols` ve `mask`, `rms_normalize_kernel`'deki gibi.
# 2. Satırı maskeyle yükleyin. **`other` ne olmalı?** Dolgu ne en büyük değer olmalı ne de toplama
#    bir şey katmalı: `other=-float("inf")` ikisini birden sağlar, çünkü $e^{-\infty} = 0$'dır
#    (0 sağlamaz: $e^{0 - m}$ toplama karışırdı).
# 3. Satırın en büyük değerini çıkarın (`tl.max(x, axis=0)`): 1000 civarındaki değerlerde
#    $e^{1000}$ float32'de `inf`'e taşar ve sonuç `nan` olur.
# 4. `tl.exp` uygulayın, sonra satırın `tl.sum` toplamına bölün.
# 5. Maskeyle kaydedin.
#
# Denetim, çekirdeğinizi (GPU'da ya da yorumlayıcıda) `torch.softmax` ile 1, 7, 37 ve 130 sütunlu
# genişliklerde, negatif ve çok büyük girdilerde, bellekte arkasından başka veriler gelen
# satırlarla karşılaştırır: eksik maskeyi, yanlış `other` değerini, çıkarılmamış en büyük değeri,
# `stride_x`'i hesaba katmayan satır adresini, iki tampon için tek bir adım (stride) kullanılmasını
# (çıktının satırları girdininkilerden daha geniştir) ve satırın dışına yazmayı yakalar.

# %%
@triton.jit
def softmax_kernel(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    ### BEGIN SOLUTION
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(X + row * stride_x + cols, mask=mask, other=-float("inf"))
    numerator = tl.exp(x - tl.max(x, axis=0))
    denominator = tl.sum(numerator, axis=0)
    tl.store(Y + row * stride_y + cols, numerator / denominator, mask=mask)
    ### END SOLUTION


# %%
check_softmax_kernel(softmax_kernel)

# %% [markdown] lang=en
# Your kernel is now a softmax like any other:
# %% [markdown] lang=tr
# Çekirdeğiniz artık herhangi bir softmax gibi kullanılabilir:

# %%
if CANNOT_RUN:
    print(CANNOT_RUN)
else:
    x = 1000 + torch.randn(SIZES.demo_rows, SIZES.demo_cols, device=DEVICE)
    probabilities = launch_rows(softmax_kernel, x)
    print(pick(en="row sums:", tr="satır toplamları:"), probabilities.sum(dim=-1)[:4].tolist())
    print(pick(en="largest difference from torch.softmax:", tr="torch.softmax'tan en büyük fark:"),
          f"{(probabilities - torch.softmax(x, dim=-1)).abs().max().item():.2e}")

# %% [markdown] lang=en
# ## 4. Measuring
#
# On a GPU we time three softmaxes on the same tensors: the five-op `naive_softmax`, PyTorch's
# fused `torch.softmax`, and your Triton kernel. `triton.testing.do_bench` runs each many times,
# clears the L2 cache in between and returns the median in milliseconds (without Triton,
# `time_on_gpu` uses CUDA events). We report **effective bandwidth**: the bytes a softmax must
# move at least (read $x$, write $y$) divided by the time. A fused kernel that is memory-bound
# should come near the datasheet bandwidth; the naive version cannot, because it moves about four
# times those bytes.
#
# On a CPU this cell only explains. The interpreter costs about a millisecond **per program**, and
# it runs numpy, not GPU code: its times say nothing about a GPU, so we never time it.
# %% [markdown] lang=tr
# ## 4. Ölçmek
#
# GPU'da aynı tensörler üzerinde üç softmax'ın süresini ölçeriz: beş işlemli `naive_softmax`,
# PyTorch'un birleştirilmiş `torch.softmax`'i ve sizin Triton çekirdeğiniz.
# `triton.testing.do_bench` her birini defalarca çalıştırır, aralarda L2 önbelleğini boşaltır ve
# ortanca süreyi milisaniye olarak verir (Triton yoksa `time_on_gpu` CUDA olaylarını kullanır).
# Sonucu **etkin bant genişliği** olarak veririz: bir softmax'ın en az taşıması gereken baytın
# ($x$'i okumak, $y$'yi yazmak) süreye bölümü. Bellek sınırlı, birleştirilmiş bir çekirdek veri
# sayfasındaki bant genişliğine yaklaşmalıdır; naif sürüm ise bu baytların yaklaşık dört katını
# taşıdığı için yaklaşamaz.
#
# CPU'da bu hücre yalnızca açıklama yapar. Yorumlayıcı **program başına** yaklaşık bir milisaniye
# harcar ve GPU kodu değil numpy çalıştırır: ölçtüğü süreler GPU hakkında hiçbir şey söylemez; bu
# yüzden onu asla ölçmeyiz.

# %%
if DEVICE.type != "cuda" or CANNOT_RUN:
    print(pick(
        en="No CUDA GPU here: nothing is timed. On Colab choose Runtime → Change runtime type → GPU "
           "and run this notebook with COURSE_PROFILE=gpu to see the table.",
        tr="Burada CUDA GPU yok: hiçbir şey ölçülmüyor. Tabloyu görmek için Colab'de Çalışma zamanı → "
           "Çalışma zamanı türünü değiştir → GPU seçin ve defteri COURSE_PROFILE=gpu ile çalıştırın."))
else:
    gpu_name = torch.cuda.get_device_name()
    datasheet = roofline.datasheet_machine(gpu_name)
    print(gpu_name, "|", pick(en="datasheet bandwidth:", tr="veri sayfası bant genişliği:"),
          f"{datasheet.bandwidth / 1e9:.0f} GB/s" if datasheet else "?")
    implementations = {pick(en="naive (5 ops)", tr="naif (5 işlem)"): naive_softmax,
                       "torch.softmax": lambda t: torch.softmax(t, dim=-1),
                       pick(en="triton (yours)", tr="triton (sizinki)"): lambda t: launch_rows(softmax_kernel, t)}
    print(f"{'rows×cols':>12s} " + "".join(f"{name:>22s}" for name in implementations))
    for cols in SIZES.bench_cols:
        x = torch.randn(SIZES.bench_rows, cols, device=DEVICE)
        assert torch.allclose(launch_rows(softmax_kernel, x), torch.softmax(x, dim=-1), atol=1e-5)
        minimum_bytes = roofline.softmax_traffic_bytes(*x.shape, x.element_size(), fused=True)
        cells = []
        for fn in implementations.values():
            ms = time_on_gpu(fn, x)
            cells.append(f"{ms:8.3f} ms {gigabytes_per_second(minimum_bytes, ms):6.0f} GB/s")
        print(f"{SIZES.bench_rows:>6d}×{cols:<5d} " + "".join(f"{c:>22s}" for c in cells))
        del x

# %% [markdown] lang=en
# ### The course's own kernels
#
# The course keeps its own kernels in `course_lib.kernels`, one file per op in the layout of
# Liger-Kernel: **LayerNorm** (our RMS example grown up: mean and variance too, and a fused
# backward pass), **fused cross-entropy** (the loss and its gradient in one pass over the
# vocabulary, so the probability matrix never exists), **flash-style causal attention** (the
# $T \times T$ score matrix is never written to memory) and **bias + GELU**. Each file holds the
# Triton kernels, an autograd function and a plain-PyTorch reference that the tests compare them with.
#
# The GPT itself is plain PyTorch, as in nanoGPT, and knows nothing of these kernels. They enter
# afterwards, the way Liger-Kernel's `apply_liger_kernel_to_*` functions do it:
# `course_lib.kernels.apply(model)` **replaces modules** of a built model (every LayerNorm, the
# attention core of each block, each MLP with its bias + GELU, and the loss) by modules that call
# the kernels. The new modules keep the old parameters, so the state dict, the optimizer and the
# checkpoints stay as they were. It works on the course GPT and on a Hugging Face
# `GPT2LMHeadModel` exported from it. Where a kernel cannot run (no Triton, a CPU without the
# interpreter, too old a GPU, a head size the attention kernel does not handle), `apply` leaves
# that module as it is and says so once. `bench/kernels.py` times every op against eager PyTorch,
# `torch.compile` and, when installed, Liger-Kernel on a GPU (`python bench/kernels.py`).
#
# **The T4 caveats.** Triton officially targets GPUs of compute capability 8.0 and newer. A T4
# (7.5) has no bfloat16 and gives a block at most 64 KB (65,536 bytes) of shared memory; and on
# every GPU, Triton's `tl.dot` needs K ≥ 16. So on a T4 the course's kernels run in fp16 or fp32
# with small blocks, and `apply` keeps PyTorch for a bfloat16 model there.
# %% [markdown] lang=tr
# ### Kursun kendi çekirdekleri
#
# Kursun kendi çekirdekleri `course_lib.kernels` içindedir; Liger-Kernel'deki düzen gibi her
# işlem için bir dosya vardır: **LayerNorm** (RMS örneğimizin gelişmiş hâli: ortalama ve varyansı
# da hesaplar, geri geçişi de birleştirilmiştir), **birleştirilmiş çapraz entropi** (kayıp ve
# gradyanı sözcük dağarcığı üzerinden tek geçişte hesaplanır; böylece olasılık matrisi hiç
# oluşmaz), **flash tarzı nedensel dikkat** ($T \times T$ puan matrisi belleğe hiç yazılmaz) ve
# **yanlılık terimi + GELU**. Her dosyada Triton çekirdekleri, bir autograd fonksiyonu ve testlerin
# çekirdeklerle karşılaştırdığı düz bir PyTorch karşılığı bulunur.
#
# GPT'nin kendisi ise nanoGPT'deki gibi düz PyTorch'tur ve bu çekirdeklerden habersizdir.
# Çekirdekler sonradan, Liger-Kernel'in `apply_liger_kernel_to_*` fonksiyonlarının yaptığı gibi
# devreye girer: `course_lib.kernels.apply(model)`, kurulmuş bir modelin **modüllerini değiştirir**
# (her LayerNorm'u, her bloğun dikkat çekirdeğini, yanlılık terimi + GELU ile birlikte her MLP'yi
# ve kaybı) ve yerlerine çekirdekleri çağıran modüller koyar. Yeni modüller eski parametreleri
# kullanmaya devam eder; bu yüzden durum sözlüğü (state dict), optimizer ve kontrol noktaları
# olduğu gibi kalır. Bu işlem hem kursun GPT'sinde hem de ondan dışa aktarılan bir Hugging Face
# `GPT2LMHeadModel`'inde çalışır. Bir çekirdeğin çalışamadığı yerde (Triton yoksa, yorumlayıcısız
# bir CPU'da, eski bir GPU'da ya da dikkat çekirdeğinin desteklemediği bir kafa boyutunda) `apply`
# o modülü olduğu gibi bırakır ve bunu bir kez bildirir. `bench/kernels.py`, GPU'da her işlemin
# süresini eager PyTorch, `torch.compile` ve (kuruluysa) Liger-Kernel ile karşılaştırır
# (`python bench/kernels.py`).
#
# **T4 ile ilgili uyarılar.** Triton resmî olarak hesaplama yeteneği (compute capability) 8.0 ve
# üzeri olan GPU'ları hedefler. T4'te (7.5) bfloat16 yoktur ve bir blok en fazla 64 KB (65.536
# bayt) paylaşımlı bellek kullanabilir; ayrıca her GPU'da Triton'un `tl.dot` işlemi K ≥ 16 ister.
# Bu yüzden T4'te kursun çekirdekleri fp16 ya da fp32 ile ve küçük bloklarla çalışır; bfloat16 bir
# modelde ise `apply` orada PyTorch'u korur.

# %%
import copy
import warnings

from course_lib import kernels
from course_lib.model import GPT, GPTConfig

torch.manual_seed(0)
plain = GPT(GPTConfig(vocab_size=64, block_size=32, n_layer=2, n_head=2, n_embd=32)).to(DEVICE).eval()
fused = copy.deepcopy(plain)
# en: where a kernel cannot run, apply says why
# tr: bir çekirdeğin çalışamadığı yerde apply nedenini söyler
with warnings.catch_warnings(record=True) as notices:
    warnings.simplefilter("always")
    replaced = kernels.apply(fused)
for notice in notices:
    print(notice.message)
print(pick(en="modules replaced:", tr="değiştirilen modüller:"), replaced)
print(fused.blocks[0].ln_1, fused.blocks[0].attn.attend, sep="\n")
idx = torch.randint(0, 64, (2, 20), device=DEVICE)
with torch.no_grad():
    difference = (fused(idx).logits - plain(idx).logits).abs().max().item()
print(pick(en="largest difference from the plain model:", tr="düz modelden en büyük fark:"), f"{difference:.1e}")

# %% [markdown] lang=en
# ## Summary
#
# * A GPU has thousands of cores, but they can only compute on what memory brings them. The
#   roofline model compares an op's **arithmetic intensity** (FLOPs per byte) with the machine's
#   ridge point (about 295 on an H100 SXM, 203 on a T4, from the datasheets).
# * LayerNorm, softmax, GELU and element-wise ops do about 0.2–2 FLOPs per byte: they are
#   **memory-bound**, even against the lower ridge of the CUDA cores that run them (about 20 FLOPs
#   per byte on an H100, 25 on a T4), and only moving fewer bytes makes them faster.
# * **Fusion** does exactly that: an unfused softmax moves about $8MN$ elements, a fused one $2MN$.
# * A Triton row kernel: `program_id` picks the row, `tl.arange` + a **mask** covers widths that
#   are not powers of two, then load (with a neutral `other`), compute in registers, store with
#   the mask. A stable softmax subtracts the row maximum first.
# * Without a GPU, `TRITON_INTERPRET=1`, set before any `@triton.jit`, runs kernels on the CPU:
#   good for correctness on tiny tensors, meaningless for timing.
# * The course's GPT is plain PyTorch; `course_lib.kernels.apply(model)` swaps the fused kernels
#   in, module by module, where they can run; `bench/kernels.py` measures them.
# %% [markdown] lang=tr
# ## Özet
#
# * Bir GPU'da binlerce işlem birimi (core) vardır ama bunlar yalnızca belleğin getirdiği veriyle hesap
#   yapabilir. Roofline modeli, bir işlemin **aritmetik yoğunluğunu** (bayt başına FLOP) makinenin
#   sırt noktasıyla karşılaştırır (veri sayfalarına göre H100 SXM'de yaklaşık 295, T4'te 203).
# * LayerNorm, softmax, GELU ve öğe öğe işlemler bayt başına yaklaşık 0,2–2 FLOP yapar: onları
#   çalıştıran CUDA işlem birimlerinin daha alçak sırt noktasına (H100'de bayt başına yaklaşık 20,
#   T4'te 25 FLOP) göre bile **bellek sınırlıdırlar** ve onları yalnızca daha az bayt taşımak
#   hızlandırır.
# * **Birleştirme** tam olarak bunu yapar: birleştirilmemiş bir softmax yaklaşık $8MN$ öğe,
#   birleştirilmiş bir softmax ise $2MN$ öğe taşır.
# * Satır satır çalışan bir Triton çekirdeğinde `program_id` satırı seçer, `tl.arange` ve bir
#   **maske** ikinin kuvveti olmayan genişlikleri kapsar; ardından (etkisiz bir `other` ile)
#   yüklenir, yazmaçlarda hesaplanır ve maskeyle kaydedilir. Kararlı bir softmax önce satırın en
#   büyük değerini çıkarır.
# * GPU yoksa, herhangi bir `@triton.jit`'ten önce ayarlanan `TRITON_INTERPRET=1` çekirdekleri
#   CPU'da çalıştırır: küçük tensörlerde doğruluğu denetlemek için iyidir, süre ölçmek için
#   anlamsızdır.
# * Kursun GPT'si düz PyTorch'tur; `course_lib.kernels.apply(model)` birleştirilmiş çekirdekleri,
#   çalışabildikleri yerde, modül modül devreye sokar; `bench/kernels.py` onları ölçer.

# %% [markdown] lang=en
# ## Further reading
#
# * S. Williams, A. Waterman and D. Patterson, "Roofline: An Insightful Visual Performance Model for
#   Multicore Architectures", *Communications of the ACM* 52(4), 2009.
# * P. Tillet, H. T. Kung and D. Cox, "Triton: An Intermediate Language and Compiler for Tiled
#   Neural Network Computations", MAPL 2019; and the Triton tutorials "Fused Softmax" and "Layer
#   Normalization" (triton-lang.org, *Getting Started → Tutorials*), which this appendix follows.
# * M. Milakov and N. Gimelshein, "Online normalizer calculation for softmax" (arXiv 1805.02867):
#   the softmax in one pass, the step from this appendix's kernel to FlashAttention.
# * T. Dao, D. Y. Fu, S. Ermon, A. Rudra and C. Ré, "FlashAttention: Fast and Memory-Efficient Exact
#   Attention with IO-Awareness", NeurIPS 2022 (arXiv 2205.14135).
# * P.-L. Hsu et al., "Liger Kernel: Efficient Triton Kernels for LLM Training" (arXiv 2410.10989)
#   and its code, github.com/linkedin/Liger-Kernel: one op per file, as in `course_lib.kernels`.
# * Stanford CS336 "Language Modeling from Scratch" (stanford-cs336.github.io/spring2025), the
#   lectures on GPUs and kernels and assignment 2 "Systems", which writes FlashAttention-2 in Triton.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * S. Williams, A. Waterman ve D. Patterson, "Roofline: An Insightful Visual Performance Model for
#   Multicore Architectures", *Communications of the ACM* 52(4), 2009.
# * P. Tillet, H. T. Kung ve D. Cox, "Triton: An Intermediate Language and Compiler for Tiled
#   Neural Network Computations", MAPL 2019; ayrıca bu ekin izlediği Triton eğitimleri "Fused
#   Softmax" ve "Layer Normalization" (triton-lang.org, *Getting Started → Tutorials*).
# * M. Milakov ve N. Gimelshein, "Online normalizer calculation for softmax" (arXiv 1805.02867):
#   tek geçişte softmax; bu ekteki çekirdekten FlashAttention'a giden adım.
# * T. Dao, D. Y. Fu, S. Ermon, A. Rudra ve C. Ré, "FlashAttention: Fast and Memory-Efficient Exact
#   Attention with IO-Awareness", NeurIPS 2022 (arXiv 2205.14135).
# * P.-L. Hsu vd., "Liger Kernel: Efficient Triton Kernels for LLM Training" (arXiv 2410.10989) ve
#   kodu, github.com/linkedin/Liger-Kernel: `course_lib.kernels`'teki gibi her işlem için bir dosya.
# * Stanford CS336 "Language Modeling from Scratch" (stanford-cs336.github.io/spring2025), GPU'lar
#   ve çekirdekler üzerine dersler ile FlashAttention-2'yi Triton'da yazdıran 2. ödev "Systems".
