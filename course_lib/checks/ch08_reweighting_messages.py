"""What chapter 08's check says, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_rw_not_tensor": {
            "en": "returned {kind}: expected a tensor of {n} weights, one per training example",
            "tr": "dönen değer {kind}: her eğitim örneği için bir tane olmak üzere {n} ağırlıklı bir tensör bekleniyordu",
        },
        "check_rw_negative": {
            "en": "some weights are negative ({got}): clip with max(-g, 0) before normalising",
            "tr": "bazı ağırlıklar negatif ({got}): normalleştirmeden önce max(-g, 0) ile kırpın",
        },
        "check_rw_not_normalised": {
            "en": "the weights sum to {total:.4f}: divide by their sum so that they add up to 1",
            "tr": "ağırlıkların toplamı {total:.4f}: toplamları 1 olsun diye ağırlıkları toplamlarına bölün",
        },
        "check_rw_not_zero": {
            "en": "every example here raises the clean loss (all g_i > 0): every weight must be 0, got {got}",
            "tr": "buradaki her örnek temiz kaybı artırıyor (bütün g_i > 0): her ağırlık 0 olmalı, gelen {got}",
        },
        "check_rw_wrong_values": {
            "en": "the weights differ from the finite-difference reference\n   expected: {expected}\n   got:      {got}",
            "tr": "ağırlıklar sonlu fark referansından farklı\n   beklenen: {expected}\n   gelen:    {got}",
        },
    }
)
