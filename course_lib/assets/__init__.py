"""Files shipped with the package, and the code that builds and loads them.

    from course_lib.assets import load_base_model, save_learner_base
    model, tokenizer = load_base_model()         # the learner's own (chapter 02) if saved, else the shipped one
    model, tokenizer = load_chat_model()         # the base model instruction-tuned (chapter 03)

Files: recipe.py (how the base model is made), build_base.py (makes it:
``python -m course_lib.assets.build_base``), files.py (its three files and their checksums),
loading.py (load_base_model, save_learner_base), messages.py; the chat model's chat_recipe.py,
build_chat.py (``python -m course_lib.assets.build_chat``), chat_loading.py and chat_messages.py.
"""

from .chat_loading import load_chat_model
from .loading import BaseModel, learner_base_dir, load_base_model, load_shipped_base, save_learner_base

__all__ = [
    "BaseModel", "learner_base_dir", "load_base_model", "load_chat_model", "load_shipped_base", "save_learner_base",
]
