# %% [markdown] lang=en
# # 01 · Tokenization: characters, bytes and BPE tokens
#
# A language model never sees letters. It sees a sequence of integers, the **token ids**, and a
# **tokenizer** decides how text becomes those integers. That choice sets how long every text is
# for the model, how large its vocabulary is, and — as we will measure — how much more a Turkish
# sentence can cost than its English translation.
#
# In this chapter you will
# 1. look at the same sentence as characters, UTF-8 bytes and BPE tokens,
# 2. watch byte-pair encoding (BPE) learn its merges, one at a time,
# 3. write the two steps of BPE yourself (exercises 1 and 2) and check that they learn the same merges
#    as the course's tokenizer, then encode new text with the merges by rank (exercise 3),
# 4. measure **fertility** (tokens per word) for Turkish and English, and what it costs,
# 5. meet special tokens, the character-level tokenizer, saving and loading, and the export to
#    Hugging Face.
#
# Time: about 30 minutes. No GPU needed.
# %% [markdown] lang=tr
# # 01 · Tokenizasyon: karakterler, baytlar ve BPE token'ları
#
# Bir dil modeli harfleri hiç görmez. Gördüğü şey bir tam sayı dizisidir, yani **token
# kimlikleri** (token id); metnin bu sayılara nasıl dönüşeceğine de bir **tokenizer** karar verir.
# Bu seçim, her metnin model için ne kadar uzun olacağını, sözcük dağarcığının ne kadar büyük
# olacağını ve — birazdan ölçeceğimiz gibi — Türkçe bir cümlenin İngilizce çevirisinden ne kadar
# pahalıya gelebileceğini belirler.
#
# Bu bölümde
# 1. aynı cümleye karakterler, UTF-8 baytları ve BPE token'ları olarak bakacak,
# 2. bayt çifti kodlamasının (BPE) birleştirmelerini birer birer nasıl öğrendiğini izleyecek,
# 3. BPE'nin iki adımını kendiniz yazacak (1. ve 2. alıştırmalar) ve kursun tokenizer'ıyla aynı
#    birleştirmeleri öğrendiklerini doğrulayacak, ardından yeni metni birleştirmelerin sırasına göre
#    kodlayacak (3. alıştırma),
# 4. Türkçe ve İngilizce için **doğurganlığı** (sözcük başına token) ve bunun bedelini ölçecek,
# 5. özel token'ları, karakter düzeyindeki tokenizer'ı, kaydetmeyi, yüklemeyi ve Hugging Face'e
#    aktarmayı tanıyacaksınız.
#
# Süre: yaklaşık 30 dakika. GPU gerekmez.

# %%
import sys
import tempfile
from pathlib import Path

from course_lib.checks import check_count_pairs, check_encode_word, check_merge
from course_lib.data.files import load_text
from course_lib.data.flores import flores_pairs
from course_lib.data.local_data import find_corpus
from course_lib.data.parallel import parallel_world_texts
from course_lib.i18n import CourseValueError, get_language, pick
from course_lib.profile import sizes
from course_lib.tokenizer import BPETokenizer, CharTokenizer, to_hf_tokenizer
from course_lib.tokenizer.fertility import fertility
from course_lib.tokenizer.fertility_sweep import fertility_sweep, held_out_split, token_premium
from course_lib.tokenizer.hub_compare import hub_fertility
from course_lib.tokenizer.naive_bpe import most_frequent_pairs, pair_counts_of_text, train_merges
from course_lib.tokenizer.pretokenize import GPT2_PATTERN, split_words
from course_lib.tokenizer.views import (
    segmentation_after,
    segmentations_by_merge,
    show_bytes,
    token_pieces,
    utf8_table,
)
from course_lib.viz.merge_slider import merge_slider
from course_lib.viz.tokenization import plot_fertility, plot_segmentations, plot_token_premium, plot_top_pairs

SIZES = sizes("01_tokenization")
LANG = get_language()
# en: The built-in world tells every story in both languages, from the same meaning.
# tr: Yerleşik "dünya" derlemi her öyküyü, aynı içerikle iki dilde anlatır.
world = parallel_world_texts(SIZES.world_chars)
SENTENCES = {
    "tr": "Öğlen Ayşe kafede bekledi. Sonra İzmir'de müzeye gitti.",
    "en": "At noon, Ayşe waited at the café. Then she went to the museum in Izmir.",
}
print(pick(en="characters of world text:", tr="dünya metninin karakter sayısı:"),
      {lang: len(text) for lang, text in world.items()})
print(world[LANG][:300])

# %% [markdown] lang=en
# ## 1. Characters, bytes, tokens
#
# Computers store text as **bytes**. The standard encoding, UTF-8, spends one byte on each of the
# 128 ASCII characters (English letters, digits, punctuation) and two to four bytes on every
# other character. The Turkish letters that English does not have all take **two** bytes:
# %% [markdown] lang=tr
# ## 1. Karakterler, baytlar, token'lar
#
# Bilgisayarlar metni **bayt** olarak saklar. Standart kodlama olan UTF-8, 128 ASCII karakterinin
# (İngilizce harfler, rakamlar, noktalama) her birine bir bayt, diğer her karaktere iki ile dört
# arası bayt harcar. İngilizcede olmayan Türkçe harflerin hepsi **iki** bayt tutar:

# %%
TURKISH_LETTERS = "çğıöşüÇĞİÖŞÜ"
for char, n_bytes, hex_bytes in utf8_table(TURKISH_LETTERS + "a"):
    unit = pick(en="byte", tr="bayt") if n_bytes == 1 else pick(en="bytes", tr="bayt")
    print(f"{char!r}: {n_bytes} {unit}  ({hex_bytes})")
assert all(n_bytes == 2 for _, n_bytes, _ in utf8_table(TURKISH_LETTERS)), \
    pick(en="each Turkish letter is 2 bytes", tr="her Türkçe harf 2 bayttır")

# %% [markdown] lang=en
# A model could read bytes directly: the vocabulary would be just 256 symbols, and any text in any
# language could be written with them. The price is length — every sentence becomes a long
# sequence, and the model has to spend its capacity (and its limited context window) on spelling.
#
# **Byte-pair encoding** (BPE) is the compromise used by GPT-2 and most models since: start from
# the 256 bytes and **merge** frequent neighbours into new tokens, until the vocabulary has the
# size you chose (Sennrich, Haddow & Birch, ACL 2016, arXiv 1508.07909, for words; GPT-2 applied
# it to bytes, Radford et al. 2019, with a vocabulary of 50,257). Let's train a small byte-level
# BPE on the world's Turkish and English stories and look at one sentence in all three ways:
# %% [markdown] lang=tr
# Bir model baytları doğrudan okuyabilirdi: sözcük dağarcığı yalnızca 256 simgeden oluşurdu ve her
# dildeki her metin bunlarla yazılabilirdi. Bedeli uzunluktur: her cümle upuzun bir diziye dönüşür,
# model de kapasitesini (ve sınırlı bağlam penceresini) sözcükleri harf harf kurmaya harcar.
#
# **Bayt çifti kodlaması** (BPE), GPT-2'nin ve ondan sonraki çoğu modelin kullandığı orta yoldur:
# 256 bayttan başlanır, sık yan yana gelen çiftler yeni token'lar hâlinde **birleştirilir** ve bu,
# sözcük dağarcığı seçilen boyuta ulaşana kadar sürdürülür (sözcükler için Sennrich, Haddow ve
# Birch, ACL 2016, arXiv 1508.07909; baytlara GPT-2 uyguladı, Radford vd. 2019, 50.257'lik bir
# sözcük dağarcığıyla). Yerleşik "dünya" derleminin Türkçe ve İngilizce öyküleri üzerinde bayt
# düzeyinde küçük bir BPE eğitelim ve bir cümleye üç biçimde de bakalım:

