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
    }
)
