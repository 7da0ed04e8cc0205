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