# %%
bilingual_text = world["tr"] + "\n\n" + world["en"]
bpe = BPETokenizer.train(bilingual_text, vocab_size=SIZES.demo_vocab)
print(bpe)
for lang, sentence in SENTENCES.items():
    n_chars, n_bytes, n_tokens = len(sentence), len(sentence.encode("utf-8")), len(bpe.encode(sentence))
    print(f"\n[{lang}] {sentence}")
    print(pick(en="characters:", tr="karakter:"), n_chars, "|", pick(en="bytes:", tr="bayt:"), n_bytes,
          "|", pick(en="BPE tokens:", tr="BPE token'ı:"), n_tokens)
    print(token_pieces(bpe, sentence))
    assert n_bytes >= n_chars > n_tokens
    # en: nothing is lost
    # tr: hiçbir şey kaybolmaz
    assert bpe.decode(bpe.encode(sentence)) == sentence

# %% [markdown] lang=en
# The Turkish sentence has more bytes than characters (each ğ, ş, İ, ü, ö counts twice); BPE then
# packs frequent byte runs, often whole words with their leading space ("␣"), into single
# tokens. A rare letter, such as a capital Ö, can stay as its two bytes (`<c3>`, `<96>`): no
# merge has joined them yet. Decoding gives back exactly the original text.
#
# **Vocabulary size vs sequence length.** More merges mean longer tokens and shorter sequences,
# but a bigger vocabulary: the model needs one embedding row (and one output score) per token, so
# with embedding width $d$ the embedding table alone has $V \times d$ parameters, and rare tokens
# get few training examples each. Here is the trade-off on our sentence pair:
# %% [markdown] lang=tr
# Türkçe cümlede karakterden çok bayt var (her ğ, ş, İ, ü, ö iki kez sayılır); BPE ise sık
# görülen bayt dizilerini, çoğu zaman önündeki boşlukla ("␣") birlikte bütün bir sözcüğü, tek bir
# token'da toplar. Büyük Ö gibi seyrek bir harf, iki ayrı bayt olarak (`<c3>`, `<96>`) kalabilir: henüz
# hiçbir birleştirme onları bir araya getirmemiştir. Kod çözme, özgün metni olduğu gibi geri verir.
#
# **Sözcük dağarcığı boyutu ile dizi uzunluğu arasındaki denge.** Daha çok birleştirme, daha uzun
# token'lar ve daha kısa diziler demektir; ama sözcük dağarcığı da büyür: model her token için
# bir gömme satırına (ve bir çıktı puanına) ihtiyaç duyar. Gömme genişliği $d$ ise yalnızca gömme
# tablosu $V \times d$ parametre tutar; seyrek token'lar da eğitimde az örnek görür. Cümle
# çiftimizde bu denge şöyle görünüyor:

# %%
char_tokenizer = CharTokenizer.train(bilingual_text + "".join(SENTENCES.values()))
rows = [(pick(en="bytes (UTF-8)", tr="baytlar (UTF-8)"), 256,
         {lang: len(s.encode("utf-8")) for lang, s in SENTENCES.items()}),
        (pick(en="characters", tr="karakterler"), char_tokenizer.vocab_size,
         {lang: len(s) for lang, s in SENTENCES.items()})]
for vocab_size in SIZES.world_vocab_sizes:
    tokenizer = BPETokenizer.train(bilingual_text, vocab_size)
    rows.append((f"BPE {vocab_size}", tokenizer.vocab_size,
                 {lang: len(tokenizer.encode(s)) for lang, s in SENTENCES.items()}))
print(f"{pick(en='tokenizer', tr='tokenizer'):<16}{pick(en='vocab', tr='dağarcık'):>9}{'TR':>6}{'EN':>6}")
for name, vocab_size, lengths in rows:
    print(f"{name:<16}{vocab_size:>9}{lengths['tr']:>6}{lengths['en']:>6}")
bpe_lengths = [lengths for name, _, lengths in rows if name.startswith("BPE")]
# en: Each bigger BPE has all the merges of the smaller one (same text, same order), so it is never longer.
# tr: Daha büyük her BPE, küçüğün bütün birleştirmelerini (aynı metin, aynı sıra) içerir; bu yüzden hiçbir zaman daha uzun değildir.
assert all(a[lang] >= b[lang] for a, b in zip(bpe_lengths, bpe_lengths[1:]) for lang in SENTENCES)

# %% [markdown] lang=en
# ## 2. Training BPE, one merge at a time
#
# The algorithm is short:
# 1. cut the text into words (a space stays attached to the word after it) and write each word as
#    its bytes;
# 2. count every pair of neighbouring tokens over all words;
# 3. give the most frequent pair a new id and replace it everywhere; that is one **merge**;
# 4. repeat.
#
# Merges never cross a word boundary. Here are the most frequent byte pairs of a small text in
# the notebook's language, before any merge (bytes that are only part of a character are shown
# in hex, like `<c3>`):
# %% [markdown] lang=tr
# ## 2. BPE'yi adım adım eğitmek
#
# Algoritma kısadır:
# 1. metin sözcüklere ayrılır (boşluk, kendinden sonraki sözcüğe yapışık kalır) ve her sözcük
#    baytlarıyla yazılır;
# 2. bütün sözcüklerde yan yana gelen her token çifti sayılır;
# 3. en sık çifte yeni bir kimlik verilir ve çift her yerde bu kimlikle değiştirilir; bu bir
#    **birleştirmedir**;
# 4. bu adımlar tekrarlanır.
#
# Birleştirmeler sözcük sınırını asla aşmaz. Defterin dilindeki küçük bir metinde, daha hiçbir
# birleştirme yapılmadan en sık görülen bayt çiftleri şunlar (bir karakterin yalnızca bir parçası
# olan baytlar `<c3>` gibi onaltılık tabanda (hex) gösterilir):

# %%
demo_text = world[LANG][: SIZES.demo_chars]
pair_counts = pair_counts_of_text(demo_text)
top = most_frequent_pairs(pair_counts, 12)
fig = plot_top_pairs([(f"{show_bytes(bytes([left]))} + {show_bytes(bytes([right]))}", count)
                      for (left, right), count in top],
                     title=pick(en="Most frequent byte pairs", tr="En sık bayt çiftleri"))

# %% [markdown] lang=en
# `BPETokenizer.train` can report every merge as it learns it: pass a function as `on_merge`,
# and it is called with a `MergeStep` (rank, the two ids, the new id, how often the pair
# occurred, the bytes of the new token). The first merge is the most frequent pair of the plot
# above.
# %% [markdown] lang=tr
# `BPETokenizer.train`, öğrendiği her birleştirmeyi anında bildirebilir: `on_merge` olarak bir
# fonksiyon verin; her birleştirmede bir `MergeStep` ile çağrılır (sıra, iki kimlik, yeni kimlik,
# çiftin kaç kez geçtiği, yeni token'ın baytları). İlk birleştirme, yukarıdaki grafikteki en sık
# çifttir.

