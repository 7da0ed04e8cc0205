"""What the kernels package says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "kernels_unsupported": {
            "en": "The Triton kernel {op} does not handle these arguments ({details}). See the limits in "
            "course_lib/kernels/{op}.py, or use the plain PyTorch version of the op for them.",
            "tr": "{op} Triton çekirdeği bu argümanlarla çalışmıyor ({details}). Sınırlar için "
            "course_lib/kernels/{op}.py dosyasına bakın ya da bu argümanlar için işlemin düz PyTorch "
            "sürümünü kullanın.",
        },
        "kernels_not_applied": {
            "en": "course_lib.kernels.apply kept the plain PyTorch version of: {ops}. {reason} The model "
            "computes the same, only without these fused kernels.",
            "tr": "course_lib.kernels.apply şu işlemlerin düz PyTorch sürümünü korudu: {ops}. {reason} "
            "Model aynı sonucu hesaplar; yalnızca bu birleştirilmiş çekirdekler olmadan.",
        },
        "kernels_reason_no_triton": {
            "en": "Triton is not installed here (it needs Linux; on Colab it comes with torch).",
            "tr": "Bu makinede Triton kurulu değil (Triton Linux ister; Colab'de torch ile birlikte gelir).",
        },
        "kernels_reason_no_interpreter": {
            "en": "The model is on the CPU and TRITON_INTERPRET is not 1, so no Triton kernel can run here.",
            "tr": "Model CPU'da ve TRITON_INTERPRET 1 değil; bu yüzden burada hiçbir Triton çekirdeği "
            "çalışamaz.",
        },
        "kernels_reason_interpreter_dtype": {
            "en": "Triton's CPU interpreter computes only float32 and float16 correctly.",
            "tr": "Triton'un CPU yorumlayıcısı yalnızca float32 ve float16 ile doğru hesap yapar.",
        },
        "kernels_reason_device": {
            "en": "Triton kernels run on NVIDIA GPUs (CUDA), not on this device.",
            "tr": "Triton çekirdekleri bu aygıtta değil, NVIDIA GPU'larında (CUDA) çalışır.",
        },
        "kernels_reason_capability": {
            "en": "This GPU's compute capability is below 7.5, the oldest the course's kernels support.",
            "tr": "Bu GPU'nun hesaplama yeteneği (compute capability) 7.5'in altında; kursun çekirdekleri en "
            "az 7.5 ister.",
        },
        "kernels_reason_bf16": {
            "en": "bfloat16 needs compute capability 8.0 or newer; on this GPU use float16 or float32.",
            "tr": "bfloat16, hesaplama yeteneği 8.0 ya da daha yeni bir GPU ister; bu GPU'da float16 ya da "
            "float32 kullanın.",
        },
        "kernels_reason_head_dim": {
            "en": "The attention kernel handles head sizes 16, 32, 64 and 128, not {head_dim}.",
            "tr": "Dikkat çekirdeği 16, 32, 64 ve 128 boyutlu başlarla çalışır; {head_dim} ile çalışmaz.",
        },
        "kernels_reason_exact_gelu": {
            "en": "The fused MLP kernel computes GPT-2's tanh GELU (\"gelu_new\"), and this model's MLP uses "
            "{activation!r}.",
            "tr": "Birleşik MLP çekirdeği GPT-2'nin tanh yaklaşımlı GELU'sunu (\"gelu_new\") hesaplar; bu modelin "
            "MLP'si ise {activation!r} kullanır.",
        },
        "kernels_reason_dropout": {
            "en": "The attention kernel has no dropout, and this model's attention dropout is {dropout}.",
            "tr": "Dikkat çekirdeğinde dropout yoktur; bu modelin dikkat dropout oranı ise {dropout}.",
        },
        "kernels_unknown_model": {
            "en": "course_lib.kernels.apply works on the course GPT and on Hugging Face's GPT2LMHeadModel, "
            "not on a {type_name}.",
            "tr": "course_lib.kernels.apply kursun GPT'siyle ve Hugging Face'in GPT2LMHeadModel'iyle çalışır; "
            "{type_name} ile çalışmaz.",
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
