"""Every chapter's sizes under each profile, in one table a teacher can read and tune.

Each entry maps a profile to a dict; the three dicts of a chapter must have the same keys
(tests/test_profile.py checks this). ``smoke`` keeps a notebook to seconds on a 2-core
CPU, ``cpu`` to a few minutes, ``gpu`` gives real results on a Colab T4 or better.
"""

CHAPTER_SIZES: dict[str, dict[str, dict]] = {
    "00_introduction": {
        "smoke": {"samples": 200, "generate_tokens": 40},
        "cpu": {"samples": 5_000, "generate_tokens": 200},
        "gpu": {"samples": 5_000, "generate_tokens": 200},
    },
}