# %%
steps = []
demo_bpe = BPETokenizer.train(demo_text, 256 + SIZES.demo_merges, on_merge=steps.append)
print(f"{'#':>3}  {pick(en='left', tr='sol'):>8} + {pick(en='right', tr='sağ'):<8} → "
      f"{pick(en='new token', tr='yeni token'):<12} {pick(en='count', tr='sayım'):>6}")
for step in steps[:15]:
    left, right = show_bytes(demo_bpe.token_bytes(step.left)), show_bytes(demo_bpe.token_bytes(step.right))
    print(f"{step.rank:>3}  {left:>8} + {right:<8} → {show_bytes(step.text):<12} {step.count:>6}")
assert (steps[0].left, steps[0].right) == top[0][0] and steps[0].count == top[0][1]
# en: merges come in order of frequency
# tr: birleştirmeler sıklık sırasıyla gelir
assert all(a.count >= b.count for a, b in zip(steps, steps[1:]))
if LANG == "tr":
    # en: among the first merges: the two bytes of a Turkish letter become one token again
    # tr: ilk birleştirmeler arasında bir Türkçe harfin iki baytı yeniden tek token olur
    assert any(show_bytes(step.text) in TURKISH_LETTERS for step in steps[:10])

# %% [markdown] lang=en
# In Turkish text some of the very first merges glue the two bytes of a letter back together
# (`<c4>` + `<b1>` → `ı`): for BPE a letter is just a frequent pair of bytes.
#
# Watch a sentence change as merges are added. Each row is the sentence after the first $k$
# merges; the number is the token count.
# %% [markdown] lang=tr
# Türkçe metinde ilk birleştirmelerin bazıları, bir harfin iki baytını yeniden bir araya getirir
# (`<c4>` + `<b1>` → `ı`): BPE için bir harf, sık yan yana gelen iki bayttan ibarettir.
#
# Birleştirmeler eklendikçe bir cümlenin nasıl değiştiğini izleyin. Her satır, ilk $k$
# birleştirmeden sonraki cümledir; sayı, token sayısını gösterir.

