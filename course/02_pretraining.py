# %% [markdown] lang=en
# # 02 · Pretraining: a GPT, piece by piece
#
# Chapter 00 counted character pairs; chapter 01 cut text into tokens. Now we build the model that
# every later chapter fine-tunes: a **GPT** (a decoder-only transformer, the shape of GPT-2), and we
# **pretrain** it — teach it to predict the next token — on the course's built-in bilingual world.
#
# In this chapter you will
# 1. take the model apart on a tiny configuration: embeddings, causal self-attention (exercise 1),
#    splitting into heads and merging them (exercise 2), the MLP, a block, the whole GPT; count its
#    parameters and its FLOPs,
# 2. write the pretraining loss, next-token cross-entropy (exercise 3), and see why a fresh model
#    scores $\ln V$,
# 3. write one training step (exercise 4), then pretrain a real model with the course's training loop
#    and save it,
# 4. make it write, with temperature, top-k and top-p sampling (exercise 5),
# 5. look at where its attention heads look,
# 6. see what doubling the width, the depth or the data does to the loss.
#
# Time: about 30 minutes (the `cpu` profile trains for a few minutes). No GPU needed.
# %% [markdown] lang=tr
# # 02 · Ön eğitim: parça parça bir GPT
#
# 00. bölümde karakter çiftlerini saydık, 01. bölümde metni token'lara böldük. Şimdi sonraki bütün
# bölümlerde ince ayar yapacağımız modeli kuruyoruz: bir **GPT** (yalnızca kod çözücüden oluşan bir
# transformer, GPT-2'nin biçiminde). Ardından onu kursun yerleşik iki dilli dünyasında **ön eğitimden**
# geçireceğiz, yani ona sonraki token'ı tahmin etmeyi öğreteceğiz.
#
# Bu bölümde
# 1. modeli küçük bir yapılandırmada parçalarına ayıracak: gömmeler, nedensel öz-dikkat (1. alıştırma),
#    kafalara bölme ve kafaları birleştirme (2. alıştırma), MLP, blok ve GPT'nin tamamı; sonra
#    parametrelerini ve FLOP'larını sayacak,
# 2. ön eğitimin kaybını, yani sonraki token'ın çapraz entropisini yazacak (3. alıştırma) ve henüz
#    eğitilmemiş bir modelin neden $\ln V$ aldığını görecek,
# 3. tek bir eğitim adımını yazacak (4. alıştırma), ardından kursun eğitim döngüsüyle gerçek bir modeli
#    ön eğitimden geçirip kaydedecek,
# 4. modele sıcaklık, top-k ve top-p örnekleme ile metin yazdıracak (5. alıştırma),
# 5. dikkat kafalarının nelere odaklandığını inceleyecek,
# 6. genişliği, derinliği ya da veriyi ikiye katlamanın kaybı nasıl etkilediğini göreceksiniz.
#
# Süre: yaklaşık 30 dakika (`cpu` profili birkaç dakika eğitim yapar). GPU gerekmez.

# %%
import math
from pathlib import Path

import torch

from course_lib.assets import learner_base_dir, load_base_model, save_learner_base
from course_lib.checks import (
    check_causal_self_attention,
    check_merge_heads,
    check_next_token_cross_entropy,
    check_sampling_probs,
    check_split_heads,
    check_training_step,
)
from course_lib.data.batching import TokenStream
from course_lib.data.flores import flores_texts
from course_lib.data.parallel import documents_by_language
from course_lib.data.world import World
from course_lib.device import seed_everything
from course_lib.i18n import pick
from course_lib.model import (
    GPT,
    GPTConfig,
    count_parameters,
    flops_per_token,
    parameter_breakdown,
    parameter_count,
    training_flops,
)
from course_lib.profile import current_profile, sizes
from course_lib.tokenizer import BPETokenizer
from course_lib.train import RandomWindows, TrainConfig, loss_evaluator, train
from course_lib.train.bits_per_byte import text_bits_per_byte
from course_lib.viz.attention import attention_viewer, plot_attention_heads, plot_causal_mask
from course_lib.viz.recipe import plot_lr_schedule, plot_lr_sweep
from course_lib.viz.sampling import continue_text, plot_sampling_filters, prompt_ids, sampling_playground
from course_lib.viz.scaling import plot_scaling, variant_label, variant_settings
from course_lib.viz.tokens import token_labels

SIZES = sizes("02_pretraining")
# en: everything this notebook writes goes here
# tr: bu defterin yazdığı her şey buraya gider
RUN_DIR = Path("runs/02_pretraining")
# en: Your pretrained model is saved where `course_lib.load_base_model("mine")` loads it from
# en: ($COURSE_BASE_DIR, else ~/.cache/course_lib/my_base); later chapters use it only when they ask for it.
# en: A smoke run (the tests) must not replace your real model, so it saves beside the notebook instead.
# tr: Ön eğittiğiniz model, `course_lib.load_base_model("mine")` fonksiyonunun onu yüklediği yere
# tr: kaydedilir ($COURSE_BASE_DIR, yoksa ~/.cache/course_lib/my_base); sonraki bölümler onu yalnızca
# tr: istendiğinde kullanır. Bir smoke çalıştırması (testler) gerçek modelinizin üzerine yazmamalı; bu
# tr: yüzden model defterin yanına kaydedilir.
LEARNER_MODEL_DIR = RUN_DIR / "model" if current_profile() == "smoke" else learner_base_dir()
generator = seed_everything(0)

# %% [markdown] lang=en
# ## 1. The text and its tokens
#
# We pretrain on the **built-in world**: short stories about invented people in Turkish towns,
# each written in English and in Turkish from the same meaning. A byte-level BPE tokenizer
# (chapter 01) is trained on it, and the whole text becomes one long stream of token ids. The last
# 10 % of the stream is kept aside as the **validation set**: text the model never trains on, which
# tells us whether it learned the language or only memorised its training text.
# %% [markdown] lang=tr
# ## 1. Metin ve token'ları
#
# Ön eğitimi **yerleşik dünya** üzerinde yapacağız: Türkiye'deki şehirlerde yaşayan kurgusal kişiler
# hakkında, aynı içeriği iki dilde anlatan kısa öyküler. Bu metin üzerinde bayt düzeyinde bir BPE
# tokenizer'ı (01. bölüm) eğitilir ve metnin tamamı uzun bir token kimliği dizisine dönüşür.
# Dizinin son %10'luk kısmı **doğrulama kümesi** olarak ayrılır: model bu metinle hiç
# eğitilmez. Böylece dili mi öğrendiğini, yoksa yalnızca eğitim metnini mi ezberlediğini anlarız.

# %%
world = World(seed=0)
corpus = world.corpus(SIZES.corpus_chars, "both")
print(corpus.text[:420], "…\n")

tokenizer = BPETokenizer.train(corpus.text, SIZES.vocab_size, special_tokens=["<|endoftext|>"])
stream = TokenStream(tokenizer.encode(corpus.text), val_fraction=0.1)
V = tokenizer.vocab_size
print(pick(en="vocabulary size V =", tr="sözcük dağarcığı boyutu V ="), V)
print(pick(en="tokens for training / validation:", tr="eğitim / doğrulama token'ları:"),
      len(stream.split("train")), "/", len(stream.split("val")))
print(pick(en="characters per token:", tr="token başına karakter:"), round(len(corpus.text) / len(stream), 2))

# %% [markdown] lang=en
# ## 2. The model, piece by piece
#
# A GPT reads $T$ token ids and returns, at **every** position $t$, scores (logits) for the token that
# comes after position $t$. Its parts, in order:
#
# ```
# ids ─► token embedding + position embedding ─► n_layer × Block ─► LayerNorm ─► logits
# Block:  x = x + Attention(LayerNorm(x));   x = x + MLP(LayerNorm(x))
# ```
#
# We build a tiny one (2 blocks, 2 heads, width 16) and follow one sentence through it, using the
# course GPT's own modules, so what you see is exactly what trains later.
#
# ### 2.1 Embeddings
#
# The **token embedding** is a table with one learned vector per token id (V × d). Attention by
# itself does not know where a token stands: without a mask, shuffling its inputs only shuffles its
# outputs. The causal mask (below) already breaks that symmetry, and a causal model can infer
# positions even with no position embedding at all (Haviv et al. 2022, "Transformer Language Models
# without Positional Encodings Still Learn Positional Information", arXiv 2203.16634). Explicit
# positions make it easier: the model adds a **position embedding**, one learned vector per
# position $0 \dots T-1$ (GPT-2's choice).
# %% [markdown] lang=tr
# ## 2. Parça parça model
#
# Bir GPT, $T$ token kimliği okur ve **her** $t$ konumunda, $t$'den sonra gelecek token için puanlar
# (logit'ler) döndürür. Parçaları sırasıyla şöyle:
#
# ```
# kimlikler ─► token gömmesi + konum gömmesi ─► n_layer × Blok ─► LayerNorm ─► logit'ler
# Blok:  x = x + Dikkat(LayerNorm(x));   x = x + MLP(LayerNorm(x))
# ```
#
# Küçük bir model kuracağız (2 blok, 2 kafa, genişlik 16) ve bir cümleyi bu modelin içinden adım adım
# geçireceğiz. Kursun GPT'sinin kendi modüllerini kullanıyoruz; yani burada gördüğünüz, birazdan
# eğitilecek modelin ta kendisi.
#
# ### 2.1 Gömmeler
#
# **Token gömmesi**, her token kimliği için öğrenilen bir vektör tutan bir tablodur (V × d). Dikkat
# kendi başına bir token'ın nerede durduğunu bilmez: maske olmadan girdilerin sırasını değiştirmek
# yalnızca çıktıların sırasını değiştirir. Nedensel maske (aşağıda) bu simetriyi zaten bozar ve
# nedensel bir model hiç konum gömmesi olmadan da konumları çıkarabilir (Haviv vd. 2022,
# "Transformer Language Models without Positional Encodings Still Learn Positional Information",
# arXiv 2203.16634). Açık konum bilgisi ise işi kolaylaştırır: modele bir **konum gömmesi**
# eklenir: $0 \dots T-1$ konumlarının her biri için öğrenilen bir vektör (GPT-2'nin tercihi).

