"""What the reweighting method (chapter 08) says when it is misused, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "reweight_no_tokenizer": {
            "en": "Reweight needs the tokenizer to encode its clean set: the model's vocabulary ({vocab}) is not "
                  "the shipped base model's. Pass it: Reweight(tokenizer=base.tokenizer).",
            "tr": "Reweight, temiz kümesini kodlamak için tokenizer'a gerek duyar: modelin sözlüğü ({vocab}) "
                  "kursla gelen temel modelinki değil. Onu verin: Reweight(tokenizer=base.tokenizer).",
        },
        "reweight_bad_clean": {
            "en": "the clean set has {n} examples: Learning to Reweight needs at least {least} examples with "
                  "trusted labels (the paper uses a small clean validation set, here 50-100).",
            "tr": "temiz kümede {n} örnek var: Learning to Reweight en az {least} güvenilir etiketli örnek "
                  "ister (makale küçük, temiz bir doğrulama kümesi kullanır; burada 50-100).",
        },
        "reweight_bad_number": {
            "en": "{name}={value!r} is not valid: {rule}.",
            "tr": "{name}={value!r} geçerli değil: {rule_tr}.",
        },
    }
)

CLAIMS = register(
    {
        "rw_claim_beats": {
            "en": "under {noise_pct:.0f} % flipped labels, reweighting beats plain training "
                  "(measured accuracy: reweight {reweight}, plain {plain}; clean oracle {oracle})",
            "tr": "etiketlerin %{noise_pct:.0f}'i değiştirilmişken yeniden ağırlıklandırma düz eğitimi geçer "
                  "(ölçülen doğruluk: yeniden ağırlıklandırma {reweight}, düz {plain}; temiz kâhin {oracle})",
        },
        "rw_claim_separates": {
            "en": "the learned weights separate clean from flipped examples better than chance "
                  "(measured AUROC {auroc}; 0.5 is chance)",
            "tr": "öğrenilen ağırlıklar temiz örnekleri değiştirilmiş olanlardan rastgeleden iyi ayırır "
                  "(ölçülen AUROC {auroc}; 0,5 rastgele tahmindir)",
        },
        "rw_claim_cost": {
            "en": "a reweighted step costs roughly 3x a plain one, between 2x and 4x (measured {ratio:.1f}x)",
            "tr": "yeniden ağırlıklandırılmış bir adım, düz bir adımın kabaca 3 katına mal olur; 2 ile 4 kat "
                  "arasında (ölçülen {ratio:.1f} kat)",
        },
        "rw_gap_share": {
            "en": "share of the plain-to-oracle gap that reweighting closes: {share_pct:.0f} %",
            "tr": "yeniden ağırlıklandırmanın düz eğitimle kâhin arasındaki farktan kapattığı pay: %{share_pct:.0f}",
        },
        "rw_gap_none": {
            "en": "the clean oracle is not above plain training here: there is no gap to close",
            "tr": "burada temiz kâhin düz eğitimin üstünde değil: kapatılacak bir fark yok",
        },
    }
)
