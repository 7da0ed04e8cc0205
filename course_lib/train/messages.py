"""What the training loop and the checkpoints say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        # --- the loss and the gradients -------------------------------------------------
        "train_nan_loss": {
            "en": (
                "The loss became {value} at step {step}: training stopped before the weights were "
                "changed. Last good checkpoint: {checkpoint}. Try a smaller learning rate (lr={lr}), "
                "gradient clipping (grad_clip), or check the batch for bad values."
            ),
            "tr": (
                "Kayıp {step}. adımda {value} oldu; eğitim, ağırlıklar değişmeden durduruldu. "
                "Son sağlam kontrol noktası: {checkpoint}. Öğrenme oranını küçültmeyi (lr={lr}), "
                "gradyan kırpmayı (grad_clip) deneyin ya da yığındaki değerleri kontrol edin."
            ),
        },
        "train_nan_grad": {
            "en": (
                "The gradient norm became {value} at step {step}: training stopped before the weights "
                "were changed. Last good checkpoint: {checkpoint}. Try a smaller learning rate (lr={lr})."
            ),
            "tr": (
                "Gradyan normu {step}. adımda {value} oldu; eğitim, ağırlıklar değişmeden durduruldu. "
                "Son sağlam kontrol noktası: {checkpoint}. Daha küçük bir öğrenme oranı deneyin (lr={lr})."
            ),
        },
        "train_bpb_no_bytes": {
            "en": "Bits per byte need at least one byte of text, but n_bytes = {value}. Measure a non-empty text.",
            "tr": "Bayt başına bit için en az bir baytlık metin gerekir, ama n_bytes = {value}. "
            "Boş olmayan bir metin ölçün.",
        },
        "train_bpb_too_short": {
            "en": "The text has {tokens} token(s): at least 2 are needed, one to read and one to predict. "
            "Pass a longer text.",
            "tr": "Metin {tokens} token'dan oluşuyor: en az 2 token gerekir, biri okunur, biri tahmin edilir. "
            "Daha uzun bir metin verin.",
        },
        "train_bad_loss_shape": {
            "en": (
                "loss_fn must return one loss per example, a tensor of shape ({batch},); "
                "it returned shape {shape}. Use reduction='none' and average over tokens per example."
            ),
            "tr": (
                "loss_fn her örnek için bir kayıp döndürmeli, yani ({batch},) şeklinde bir tensör; "
                "dönen şekil: {shape}. reduction='none' kullanın ve her örneğin token'ları üzerinden ortalama alın."
            ),
        },
        "train_bad_weights_shape": {
            "en": "The callback {name} returned example weights of shape {shape}; expected ({batch},).",
            "tr": "{name} geri çağrısı {shape} şeklinde örnek ağırlıkları döndürdü; beklenen şekil: ({batch},).",
        },
        "train_two_weighters": {
            "en": (
                "Two callbacks ({first} and {second}) both return example weights. "
                "Keep one of them, or combine the weights inside a single callback."
            ),
            "tr": (
                "İki geri çağrı ({first} ve {second}) örnek ağırlığı döndürüyor. "
                "Birini bırakın ya da ağırlıkları tek bir geri çağrının içinde birleştirin."
            ),
        },
        "train_logits_shape": {
            "en": (
                "The model returned logits of shape {shape} for targets of shape {targets}: "
                "the language-modelling loss needs one prediction per position. "
                "Pass targets to the model or write your own loss_fn."
            ),
            "tr": (
                "Model, {targets} şeklindeki hedefler için {shape} şeklinde logit döndürdü; "
                "dil modeli kaybı her konum için bir tahmin ister. "
                "Modele hedefleri verin ya da kendi loss_fn fonksiyonunuzu yazın."
            ),
        },
        "train_no_logits": {
            "en": (
                "Cannot find logits in the model's output (type {kind}). Return a tensor, a tuple "
                "whose first item is the logits, or an object with .logits; or pass your own loss_fn."
            ),
            "tr": (
                "Modelin çıktısında logit bulunamadı (tür: {kind}). Bir tensör, ilk öğesi logit olan bir "
                "demet ya da .logits özelliği olan bir nesne döndürün; veya kendi loss_fn fonksiyonunuzu verin."
            ),
        },
        # --- the configuration ------------------------------------------------------------
        "train_bad_config": {
            "en": "TrainConfig.{name}={value!r} is not valid: {rule}.",
            "tr": "TrainConfig.{name}={value!r} geçerli değil: {rule_tr}.",
        },
        "train_no_length": {
            "en": (
                "TrainConfig has epochs={epochs} but no max_steps, and the batches have no len(). "
                "Set max_steps, or pass a list or DataLoader of batches."
            ),
            "tr": (
                "TrainConfig'de epochs={epochs} var ama max_steps yok ve yığınların len() değeri yok. "
                "max_steps verin ya da yığınları bir liste veya DataLoader olarak verin."
            ),
        },
        "train_empty_batches": {
            "en": "The batches gave nothing in epoch {epoch}: there is no data to train on.",
            "tr": "Yığınlar {epoch}. turda hiçbir şey vermedi: eğitilecek veri yok.",
        },
        "train_unknown_module": {
            "en": "The model has no module or parameter named {name!r}. Some names it has: {known}.",
            "tr": "Modelde {name!r} adında bir modül ya da parametre yok. Bazı adlar: {known}.",
        },
        "train_bad_top_k": {
            "en": "top_k={value} is out of range: the model has {blocks} blocks, use 0 to {blocks}.",
            "tr": "top_k={value} aralık dışında: modelde {blocks} blok var; 0 ile {blocks} arasında bir değer verin.",
        },
        "train_early_stopped": {
            "en": "early stopping: {metric} did not improve for {patience} evaluations",
            "tr": "erken durdurma: {metric} art arda {patience} değerlendirmede iyileşmedi",
        },
        # --- more than one process (torchrun) ------------------------------------------------
        "train_batch_not_divisible": {
            "en": (
                "Under torchrun each of the {world} processes takes an equal share of every batch, "
                "but this batch has {batch} examples. Use a batch size divisible by {world}."
            ),
            "tr": (
                "torchrun altında {world} sürecin her biri her yığının eşit bir payını alır; "
                "ama bu yığında {batch} örnek var. {world} ile tam bölünebilen bir yığın boyutu kullanın."
            ),
        },
        "train_ranks_disagree": {
            "en": (
                "Process {rank} of {world} would draw different batches from process 0: its data "
                "generator is in another state. Seed the generator the same way in every process, "
                "e.g. torch.Generator().manual_seed(0), and pass it to train(..., generator=...)."
            ),
            "tr": (
                "{world} süreçten {rank} numaralı süreç, 0 numaralı süreçten farklı yığınlar çekecek: "
                "veri üretecinin durumu farklı. Üreteci her süreçte aynı biçimde tohumlayın, örneğin "
                "torch.Generator().manual_seed(0), ve train(..., generator=...) ile verin."
            ),
        },
        # --- checkpoints ------------------------------------------------------------------
        "checkpoint_missing": {
            "en": "No checkpoint at {path}: the folder or its file {file} does not exist.",
            "tr": "{path} konumunda kontrol noktası yok: klasör ya da içindeki {file} dosyası bulunamadı.",
        },
        "checkpoint_none_in_dir": {
            "en": "The folder {path} holds no checkpoint (no step_* folder). Train first, or name a checkpoint folder.",
            "tr": "{path} klasöründe kontrol noktası yok (step_* klasörü yok). Önce eğitin ya da bir kontrol noktası klasörü verin.",
        },
        "checkpoint_corrupt": {
            "en": (
                "The checkpoint file {file} is damaged (truncated or changed after it was written): "
                "its SHA-256 is {got}, the checkpoint recorded {expected}. It was not loaded. "
                "Use an earlier checkpoint."
            ),
            "tr": (
                "Kontrol noktası dosyası {file} bozuk (kesilmiş ya da yazıldıktan sonra değişmiş): "
                "SHA-256 değeri {got}, kayıtlı değer {expected}. Dosya yüklenmedi. "
                "Daha önceki bir kontrol noktasını kullanın."
            ),
        },
        "checkpoint_unreadable": {
            "en": "The checkpoint file {file} cannot be read ({reason}). It was not loaded; use an earlier checkpoint.",
            "tr": "Kontrol noktası dosyası {file} okunamıyor ({reason}). Dosya yüklenmedi; daha önceki bir kontrol noktasını kullanın.",
        },
        "checkpoint_wrong_model": {
            "en": (
                "The checkpoint {path} does not fit this model: missing {missing}, unexpected {unexpected}. "
                "Build the model with the configuration stored in the checkpoint."
            ),
            "tr": (
                "{path} kontrol noktası bu modele uymuyor: eksik {missing}, fazla {unexpected}. "
                "Modeli kontrol noktasında saklanan yapılandırmayla kurun."
            ),
        },
    }
)
