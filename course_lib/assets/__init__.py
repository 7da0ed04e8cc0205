"""Files shipped with the package, and the code that builds and loads them.

    from course_lib.assets import load_base_model, save_learner_base
    model, tokenizer = load_base_model()         # the shipped real-text model (Wikipedia + Tatoeba + world)
    load_base_model("world")                     # the shipped world-only model
    load_base_model("mine")                      # your own model from chapter 02, if you saved it
    model, tokenizer = load_chat_model()         # the real-text model instruction-tuned (chapter 03)

Files: models/<name>/ (the shipped models' files), recipe.py (how they are made), corpus_mix.py
(the real-text pretraining data), build_base.py (makes them: ``python -m course_lib.assets.build_base``),
files.py (their files and checksums), attribution.py (licence and credits), held_out.py (bits per
byte), topic_probe.py (linear probes on their features), loading.py (load_base_model,
save_learner_base), hub.py (models from the Hugging Face Hub), messages.py; the chat model's
chat_recipe.py, build_chat.py (``python -m course_lib.assets.build_chat``), chat_loading.py and
chat_messages.py.
"""

from .chat_loading import load_chat_model
from .loading import BaseModel, learner_base_dir, load_base_model, load_shipped_base, save_learner_base

__all__ = [
    "BaseModel", "learner_base_dir", "load_base_model", "load_chat_model", "load_shipped_base", "save_learner_base",
]
