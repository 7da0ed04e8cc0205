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
            "en": "frequencies over {draws} draws {seen} are too far from {probs} (distance {distance:.3f} > 0.05)",
            "tr": "{draws} çekilişteki sıklıklar {seen}, {probs} dağılımından çok uzak (uzaklık {distance:.3f} > 0.05)",
        },
        "check_generator_unused": {
            "en": "two generators with the same seed gave different tokens: draw with `generator=generator`",
            "tr": "aynı tohumlu iki generator farklı token'lar verdi: çekilişi `generator=generator` ile yapın",
        },
        "check_not_random": {
            "en": "{draws} draws all gave the same token: the draw is not random",
            "tr": "{draws} çekilişin hepsi aynı token'ı verdi: çekiliş rastgele değil",
        },
    }
)
