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
        "kernels_unsupported": {
            "en": "The Triton kernel {op} does not handle these arguments ({details}). See the limits in "
            "course_lib/kernels/{op}.py, or call the op through select(), which uses PyTorch for them.",
            "tr": "{op} Triton çekirdeği bu argümanlarla çalışmıyor ({details}). Sınırlar için "
            "course_lib/kernels/{op}.py dosyasına bakın ya da işlemi select() üzerinden çağırın; select() "
            "bu durumda PyTorch sürümünü kullanır.",
        },
    }
)
