"""What chapter 10's computed guidance says, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "guide_best": {
            "en": "Highest {metric}: {best} ({score}); within the noise of it: {tied}.",
            "tr": "En yüksek {metric}: {best} ({score}); gürültü payı içinde ona eşit olanlar: {tied}.",
        },
        "guide_cheapest_tied": {
            "en": "For the best quality at the lowest cost, use {name}: {score}, {cost} ({times:.1f}× less than {best}).",
            "tr": "En iyi kaliteyi en düşük maliyetle almak için {name} kullanın: {score}, {cost} "
                  "({best} yönteminden {times:.1f} kat az).",
        },
        "guide_cheapest": {
            "en": "When cost matters most, {name} is the cheapest ({cost}) and scores {score}, "
                  "{gap:.3f} below the best.",
            "tr": "Maliyet en önemliyse en ucuzu {name} ({cost}); puanı {score}, en iyinin {gap:.3f} altında.",
        },
        "guide_ood": {
            "en": "For the other language (cross-lingual), {name} transfers best: {score}; within the noise "
                  "of it: {tied}.",
            "tr": "Öteki dil için (diller arası) en iyi aktaran {name}: {score}; gürültü payı içinde ona eşit "
                  "olanlar: {tied}.",
        },
        "guide_robust": {
            "en": "On text typed without Turkish letters, {name} holds best: {score} (clean {clean}); within "
                  "the noise of it: {tied}.",
            "tr": "Türkçe harfleri olmadan yazılmış metinde en iyi dayanan {name}: {score} (temiz metinde "
                  "{clean}); gürültü payı içinde ona eşit olanlar: {tied}.",
        },
        "guide_forgetting": {
            "en": "To keep what pretraining taught, {name} forgets least ({forgetting}) and scores {score}.",
            "tr": "Ön eğitimde öğrenileni korumak için en az unutan {name} ({forgetting}); puanı {score}.",
        },
        "guide_storage": {
            "en": "To store one small part per task, {name} trains the fewest parameters among the best "
                  "({percent:.2f} %).",
            "tr": "Görev başına küçük bir parça saklamak için en iyiler arasında en az parametre eğiten "
                  "{name} (%{percent:.2f}).",
        },
        "guide_front": {
            "en": "On the Pareto front (quality against {cost}): {names}. Every other method is beaten by "
                  "one of these on both.",
            "tr": "Pareto sınırında (kaliteye karşı {cost}): {names}. Öteki her yöntemi bunlardan biri "
                  "ikisinde birden geçer.",
        },
    }
)
