"""What the kernels package says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "kernels_bad_mode": {
            "en": "kernels={value!r} is not a kernel mode. Use one of: 'auto', 'triton', 'torch'.",
            "tr": "kernels={value!r} geçerli bir çekirdek (kernel) kipi değil. Şunlardan birini kullanın: "
            "'auto', 'triton', 'torch'.",
        },
        "kernels_fallback": {
            "en": "The Triton kernel for {op} could not run here ({error}); using the plain PyTorch "
            "version from now on. Results stay correct, only slower.",
            "tr": "{op} için Triton çekirdeği burada çalışamadı ({error}); bundan sonra düz PyTorch sürümü "
            "kullanılacak. Sonuçlar yine doğru olur, yalnızca daha yavaş çalışır.",
        },
        "kernels_bad_input": {
            "en": "{op}: {argument} has {got}, but the kernel needs {needed}.",
            "tr": "{op}: {argument} için gelen {got}, ama çekirdeğin beklediği {needed}.",
        },
    }
)
