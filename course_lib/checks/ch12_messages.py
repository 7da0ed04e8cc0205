"""What chapter 12's checks say, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_c12_not_number": {
            "en": "returned a {kind}: expected a number",
            "tr": "dönen değer bir {kind}: bir sayı bekleniyordu",
        },
        "check_c12_flops_all_backward": {
            "en": "got {got:,}, expected {expected:,}: you counted a backward pass through the frozen layers "
                  "too (6·N·D); a frozen layer computes no gradients",
            "tr": "gelen {got:,}, beklenen {expected:,}: dondurulmuş katmanlar için de geri yayılım saydınız "
                  "(6·N·D); dondurulmuş bir katman gradyan hesaplamaz",
        },
        "check_c12_flops_no_forward": {
            "en": "got {got:,}, expected {expected:,}: the forward pass still runs through the frozen layers "
                  "(2·N·D over every layer)",
            "tr": "gelen {got:,}, beklenen {expected:,}: ileri geçiş dondurulmuş katmanlardan da geçer "
                  "(bütün katmanlar için 2·N·D)",
        },
        "check_c12_flops_top_frozen": {
            "en": "got {got:,}, expected {expected:,}: you froze the top layers; the frozen ones are the "
                  "first n_frozen of the list (the bottom)",
            "tr": "gelen {got:,}, beklenen {expected:,}: üstteki katmanları dondurdunuz; dondurulanlar "
                  "listenin ilk n_frozen elemanıdır (alttakiler)",
        },
        "check_c12_flops_no_activation_grads": {
            "en": "got {got:,}, expected {expected:,}: the backward pass has two products per trainable "
                  "layer, the weights' gradient and the activations' gradient (4·N_trainable·D)",
            "tr": "gelen {got:,}, beklenen {expected:,}: geri yayılımda eğitilen her katman için iki çarpım "
                  "vardır, ağırlıkların gradyanı ve aktivasyonların gradyanı (4·N_eğitilen·D)",
        },
        "check_c12_grams_no_pue": {
            "en": "got {got:.6g} g, expected {expected:.6g} g: the PUE is missing (multiply the energy by it)",
            "tr": "gelen {got:.6g} g, beklenen {expected:.6g} g: PUE eksik (enerjiyi onunla çarpın)",
        },
        "check_c12_grams_pue_divided": {
            "en": "got {got:.6g} g, expected {expected:.6g} g: the PUE multiplies the energy; you divided by it",
            "tr": "gelen {got:.6g} g, beklenen {expected:.6g} g: PUE enerjiyi çarpar; siz ona böldünüz",
        },
        "check_c12_grams_units": {
            "en": "got {got:.6g} g, expected {expected:.6g} g ({factor:g} times off): check the units: "
                  "1 kWh = 1000 W × 3600 s = 3.6e6 J, and the answer is in grams",
            "tr": "gelen {got:.6g} g, beklenen {expected:.6g} g ({factor:g} kat fark): birimlere bakın: "
                  "1 kWh = 1000 W × 3600 s = 3,6e6 J ve sonuç gram cinsinden",
        },
        "check_c12_wrong": {
            "en": "got {got}, expected {expected}",
            "tr": "gelen {got}, beklenen {expected}",
        },
    }
)
