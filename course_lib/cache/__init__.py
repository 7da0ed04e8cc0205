"""Where the course keeps finished work, and the one way to train a tiny model once, then load it.

    from course_lib.cache import cache_root, cache_folder, cache_file, run_key, load_or_train
    cache_root()                          # $COURSE_CACHE_DIR, else $XDG_CACHE_HOME/course_lib, else ~/.cache/course_lib
    folder = cache_folder("bias")         # cache_root()/bias, created; cache_folder("bias", False) is None
    path = cache_file("bias", f"{run_key({'sizes': ..., 'seed': 0})}.safetensors")  # None for no cache
    cached = load_or_train(path, model, lambda: train(model, ...))

Files: root.py (the folder rule), runs.py (a run's key and its safetensors file), messages.py.
A leaf: it imports nothing of the course but ``i18n`` (``runs`` reads and writes files with
``assets.files`` only when it is called).
"""

from .root import CACHE_DIR_ENV, cache_file, cache_folder, cache_root
from .runs import load_or_train, run_key

__all__ = ["CACHE_DIR_ENV", "cache_file", "cache_folder", "cache_root", "load_or_train", "run_key"]