# %%
tiny = GPTConfig(vocab_size=V, block_size=SIZES.demo_block_size, n_layer=SIZES.demo_n_layer,
                 n_head=SIZES.demo_n_head, n_embd=SIZES.demo_n_embd)
torch.manual_seed(0)
tiny_model = GPT(tiny)

sentence = pick(en="Ali went to Izmir and sent a short letter to Ayşe.",
                tr="Ali İzmir'e gitti ve Ayşe'ye kısa bir mektup gönderdi.")
ids = torch.tensor(tokenizer.encode(sentence)[: tiny.block_size]).unsqueeze(0)  # (B=1, T)
labels = token_labels(tokenizer, ids[0])
T = ids.shape[1]
print(pick(en="tokens:", tr="token'lar:"), labels)

# en: (1, T, d): one row of the table per token
# tr: (1, T, d): her token için tablonun bir satırı
token_vectors = tiny_model.wte(ids)
# en: (T, d): one row per position
# tr: (T, d): her konum için bir satır
position_vectors = tiny_model.wpe(torch.arange(T))
# en: (1, T, d): what the first block reads
# tr: (1, T, d): ilk bloğun okuduğu
x = token_vectors + position_vectors
print("wte", tuple(tiny_model.wte.weight.shape), "| wpe", tuple(tiny_model.wpe.weight.shape), "| x", tuple(x.shape))

# %% [markdown] lang=en
# ### 2.2 Causal self-attention
#
# Attention lets each position gather information from other positions. Every position $t$ makes
# three vectors from its input: a **query** $q_t$ ("what am I looking for?"), a **key** $k_t$ ("what do
# I hold?") and a **value** $v_t$ ("what do I pass on?"), each of the head width $D$ (below: $D = d/H$
# for $H$ heads). Position $t$ scores every position $s$ by $q_t \cdot k_s / \sqrt{D}$, turns the
# scores into weights with a softmax, and takes the weighted sum of the values:
#
# $$\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{D}} + M\right) V .$$
#
# Two details matter:
# * **the $1/\sqrt{D}$ scale** (Vaswani et al. 2017, arXiv 1706.03762): a dot product of two random
#   $D$-dimensional vectors grows like $\sqrt{D}$; without the scale, wide heads would push the softmax
#   into one-hot saturation, where gradients vanish;
# * **the causal mask** $M$: 0 where $s \le t$ and $-\infty$ where $s > t$. A language model is trained
#   to predict position $t+1$ from positions up to $t$; if position $t$ could see $t+1$, it would copy
#   the answer. $e^{-\infty} = 0$, so the future gets exactly zero weight.
#
# A GPT runs several **heads** side by side, each on its own slice of the features, so tensors have
# the shape (B, H, T, D): batch, heads, positions, head width. The mask for our sentence:
# %% [markdown] lang=tr
# ### 2.2 Nedensel öz-dikkat
#
# Dikkat, her konumun başka konumlardan bilgi toplamasını sağlar. Her $t$ konumu, girdisinden üç
# vektör üretir: bir **sorgu** $q_t$ ("ne arıyorum?"), bir **anahtar** $k_t$ ("bende ne var?") ve bir
# **değer** $v_t$ ("neyi aktarırım?"); üçü de kafa genişliği $D$ boyutundadır (aşağıda: $H$ kafa
# için $D = d/H$). $t$ konumu her $s$ konumuna $q_t \cdot k_s / \sqrt{D}$ puanını verir, puanları
# softmax ile ağırlıklara çevirir ve değerlerin ağırlıklı toplamını alır:
#
# $$\mathrm{Dikkat}(Q, K, V) = \mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{D}} + M\right) V .$$
#
# İki ayrıntı önemlidir:
# * **$1/\sqrt{D}$ ölçeği** (Vaswani vd. 2017, arXiv 1706.03762): $D$ boyutlu iki rastgele
#   vektörün iç çarpımı $\sqrt{D}$ gibi büyür. Bu ölçek olmasa geniş kafalar softmax'ı neredeyse
#   tek bir noktada toplar (doygunluk) ve gradyanlar kaybolur.
# * **Nedensel maske** $M$: $s \le t$ olan yerlerde 0, $s > t$ olan yerlerde $-\infty$. Dil modeli,
#   $t+1$ konumunu $t$'ye kadarki konumlardan tahmin etmek üzere eğitilir; $t$ konumu $t+1$'i
#   görebilseydi yanıtı kopyalardı. $e^{-\infty} = 0$ olduğundan gelecek tam olarak sıfır ağırlık alır.
#
# Bir GPT birden çok **kafayı** yan yana çalıştırır; her kafa özelliklerin kendine düşen dilimiyle
# çalışır. Bu yüzden tensörlerin şekli (B, H, T, D) olur: yığın, kafa, konum, kafa genişliği.
# Cümlemizin maskesi şöyle:

# %%
fig = plot_causal_mask(T, labels)

# %% [markdown] lang=en
# ### Exercise 1 — causal self-attention
#
# Write `causal_self_attention(q, k, v)` for tensors of shape (B, H, T, D): the formula above, one
# step at a time. Think about which positions must be hidden from position $t$, which value makes
# the softmax give them exactly zero weight, and over which dimension the weights must sum to 1.
# Useful tools: `@` and `.transpose`, `torch.triu` or `torch.tril`, `.masked_fill`, `.softmax`.
#
# The check compares your function with PyTorch's fused `scaled_dot_product_attention(is_causal=True)`
# on random shapes, and tests that no output depends on a later position. Calling that built-in
# yourself does not count: inside the check it refuses to run.
# %% [markdown] lang=tr
# ### 1. alıştırma — nedensel öz-dikkat
#
# (B, H, T, D) şeklindeki tensörler için `causal_self_attention(q, k, v)` fonksiyonunu yazın:
# yukarıdaki formülü adım adım uygulayın. $t$ konumundan hangi konumların gizlenmesi gerektiğini,
# softmax'ın onlara tam olarak sıfır ağırlık vermesi için hangi değerin kullanılacağını ve
# ağırlıkların hangi boyut üzerinde 1'e tamamlanacağını düşünün. İşinize yarayacak araçlar: `@` ve
# `.transpose`, `torch.triu` ya da `torch.tril`, `.masked_fill`, `.softmax`.
#
# Denetim, fonksiyonunuzu rastgele şekillerde PyTorch'un birleştirilmiş
# `scaled_dot_product_attention(is_causal=True)` fonksiyonuyla karşılaştırır ve hiçbir çıktının sonraki
# bir konuma bağlı olmadığını sınar. Bu hazır fonksiyonu kendiniz çağırmanız sayılmaz: denetim
# sırasında çalışmayı reddeder.

# %%
def causal_self_attention(q, k, v):
    ### BEGIN SOLUTION
    T, D = q.shape[-2], q.shape[-1]
    scores = q @ k.transpose(-2, -1) / math.sqrt(D)
    future = torch.ones(T, T, dtype=torch.bool, device=q.device).triu(diagonal=1)
    weights = scores.masked_fill(future, float("-inf")).softmax(dim=-1)
    return weights @ v
    ### END SOLUTION


# %%
check_causal_self_attention(causal_self_attention)

# %% [markdown] lang=en
# ### Exercise 2 — splitting into heads and merging them
#
# Inside the model, q, k and v come out of one linear layer with shape (B, T, d). Head $h$ works on
# the features $hD \dots (h+1)D - 1$ of every position, with $D = d/H$. Write
# * `split_heads(x, n_head)`: (B, T, d) → (B, H, T, D), so that attention runs on each head separately;
# * `merge_heads(y)`: (B, H, T, D) → (B, T, H·D), the heads' outputs side by side again, in order
#   — the inverse of `split_heads`.
#
# Work out what `.view`/`.reshape` alone would put where, and why a `.transpose` is needed. The
# attention output comes out of a matrix product on transposed tensors, so its memory is not laid out
# in (B, H, T, D) order: `merge_heads` must work on such a tensor too (read what `.view` says there).
# %% [markdown] lang=tr
# ### 2. alıştırma — kafalara bölme ve kafaları birleştirme
#
# Modelin içinde q, k ve v, (B, T, d) şeklinde tek bir doğrusal katmandan çıkar. $h$ kafası her
# konumun $hD \dots (h+1)D - 1$ özellikleriyle çalışır; burada $D = d/H$'dir. Şunları yazın:
# * `split_heads(x, n_head)`: (B, T, d) → (B, H, T, D); böylece dikkat her kafada ayrı ayrı çalışır;
# * `merge_heads(y)`: (B, H, T, D) → (B, T, H·D); kafaların çıktıları sırasıyla yeniden yan yana
#   konur. Bu, `split_heads` işleminin tersidir.
#
# Yalnızca `.view`/`.reshape` kullanılsaydı hangi sayının nereye gideceğini ve neden bir `.transpose`
# gerektiğini düşünün. Dikkatin çıktısı, devrik tensörler üzerindeki bir matris çarpımından gelir; bu
# yüzden bellekteki düzeni (B, H, T, D) sırasında değildir. `merge_heads` böyle bir tensörde de
# çalışmalıdır (`.view` orada ne diyor, okuyun).

