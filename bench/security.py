"""Chapter 14's tables at a profile's sizes (default cpu), with CPU and wall time per table.

    COURSE_PROFILE=cpu PYTHONPATH=. python bench/security.py

Prints the injection table (ASR per family and language, clean utility, per defence), the refusal
table (per language, before and after English-only and bilingual safety data) and the poisoning
table (backdoor ASR against the poison rate). Runs are cached: clear ~/.cache/course_lib/security
(or set COURSE_CACHE_DIR) for a cold timing.
"""

import time

import pandas as pd

from course_lib.profile import sizes
from course_lib.risks.experiment import injection_table, poisoning_table, refusal_table

if __name__ == "__main__":
    size = sizes("14_security")
    pd.set_option("display.width", 200)
    for name, build in (("injection", injection_table), ("refusal", refusal_table), ("poisoning", poisoning_table)):
        cpu, wall = time.process_time(), time.perf_counter()
        table = build(size, progress=False)
        print(f"\n## {name}  (cpu {time.process_time() - cpu:.1f} s, wall {time.perf_counter() - wall:.1f} s)")
        print(table.round(3).to_string())
