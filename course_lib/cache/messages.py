"""What the cache helpers say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "cache_bad_folder": {
            "en": "cache_dir={value!r} is not a folder. Pass None for the course's cache folder, False for "
            "no cache, or a folder path (a str or a pathlib.Path).",
            "tr": "cache_dir={value!r} bir klasör değil. Kursun önbellek klasörü için None, önbelleksiz "
            "çalışmak için False ya da bir klasör yolu (str veya pathlib.Path) verin.",
        },
    }
)
