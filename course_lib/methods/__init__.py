"""Fine-tuning methods, one file each (chapters 04-09): LoRA, prompt tuning, distillation, ALUM,
instance reweighting ("IGBI") and guided attention ("GATE").

Every method is a ``course_lib.finetune.Method``: it plugs into the comparison harness and the
training loop's callbacks, never into a copy of the loop. Import from the submodules
(``from course_lib.methods.lora import LoRA``), so that loading one method never loads the others.
"""
