"""What the carbon meter says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "carbon_no_codecarbon": {
            "en": "codecarbon is not installed, so nothing is measured: only the FLOPs estimate is "
                  "available. Install it with `pip install codecarbon` to measure.",
            "tr": "codecarbon kurulu değil, bu yüzden hiçbir şey ölçülmüyor: yalnızca FLOP tahmini var. "
                  "Ölçmek için `pip install codecarbon` ile kurun.",
        },
        "carbon_bad_number": {
            "en": "{name}={value!r} is not valid: it must be a finite number {rule}.",
            "tr": "{name}={value!r} geçerli değil: {rule_tr} sonlu bir sayı olmalı.",
        },
        "carbon_unknown_grid": {
            "en": "grid={value!r} is not in the table: use one of {known}, or pass gCO2e/kWh as a number.",
            "tr": "grid={value!r} tabloda yok: {known} kodlarından birini kullanın ya da gCO2e/kWh değerini "
                  "sayı olarak verin.",
        },
        "carbon_meter_not_run": {
            "en": "This EnergyMeter has not measured anything yet: use it as `with EnergyMeter() as meter:` "
                  "around the work to measure.",
            "tr": "Bu EnergyMeter henüz bir şey ölçmedi: ölçülecek işin çevresinde "
                  "`with EnergyMeter() as meter:` biçiminde kullanın.",
        },
        "carbon_trainable_too_big": {
            "en": "{name}={value:,} is larger than n_params={total:,}: a part cannot exceed the whole model.",
            "tr": "{name}={value:,}, n_params={total:,} değerinden büyük: bir parça modelin tamamını aşamaz.",
        },
    }
)
