"""What an exercise check says, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_passed": {
            "en": "{name}: all {total} cases passed. Well done!",
            "tr": "{name}: {total} durumun hepsi geçti. Tebrikler!",
        },
        "check_failed": {
            "en": "{name}: case {number} of {total} did not pass.",
            "tr": "{name}: {total} durumdan {number}. durum geçmedi.",
        },
        "check_not_implemented": {
            "en": "Not implemented yet: replace `raise NotImplementedError` with your code.",
            "tr": "Henüz yazılmadı: `raise NotImplementedError` satırının yerine kendi kodunuzu yazın.",
        },
        "check_raised": {
            "en": "Your function raised {error} (line {line}).",
            "tr": "Fonksiyonunuz bir hata verdi: {error} (satır {line}).",
        },
        "check_expected_got": {
            "en": "expected: {expected}\n   got:      {got}",
            "tr": "beklenen: {expected}\n   gelen:    {got}",
        },
        "check_bad_token": {
            "en": "returned {token}: expected an int in [0, {size})",
            "tr": "dönen değer {token}: [0, {size}) aralığında bir tam sayı (int) bekleniyordu",
        },
        "check_frequencies_far": {
            "en": "frequencies over {draws} draws {seen} are too far from {probs} (distance {distance:.3f} > {limit})",
            "tr": "{draws} çekilişteki sıklıklar {seen}, {probs} dağılımından çok uzak (uzaklık {distance:.3f} > {limit})",
        },
        "check_generator_unused": {
            "en": "two generators with the same seed gave different tokens: draw with `generator=generator`",
            "tr": "aynı tohumlu iki generator farklı token'lar verdi: çekilişi `generator=generator` ile yapın",
        },
        "check_not_random": {
            "en": "{draws} draws all gave the same token: the draw is not random",
            "tr": "{draws} çekilişin hepsi aynı token'ı verdi: çekiliş rastgele değil",
        },
        "check_skipped": {
            "en": "{name}: skipped, this machine cannot run it. {reason}",
            "tr": "{name}: atlandı, bu makinede çalıştırılamıyor. {reason}",
        },
        "check_cannot_run": {
            "en": "This check cannot run here: {reason}",
            "tr": "Bu denetim burada çalışamıyor: {reason}",
        },
        "check_kernel_wrote_outside": {
            "en": "the kernel wrote outside the row's {cols} columns (into the padding after it, or into "
            "another row's place): store to `Y + row * stride_y + cols` with `mask=mask`",
            "tr": "çekirdek, satırın {cols} sütununun dışına yazdı (arkasındaki dolguya ya da başka bir "
            "satırın yerine): `Y + row * stride_y + cols` adresine `mask=mask` ile kaydedin",
        },
        "check_softmax_not_finite": {
            "en": "the result has NaN or inf: exp overflowed (exp(1000) is inf in fp32). Subtract the "
            "row maximum before exp.",
            "tr": "sonuçta NaN ya da inf var: exp taştı (fp32'de exp(1000) sonsuzdur). exp'ten önce "
            "satırın en büyük değerini çıkarın.",
        },
        "check_softmax_rows_not_one": {
            "en": "the rows do not sum to 1 (sums: {sums}). Divide by the row sum, and keep the padding "
            "columns out of it: load them with `other=-float(\"inf\")`, so that exp gives 0 there.",
            "tr": "satırların toplamı 1 değil (toplamlar: {sums}). Satır toplamına bölün ve dolgu "
            "sütunlarını bu toplamın dışında tutun: onları `other=-float(\"inf\")` ile yükleyin ki "
            "exp orada 0 versin.",
        },
    }
)

# ---------------------------------------------------------------- chapter 03: fine-tuning
register(
    {
        "check_ft_not_int": {
            "en": "returned {kind}: expected the number of trainable parameters (scalars) as an int",
            "tr": "dönen değer {kind}: eğitilebilir parametre (skaler) sayısının int olarak dönmesi bekleniyordu",
        },
        "check_ft_head_frozen": {
            "en": "the head is frozen: the new head must always train (it starts random)",
            "tr": "sınıflandırma kafası dondurulmuş: yeni kafa her zaman eğitilmeli (rastgele başlar)",
        },
        "check_ft_embeddings_train": {
            "en": "the embeddings still train: everything except the top k blocks and the head must be frozen",
            "tr": "gömmeler hâlâ eğitiliyor: en üstteki k blok ve kafa dışında her şey dondurulmalı",
        },
        "check_ft_wrong_blocks": {
            "en": "with k = {k}, blocks {got} train; expected blocks {expected}: the top k blocks are the "
                  "last ones in the list, nearest the output",
            "tr": "k = {k} iken {got} numaralı bloklar eğitiliyor; beklenen {expected}: en üstteki k blok, "
                  "listedeki son bloklardır, yani çıktıya en yakın olanlar",
        },
        "check_ft_other_trains": {
            "en": "these parameters still train but should be frozen: {names}",
            "tr": "şu parametreler hâlâ eğitiliyor ama dondurulmalıydı: {names}",
        },
        "check_ft_wrong_count": {
            "en": "returned {got}: expected {expected}, the number of trainable scalars "
                  "(sum of p.numel() over the parameters with requires_grad)",
            "tr": "dönen değer {got}: beklenen {expected}, yani eğitilebilir skalerlerin sayısı "
                  "(requires_grad olan parametrelerin p.numel() toplamı)",
        },
        "check_ft_not_number": {
            "en": "returned {kind}: expected the learning rate as a float",
            "tr": "dönen değer {kind}: öğrenme oranının float olarak dönmesi bekleniyordu",
        },
        "check_ft_peak": {
            "en": "the learning rate peaks at step {got}; expected step {expected} = floor(cut_frac · total_steps)",
            "tr": "öğrenme oranı {got}. adımda en yüksek değerine çıkıyor; beklenen adım {expected} = "
                  "floor(cut_frac · total_steps)",
        },
        "check_ft_peak_value": {
            "en": "the highest learning rate is {got:.6g}; expected max_lr = {expected:.6g}",
            "tr": "en yüksek öğrenme oranı {got:.6g}; beklenen max_lr = {expected:.6g}",
        },
        "check_ft_floor": {
            "en": "at step {step} the learning rate is {got:.6g}; expected the lowest value, "
                  "max_lr / ratio = {expected:.6g}",
            "tr": "{step}. adımda öğrenme oranı {got:.6g}; beklenen en düşük değer max_lr / ratio = {expected:.6g}",
        },
        "check_ft_lr_at": {
            "en": "at step {step} the learning rate is {got:.6g}; expected {expected:.6g}",
            "tr": "{step}. adımda öğrenme oranı {got:.6g}; beklenen {expected:.6g}",
        },
        "check_ft_not_groups": {
            "en": "returned {kind}: expected a list of dicts, each with 'params' and 'lr'",
            "tr": "dönen değer {kind}: her biri 'params' ve 'lr' içeren sözlüklerden (dict) oluşan bir liste bekleniyordu",
        },
        "check_ft_missing_param": {
            "en": "{name} is in no group: the optimizer would never update it",
            "tr": "{name} hiçbir grupta yok: optimizer onu hiç güncellemez",
        },
        "check_ft_duplicate_param": {
            "en": "{name} is in more than one group: PyTorch refuses that",
            "tr": "{name} birden fazla grupta: PyTorch buna izin vermez",
        },
        "check_ft_head_rate": {
            "en": "the head learns at {got:.6g}; expected the full rate lr = {expected:.6g} "
                  "(it is new, so it has the most to learn)",
            "tr": "kafa {got:.6g} oranıyla öğreniyor; beklenen tam oran lr = {expected:.6g} "
                  "(yeni olduğu için öğrenecek en çok şeyi o var)",
        },
        "check_ft_rates_reversed": {
            "en": "the rates go the wrong way: the top block learns at {top:.6g} and the bottom block at "
                  "{bottom:.6g}; the top block gets lr and each block below it lr divided by factor once more",
            "tr": "oranlar ters yönde: en üst blok {top:.6g}, en alttaki blok {bottom:.6g} oranıyla öğreniyor; "
                  "en üst blok lr almalı, altındaki her blok lr'nin factor'e bir kez daha bölünmüşünü",
        },
        "check_ft_group_rate": {
            "en": "{name} learns at {got:.6g}; expected {expected:.6g} = lr / factor^{depth}",
            "tr": "{name} {got:.6g} oranıyla öğreniyor; beklenen {expected:.6g} = lr / factor^{depth}",
        },
        "check_ft_lr_scale": {
            "en": "a group has lr_scale {got:.6g} but lr / top lr = {expected:.6g}: the course's training "
                  "loop multiplies the scheduled lr by lr_scale",
            "tr": "bir grubun lr_scale değeri {got:.6g}, oysa lr / en üst lr = {expected:.6g}: kursun eğitim "
                  "döngüsü zamanlanmış öğrenme oranını lr_scale ile çarpar",
        },
        "check_ft_labels_type": {
            "en": "returned {kind}: expected a tensor of token ids with the shape of input_ids {shape}",
            "tr": "dönen değer {kind}: input_ids ile aynı şekilde ({shape}) bir token id tensörü bekleniyordu",
        },
        "check_ft_input_changed": {
            "en": "your function changed input_ids: build the labels on a copy (`input_ids.clone()`)",
            "tr": "fonksiyonunuz input_ids'i değiştirdi: etiketleri bir kopya üzerinde kurun (`input_ids.clone()`)",
        },
        "check_ft_mask_reversed": {
            "en": "the prompt is kept and the response masked: it is the other way round, the loss "
                  "counts only the response",
            "tr": "prompt korunmuş, yanıt maskelenmiş: tam tersi olmalı, kayıp yalnızca yanıtı sayar",
        },
        "check_ft_first_response_masked": {
            "en": "row {row}: position {pos}, the first response token, is masked; the model must learn "
                  "to write it too (mask positions < prompt_length only)",
            "tr": "{row}. satır: {pos}. konum, yanıtın ilk token'ı, maskelenmiş; modelin onu da yazmayı "
                  "öğrenmesi gerekir (yalnızca < prompt_length konumlarını maskeleyin)",
        },
        "check_ft_prompt_kept": {
            "en": "row {row}: position {pos} belongs to the prompt but keeps its label; every prompt token "
                  "must be ignore_index",
            "tr": "{row}. satır: {pos}. konum prompt'a ait ama etiketini koruyor; prompt'un her token'ı "
                  "ignore_index olmalı",
        },
        "check_ft_pad_kept": {
            "en": "row {row}: position {pos} is padding (at or after `lengths`) but keeps a label: "
                  "padding must be ignore_index too",
            "tr": "{row}. satır: {pos}. konum dolgu (`lengths` değerinde ya da sonrasında) ama etiketini "
                  "koruyor: dolgu da ignore_index olmalı",
        },
        "check_ft_real_token_masked": {
            "en": "row {row}: position {pos} is a real response token (id {token}, the same value as the "
                  "padding) but was masked: find padding by position (`lengths`), not by its id",
            "tr": "{row}. satır: {pos}. konum gerçek bir yanıt token'ı (token kimliği {token}, dolgununkiyle "
                  "aynı) ama maskelenmiş: dolguyu token kimliğinden değil, konumundan (`lengths`) bulun",
        },
    }
)
