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
        "kernels_teaching_no_triton": {
            "en": "Triton is not installed here, so the kernel cells are skipped (a Mac has no Triton; "
            "on Colab or a Linux machine with an NVIDIA GPU, `pip install triton` comes with torch).",
            "tr": "Bu makinede Triton kurulu değil; bu yüzden çekirdek (kernel) hücreleri atlanıyor "
            "(Mac'te Triton yoktur; Colab'de ya da NVIDIA GPU'lu bir Linux makinesinde torch ile "
            "birlikte gelir, yoksa `pip install triton`).",
        },
        "kernels_teaching_no_interpreter": {
            "en": "There is no CUDA GPU and TRITON_INTERPRET is not 1, so a Triton kernel cannot run "
            "(\"0 active drivers\"). Set os.environ[\"TRITON_INTERPRET\"] = \"1\" at the top of the "
            "notebook, restart the kernel and run the cells again: the variable must be set before any "
            "@triton.jit function is defined.",
            "tr": "CUDA GPU yok ve TRITON_INTERPRET 1 değil; bu yüzden Triton çekirdeği çalışamaz "
            "(\"0 active drivers\"). Defterin en başında os.environ[\"TRITON_INTERPRET\"] = \"1\" "
            "yazın, Jupyter çekirdeğini yeniden başlatın ve hücreleri yeniden çalıştırın: bu değişken, "
            "herhangi bir @triton.jit fonksiyonu tanımlanmadan önce ayarlanmalıdır.",
        },
    }
)