# %%
sentence = SENTENCES[LANG]
shown = sorted({0, 1, 3, 10, SIZES.demo_merges // 2, len(demo_bpe.merges)})
fig = plot_segmentations({k: segmentation_after(demo_bpe, sentence, k) for k in shown},
                         title=pick(en="merges → tokens", tr="birleştirme → token"))
lengths = [len(segmentation_after(demo_bpe, sentence, k)) for k in shown]
assert lengths[0] == len(sentence.encode("utf-8")) and lengths == sorted(lengths, reverse=True)

# %% [markdown] lang=en
# Or move the slider yourself (in JupyterLab or Colab; in a static view only the picture above
# shows):
# %% [markdown] lang=tr
# Ya da kaydırıcıyı kendiniz oynatın (JupyterLab'de ya da Colab'de; durağan bir görünümde
# yalnızca yukarıdaki resim görünür):

# %%
# NBVAL_IGNORE_OUTPUT
slider = merge_slider([segmentations_by_merge(demo_bpe, s, SIZES.demo_merges) for s in SENTENCES.values()])
slider

# %% [markdown] lang=en
# ### Exercise 1 — counting pairs
#
# Write `count_pairs(ids)`: given a list of token ids, return a `dict` that maps each pair of
# **neighbours** `(ids[i], ids[i + 1])` to how many times it occurs. Pairs may overlap: in
# `[1, 1, 1]` the pair `(1, 1)` occurs **twice**. A list with fewer than two ids has no pairs.
#
# *Hint:* `zip(ids, ids[1:])` walks over the neighbours; `collections.Counter` counts.
# %% [markdown] lang=tr
# ### 1. alıştırma — çiftleri saymak
#
# `count_pairs(ids)` fonksiyonunu yazın: bir token kimliği listesi alsın ve **yan yana** duran her
# `(ids[i], ids[i + 1])` çiftini kaç kez geçtiğine eşleyen bir `dict` döndürsün. Çiftler
# örtüşebilir: `[1, 1, 1]` içinde `(1, 1)` çifti **iki kez** geçer. İkiden az kimliği olan bir
# listenin hiç çifti yoktur.
#
# *İpucu:* `zip(ids, ids[1:])` komşuları sırayla gezer; `collections.Counter` sayar.

# %%
def count_pairs(ids):
    ### BEGIN SOLUTION
    counts = {}
    for pair in zip(ids, ids[1:]):
        counts[pair] = counts.get(pair, 0) + 1
    return counts
    ### END SOLUTION


# %%
check_count_pairs(count_pairs)

# %% [markdown] lang=en
# ### Exercise 2 — merging a pair
#
# Write `merge(ids, pair, new_id)`: return a **new** list in which every occurrence of `pair`
# is replaced by `new_id`. Scan from left to right; when `ids[i], ids[i + 1]` equals the pair,
# write `new_id` and jump **two** places, otherwise copy `ids[i]` and move one place. So
# overlapping occurrences are not both merged: `merge([1, 1, 1], (1, 1), 9) == [9, 1]`.
# %% [markdown] lang=tr
# ### 2. alıştırma — bir çifti birleştirmek
#
# `merge(ids, pair, new_id)` fonksiyonunu yazın: `pair` çiftinin her geçtiği yerin `new_id` ile
# değiştirildiği **yeni** bir liste döndürsün. Soldan sağa tarayın; `ids[i], ids[i + 1]` çifte
# eşitse `new_id` yazıp **iki** adım atlayın, değilse `ids[i]`'yi kopyalayıp bir adım ilerleyin.
# Böylece örtüşen iki eşleşmenin ikisi birden birleşmez:
# `merge([1, 1, 1], (1, 1), 9) == [9, 1]`.

# %%
def merge(ids, pair, new_id):
    ### BEGIN SOLUTION
    merged = []
    i = 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == tuple(pair):
            merged.append(new_id)
            i += 2
        else:
            merged.append(ids[i])
            i += 1
    return merged
    ### END SOLUTION


# %%
check_merge(merge)

# %% [markdown] lang=en
# These two functions are all of BPE training. `train_merges` runs the loop of section 2 with
# **your** functions: count pairs over all words, merge the most frequent one (ties go to the
# smaller ids), repeat. It learns exactly the merges of the course's `BPETokenizer`, whose trainer
# is only faster: it re-counts just the words that a merge touched, instead of all of them.
# %% [markdown] lang=tr
# BPE eğitiminin tamamı bu iki fonksiyondan ibarettir. `train_merges`, 2. bölümdeki döngüyü
# **sizin** fonksiyonlarınızla çalıştırır: çiftler bütün sözcüklerde sayılır, en sık olanı
# birleştirilir (eşitlikte küçük kimlikli çift seçilir) ve bu tekrarlanır. Kursun
# `BPETokenizer`'ıyla birebir aynı birleştirmeleri öğrenir; onun eğiticisi yalnızca daha hızlıdır:
# her seferinde bütün sözcükleri değil, yalnızca birleştirmenin etkilediği sözcükleri yeniden sayar.

# %%
my_merges = train_merges(demo_text, SIZES.exercise_merges, count_pairs=count_pairs, merge=merge)
library_merges = BPETokenizer.train(demo_text, 256 + SIZES.exercise_merges).merges
for rank, (left, right) in enumerate(my_merges[:8]):
    print(rank, show_bytes(demo_bpe.token_bytes(left)), "+", show_bytes(demo_bpe.token_bytes(right)))
assert my_merges == library_merges, pick(en="your functions learn the library's merges",
                                         tr="fonksiyonlarınız kütüphanenin birleştirmelerini öğrenmeli")
print(pick(en=f"✅ the same {len(my_merges)} merges as BPETokenizer",
           tr=f"✅ BPETokenizer ile aynı {len(my_merges)} birleştirme"))

# %% [markdown] lang=en
# ### Encoding new text: first words, then merges by rank
#
# To encode text, the tokenizer first cuts it into words with the same pattern it was trained with
# (the **pre-tokenizer**), then applies the merges inside each word. GPT-2's pattern begins with the
# English contractions `'s 't 're 've 'm 'll 'd`; on Turkish, it cuts the suffix that follows an
# apostrophe after a name in the wrong place. The course's pattern keeps the apostrophe with all the
# letters after it:
# %% [markdown] lang=tr
# ### Yeni metni kodlamak: önce sözcükler, sonra sıraya göre birleştirmeler
#
# Tokenizer bir metni kodlarken önce onu, eğitimde kullanılan kalıpla sözcüklere böler (buna **ön
# tokenizasyon** denir), sonra her sözcüğün içinde birleştirmeleri uygular. GPT-2'nin kalıbı İngilizce
# kısaltmalarla (`'s 't 're 've 'm 'll 'd`) başlar; Türkçede özel adlardan sonra kesme işaretiyle
# ayrılan eki yanlış yerden böler. Kursun kalıbı, kesme işaretini arkasındaki bütün harflerle birlikte
# tutar:

# %%
import regex

phrase = "İstanbul'da, Ankara'dan, Ali'ye; don't"
print("GPT-2 :", regex.findall(GPT2_PATTERN, phrase))
print(pick(en="course:", tr="kurs  :"), split_words(phrase))
assert split_words("İstanbul'da") == ["İstanbul", "'da"]
assert regex.findall(GPT2_PATTERN, "İstanbul'da") == ["İstanbul", "'d", "a"]

# %% [markdown] lang=en
# ### Exercise 3 — encoding a word with the learned merges
#
# Inside one word, the merges are applied **in the order they were learned**: among the neighbouring
# pairs of the word, the one whose merge was learned earliest is merged first; repeat until no pair
# of the word has a merge. (Merging the most frequent pair of the *new* text, or the leftmost known
# pair, gives different tokens from those the model was trained on.)
#
# Write `encode_word(ids, merges)`: `ids` are the bytes of one word, `merges` a `dict` that maps a pair
# to its new id; a smaller new id means an earlier merge. Do not rely on the order of the dict's
# entries. Your `merge` from exercise 2 is useful here.
# %% [markdown] lang=tr
# ### 3. alıştırma — bir sözcüğü öğrenilen birleştirmelerle kodlamak
#
# Bir sözcüğün içinde birleştirmeler **öğrenildikleri sırayla** uygulanır: sözcükteki komşu çiftlerden,
# birleştirmesi en önce öğrenilmiş olan ilk önce birleştirilir; sözcükte birleştirmesi olan çift
# kalmayana kadar bu tekrarlanır. (*Yeni* metnin en sık çiftini ya da en soldaki bilinen çifti
# birleştirmek, modelin eğitildiği token'lardan farklı token'lar verir.)
#
# `encode_word(ids, merges)` fonksiyonunu yazın: `ids` bir sözcüğün baytlarıdır, `merges` ise bir çifti
# yeni kimliğine eşleyen bir `dict`'tir; yeni kimlik ne kadar küçükse birleştirme o kadar önce
# öğrenilmiştir. Sözlükteki girdilerin sırasına güvenmeyin. 2. alıştırmadaki `merge` fonksiyonunuz
# burada işinize yarar.

# %%
def encode_word(ids, merges):
    ### BEGIN SOLUTION
    ids = list(ids)
    while len(ids) > 1:
        # en: the neighbouring pair whose merge was learned first
        # tr: birleştirmesi en önce öğrenilmiş komşu çift
        pair = min(zip(ids, ids[1:]), key=lambda p: merges.get(p, float("inf")))
        if pair not in merges:
            break
        ids = merge(ids, pair, merges[pair])
    return ids
    ### END SOLUTION


# %%
check_encode_word(encode_word)

# %% [markdown] lang=en
# With the pre-tokenizer and your `encode_word`, a whole sentence encodes exactly as `BPETokenizer`
# does:
# %% [markdown] lang=tr
# Ön tokenizasyon ve sizin `encode_word` fonksiyonunuzla bütün bir cümle, `BPETokenizer` ile tam olarak
# aynı biçimde kodlanır:

# %%
demo_merges = {pair: demo_bpe.merge_id(*pair) for pair in demo_bpe.merges}
my_ids = [token for word in split_words(sentence) for token in encode_word(list(word.encode("utf-8")), demo_merges)]
print(len(my_ids), pick(en="tokens:", tr="token:"), [show_bytes(demo_bpe.token_bytes(i)) for i in my_ids][:20])
assert my_ids == demo_bpe.encode(sentence), pick(en="your encoder gives the library's tokens",
                                                 tr="kodlayıcınız kütüphanenin token'larını vermeli")

# %% [markdown] lang=en
# ## 3. Fertility: why Turkish words split into more tokens
#
# Turkish is **agglutinative**: it builds words by adding suffixes to a root, each suffix
# carrying one piece of meaning. *evlerimizden* = *ev* (house) + *ler* (plural) + *imiz* (our) +
# *den* (from) — one word for English's three, "from our houses". A tokenizer learns frequent
# roots and suffixes, but a word made of many of them usually still costs several tokens.
#
# **Fertility** is the average number of tokens per (whitespace-separated) word; Rust et al.
# (ACL 2021, "How Good is Your Tokenizer?", arXiv 2012.15613) use it to compare tokenizers across
# nine languages, Turkish among them. The world's stories say the same thing in both languages, so
# they allow a fair comparison. We train one BPE on the Turkish and English stories together, as a
# bilingual model would, and measure fertility on held-out stories at a few vocabulary sizes:
# %% [markdown] lang=tr
# ## 3. Doğurganlık: Türkçe sözcükler neden daha çok token'a bölünür?
#
# Türkçe **sondan eklemeli** bir dildir: sözcükleri bir köke ekler ekleyerek kurar ve her ek anlamın bir
# parçasını taşır. *evlerimizden* = *ev* + *ler* (çoğul eki) + *imiz* (iyelik eki: bizim) + *den*
# (ayrılma hâli): İngilizcenin üç sözcükle söylediği "from our houses" için tek sözcük. Bir
# tokenizer sık kökleri ve ekleri öğrenir, ama çok sayıda ekten oluşan bir sözcük yine de çoğunlukla
# birkaç token tutar.
#
# **Doğurganlık**, (boşlukla ayrılan) sözcük başına ortalama token sayısıdır; Rust vd. (ACL 2021,
# "How Good is Your Tokenizer?", arXiv 2012.15613) bu ölçüyle, aralarında Türkçenin de bulunduğu
# dokuz dilde tokenizer'ları karşılaştırır. "Dünya" derleminin öyküleri iki dilde de aynı şeyi anlattığı için
# adil bir karşılaştırmaya olanak verir. Türkçe ve İngilizce öyküler üzerinde, iki dilli bir modelin
# yapacağı gibi tek bir BPE eğitiyor ve doğurganlığı birkaç sözcük dağarcığı boyutunda, eğitimde
# kullanılmamış öykülerde ölçüyoruz:

# %%
world_split = {lang: held_out_split(text) for lang, text in world.items()}
world_train = {lang: parts[0] for lang, parts in world_split.items()}
world_test = {lang: parts[1] for lang, parts in world_split.items()}
world_source = pick(en="built-in world", tr="yerleşik dünya")
points = fertility_sweep(world_train, world_test, SIZES.world_vocab_sizes, source=world_source)
for p in points:
    print(f"{p.source}  {p.lang}  V={p.vocab_size:>5}  {pick(en='fertility', tr='doğurganlık')} {p.fertility:.2f}"
          f"  ({p.tokens} {pick(en='tokens', tr='token')} / {p.words} {pick(en='words', tr='sözcük')})")
by_size = {}
for p in points:
    by_size.setdefault(p.vocab_size, {})[p.lang] = p
assert all(pair["tr"].fertility > pair["en"].fertility for pair in by_size.values()), \
    pick(en="TR fertility > EN", tr="TR doğurganlığı > EN")

# %% [markdown] lang=en
# Turkish needs more tokens per word at every vocabulary size.
#
# **A caveat about the world.** Its stories are written from a small, closed lexicon: about a
# thousand distinct words in the two languages together. Asked for 4,096 tokens, BPE on the 3 million characters that
# built the course's base model stops at 2,319 (`course_lib/assets/base_config.json`), because by
# then every word of the world is a single token and no pair is left to merge. So its fertility at
# large vocabulary sizes, and the losses of chapter 02, are lower than on real text and do not carry
# over to it; only the direction of the Turkish–English gap does.
#
# When the real corpora of the course
# are available (in CI and on the maintainers' machines: Turkish Wikipedia articles and Tiny
# Shakespeare, see `find_corpus`), we measure them too. They are not translations of each other,
# and Shakespeare's verse is not Wikipedia's prose, so read that comparison with care.
# %% [markdown] lang=tr
# Türkçe, her sözcük dağarcığı boyutunda sözcük başına daha çok token'a ihtiyaç duyuyor.
#
# **"Dünya" derlemiyle ilgili bir uyarı.** Öyküler küçük ve kapalı bir sözcük listesinden yazılır:
# iki dilde toplam yaklaşık bin farklı sözcük. Kursun temel modelini kuran 3 milyon karakter üzerinde
# 4.096 token istendiğinde BPE 2.319'da durur (`course_lib/assets/base_config.json`), çünkü o
# noktada dünyanın her sözcüğü tek bir token'dır ve birleştirilecek çift kalmaz. Bu yüzden büyük
# sözcük dağarcıklarında ölçülen doğurganlık da 02. bölümdeki kayıplar da gerçek metindekinden
# düşüktür ve gerçek metne aktarılamaz; aktarılabilen yalnızca Türkçe ile İngilizce arasındaki
# farkın yönüdür.
#
# Kursun
# gerçek derlemleri erişilebilir olduğunda (CI'da ve geliştiricilerin makinelerinde: Türkçe
# Vikipedi maddeleri ve Tiny Shakespeare, bkz. `find_corpus`) onları da ölçüyoruz. Bu iki metin
# birbirinin çevirisi değildir, Shakespeare'in şiiri de Vikipedi'nin düzyazısına benzemez; o
# karşılaştırmayı dikkatle okuyun.

# %%
tr_path, en_path = find_corpus("trwiki_sample.txt"), find_corpus("tinyshakespeare.txt")
if tr_path is not None and en_path is not None:
    real = {"tr": load_text(tr_path)[: SIZES.real_chars], "en": load_text(en_path)[: SIZES.real_chars]}
    real_split = {lang: held_out_split(text) for lang, text in real.items()}
    real_source = pick(en="Wikipedia (TR) / Shakespeare (EN)", tr="Vikipedi (TR) / Shakespeare (EN)")
    real_points = fertility_sweep({k: v[0] for k, v in real_split.items()}, {k: v[1] for k, v in real_split.items()},
                                  SIZES.real_vocab_sizes, source=real_source)
    print(pick(en="real text used:", tr="kullanılan gerçek metin:"), tr_path.name, en_path.name,
          pick(en=f"({SIZES.real_chars:,} characters each)", tr=f"(her biri {SIZES.real_chars} karakter)"))
    for p in real_points:
        print(f"{p.lang}  V={p.vocab_size:>6}  {p.fertility:.2f}")
    real_sizes = sorted({p.vocab_size for p in real_points})
    for size in real_sizes:
        tr_f, en_f = (next(p.fertility for p in real_points if p.lang == lang and p.vocab_size == size)
                      for lang in ("tr", "en"))
        assert tr_f > en_f, pick(en="TR fertility > EN on the real corpora too",
                                 tr="gerçek derlemlerde de TR doğurganlığı > EN")
else:
    real_points = []
    print(pick(en="No shared data folder here: only the built-in world is measured.",
               tr="Burada paylaşılan veri klasörü yok: yalnızca yerleşik dünya ölçülüyor."))
fig = plot_fertility(points + real_points,
                     title=pick(en="Fertility vs vocabulary size", tr="Doğurganlık ve sözcük dağarcığı boyutu"))

# %% [markdown] lang=en
# Fertility falls as the vocabulary grows (more whole words and suffixes become single tokens),
# and the Turkish curve stays above the English one.
#
# **Does Turkish then cost more tokens for the same content?** Not necessarily: a Turkish
# sentence usually has fewer words than its English translation. What decides it is what the tokenizer
# was trained on. Petrov et al. (NeurIPS 2023, arXiv 2305.15425) measured tokenizers of real
# models on the same sentences translated into many languages and found tokenization lengths that
# differ by up to 15 times between languages. Below we count the tokens of the same held-out world
# stories under three tokenizers of the same size: trained on English only, on both languages,
# and on Turkish only.
# %% [markdown] lang=tr
# Sözcük dağarcığı büyüdükçe doğurganlık düşer (daha çok sözcük ve ek tek bir token'a dönüşür),
# ama Türkçe eğrisi İngilizceninkinin üstünde kalır.
#
# **Peki Türkçe aynı içerik için daha çok token mı öder?** Her zaman değil: Türkçe bir cümlede,
# İngilizce çevirisinden genellikle daha az sözcük vardır. Asıl belirleyici olan, tokenizer'ın neyle
# eğitildiğidir. Petrov vd. (NeurIPS 2023, arXiv 2305.15425) gerçek modellerin tokenizer'larını
# birçok dile çevrilmiş aynı cümleler üzerinde ölçmüş ve diller arasında token sayısının 15 kata
# kadar değişebildiğini bulmuştur. Aşağıda aynı, eğitimde kullanılmamış dünya öykülerinin token'larını
# aynı boyuttaki üç tokenizer ile sayıyoruz: yalnızca İngilizceyle, iki dille ve yalnızca Türkçeyle
# eğitilmiş.

# %%
training_sets = {
    pick(en="English only", tr="yalnızca İngilizce"): world_train["en"],
    pick(en="both languages", tr="iki dil"): world_train["tr"] + "\n\n" + world_train["en"],
    pick(en="Turkish only", tr="yalnızca Türkçe"): world_train["tr"],
}
premiums = token_premium(training_sets, world_test, SIZES.premium_vocab, lang="tr", base="en")
for name, premium in premiums.items():
    print(f"{name:<20} TR/EN = {premium:.2f}")
fig = plot_token_premium(premiums, title=pick(en=f"Same stories, BPE with V = {SIZES.premium_vocab}",
                                              tr=f"Aynı öyküler, V = {SIZES.premium_vocab} olan BPE"))
english_only, both_languages, turkish_only = premiums.values()
assert english_only > 1 > turkish_only and english_only > both_languages, \
    pick(en="the premium follows the training text", tr="fazladan token, eğitim metnine bağlıdır")

# %% [markdown] lang=en
# With a tokenizer trained on English only — as GPT-2's was: its training text, WebText, was
# deliberately kept to English pages (Radford et al. 2019) — the same Turkish stories cost clearly
# more tokens than the English ones. Trained on Turkish too, the gap shrinks or reverses. Why it
# matters:
#
# * **Context window:** a model reads a fixed number of tokens at once, so more tokens per sentence
#   means less Turkish text fits in it.
# * **Compute:** training and generation cost grows with the number of tokens, so the same content
#   takes more steps and more time.
# * **Price:** commercial APIs bill per token, so a Turkish user can pay more for the same request
#   (Petrov et al. 2023 make this point).
#
# A tokenizer for Turkish should therefore be trained on a good share of Turkish text.
# %% [markdown] lang=tr
# Yalnızca İngilizceyle eğitilmiş bir tokenizer'da — GPT-2'ninki de böyleydi: eğitim metni WebText
# bilerek İngilizce sayfalarla sınırlanmıştı (Radford vd. 2019) — aynı Türkçe öyküler,
# İngilizce karşılıklarından belirgin biçimde daha çok token tutuyor. Tokenizer Türkçeyle de eğitildiğinde
# fark küçülüyor ya da tersine dönüyor. Bunun önemi:
#
# * **Bağlam penceresi:** model bir seferde sabit sayıda token okur; cümle başına token arttıkça
#   pencereye daha az Türkçe metin sığar.
# * **Hesaplama:** eğitimin ve üretimin maliyeti token sayısıyla artar; aynı içerik daha çok adım ve
#   daha çok zaman alır.
# * **Ücret:** ticari API'ler token başına ücret alır; Türkçe kullanan biri aynı istek için daha
#   çok ödeyebilir (Petrov vd. 2023 bu noktaya dikkat çeker).
#
# Bu yüzden Türkçe için bir tokenizer, iyi bir oranda Türkçe metinle eğitilmelidir.

# %% [markdown] lang=en
# ### Real sentences: FLORES-200
#
# The world is small and invented. For real text, the package ships parallel sentences from
# **FLORES-200** (NLLB Team 2022, arXiv 2207.04672): English sentences from Wikinews, Wikivoyage and
# Wikibooks, translated into Turkish by professional translators. We read them through SIB-200
# (Adelani et al. 2023, arXiv 2309.07445), which ships them in `course_lib/data/sib200/`
# (CC BY-SA 4.0; see `ATTRIBUTION.md` there). Each Turkish sentence says what its English twin says,
# so the comparison is fair, as it was on the world.
#
# We train the course's BPE on the first sentences — on the Turkish side only, the English side
# only, and both — and measure fertility on the remaining ones, which no tokenizer has seen. Beside
# them stands the BPE of the world (both languages), measured on its own held-out stories and on the
# same real sentences.
# %% [markdown] lang=tr
# ### Gerçek cümleler: FLORES-200
#
# "Dünya" derlemi küçük ve kurgusaldır. Gerçek metin için paket, **FLORES-200**'den (NLLB Team 2022,
# arXiv 2207.04672) paralel cümlelerle gelir: Wikinews, Wikivoyage ve Wikibooks'tan alınmış, profesyonel
# çevirmenlerce Türkçeye çevrilmiş İngilizce cümleler. Bu cümleleri, onları `course_lib/data/sib200/`
# klasöründe sunan SIB-200 üzerinden okuyoruz (Adelani vd. 2023, arXiv 2309.07445; lisansı CC BY-SA
# 4.0, ayrıntılar oradaki `ATTRIBUTION.md` dosyasında). Her Türkçe cümle, İngilizce karşılığıyla aynı
# şeyi söyler; bu yüzden karşılaştırma, "dünya" derleminde olduğu gibi adildir.
#
# Kursun BPE'si ilk cümlelerle eğitilir: yalnızca Türkçe tarafla, yalnızca İngilizce tarafla ve iki
# tarafla birlikte. Doğurganlık ise hiçbir tokenizer'ın görmediği geri kalan cümlelerde ölçülür.
# Yanlarında "dünya" derleminin (iki dilli) BPE'si de yer alır: hem kendi ayrılmış öykülerinde hem de
# aynı gerçek cümlelerde ölçülür.

# %%
flores = flores_pairs(SIZES.flores_pairs)
cut = len(flores) * 3 // 4
flores_train = {"tr": "\n".join(p.tr for p in flores[:cut]), "en": "\n".join(p.en for p in flores[:cut])}
flores_test = {"tr": "\n".join(p.tr for p in flores[cut:]), "en": "\n".join(p.en for p in flores[cut:])}
print(pick(en=f"{len(flores)} FLORES-200 pairs: {cut} to train on, {len(flores) - cut} to measure; for example:",
           tr=f"{len(flores)} FLORES-200 çifti: {cut} tanesi eğitim, {len(flores) - cut} tanesi ölçüm için; örneğin:"))
print("  TR:", flores[cut].tr, "\n  EN:", flores[cut].en)
flores_tokenizers = {
    pick(en="FLORES, Turkish only", tr="FLORES, yalnızca Türkçe"): flores_train["tr"],
    pick(en="FLORES, English only", tr="FLORES, yalnızca İngilizce"): flores_train["en"],
    pick(en="FLORES, both languages", tr="FLORES, iki dil"): flores_train["tr"] + "\n" + flores_train["en"],
    pick(en="world, both languages", tr="dünya, iki dil"): world_train["tr"] + "\n\n" + world_train["en"],
}
flores_fertility = {}
print(f"\n{pick(en='BPE trained on', tr='BPE eğitim metni'):<28} {'V':>5}  "
      f"{'FLORES TR':>9} {'FLORES EN':>9}"
      f"  {pick(en='world TR', tr='dünya TR'):>9} {pick(en='world EN', tr='dünya EN'):>9}")
for name, text in flores_tokenizers.items():
    bpe = BPETokenizer.train(text, SIZES.flores_vocab)
    flores_fertility[name] = {lang: fertility(bpe, flores_test[lang]) for lang in ("tr", "en")}
    on_world = {lang: fertility(bpe, world_test[lang]) for lang in ("tr", "en")}
    print(f"{name:<28} {bpe.vocab_size:>5}  {flores_fertility[name]['tr']:>9.2f} {flores_fertility[name]['en']:>9.2f}"
          f"  {on_world['tr']:>9.2f} {on_world['en']:>9.2f}")
tr_only, en_only, both_flores, world_bpe = flores_fertility.values()
assert both_flores["tr"] > both_flores["en"], pick(en="TR fertility > EN on real sentences",
                                                   tr="gerçek cümlelerde de TR doğurganlığı > EN")
for lang, own, other in (("tr", tr_only, en_only), ("en", en_only, tr_only)):
    column = [row[lang] for row in flores_fertility.values()]
    assert own[lang] == min(column) and other[lang] == max(column), \
        pick(en="the premium follows the training text", tr="fazladan token, eğitim metnine bağlıdır")
assert world_bpe["tr"] > both_flores["tr"], pick(en="the world's BPE does not carry over to real Turkish",
                                                 tr="dünyanın BPE'si gerçek Türkçeye aktarılamaz")

# %% [markdown] lang=en
# Read the table by columns. On the real sentences, Turkish costs more tokens per word than English
# under the tokenizer trained on both. In each FLORES column, the tokenizer trained on that language
# alone gives the fewest tokens per word and the one trained on the other language alone the most:
# the premium follows the training text, as it did on the world. The world's
# BPE is the lesson of the caveat above: it was trained on a thousand distinct words, so on real
# Turkish it falls back to short pieces and its fertility jumps. A hundred and fifty sentences are little
# text for a tokenizer; real tokenizers train on gigabytes, which is what the optional cell below measures.
# %% [markdown] lang=tr
# Tabloyu sütun sütun okuyun. Gerçek cümlelerde, iki dille eğitilmiş tokenizer'da Türkçe sözcük başına
# İngilizceden daha çok token tutuyor. Her FLORES sütununda sözcük başına en az token'ı, yalnızca o dille
# eğitilmiş tokenizer; en çok token'ı ise yalnızca öteki dille eğitilmiş tokenizer veriyor: "dünya"
# derleminde olduğu gibi, fazladan token eğitim metnine bağlıdır. "Dünya" derleminin
# BPE'si yukarıdaki uyarının kanıtıdır: yaklaşık bin farklı sözcükle eğitildiği için gerçek Türkçede kısa
# parçalara geri düşer ve doğurganlığı sıçrar. Yüz elli cümle bir tokenizer için az metindir; gerçek
# tokenizer'lar gigabaytlarca metinle eğitilir. Aşağıdaki isteğe bağlı hücre bunları ölçer.

# %% [markdown] lang=en
# **Optional: real tokenizers from the Hugging Face Hub.** Where a network exists (the gpu profile, or
# Colab), this cell downloads only the tokenizer files of GPT-2 (trained on English web pages), BERTurk
# (trained on Turkish), a Turkish GPT-2 and Llama 3 (a 128,256-token vocabulary covering many
# languages), and measures them on the same held-out FLORES sentences. Offline it says so and skips.
# %% [markdown] lang=tr
# **İsteğe bağlı: Hugging Face Hub'dan gerçek tokenizer'lar.** Ağ erişimi olan bir ortamda (gpu profili
# ya da Colab) bu hücre yalnızca şu tokenizer'ların dosyalarını indirir: GPT-2 (İngilizce web sayfalarıyla
# eğitilmiş), BERTurk (Türkçeyle eğitilmiş), bir Türkçe GPT-2 ve Llama 3 (birçok dili kapsayan
# 128.256 token'lık bir sözcük dağarcığı). Sonra onları aynı ayrılmış FLORES cümlelerinde ölçer. Ağ
# yoksa bunu söyler ve hücreyi atlar.

# %%
# NBVAL_IGNORE_OUTPUT
if SIZES.hub_tokenizers or "google.colab" in sys.modules:
    for result in hub_fertility(flores_test):
        print(f"{result.label:<14} TR {result.fertility['tr']:.2f}  EN {result.fertility['en']:.2f}"
              f"  {pick(en='tokens TR/EN', tr='token TR/EN')} {result.tokens['tr'] / result.tokens['en']:.2f}")
else:
    print(pick(en="Skipped: this profile stays offline. Run with COURSE_PROFILE=gpu (or on Colab) to compare "
                  "GPT-2, BERTurk, a Turkish GPT-2 and Llama 3 here.",
               tr="Atlandı: bu profil ağa çıkmaz. GPT-2, BERTurk, bir Türkçe GPT-2 ve Llama 3'ü burada "
                  "karşılaştırmak için COURSE_PROFILE=gpu ile (ya da Colab'de) çalıştırın."))

# %% [markdown] lang=en
# ## 4. Special tokens, characters, saving and Hugging Face
#
# **Special tokens** mark structure that is not text: the end of a document (`<|endoftext|>`,
# GPT-2's name), padding in a batch (`<|pad|>`). They get their own ids right after the 256 bytes,
# are matched whole before BPE runs, and no merge ever spans one.
# %% [markdown] lang=tr
# ## 4. Özel token'lar, karakterler, kaydetme ve Hugging Face
#
# **Özel token'lar** metin olmayan yapıları işaretler: bir belgenin sonu (`<|endoftext|>`,
# GPT-2'deki adıyla), bir yığındaki (batch) dolgu (`<|pad|>`). Kimlikleri 256 bayttan hemen
# sonra gelir, BPE çalışmadan önce bütün olarak tanınırlar ve hiçbir birleştirme bir özel token'ı
# kapsamaz.

# %%
SPECIALS = ["<|endoftext|>", "<|pad|>"]
tok = BPETokenizer.train(bilingual_text, SIZES.demo_vocab, special_tokens=SPECIALS)
print(tok.special_tokens)
text = SENTENCES["tr"] + "<|endoftext|>" + SENTENCES["en"]
ids = tok.encode(text)
print(token_pieces(tok, text))
assert tok.special_id("<|endoftext|>") in ids and tok.decode(ids) == text

# %% [markdown] lang=en
# The **character-level tokenizer** gives one id to each character of its training text. It is
# the simplest tokenizer there is; chapter 02 uses it on Tiny Shakespeare, whose alphabet is small.
# Unlike byte-level BPE it cannot write a character it never saw:
# %% [markdown] lang=tr
# **Karakter düzeyindeki tokenizer**, eğitim metnindeki her karaktere bir kimlik verir. Var olan en
# basit tokenizer'dır; 02. bölüm onu, alfabesi küçük olan Tiny Shakespeare üzerinde kullanır.
# Bayt düzeyindeki BPE'nin aksine, hiç görmediği bir karakteri yazamaz:

# %%
chars = CharTokenizer.train(world["en"])
print(chars, "|", chars.encode("At noon"))
try:
    chars.encode("Ayşe 🙂")
except CourseValueError as error:
    print("CharTokenizer:", error)
print("BPE:", token_pieces(tok, "Ayşe 🙂"))
# en: any text has bytes
# tr: her metnin baytları vardır
assert tok.decode(tok.encode("Ayşe 🙂")) == "Ayşe 🙂"

# %% [markdown] lang=en
# **Saving and loading** writes plain JSON (special tokens and the ordered merges; never a pickle,
# which could run code when loaded). **Hugging Face:** `to_hf_tokenizer` turns our tokenizer into
# a `transformers` fast tokenizer with exactly the same ids, so a model trained in this course can
# be used with the Hugging Face ecosystem.
# %% [markdown] lang=tr
# **Kaydetme ve yükleme** düz JSON yazar (özel token'lar ve sıralı birleştirmeler; yüklenirken kod
# çalıştırabilen pickle biçimi asla kullanılmaz). **Hugging Face:** `to_hf_tokenizer`, tokenizer'ımızı
# kimlikleri birebir aynı olan bir `transformers` hızlı tokenizer'ına dönüştürür; böylece bu kursta
# eğitilen bir model Hugging Face ekosistemiyle kullanılabilir.

# %%
with tempfile.TemporaryDirectory() as folder:
    path = tok.save(Path(folder) / "tokenizer.json")
    loaded = BPETokenizer.load(path)
hf = to_hf_tokenizer(tok)
for sample in [text, world_test["tr"][:500], world_test["en"][:500]]:
    assert loaded.encode(sample) == tok.encode(sample)
    assert hf(sample)["input_ids"] == tok.encode(sample)
print(pick(en="loaded and Hugging Face tokenizers give the same ids:", tr="yüklenen ve Hugging Face tokenizer'ları aynı kimlikleri veriyor:"),
      hf(SENTENCES[LANG])["input_ids"][:12], "…")

# %% [markdown] lang=en
# ## Summary
#
# * Models read token ids. Bytes (256 symbols) can write any text but make long sequences; BPE
#   merges frequent neighbours into tokens, trading a bigger vocabulary for shorter sequences.
# * In UTF-8 each of ç ğ ı ö ş ü (and Ç Ğ İ Ö Ş Ü) takes two bytes.
# * BPE training is two small functions in a loop: count neighbouring pairs, merge the most
#   frequent one. Yours learn the same merges as the library.
# * Turkish, being agglutinative, has a higher fertility (tokens per word) than English at every
#   vocabulary size we measured. Whether the same content costs more tokens depends on what the
#   tokenizer was trained on: under an English-trained tokenizer Turkish pays a clear premium —
#   less text in the context window, more compute, a higher price per word.
# * Special tokens mark structure; the character-level tokenizer is the simplest one; tokenizers are
#   saved as JSON and exported to Hugging Face with the same ids.
#
# **Next:** chapter 02 — build a GPT and pretrain it on these tokens.
# %% [markdown] lang=tr
# ## Özet
#
# * Modeller token kimliklerini okur. Baytlar (256 simge) her metni yazabilir ama uzun diziler
#   verir; BPE sık komşuları token'larda birleştirir, daha büyük bir sözcük dağarcığı karşılığında
#   daha kısa diziler elde eder.
# * UTF-8'de ç ğ ı ö ş ü (ve Ç Ğ İ Ö Ş Ü) harflerinin her biri iki bayt tutar.
# * BPE eğitimi, bir döngü içinde çalışan iki küçük fonksiyondan ibarettir: yan yana çiftler sayılır,
#   en sık olanı birleştirilir. Sizin fonksiyonlarınız kütüphaneyle aynı birleştirmeleri öğreniyor.
# * Sondan eklemeli bir dil olan Türkçenin doğurganlığı (sözcük başına token), ölçtüğümüz her sözcük
#   dağarcığı boyutunda İngilizceninkinden yüksek. Aynı içeriğin daha çok token tutup tutmadığı ise
#   tokenizer'ın neyle eğitildiğine bağlı: İngilizceyle eğitilmiş bir tokenizer'da Türkçe metin
#   belirgin biçimde daha çok token'a mal olur — bağlam penceresine daha az metin sığar, hesaplama
#   artar, sözcük başına ücret yükselir.
# * Özel token'lar yapıyı işaretler; karakter düzeyindeki tokenizer en basit olanıdır; tokenizer'lar
#   JSON olarak kaydedilir ve Hugging Face'e aynı kimliklerle aktarılır.
#
# **Sırada:** 02. bölüm — bir GPT kurup bu token'lar üzerinde ön eğitimini yapmak.

# %% [markdown] lang=en
# ## Further reading
#
# * R. Sennrich, B. Haddow and A. Birch, "Neural Machine Translation of Rare Words with Subword
#   Units", ACL 2016 (arXiv 1508.07909): BPE for subword vocabularies.
# * A. Karpathy, *minbpe* (github.com/karpathy/minbpe) and the lecture "Let's build the GPT
#   Tokenizer" (2024): byte-level BPE in a few hundred lines, the same two functions you wrote.
# * S. Raschka, *Build a Large Language Model (From Scratch)*, Manning 2024, chapter 2 "Working with
#   text data" (github.com/rasbt/LLMs-from-scratch, ch02).
# * Stanford CS336 "Language Modeling from Scratch", assignment 1: train a byte-level BPE tokenizer
#   and write its `encode` and `decode` (stanford-cs336.github.io/spring2025, assignment 1 "Basics").
# * A. Petrov, E. La Malfa, P. H. S. Torr and A. Bibi, "Language Model Tokenizers Introduce
#   Unfairness Between Languages", NeurIPS 2023 (arXiv 2305.15425).
# * C. Toraman, E. H. Yilmaz, F. Şahinuç and O. Ozcelik, "Impact of Tokenization on Language
#   Models: An Analysis for Turkish", *ACM TALLIP* 22(4), 2023 (arXiv 2204.08832).
# %% [markdown] lang=tr
# ## İleri okuma
#
# * R. Sennrich, B. Haddow ve A. Birch, "Neural Machine Translation of Rare Words with Subword
#   Units", ACL 2016 (arXiv 1508.07909): sözcük altı birimlerden oluşan dağarcıklar için BPE.
# * A. Karpathy, *minbpe* (github.com/karpathy/minbpe) ve "Let's build the GPT Tokenizer" dersi
#   (2024): birkaç yüz satırda bayt düzeyinde BPE; sizin yazdığınız iki fonksiyonun aynısı.
# * S. Raschka, *Build a Large Language Model (From Scratch)*, Manning 2024, 2. bölüm "Working with
#   text data" (github.com/rasbt/LLMs-from-scratch, ch02).
# * Stanford CS336 "Language Modeling from Scratch", 1. ödev: bayt düzeyinde bir BPE tokenizer'ı
#   eğitmek ve `encode` ile `decode` fonksiyonlarını yazmak (stanford-cs336.github.io/spring2025,
#   1. ödev "Basics").
# * A. Petrov, E. La Malfa, P. H. S. Torr ve A. Bibi, "Language Model Tokenizers Introduce
#   Unfairness Between Languages", NeurIPS 2023 (arXiv 2305.15425).
# * C. Toraman, E. H. Yilmaz, F. Şahinuç ve O. Ozcelik, "Impact of Tokenization on Language
#   Models: An Analysis for Turkish", *ACM TALLIP* 22(4), 2023 (arXiv 2204.08832).