# %%
def split_heads(x, n_head):
    ### BEGIN SOLUTION
    B, T, d = x.shape
    return x.view(B, T, n_head, d // n_head).transpose(1, 2)
    ### END SOLUTION


def merge_heads(y):
    ### BEGIN SOLUTION
    B, H, T, D = y.shape
    return y.transpose(1, 2).reshape(B, T, H * D)
    ### END SOLUTION


# %%
check_split_heads(split_heads)

# %%
check_merge_heads(merge_heads)

# %% [markdown] lang=en
# Your functions can stand in for the attention inside the real model. The first block's attention
# layer makes q, k and v with one matrix (`c_attn`, d → 3d), splits them into heads, attends, puts the
# heads side by side again and mixes them with `c_proj`. Doing those steps by hand with your functions
# gives the module's output exactly:
# %% [markdown] lang=tr
# Fonksiyonlarınız, gerçek modelin içindeki dikkatin yerine geçebilir. İlk bloğun dikkat katmanı q, k
# ve v'yi tek bir matrisle (`c_attn`, d → 3d) üretir, onları kafalara böler, dikkati uygular, kafaları
# yeniden yan yana koyar ve `c_proj` ile karıştırır. Bu adımları fonksiyonlarınızla elle yapmak,
# modülün çıktısının aynısını verir:

# %%
block = tiny_model.blocks[0]
with torch.no_grad():
    h = block.ln_1(x)
    q, k, v = block.attn.c_attn(h).split(tiny.n_embd, dim=2)
    # en: split the features into heads: (1, H, T, D)
    # tr: özellikleri kafalara bölün: (1, H, T, D)
    q, k, v = (split_heads(t, tiny.n_head) for t in (q, k, v))
    mine = block.attn.c_proj(merge_heads(causal_self_attention(q, k, v)))
    module_output, weights = block.attn(h, return_attention=True)
assert torch.allclose(mine, module_output, atol=1e-5)
print(pick(en="your attention = the model's attention ✔", tr="sizin dikkat fonksiyonunuz = modelin dikkati ✔"))

# %% [markdown] lang=en
# Each head's weights form a (T × T) map: row $t$ is how position $t$ spreads its attention over the
# positions up to $t$ (each row sums to 1, and the upper triangle is 0). This model is untrained, so
# its heads spread attention almost evenly over the past; we will look again after pretraining.
# %% [markdown] lang=tr
# Her kafanın ağırlıkları (T × T) boyutlu bir harita oluşturur: $t$. satır, $t$ konumunun dikkatini
# $t$'ye kadarki konumlara nasıl dağıttığını gösterir (her satırın toplamı 1'dir, üst üçgen 0'dır).
# Bu model henüz eğitilmedi; kafaları dikkati geçmişe neredeyse eşit dağıtıyor. Ön eğitimden sonra
# yeniden bakacağız.

# %%
fig = plot_attention_heads(weights[0], labels, title=pick(en="untrained model, layer 0", tr="eğitilmemiş model, katman 0"))
assert torch.allclose(weights.sum(-1), torch.ones(1, tiny.n_head, T))
assert torch.all(weights[0].triu(diagonal=1) == 0)

# %% [markdown] lang=en
# ### 2.3 The MLP and the block
#
# After attention has *mixed information across positions*, the **MLP** works on each position on its
# own: it widens the vector to $4d$, applies the GELU non-linearity and projects back to $d$. Roughly,
# attention moves information around and the MLP computes with it; two thirds of a block's parameters
# are in the MLP.
#
# A **block** wraps both in the same pattern: read the stream $x$ through a LayerNorm, compute, and
# **add** the result back to $x$ (a *residual* connection). Because each sublayer only adds, the
# embeddings flow unchanged through a deep stack and gradients do too; normalising *before* each
# sublayer ("pre-norm", GPT-2's layout) keeps deep stacks stable. The block's forward pass by hand:
# %% [markdown] lang=tr
# ### 2.3 MLP ve blok
#
# Dikkat *konumlar arasında bilgiyi karıştırdıktan* sonra **MLP** her konum üzerinde ayrı ayrı çalışır:
# vektörü $4d$'ye genişletir, doğrusal olmayan GELU etkinleştirme fonksiyonunu uygular ve yeniden
# $d$'ye indirir.
# Kabaca söylersek dikkat bilgiyi taşır, MLP de onunla hesap yapar; bir bloğun parametrelerinin üçte
# ikisi MLP'dedir.
#
# **Blok**, ikisini de aynı kalıpla sarar: $x$ akışı bir LayerNorm'dan geçirilerek okunur, hesap
# yapılır ve sonuç $x$'e **eklenir** (*artık bağlantı*, residual connection). Her alt katman yalnızca
# ekleme yaptığı için gömmeler üst üste dizilmiş pek çok bloğun içinden değişmeden akabilir;
# gradyanlar da öyle. Normalleştirmenin her alt katmandan *önce* yapılması ("pre-norm", GPT-2'nin
# düzeni) derin katman dizilerini kararlı tutar.
# Bloğun ileri geçişini elle yazalım:

# %%
with torch.no_grad():
    # en: attention, then the MLP, each added to the stream
    # tr: önce dikkat, sonra MLP; her biri akışa eklenir
    by_hand = x + block.attn(block.ln_1(x))[0]
    by_hand = by_hand + block.mlp(block.ln_2(by_hand))
    assert torch.allclose(by_hand, block(x)[0], atol=1e-6)
print(block.mlp)
print(pick(en="block by hand = Block.forward ✔", tr="elle yazılan blok = Block.forward ✔"))

# %% [markdown] lang=en
# ### 2.4 The whole GPT, and what it costs
#
# The GPT stacks `n_layer` blocks, applies a final LayerNorm and turns each position's vector into V
# logits by multiplying with the token-embedding table again (**weight tying**: the same matrix reads
# tokens in and writes them out, Press & Wolf 2017).
#
# Kaplan et al. (2020, "Scaling Laws for Neural Language Models", arXiv 2001.08361) count a model's
# size as $N$, its parameters **without** the embeddings, $N \approx 12 \cdot n_{layer} \cdot d^2$. A
# forward pass costs about $2N$ floating-point operations (FLOPs) per token — one multiply and one
# add per weight — and training (forward + backward) about three times that, which gives the rule of
# thumb for the compute of a whole run on $D$ tokens:
#
# $$C \approx 6 \cdot N \cdot D .$$
# %% [markdown] lang=tr
# ### 2.4 GPT'nin tamamı ve maliyeti
#
# GPT, `n_layer` bloğu üst üste koyar, sonda bir LayerNorm uygular ve her konumun vektörünü token
# gömme tablosuyla yeniden çarparak V tane logit'e çevirir (**ağırlık paylaşımı**: token'ları içeri
# alan matris, onları dışarı da yazar; Press ve Wolf 2017).
#
# Kaplan vd. (2020, "Scaling Laws for Neural Language Models", arXiv 2001.08361) bir modelin
# büyüklüğünü $N$ ile, yani gömmeler **hariç** parametre sayısıyla ölçer: $N \approx 12 \cdot n_{layer}
# \cdot d^2$. İleri geçiş token başına yaklaşık $2N$ kayan noktalı işlem (FLOP) gerektirir (her ağırlık
# için bir çarpma ve bir toplama); eğitim (ileri + geri) bunun yaklaşık üç katıdır. $D$ token üzerinde
# yapılan bir eğitimin toplam hesap maliyeti için pratik kural buradan çıkar:
#
# $$C \approx 6 \cdot N \cdot D .$$

# %%
with torch.no_grad():
    logits = tiny_model(ids).logits
print(pick(en="logits:", tr="logit'ler:"), tuple(logits.shape), pick(en="= (B, T, V)", tr="= (B, T, V)"))

for part, count in parameter_breakdown(tiny).items():
    print(f"  {part:<20} {count:>8,}")
# en: the formula matches the built model
# tr: formül, kurulan modelle örtüşür
assert count_parameters(tiny_model) == parameter_count(tiny)
N = parameter_count(tiny, include_embeddings=False)
print(f"N = {N:,}  ≈ 12·n_layer·d² = {12 * tiny.n_layer * tiny.n_embd**2:,}")
print(pick(en="training FLOPs per token:", tr="token başına eğitim FLOP'u:"),
      f"{flops_per_token(tiny):,}", f"(6·N = {6 * N:,} + {pick(en='attention', tr='dikkat')})")

# %% [markdown] lang=en
# ## 3. The loss: next-token cross-entropy
#
# The logits at position $t$ are a guess for token $t+1$. So for a sequence of ids $x_0 \dots x_{T-1}$,
# the logits at positions $0 \dots T-2$ are scored against the ids at positions $1 \dots T-1$ — the same
# sequence, **shifted by one**. The loss is the mean over those $T-1$ predictions (and over the batch)
# of $-\log \mathrm{softmax}(\text{logits}_t)[x_{t+1}]$: the cross-entropy of chapter 00, now with a
# model that reads the whole context.
#
# ### Exercise 3 — next-token cross-entropy
#
# Write `next_token_cross_entropy(logits, ids)` for logits (B, T, V) computed on ids (B, T): decide
# which logits are scored against which ids, and return the **mean** as a tensor with a single value
# (so that `backward()` works). `torch.nn.functional.cross_entropy` is allowed; read which shapes it
# accepts. If you write the log-softmax yourself, the check's logits around 1000 will tell you whether
# it is numerically safe.
# %% [markdown] lang=tr
# ## 3. Kayıp: sonraki token'ın çapraz entropisi
#
# $t$ konumundaki logit'ler, $t+1$ numaralı token için bir tahmindir. Öyleyse $x_0 \dots x_{T-1}$ kimlik
# dizisinde $0 \dots T-2$ konumlarındaki logit'ler, $1 \dots T-1$ konumlarındaki kimliklerle, yani aynı
# dizinin **bir konum kaydırılmış** hâliyle puanlanır. Kayıp, bu $T-1$ tahmin (ve yığın) üzerinden
# $-\log \mathrm{softmax}(\text{logit}_t)[x_{t+1}]$ değerinin ortalamasıdır: 00. bölümdeki çapraz
# entropi, ama bu kez bağlamın tamamını okuyan bir modelle.
#
# ### 3. alıştırma — sonraki token'ın çapraz entropisi
#
# (B, T) boyutlu kimlikler üzerinde hesaplanmış (B, T, V) boyutlu logit'ler için
# `next_token_cross_entropy(logits, ids)` fonksiyonunu yazın: hangi logit'lerin hangi kimliklerle
# puanlanacağına siz karar verin ve **ortalamayı** tek değerli bir tensör olarak döndürün (ki
# `backward()` çalışsın). `torch.nn.functional.cross_entropy` kullanılabilir; hangi şekilleri kabul
# ettiğini belgesinden okuyun. Log-softmax'ı kendiniz yazarsanız, denetimdeki 1000 civarındaki
# logit'ler onun sayısal olarak güvenli olup olmadığını gösterecektir.

# %%
def next_token_cross_entropy(logits, ids):
    ### BEGIN SOLUTION
    vocab = logits.shape[-1]
    return torch.nn.functional.cross_entropy(logits[:, :-1].reshape(-1, vocab), ids[:, 1:].reshape(-1))
    ### END SOLUTION


# %%
check_next_token_cross_entropy(next_token_cross_entropy)

# %% [markdown] lang=en
# A freshly initialised GPT has small random weights (GPT-2's $\mathcal{N}(0, 0.02^2)$: standard
# deviation 0.02), so its logits are
# all close to 0 and its softmax is close to uniform: every token gets about $1/V$. Its loss should
# therefore be close to $-\log(1/V) = \ln V$ — a handy sanity check at the start of every pretraining
# run. Let us build the model this chapter pretrains and check. (Thanks to the causal mask, running the
# model on the whole window and dropping the last logits equals running it on the window without its
# last token: your loss on the full ids matches the model's own loss on the shifted pair.)
# %% [markdown] lang=tr
# Yeni ilklendirilmiş bir GPT'nin ağırlıkları küçük ve rastgeledir (GPT-2'nin $\mathcal{N}(0, 0.02^2)$
# başlatması: standart sapma 0,02). Bu yüzden logit'lerinin hepsi 0'a yakındır ve softmax'ı neredeyse
# düzgün (tekdüze) bir dağılımdır:
# her token yaklaşık $1/V$ alır. Kaybı da $-\log(1/V) = \ln V$ değerine yakın olmalıdır. Bu, her ön
# eğitimin başında işe yarayan bir sağlama yöntemidir. Bu bölümde eğiteceğimiz modeli kurup bakalım.
# (Nedensel maske sayesinde modeli pencerenin tamamında çalıştırıp son logit'leri atmak, onu son
# token'ı olmayan pencerede çalıştırmakla aynıdır: sizin kaybınız tüm kimliklerde, modelin kendi kaybı
# ise kaydırılmış çiftte aynı sonucu verir.)

# %%
config = GPTConfig(vocab_size=V, block_size=SIZES.block_size, n_layer=SIZES.n_layer,
                   n_head=SIZES.n_head, n_embd=SIZES.n_embd)
torch.manual_seed(0)
model = GPT(config)
window, _ = stream.get_batch("val", SIZES.batch_size, SIZES.block_size, generator=torch.Generator().manual_seed(1))
with torch.no_grad():
    initial_loss = model(window[:, :-1], targets=window[:, 1:]).loss.item()
    yours = next_token_cross_entropy(model(window).logits, window).item()
print(pick(en="loss of the fresh model:", tr="yeni modelin kaybı:"), round(initial_loss, 4),
      "| ln V =", round(math.log(V), 4), pick(en="| your function:", tr="| sizin fonksiyonunuz:"), round(yours, 4))
assert abs(initial_loss - math.log(V)) < 0.1, pick(en="a fresh model should be about as unsure as a uniform guess",
                                                   tr="eğitilmemiş bir model, düzgün dağılımlı bir tahmin kadar kararsız olmalı")
assert abs(yours - initial_loss) < 1e-4

# %% [markdown] lang=en
# ## 4. Training
#
# ### Exercise 4 — one training step
#
# Training repeats one step millions of times. Write `training_step(model, batch, optimizer)` for a
# batch `(inputs, targets)` of shape (B, T) each: compute the batch's loss with the model
# (`model(inputs, targets=targets)` returns it in `.loss`; `targets` already holds the next tokens),
# fill the gradients, move the parameters, and return the loss as a Python number. Two things to get
# right: PyTorch **adds** new gradients to the old ones, and the returned loss is the one computed
# **before** the update.
# %% [markdown] lang=tr
# ## 4. Eğitim
#
# ### 4. alıştırma — tek bir eğitim adımı
#
# Eğitim, tek bir adımı milyonlarca kez tekrarlamaktır. Her biri (B, T) şeklinde olan `(inputs,
# targets)` yığını için `training_step(model, batch, optimizer)` fonksiyonunu yazın: yığının kaybını
# modelle hesaplayın (`model(inputs, targets=targets)` onu `.loss` alanında döndürür; `targets` zaten
# sonraki token'ları tutar), gradyanları doldurun, parametreleri güncelleyin ve kaybı bir Python sayısı
# olarak döndürün. Doğru yapılması gereken iki şey var: PyTorch yeni gradyanları eskilerin **üstüne
# ekler** ve döndürülen kayıp, güncellemeden **önce** hesaplanan kayıptır.

# %%
def training_step(model, batch, optimizer):
    ### BEGIN SOLUTION
    inputs, targets = batch
    optimizer.zero_grad()
    loss = model(inputs, targets=targets).loss
    loss.backward()
    optimizer.step()
    return loss.item()
    ### END SOLUTION


# %%
check_training_step(training_step)

# %% [markdown] lang=en
# A few of your steps on the tiny model, on batches of real text:
# %% [markdown] lang=tr
# Gerçek metinden alınan yığınlarla, adımınızı küçük model üzerinde birkaç kez çalıştıralım:

# %%
optimizer = torch.optim.AdamW(tiny_model.parameters(), lr=1e-2)
step_losses = [
    training_step(tiny_model, stream.get_batch("train", 8, tiny.block_size, generator=generator), optimizer)
    for _ in range(SIZES.demo_steps)
]
print([round(loss, 3) for loss in step_losses])

# %% [markdown] lang=en
# ### The training recipe: warm-up, cosine decay, clipping
#
# The loop below does not use one fixed learning rate. Its **schedule** rises linearly over the first
# `warmup_steps` (the **warm-up**), then falls along half a cosine to a tenth of the peak:
#
# * **Why warm up.** Adam divides each update by a running estimate of the gradient's size (its second
#   moment). In the first steps that estimate rests on a handful of noisy gradients, while the freshly
#   initialised model's gradients are large and change fast, so full-size steps can throw the weights
#   far off and the loss spikes or diverges. Small steps at first let the statistics settle (Liu et al.
#   2020, "On the Variance of the Adaptive Learning Rate and Beyond", arXiv 1908.03265; nanoGPT and
#   GPT-3 warm up the same way).
# * **Why decay.** Large steps make fast progress early; small steps at the end let the weights settle
#   into a low region instead of bouncing around it.
# * **Why clip.** Before each update, if the norm of the whole gradient (all parameters together) is
#   above 1, the gradient is scaled down to norm 1; its direction stays the same. A rare batch with a huge
#   gradient then moves the weights no further than an ordinary one, instead of undoing many steps of
#   progress (Pascanu et al. 2013, arXiv 1211.5063).
#
# The curve is drawn by the same function (`course_lib.train.schedule.lr_at`) that the loop calls:
# %% [markdown] lang=tr
# ### Eğitim tarifi: ısınma, kosinüs azalma, kırpma
#
# Aşağıdaki döngü tek ve sabit bir öğrenme oranı kullanmaz. **Öğrenme oranı takvimi**, ilk
# `warmup_steps` adım boyunca doğrusal olarak yükselir (**ısınma**), ardından yarım bir kosinüs
# eğrisiyle tepe değerinin onda birine iner:
#
# * **Neden ısınma?** Adam her güncellemeyi, gradyanın büyüklüğüne ilişkin yürüyen bir tahmine (ikinci
#   moment) böler. İlk adımlarda bu tahmin birkaç gürültülü gradyana dayanır; yeni başlatılmış modelin
#   gradyanları ise büyüktür ve hızla değişir. Bu yüzden tam boyutlu adımlar ağırlıkları çok uzağa
#   savurabilir; kayıp sıçrar ya da ıraksar. Başta küçük adımlar atılırsa istatistikler oturur (Liu vd.
#   2020, "On the Variance of the Adaptive Learning Rate and Beyond", arXiv 1908.03265; nanoGPT ve GPT-3
#   de aynı biçimde ısınma uygular).
# * **Neden azalma?** Büyük adımlar başta hızlı ilerleme sağlar; sondaki küçük adımlar ise ağırlıkların
#   düşük kayıplı bir bölgenin çevresinde gidip gelmek yerine oraya yerleşmesini sağlar.
# * **Neden kırpma?** Her güncellemeden önce, gradyanın tamamının (bütün parametreler birlikte) normu
#   1'den büyükse gradyan, normu 1 olacak biçimde küçültülür; yönü değişmez. Böylece çok büyük gradyan
#   veren seyrek bir yığın, ağırlıkları sıradan bir yığından daha uzağa götüremez ve birçok adımın
#   kazancını bozamaz (Pascanu vd. 2013, arXiv 1211.5063).
#
# Eğri, döngünün çağırdığı fonksiyonun kendisiyle (`course_lib.train.schedule.lr_at`) çizilir:

# %%
train_config = TrainConfig(max_steps=SIZES.steps, lr=SIZES.lr, warmup_steps=SIZES.warmup_steps,
                           eval_every=SIZES.eval_every, live_plot_every=SIZES.plot_every)
fig = plot_lr_schedule(train_config, SIZES.steps)
print(pick(en="peak lr", tr="tepe öğrenme oranı"), train_config.lr, "|",
      pick(en="floor", tr="taban"), train_config.floor_lr, "|",
      pick(en="warm-up steps", tr="ısınma adımı"), train_config.warmup_steps, "/", SIZES.steps)

# %% [markdown] lang=en
# **How many times does the model see its data?** Each step reads `batch_size` random windows of
# `block_size` tokens. Tokens seen divided by the training tokens is the number of **epochs** (passes
# over the data; with random windows, the average number of times each token is read). The other
# profiles' token counts are estimated from this tokenizer's characters per token; their larger
# vocabularies make tokens longer, so they make somewhat fewer epochs than shown.
# %% [markdown] lang=tr
# **Model verisini kaç kez görüyor?** Her adım, `block_size` token'lık `batch_size` tane rastgele pencere
# okur. Görülen token sayısının eğitim token'larına oranı, **tur** (epoch) sayısıdır: verinin üzerinden
# kaç kez geçildiği; rastgele pencerelerle her token'ın ortalama kaç kez okunduğu. Öteki profillerin
# token sayıları bu tokenizer'ın token başına karakter sayısıyla tahmin edilir; onların sözcük dağarcığı
# daha büyük, token'ları daha uzun olduğundan gösterilenden biraz daha az tur atarlar.

# %%
chars_per_token = len(corpus.text) / len(stream)
for profile in ("smoke", "cpu", "gpu"):
    other = sizes("02_pretraining", profile)
    seen = other.steps * other.batch_size * other.block_size
    if profile == current_profile():
        train_tokens, how = len(stream.split("train")), pick(en="measured", tr="ölçülen")
    else:
        train_tokens, how = round(0.9 * other.corpus_chars / chars_per_token), pick(en="estimated", tr="tahmini")
    print(f"{profile:>5}: {seen:>11,} {pick(en='tokens seen', tr='görülen token')} / {train_tokens:>10,} "
          f"{pick(en='training tokens', tr='eğitim token')} ({how}) = {seen / train_tokens:6.2f} "
          f"{pick(en='epochs', tr='tur')}")

# %% [markdown] lang=en
# **Choosing the peak learning rate.** Too small and the loss falls slowly; too large and it falls fast
# at first, then stalls or blows up. A short **sweep** trains the same small model (the one of the scaling
# section below) with a few peak learning rates and compares the curves. It runs in the cpu profile
# (the smoke profile runs a token version; the gpu profile skips it and keeps the chosen value).
#
# The best value depends on the model: bigger models usually want smaller learning rates (GPT-3's
# table 2.1 goes from 6·10⁻⁴ at 125M parameters to 0.6·10⁻⁴ at 175B, Brown et al. 2020), so the
# winner of a small model's sweep is a starting point for a bigger model, not its answer.
# %% [markdown] lang=tr
# **Tepe öğrenme oranını seçmek.** Çok küçükse kayıp yavaş düşer; çok büyükse önce hızla düşer, sonra
# takılır ya da patlar. Kısa bir **tarama**, aynı küçük modeli (aşağıdaki ölçekleme bölümünün modeli)
# birkaç tepe öğrenme oranıyla eğitir ve eğrileri karşılaştırır. Tarama cpu profilinde çalışır (smoke
# profili göstermelik küçük bir sürümünü çalıştırır; gpu profili taramayı atlar ve seçilmiş değeri kullanır).
#
# En iyi değer modele bağlıdır: büyük modeller genellikle daha küçük öğrenme oranları ister (GPT-3'ün
# tablo 2.1'inde 125M parametrede 6·10⁻⁴ olan değer, 175B'de 0,6·10⁻⁴'e iner; Brown vd. 2020). Bu yüzden
# küçük bir modelin taramasında kazanan değer, daha büyük bir model için yanıt değil, bir başlangıç noktasıdır.

# %%
# NBVAL_IGNORE_OUTPUT
sweep_runs = {}
sweep_config = GPTConfig(vocab_size=V, block_size=SIZES.scale_block_size, n_layer=SIZES.scale_n_layer,
                         n_head=SIZES.scale_n_head, n_embd=SIZES.scale_n_embd)
for sweep_lr in SIZES.sweep_lrs:
    torch.manual_seed(0)
    sweep_generator = torch.Generator().manual_seed(0)
    sweep_run = train(
        GPT(sweep_config),
        RandomWindows(stream.split("train"), SIZES.scale_block_size, SIZES.batch_size, sweep_generator),
        TrainConfig(max_steps=SIZES.sweep_steps, lr=sweep_lr, warmup_steps=max(1, SIZES.sweep_steps // 10),
                    live_plot_every=None),
        generator=sweep_generator,
    )
    sweep_runs[sweep_lr] = sweep_run.history
    last = sweep_run.history.train_losses[-max(1, SIZES.sweep_steps // 10):]
    print(f"lr = {sweep_lr:g}: {pick(en='final training loss', tr='son eğitim kaybı')} {sum(last) / len(last):.3f}")
if sweep_runs:
    fig = plot_lr_sweep(sweep_runs)
else:
    print(pick(en="The gpu profile skips the sweep: run it with COURSE_PROFILE=cpu.",
               tr="gpu profili taramayı atlar: COURSE_PROFILE=cpu ile çalıştırın."))

# %% [markdown] lang=en
# ### Pretraining a real model
#
# The course's training loop, `course_lib.train.train`, makes the same four moves as your step
# (zero_grad, forward, backward, step), with what a real run adds around them: **AdamW** (weight
# decay on the linear layers' weight matrices, not on biases,
# LayerNorms or embeddings), a **learning-rate schedule** (a short linear warm-up, then a cosine
# decay), **gradient clipping** at norm 1, mixed precision on a GPU, a validation loss every
# `eval_every` steps, and a live loss curve. Batches are random windows of
# `block_size + 1` tokens from the training stream; the targets are the inputs shifted by one.
#
# Watch the curve: the loss falls fast while the model learns which tokens are common, then slowly as
# it learns words, names and the grammar of both languages. Remember chapter 01's caveat: the world
# has a small, closed vocabulary, so these losses are far lower than the same model would reach on
# real text.
# %% [markdown] lang=tr
# ### Gerçek bir modeli ön eğitimden geçirmek
#
# Kursun eğitim döngüsü `course_lib.train.train`, sizin adımınızdaki dört hamleyi (zero_grad, ileri
# geçiş, geri geçiş, step) aynen yapar ve gerçek bir eğitimin bunlara eklediklerini de uygular:
# **AdamW** ile güncelleme, ki ağırlık sönümü (weight decay) yalnızca doğrusal katmanların ağırlık
# matrislerine uygulanır, yanlılık terimlerine, LayerNorm'lara ve gömmelere uygulanmaz; bir
# **öğrenme oranı takvimi** (kısa, doğrusal bir ısınma ve ardından kosinüs biçiminde azalma), norm
# 1'de **gradyan kırpma**, GPU'da karma hassasiyet (mixed precision), her `eval_every`
# adımda bir doğrulama kaybı ve canlı bir kayıp eğrisi. Yığınlar, eğitim dizisinden rastgele alınan
# `block_size + 1` token'lık pencerelerdir; hedefler, bir konum kaydırılmış girdilerdir.
#
# Eğriyi izleyin: model hangi token'ların sık geçtiğini öğrenirken kayıp hızla düşer; sözcükleri,
# adları ve iki dilin dil bilgisini öğrenirken yavaşça azalmaya devam eder. 01. bölümdeki uyarıyı
# unutmayın: "dünya" derleminin sözcük dağarcığı küçük ve kapalıdır; bu yüzden buradaki kayıplar,
# aynı modelin gerçek metinde ulaşacağı kayıplardan çok daha düşüktür.

# %%
# NBVAL_IGNORE_OUTPUT
data_generator = torch.Generator().manual_seed(0)
train_batches = RandomWindows(stream.split("train"), SIZES.block_size, SIZES.batch_size, data_generator)
val_batches = RandomWindows(stream.split("val"), SIZES.block_size, SIZES.batch_size, fixed=True, seed=1)
evaluate = loss_evaluator(val_batches, max_batches=SIZES.eval_batches)
start_val_loss = evaluate(model)["val_loss"]
run = train(
    model,
    train_batches,
    train_config,
    eval_fn=evaluate,
    generator=data_generator,
)
final_val_loss = run.history.val_losses[-1]
tokens_seen = SIZES.steps * SIZES.batch_size * SIZES.block_size
print(pick(en="validation loss:", tr="doğrulama kaybı:"), f"{start_val_loss:.3f} → {final_val_loss:.3f}",
      pick(en=f"(perplexity {math.exp(final_val_loss):.1f})", tr=f"(şaşkınlık {math.exp(final_val_loss):.1f})"))
print(pick(en="tokens seen:", tr="görülen token:"), f"{tokens_seen:,}",
      pick(en="| compute ≈ 6·N·D =", tr="| hesap ≈ 6·N·D ="), f"{training_flops(config, tokens_seen, include_attention=False):.2e} FLOP")
assert final_val_loss < start_val_loss - 0.5, pick(en="pretraining should lower the validation loss",
                                                   tr="ön eğitim doğrulama kaybını düşürmeli")

# %% [markdown] lang=en
# ### Training loss, validation loss, and the gap between them
#
# The training loss is measured on text the model learns from, the validation loss on text it never
# saw. Their difference, the **generalisation gap**, tells you what limits the model:
#
# * **small gap, both high:** the model has not learned all it could; train longer or make it bigger;
# * **a gap that grows as training goes on:** the model starts to memorise its training text
#   (**overfitting**): more passes over the same data help it less and less; more data, a smaller model
#   or stopping earlier helps.
#
# Both are measured below the same way, on fixed batches, with the final weights.
# %% [markdown] lang=tr
# ### Eğitim kaybı, doğrulama kaybı ve aralarındaki fark
#
# Eğitim kaybı modelin öğrendiği metinde, doğrulama kaybı hiç görmediği metinde ölçülür. İkisinin
# arasındaki fark, yani **genelleme farkı**, modeli neyin sınırladığını gösterir:
#
# * **fark küçük, iki kayıp da yüksek:** model öğrenebileceğinin hepsini öğrenmemiştir; daha uzun
#   eğitin ya da modeli büyütün;
# * **eğitim ilerledikçe büyüyen bir fark:** model eğitim metnini ezberlemeye başlamıştır (**aşırı
#   öğrenme**); aynı veri üzerinden yeni turlar giderek daha az yarar sağlar; daha çok veri, daha küçük
#   bir model ya da eğitimi daha erken durdurmak yardımcı olur.
#
# Aşağıda ikisi de aynı biçimde, sabit yığınlarda ve son ağırlıklarla ölçülür.

# %%
# NBVAL_IGNORE_OUTPUT
train_eval = loss_evaluator(RandomWindows(stream.split("train"), SIZES.block_size, SIZES.batch_size, fixed=True,
                                          seed=1), max_batches=SIZES.eval_batches, name="train_loss")
final_train_loss = train_eval(model)["train_loss"]
print(pick(en="training loss  ", tr="eğitim kaybı   "), f"{final_train_loss:.3f}")
print(pick(en="validation loss", tr="doğrulama kaybı"), f"{final_val_loss:.3f}")
print(pick(en="gap (val − train)", tr="fark (doğrulama − eğitim)"), f"{final_val_loss - final_train_loss:+.3f}")

# %% [markdown] lang=en
# ### Bits per byte, per language
#
# A loss in nats per token depends on the tokenizer: longer tokens mean fewer, harder predictions. Divide
# the total loss of a text by its UTF-8 bytes instead, and convert nats to bits:
#
# $$\text{bits/byte} = \frac{\text{total nats}}{\ln 2 \cdot \text{UTF-8 bytes}}$$
#
# This number does not depend on the tokenizer, so models with different tokenizers can be compared on the
# same text (the GPT-2 paper reports enwik8 this way). Across languages, compare with care: the same
# content takes a different number of bytes in each (ç, ğ, ı, ö, ş, ü are two bytes each in UTF-8). Below:
# the validation documents of each language, and the real FLORES-200 sentences of chapter 01, which
# this model never saw anything like: that row is chapter 01's caveat in numbers.
# %% [markdown] lang=tr
# ### Dile göre bayt başına bit
#
# Token başına nat cinsinden kayıp, tokenizer'a bağlıdır: token'lar uzadıkça tahmin sayısı azalır, her
# tahmin zorlaşır. Bunun yerine bir metnin toplam kaybını UTF-8 bayt sayısına bölüp natı bite çevirin:
#
# $$\text{bit/bayt} = \frac{\text{toplam nat}}{\ln 2 \cdot \text{UTF-8 bayt sayısı}}$$
#
# Bu sayı tokenizer'a bağlı değildir; bu yüzden farklı tokenizer'ları olan modeller aynı metin üzerinde
# karşılaştırılabilir (GPT-2 makalesi enwik8 sonuçlarını böyle verir). Diller arasında ise dikkatli
# karşılaştırın: aynı içerik her dilde farklı sayıda bayt tutar (ç, ğ, ı, ö, ş, ü UTF-8'de ikişer
# bayttır). Aşağıda her dilin doğrulama belgeleri ve 01. bölümdeki gerçek FLORES-200 cümleleri var. Model
# bu cümlelere benzeyen hiçbir şey görmedi: o satır, 01. bölümdeki uyarının sayılarla ifadesidir.

# %%
# NBVAL_IGNORE_OUTPUT
val_start = len(corpus.text) - len(tokenizer.decode(stream.split("val").tolist()))
measured = {pick(en="world validation", tr="dünya doğrulama"): documents_by_language(corpus, val_start),
            "FLORES-200": flores_texts(SIZES.bpb_flores_pairs)}
bpb = {}
for source, texts in measured.items():
    for lang in ("tr", "en"):
        result = text_bits_per_byte(model, tokenizer, texts[lang][: SIZES.bpb_chars], SIZES.block_size)
        bpb[source, lang] = result.bits_per_byte
        print(f"{source:<18} {lang}  {result.nats_per_token:.3f} {pick(en='nats/token', tr='nat/token')}  "
              f"{result.n_bytes / result.tokens:.2f} {pick(en='bytes/token', tr='bayt/token')}  "
              f"{result.bits_per_byte:.3f} {pick(en='bits/byte', tr='bit/bayt')}")
world_source = next(iter(measured))
assert all(bpb["FLORES-200", lang] > bpb[world_source, lang] for lang in ("tr", "en")), \
    pick(en="real text costs more bits per byte than the world", tr="gerçek metin, dünyadan daha çok bit/bayt tutar")

# %% [markdown] lang=en
# The model is saved in the Hugging Face GPT-2 format (`config.json` + `model.safetensors`, no pickles)
# next to its tokenizer (in the Hugging Face format, and as the course's own `course_tokenizer.json`),
# in `LEARNER_MODEL_DIR`, where `load_base_model("mine")` finds it. That folder depends on the profile:
# `~/.cache/course_lib/my_base` (or `$COURSE_BASE_DIR`) under `cpu` and `gpu`, and
# `runs/02_pretraining/model` beside this notebook under `smoke`. On Colab both are lost when the
# runtime is reset: download the folder, or point `COURSE_BASE_DIR` at your Google Drive.
# Loading it back gives the same model.
#
# The fine-tuning chapters start by default from the base model shipped with the course,
# `load_base_model()`. It is pretrained the way this chapter pretrains, but on real text as well as
# on this world: a sample of Turkish Wikipedia, Tatoeba's Turkish-English sentence pairs and the
# world's stories. A model that has read only the world has no useful features for real sentences
# (the README measures this on SIB-200 topic classification), and chapters 03-10 fine-tune on real
# Turkish. The first shipped model, pretrained on the world alone like yours, is `load_base_model("world")`;
# yours is `load_base_model("mine")`.
# %% [markdown] lang=tr
# Model, Hugging Face GPT-2 biçiminde (`config.json` + `model.safetensors`, pickle yok) tokenizer'ıyla
# birlikte (hem Hugging Face biçiminde hem de kursun kendi `course_tokenizer.json` dosyası olarak)
# `LEARNER_MODEL_DIR` klasörüne kaydedilir; `load_base_model("mine")` onu orada bulur. Bu klasör
# profile bağlıdır: `cpu` ve `gpu` profillerinde `~/.cache/course_lib/my_base` (ya da
# `$COURSE_BASE_DIR`), `smoke` profilinde ise bu defterin yanındaki `runs/02_pretraining/model`.
# Colab'de çalışma zamanı sıfırlandığında ikisi de silinir: klasörü indirin ya da `COURSE_BASE_DIR`
# değişkenini Google Drive'ınızdaki bir klasöre yöneltin. Geri yüklendiğinde aynı modeli verir.
#
# İnce ayar bölümleri varsayılan olarak kursla birlikte gelen temel modelden, `load_base_model()`
# ile başlar. Bu model de bu bölümdeki gibi ön eğitimden geçirildi, ama yalnızca bu dünyayla değil,
# gerçek metinlerle de: Türkçe Vikipedi'den bir örneklem, Tatoeba'nın Türkçe-İngilizce cümle
# çiftleri ve dünyanın öyküleri. Yalnızca dünyayı okumuş bir model, gerçek cümleler için işe yarar
# öznitelikler taşımaz (README bunu SIB-200 konu sınıflandırmasında ölçer); 03-10. bölümler ise
# gerçek Türkçe metinlerle ince ayar yapar. Sizinki gibi yalnızca dünyayla eğitilmiş ilk hazır model
# `load_base_model("world")`, sizin modeliniz ise `load_base_model("mine")` ile yüklenir.

# %%
# en: The folder opens with transformers too: GPT2LMHeadModel.from_pretrained and AutoTokenizer.
# tr: Klasör transformers ile de açılır: GPT2LMHeadModel.from_pretrained ve AutoTokenizer.
save_learner_base(model, tokenizer, LEARNER_MODEL_DIR)
# en: train() moved the model to the best device
# tr: train() modeli en uygun cihaza taşıdı
device = next(model.parameters()).device
# en: what load_base_model("mine") loads
# tr: load_base_model("mine") çağrısının yüklediği model
reloaded = load_base_model("mine", learner_dir=LEARNER_MODEL_DIR).model.to(device)
model.eval()
with torch.no_grad():
    assert torch.allclose(model(window.to(device)).logits, reloaded(window.to(device)).logits, atol=1e-4)
print(LEARNER_MODEL_DIR.resolve(), sorted(p.name for p in LEARNER_MODEL_DIR.iterdir()))

# %% [markdown] lang=en
# ## 5. Sampling: temperature, top-k, top-p
#
# To write, the model takes its logits at the last position, turns them into a distribution and draws
# one token, appends it, and repeats. How the distribution is reshaped before the draw changes the
# text a lot:
# * **temperature** $\tau$: divide the logits by $\tau$. $\tau < 1$ sharpens the distribution (safer,
#   more repetitive), $\tau > 1$ flattens it (more varied, more mistakes); $\tau \to 0$ is greedy
#   decoding;
# * **top-k** (Fan et al. 2018): keep only the $k$ most likely tokens;
# * **top-p** or nucleus sampling (Holtzman et al. 2020, arXiv 1904.09751): keep the smallest set of
#   most likely tokens whose probabilities add up to at least $p$ — a cut that adapts to how sure the
#   model is.
#
# Here is the model's next-token distribution after a prompt, reshaped each way:
# %% [markdown] lang=tr
# ## 5. Örnekleme: sıcaklık, top-k, top-p
#
# Model yazarken son konumdaki logit'lerini bir dağılıma çevirir, bir token çeker, onu metnin sonuna
# ekler ve bunu tekrarlar. Çekilişten önce dağılımın nasıl biçimlendirildiği metni çok değiştirir:
# * **sıcaklık** $\tau$: logit'ler $\tau$'ya bölünür. $\tau < 1$ dağılımı sivriltir (daha güvenli,
#   daha tekrarcı), $\tau > 1$ düzleştirir (daha çeşitli, daha çok hata); $\tau \to 0$ açgözlü kod
#   çözmedir;
# * **top-k** (Fan vd. 2018): yalnızca en olası $k$ token tutulur;
# * **top-p** ya da çekirdek (nucleus) örnekleme (Holtzman vd. 2020, arXiv 1904.09751): olasılıklarının
#   toplamı en az $p$ olan, en olası token'lardan oluşan en küçük küme tutulur. Bu kesme, modelin ne
#   kadar emin olduğuna göre kendiliğinden ayarlanır.
#
# Bir prompt'tan sonra modelin sonraki token dağılımı ve onun her yolla biçimlendirilmiş hâlleri:

# %%
prompt = pick(en="Ali went to", tr="Ali İzmir'e")
with torch.no_grad():
    last_logits = model(torch.tensor([prompt_ids(tokenizer, prompt)], device=device)).logits[0, -1]
fig = plot_sampling_filters(last_logits, token_labels(tokenizer, range(V)))

# %% [markdown] lang=en
# ### Exercise 5 — the distribution to draw from
#
# Write `sampling_probs(logits, temperature, top_k, top_p)` for a logits vector of shape (V,): return
# the probabilities (shape (V,), summing to 1) from which the next token is drawn. Apply the
# temperature first, then top-k, then top-p (the order Hugging Face uses); `top_k=None` and
# `top_p=None` switch a filter off; `temperature > 0`. Each filter removes tokens, and the
# probabilities of the tokens that stay must again sum to 1. For top-p, decide carefully which token is
# the last one kept: the set must be the *smallest* whose mass reaches $p$. Sorting helps, but the
# answer must be in the original token order.
# %% [markdown] lang=tr
# ### 5. alıştırma — çekilişin yapılacağı dağılım
#
# (V,) şeklindeki bir logit vektörü için `sampling_probs(logits, temperature, top_k, top_p)`
# fonksiyonunu yazın: sonraki token'ın çekileceği olasılıkları ((V,) şeklinde, toplamı 1) döndürsün.
# Önce sıcaklık, sonra top-k, en son top-p uygulanır (Hugging Face'in sırası); `top_k=None` ve
# `top_p=None` ilgili süzgeci kapatır; `temperature > 0`'dır. Her süzgeç bazı token'ları eler; kalan
# token'ların olasılıklarının toplamı yeniden 1 olmalıdır. top-p için tutulacak son token'ın hangisi
# olduğuna dikkatle karar verin: küme, kütlesi $p$'ye ulaşan *en küçük* küme olmalıdır. Sıralamak işe
# yarar, ama sonuç token'ların özgün sırasında olmalıdır.

# %%
def sampling_probs(logits, temperature=1.0, top_k=None, top_p=None):
    ### BEGIN SOLUTION
    logits = logits / temperature
    if top_k is not None:
        kth_best = logits.topk(min(top_k, logits.shape[-1])).values[-1]
        logits = logits.masked_fill(logits < kth_best, float("-inf"))
    if top_p is not None:
        sorted_logits, order = logits.sort(descending=True)
        sorted_probs = sorted_logits.softmax(-1)
        # en: keep a token while the tokens before it hold less than p
        # tr: önündeki token'ların toplamı p'den azsa token tutulur
        keep_sorted = sorted_probs.cumsum(-1) - sorted_probs < top_p
        keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
        logits = logits.masked_fill(~keep, float("-inf"))
    return logits.softmax(-1)
    ### END SOLUTION


# %%
check_sampling_probs(sampling_probs)

# %% [markdown] lang=en
# With your function, the model's most likely next tokens after the prompt, under three settings:
# %% [markdown] lang=tr
# Fonksiyonunuzla, prompt'tan sonra modelin en olası sonraki token'ları, üç ayar altında:

# %%
for settings in [dict(temperature=1.0), dict(temperature=0.7, top_k=20), dict(temperature=1.0, top_p=0.9)]:
    probs = sampling_probs(last_logits.float().cpu(), **settings)
    best = probs.topk(5)
    kept = int((probs > 0).sum())
    print(settings, pick(en="| tokens kept:", tr="| tutulan token sayısı:"), kept, "|",
          [(label, round(p, 3)) for label, p in zip(token_labels(tokenizer, best.indices), best.values.tolist())])

# %%
# NBVAL_IGNORE_OUTPUT
for settings in [dict(temperature=0), dict(temperature=0.7, top_k=20), dict(temperature=1.0, top_p=0.9),
                 dict(temperature=1.5)]:
    print(settings)
    print("   ", continue_text(model, tokenizer, prompt, SIZES.generate_tokens, seed=0, **settings).replace("\n", " ⏎ "))

# %% [markdown] lang=en
# Try it yourself: move the sliders and press the button. (top-k = 0 and top-p = 1 switch the filters
# off; temperature 0 is greedy.) When "Run all" passes this cell, it shows a first text and goes on.
# %% [markdown] lang=tr
# Kendiniz deneyin: kaydırıcıları oynatıp düğmeye basın. (top-k = 0 ve top-p = 1 süzgeçleri kapatır;
# sıcaklık 0 açgözlü kod çözmedir.) "Tümünü çalıştır" bu hücreye geldiğinde ilk bir metin gösterir ve
# yoluna devam eder.

# %%
# NBVAL_IGNORE_OUTPUT
sampling_playground(model, tokenizer, prompt, max_new_tokens=SIZES.generate_tokens)

# %% [markdown] lang=en
# ## 6. Where does the trained model look?
#
# The same sentence as before, through the trained model. Choose a layer and a head. After
# pretraining, heads usually specialise: some look mostly at the previous token, some at the first
# token of the text (a resting place when nothing else is useful), some back to the start of the
# current word or name. With a short run the patterns are faint; the `gpu` profile shows them best.
# %% [markdown] lang=tr
# ## 6. Eğitilmiş model nereye bakıyor?
#
# Önceki cümleyi bu kez eğitilmiş modelden geçirelim. Bir katman ve bir kafa seçin. Ön eğitimden sonra
# kafalar genellikle uzmanlaşır: kimi çoğunlukla bir önceki token'a, kimi metnin ilk token'ına
# (yapılacak yararlı bir şey olmadığında dinlendiği yer), kimi de o anki sözcüğün ya da adın başına
# bakar. Kısa bir eğitimde bu örüntüler silik olur; en iyi `gpu` profilinde görünürler.

# %%
# NBVAL_IGNORE_OUTPUT
sentence_ids = tokenizer.encode(sentence)[: config.block_size]
attention_viewer(model, sentence_ids, token_labels(tokenizer, sentence_ids))

# %% [markdown] lang=en
# ## 7. Scaling, a little
#
# What buys a lower loss: a wider model, a deeper one, or more data? Kaplan et al. (2020) found that
# the loss falls smoothly — as a power law — with $N$, with $D$ and with the compute $C \approx 6ND$, as
# long as neither holds the other back; Hoffmann et al. (2022, "Chinchilla", arXiv 2203.15556) showed
# that for a fixed compute budget, $N$ and $D$ should grow together (about 20 tokens per parameter).
#
# We train a small base model, then change one thing at a time: twice the width, twice the depth,
# or twice the training tokens (twice the steps). The corpus stays the same, so "twice the data"
# here means **twice as many passes over the same text**, not new text; a larger corpus would be a
# different experiment. All runs start from one seed, see the same batches in the same order, and
# stretch their cosine decay over their own length; the plot shows the validation loss against the
# tokens seen, not against compute. These runs are tiny, short and single-seed, so read only the
# direction of each effect, not a law.
# %% [markdown] lang=tr
# ## 7. Biraz ölçekleme
#
# Kaybı ne düşürür: daha geniş bir model mi, daha derin bir model mi, yoksa daha çok veri mi? Kaplan
# vd. (2020) kaybın $N$ ile, $D$ ile ve $C \approx 6ND$ hesabıyla düzgün biçimde, bir kuvvet yasasına
# uyarak düştüğünü gösterdi; yeter ki biri ötekini kısıtlamasın. Hoffmann vd. (2022, "Chinchilla",
# arXiv 2203.15556) ise sabit bir hesap bütçesinde $N$ ile $D$'nin birlikte büyümesi gerektiğini
# gösterdi (parametre başına yaklaşık 20 token).
#
# Küçük bir temel model eğitip her seferinde tek bir şeyi değiştireceğiz: iki kat genişlik, iki kat
# derinlik ya da iki kat eğitim token'ı (iki kat adım). Derlem aynı kaldığı için buradaki "iki kat
# veri", yeni metin değil **aynı metin üzerinden iki kat tur** demektir; daha büyük bir derlem başka
# bir deney olurdu. Bütün eğitimler aynı tohumla başlar, aynı yığınları aynı sırayla görür ve kosinüs
# azalmasını kendi uzunluklarına yayar; grafik doğrulama kaybını hesaba karşı değil, görülen token'a
# karşı gösterir. Bu deneyler çok küçük, kısa ve tek tohumlu; her etkinin yalnızca yönüne bakın, bir
# yasa çıkarmaya çalışmayın.

# %%
# NBVAL_IGNORE_OUTPUT
scale_val = loss_evaluator(
    RandomWindows(stream.split("val"), SIZES.scale_block_size, SIZES.batch_size, fixed=True, seed=1),
    max_batches=SIZES.eval_batches,
)
scaling_runs = []
for variant in SIZES.scale_variants:
    settings = variant_settings(variant, SIZES.scale_n_layer, SIZES.scale_n_embd, SIZES.scale_steps)
    variant_config = GPTConfig(vocab_size=V, block_size=SIZES.scale_block_size, n_layer=settings["n_layer"],
                               n_head=SIZES.scale_n_head, n_embd=settings["n_embd"])
    torch.manual_seed(0)
    variant_model = GPT(variant_config)
    variant_generator = torch.Generator().manual_seed(0)
    variant_run = train(
        variant_model,
        RandomWindows(stream.split("train"), SIZES.scale_block_size, SIZES.batch_size, variant_generator),
        TrainConfig(max_steps=settings["steps"], lr=SIZES.lr, warmup_steps=settings["steps"] // 10,
                    eval_every=SIZES.scale_eval_every, progress=False, live_plot_every=None),
        eval_fn=scale_val,
        generator=variant_generator,
    )
    tokens = settings["steps"] * SIZES.batch_size * SIZES.scale_block_size
    n_params = variant_config.n_params(include_embeddings=False)
    scaling_runs.append({"label": variant_label(variant), "n_params": n_params, "history": variant_run.history,
                         "tokens_per_step": SIZES.batch_size * SIZES.scale_block_size})
    print(f"{variant_label(variant):>9}: N = {n_params:>9,}  D = {tokens:>9,}  6·N·D = {6 * n_params * tokens:.2e}  "
          f"{pick(en='val loss', tr='doğrulama kaybı')} = {variant_run.history.val_losses[-1]:.3f}")
fig = plot_scaling(scaling_runs, title=pick(en="one change at a time", tr="her seferinde tek değişiklik"))

# %% [markdown] lang=en
# ## Summary
#
# * A GPT is embeddings (token + position), a stack of pre-norm residual blocks — causal
#   self-attention to move information between positions, an MLP to compute on each — and an output
#   layer tied to the token embeddings.
# * Attention is $\mathrm{softmax}(QK^\top/\sqrt{D} + M)V$, with $D$ the head width; the causal mask
#   $M$ keeps every position from seeing its future, so the model cannot copy the answer it is
#   trained to predict.
# * Pretraining minimises the next-token cross-entropy: logits at $t$ against the token at $t+1$. A
#   fresh model scores $\ln V$; every step is zero_grad → forward → backward → step.
# * $N \approx 12 \cdot n_{layer} \cdot d^2$ non-embedding parameters, about $6N$ training FLOPs per
#   token, $C \approx 6ND$ for a run.
# * Temperature, top-k and top-p trade safety for variety when the model writes.
# * Your model is saved in `~/.cache/course_lib/my_base` (or `$COURSE_BASE_DIR`) under the `cpu` and
#   `gpu` profiles, and in `runs/02_pretraining/model` under `smoke`; `load_base_model("mine")` loads
#   it. The fine-tuning chapters start from the shipped model, `load_base_model()`, pretrained on real
#   text and the world.
#
# **Going further — a real benchmark.** `bench/pretrain_shakespeare.py` pretrains the course GPT on
# Tiny Shakespeare at character level, the classic small benchmark. For comparison, nanoGPT's own README
# reports a best validation loss of 1.4697 for 6 layers × 384 wide with a context of 256, in about 3
# minutes on one A100, and about 1.88 for its CPU recipe (4 layers × 128, context 64, batch 12, 2,000
# iterations). Those are nanoGPT's figures, not ours; the benchmark prints the course model's own
# numbers beside them.
#
# **Next:** chapter 03 — four ways to fine-tune a pretrained model.
# %% [markdown] lang=tr
# ## Özet
#
# * Bir GPT, gömmelerden (token + konum), pre-norm düzeninde artık bağlantılı ve üst üste dizilmiş
#   bloklardan (bilgiyi konumlar arasında taşıyan nedensel öz-dikkat ve her konumda hesap yapan bir
#   MLP) ve token gömmeleriyle ağırlık paylaşan bir çıktı katmanından oluşur.
# * Dikkat $\mathrm{softmax}(QK^\top/\sqrt{D} + M)V$ işlemidir ($D$: kafa genişliği); nedensel maske $M$
#   hiçbir konumun kendi geleceğini görmemesini sağlar. Modelin yanıtı görerek kopya çekmesini
#   engelleyen budur.
# * Ön eğitim, sonraki token'ın çapraz entropisini en aza indirir: $t$ konumundaki logit'ler $t+1$ konumundaki
#   token'la karşılaştırılır. Yeni bir model $\ln V$ alır; her adım zero_grad → ileri → geri → step
#   sırasını izler.
# * Gömmeler hariç $N \approx 12 \cdot n_{layer} \cdot d^2$ parametre, token başına yaklaşık $6N$ eğitim
#   FLOP'u, bir eğitimin tamamı için $C \approx 6ND$.
# * Model yazarken sıcaklık, top-k ve top-p güvenli olanla çeşitli olan arasında bir denge kurar.
# * Modeliniz `cpu` ve `gpu` profillerinde `~/.cache/course_lib/my_base` (ya da `$COURSE_BASE_DIR`),
#   `smoke` profilinde `runs/02_pretraining/model` klasörüne kaydedildi; `load_base_model("mine")` onu
#   yükler. İnce ayar bölümleri, gerçek metinlerle ve dünyayla ön eğitilmiş hazır modelden,
#   `load_base_model()` ile başlar.
#
# **Daha ileri: gerçek bir kıyaslama.** `bench/pretrain_shakespeare.py`, kursun GPT'sini klasik küçük
# kıyaslama olan Tiny Shakespeare üzerinde karakter düzeyinde ön eğitimden geçirir. Karşılaştırma için:
# nanoGPT'nin kendi README'si, bağlam uzunluğu 256 olan 6 katman × 384 genişlikte bir model için yaklaşık
# 3 dakikada tek bir A100 üzerinde en iyi doğrulama kaybını 1,4697 olarak, CPU tarifi için (4 katman ×
# 128, bağlam 64, yığın 12, 2.000 yineleme) ise yaklaşık 1,88 olarak bildirir. Bunlar nanoGPT'nin
# rakamlarıdır, bizim değil; kıyaslama betiği kurs modelinin kendi sonuçlarını onların yanına yazar.
#
# **Sırada:** 03. bölüm — önceden eğitilmiş bir modele ince ayar yapmanın dört yolu.

# %% [markdown] lang=en
# ## Further reading
#
# * A. Vaswani et al., "Attention Is All You Need", NeurIPS 2017 (arXiv 1706.03762): the transformer,
#   scaled dot-product attention and multi-head attention.
# * A. Radford, J. Wu, R. Child, D. Luan, D. Amodei and I. Sutskever, "Language Models are
#   Unsupervised Multitask Learners", OpenAI 2019: GPT-2, the model this chapter rebuilds.
# * A. Karpathy, *nanoGPT* (github.com/karpathy/nanoGPT: `model.py`, `train.py`) and the lecture
#   "Let's build GPT: from scratch, in code, spelled out" (2023).
# * S. Raschka, *Build a Large Language Model (From Scratch)*, Manning 2024, chapters 3 "Coding
#   attention mechanisms", 4 "Implementing a GPT model from scratch to generate text" and 5
#   "Pretraining on unlabeled data".
# * Stanford CS336 "Language Modeling from Scratch" (stanford-cs336.github.io/spring2025),
#   assignment 1: a transformer language model, AdamW and the cosine schedule, written by hand.
# * I. Loshchilov and F. Hutter, "Decoupled Weight Decay Regularization", ICLR 2019
#   (arXiv 1711.05101): AdamW.
# %% [markdown] lang=tr
# ## İleri okuma
#
# * A. Vaswani vd., "Attention Is All You Need", NeurIPS 2017 (arXiv 1706.03762): transformer,
#   ölçekli iç çarpım dikkati ve çok kafalı dikkat.
# * A. Radford, J. Wu, R. Child, D. Luan, D. Amodei ve I. Sutskever, "Language Models are
#   Unsupervised Multitask Learners", OpenAI 2019: bu bölümde yeniden kurduğumuz model, GPT-2.
# * A. Karpathy, *nanoGPT* (github.com/karpathy/nanoGPT: `model.py`, `train.py`) ve "Let's build
#   GPT: from scratch, in code, spelled out" dersi (2023).
# * S. Raschka, *Build a Large Language Model (From Scratch)*, Manning 2024, 3. bölüm "Coding
#   attention mechanisms", 4. bölüm "Implementing a GPT model from scratch to generate text" ve 5.
#   bölüm "Pretraining on unlabeled data".
# * Stanford CS336 "Language Modeling from Scratch" (stanford-cs336.github.io/spring2025), 1. ödev:
#   transformer dil modeli, AdamW ve kosinüs takvimi, elle yazılmış hâlleriyle.
# * I. Loshchilov ve F. Hutter, "Decoupled Weight Decay Regularization", ICLR 2019
#   (arXiv 1711.05101): AdamW.
