"""What chapter 11's checks say, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_bias_not_number": {
            "en": "returned {kind}: expected one number (a float)",
            "tr": "dönen değer {kind}: tek bir sayı (float) bekleniyordu",
        },
        "check_bias_no_flip": {
            "en": "expected {expected}, got {got}: for a job stereotyped male, P(stereotyped) is 1 − P(she), "
                  "not P(she)",
            "tr": "beklenen {expected}, gelen {got}: kalıp yargıda erkeğe bağlanan bir meslekte P(kalıp yargı) "
                  "P(she) değil, 1 − P(she) olur",
        },
        "check_bias_no_p": {
            "en": "expected {expected}, got {got}: amplification is the model's rate minus the corpus rate p",
            "tr": "beklenen {expected}, gelen {got}: büyütme, modelin oranından derlemin oranı p çıkarılarak bulunur",
        },
        "check_bias_absolute": {
            "en": "expected {expected}, got {got}: keep the sign of P − p (negative means the model weakens "
                  "the association); do not take absolute values",
            "tr": "beklenen {expected}, gelen {got}: P − p farkının işaretini koruyun (negatif, modelin ilişkiyi "
                  "zayıflattığı anlamına gelir); mutlak değer almayın",
        },
        "check_bias_greedy": {
            "en": "expected {expected}, got {got}: use the probabilities themselves, not whether each is above 0.5",
            "tr": "beklenen {expected}, gelen {got}: olasılıkların kendisini kullanın, 0,5'in üstünde olup "
                  "olmadıklarını değil",
        },
        "check_pairs_percent": {
            "en": "expected {expected}, got {got}: return a share between 0 and 1, not a percentage",
            "tr": "beklenen {expected}, gelen {got}: yüzde değil, 0 ile 1 arasında bir oran döndürün",
        },
        "check_pairs_ties": {
            "en": "expected {expected}, got {got}: a tie counts for neither side; use >, not >=",
            "tr": "beklenen {expected}, gelen {got}: eşitlik iki tarafa da sayılmaz; >= değil, > kullanın",
        },
        "check_pairs_reversed": {
            "en": "expected {expected}, got {got}: count the pairs where the stereotypical sentence is the "
                  "more likely one, not the other way round",
            "tr": "beklenen {expected}, gelen {got}: kalıp yargılı cümlenin daha olası olduğu çiftleri sayın, "
                  "tersini değil",
        },
        "check_pairs_count": {
            "en": "expected {expected}, got {got}: divide the count by the number of pairs",
            "tr": "beklenen {expected}, gelen {got}: sayıyı çift sayısına bölün",
        },
    }
)
