from .instruct import (  # noqa: F401  (re-exported: course_lib.finetune is the public name)
    CHAT_TEMPLATE,
    InstructionBatches,
    InstructionScores,
    encode_pairs,
    evaluate_instructions,
    format_example,
    instruction_loss,
    instruction_pairs,
    respond,
    response_only_labels,
)
