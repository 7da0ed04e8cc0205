"""hf_parameter_name / course_parameter_name: the renaming between the course GPT and HF GPT-2,
checked against the names Hugging Face's own GPT2LMHeadModel gives its parameters."""

from transformers import GPT2Config, GPT2LMHeadModel

from course_lib.model import GPT, GPTConfig, course_parameter_name, hf_parameter_name

TINY = dict(vocab_size=50, block_size=16, n_layer=2, n_head=2, n_embd=16)


def test_every_course_parameter_has_its_gpt2_name_and_back():
    ours = set(GPT(GPTConfig(**TINY)).state_dict())
    hf = GPT2LMHeadModel(GPT2Config(vocab_size=50, n_positions=16, n_layer=2, n_head=2, n_embd=16))
    theirs = {name for name in hf.state_dict() if not name.endswith(".attn.bias")}  # GPT-2's causal-mask buffers
    assert {hf_parameter_name(name) for name in ours} == theirs - {"lm_head.weight"}
    assert {course_parameter_name(name) for name in theirs} == ours


def test_names_of_blocks_and_modules():
    assert hf_parameter_name("blocks.3.attn.c_attn.weight") == "transformer.h.3.attn.c_attn.weight"
    assert hf_parameter_name("blocks.0.mlp.c_fc") == "transformer.h.0.mlp.c_fc"  # a module name too (LoRA)
    assert course_parameter_name("transformer.h.3.attn.c_attn.weight") == "blocks.3.attn.c_attn.weight"
    assert course_parameter_name("lm_head.weight") == "wte.weight"  # tied to the token embedding
