"""A PII scrubber for Turkish text: T.C. kimlik numbers, phone numbers, e-mail addresses, IBANs.

Each detector is a regular expression for the shape, and, where the number carries one, a
checksum that rejects look-alikes (an order number, a random 11-digit string):

- TCKN: 11 digits, the first not 0, two check digits (the world's own checksum is reused:
  ``course_lib.data.world.is_valid_tc_kimlik``; 1 random 11-digit string in 100 passes it);
- phone: a Turkish number written with its leading 0 or +90 ("0532 418 27 90", "+90 212 555 12 34");
- e-mail: the usual local@domain.tld shape;
- IBAN (TR): "TR", 2 check digits, 22 digits, valid under ISO 13616's mod-97 test.

``find_pii(text)`` lists what it found with character spans; ``scrub(text)`` replaces each find by
a placeholder such as ``<TCKN>``. ``pii_benchmark`` writes sentences with planted PII and
look-alikes whose spans are known, so ``precision_recall`` can score any detector.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..data.world import is_valid_tc_kimlik
from ..data.world.hooks import fake_phone, fake_tc_kimlik, tc_kimlik_check_digits
from ..i18n import CourseValueError
from . import privacy_messages  # noqa: F401  (registers this package's texts)

KINDS = ("tckn", "phone", "email", "iban")
PLACEHOLDERS = {"tckn": "<TCKN>", "phone": "<TELEFON>", "email": "<EPOSTA>", "iban": "<IBAN>"}

# (?<!\d) / (?!\d): a match may not be a piece of a longer number.
_PATTERNS = {
    "tckn": re.compile(r"(?<!\d)[1-9]\d{10}(?!\d)"),
    "phone": re.compile(r"(?<![\d+])(?:\+90[ -]?|0)[2-5]\d{2}[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}(?!\d)"),
    "email": re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"),
    "iban": re.compile(r"(?<![A-Za-z0-9])TR\d{2}(?: ?\d{4}){5} ?\d{2}(?!\d)"),
}


@dataclass(frozen=True)
class Span:
    """One piece of personal data: its kind and [start, end) in the text."""

    kind: str
    start: int
    end: int


def is_valid_iban_tr(iban: str) -> bool:
    """A Turkish IBAN: "TR" + 24 digits (spaces allowed), passing ISO 13616's mod-97 check.

    The check moves the first four characters to the end, writes each letter as a number
    (A = 10 ... Z = 35) and asks that the whole number leave remainder 1 when divided by 97.
    """
    compact = iban.replace(" ", "")
    if len(compact) != 26 or not compact.startswith("TR") or not compact[2:].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def iban_tr(bank: str, account: str) -> str:
    """The Turkish IBAN of a 5-digit bank code and a 16-digit account (reserve digit 0), grouped by 4."""
    if len(bank) != 5 or len(account) != 16 or not (bank + account).isdigit():
        raise CourseValueError("privacy_bad_iban_parts", bank=bank, account=account)
    bban = bank + "0" + account
    check = 98 - int("".join(str(int(ch, 36)) for ch in bban + "TR00")) % 97
    compact = f"TR{check:02d}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, 26, 4))


def find_pii(text: str, kinds=KINDS, use_checksums: bool = True) -> list[Span]:
    """Every piece of PII of ``kinds`` in ``text``, sorted by position, never overlapping.

    ``use_checksums=False`` keeps every shape match (the naive detector the chapter compares with).
    """
    _check_kinds(kinds)
    found: list[Span] = []
    taken: list[tuple[int, int]] = []
    for kind in ("iban", "email", "tckn", "phone"):  # longest shapes first: an IBAN holds digit runs
        if kind not in kinds:
            continue
        for match in _PATTERNS[kind].finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if use_checksums and not _checksum_ok(kind, match.group()):
                continue
            found.append(Span(kind, start, end))
            taken.append((start, end))
    return sorted(found, key=lambda span: span.start)


def _checksum_ok(kind: str, value: str) -> bool:
    if kind == "tckn":
        return is_valid_tc_kimlik(value)
    if kind == "iban":
        return is_valid_iban_tr(value)
    return True


def scrub(text: str, kinds=KINDS, use_checksums: bool = True) -> str:
    """``text`` with each piece of PII replaced by its placeholder (``<TCKN>``, ``<TELEFON>`` ...)."""
    pieces, last = [], 0
    for span in find_pii(text, kinds, use_checksums):
        pieces += [text[last : span.start], PLACEHOLDERS[span.kind]]
        last = span.end
    return "".join(pieces) + text[last:]


def _check_kinds(kinds) -> None:
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown or not kinds:
        raise CourseValueError("privacy_bad_kinds", value=kinds, valid=", ".join(KINDS))


# --- a benchmark with known answers ------------------------------------------------------------

_NAMES = ("ayse.demir", "mehmet.kaya", "zeynep.yilmaz", "ali.sahin", "elif.celik", "can.ozturk")
_DOMAINS = ("ornek.com.tr", "posta.example", "okul.edu.tr")
_TEMPLATES = {
    "tckn": ("T.C. kimlik no: {v}", "Başvuru sahibinin kimlik numarası {v} olarak girildi.", "national ID {v} on file"),
    "phone": ("Bana {v} numarasından ulaşabilirsiniz.", "tel: {v}", "call me at {v}"),
    "email": ("E-posta adresim {v}.", "contact: {v}", "Yanıtı {v} adresine gönderin."),
    "iban": ("Ödemeyi {v} hesabına yapın.", "IBAN: {v}", "refund to {v} please"),
}
_DECOYS = (
    "Sipariş numarası {n11} kargoya verildi.",      # 11 digits, checksum almost always wrong
    "Fatura no {n11}, tutar 1.250 TL.",
    "order {n11} shipped on 2025-03-14",
    "Takip kodu TR{n24} olarak kaydedildi.",        # IBAN shape, mod-97 almost always wrong
    "Toplantı 14:30'da, oda 0212.",
    "Stok kodu 5321234 ve raf 12-B.",
)


@dataclass
class LabelledText:
    """A benchmark sentence and the PII spans planted in it (the ground truth)."""

    text: str
    spans: list[Span]


def pii_benchmark(n: int = 200, seed: int = 0) -> list[LabelledText]:
    """``n`` sentences: about half carry one planted piece of PII (random but valid, so a
    detector must recognise the shape and the checksum), half are look-alikes that carry none."""
    rng = random.Random(f"pii_benchmark:{seed}")
    items = []
    for i in range(n):
        if i % 2 == 0:
            kind = KINDS[(i // 2) % len(KINDS)]
            value = _random_value(kind, rng)
            template = rng.choice(_TEMPLATES[kind])
            start = template.index("{v}")
            items.append(LabelledText(template.format(v=value), [Span(kind, start, start + len(value))]))
        else:
            decoy = rng.choice(_DECOYS)
            n11 = _invalid_tckn(rng)
            n24 = _invalid_iban_digits(rng)
            items.append(LabelledText(decoy.format(n11=n11, n24=n24), []))
    return items


def _random_value(kind: str, rng: random.Random) -> str:
    if kind == "tckn":
        return fake_tc_kimlik(rng)
    # About one value in six is written the way people dodge filters or forget the prefix
    # ("532 418 27 90", "ali [at] okul.edu.tr"): still personal data, and the shapes above miss it.
    hard = rng.random() < 0.15
    if kind == "phone":
        number = fake_phone(rng)
        return number[1:] if hard else ("+90 " + number[1:] if rng.random() < 0.3 else number)
    if kind == "email":
        at = " [at] " if hard else "@"
        return f"{rng.choice(_NAMES)}{rng.randint(1, 99)}{at}{rng.choice(_DOMAINS)}"
    bank = "".join(str(rng.randint(0, 9)) for _ in range(5))
    return iban_tr(bank, "".join(str(rng.randint(0, 9)) for _ in range(16)))


def _invalid_tckn(rng: random.Random) -> str:
    """An 11-digit number that looks like a TCKN but fails its checksum."""
    first_nine = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    right = tc_kimlik_check_digits(first_nine)
    wrong = right
    while wrong == right:
        wrong = f"{rng.randint(0, 99):02d}"
    return first_nine + wrong


def _invalid_iban_digits(rng: random.Random) -> str:
    """24 digits that, after "TR", fail the mod-97 test (1 random string in 97 would pass)."""
    while True:
        digits = "".join(str(rng.randint(0, 9)) for _ in range(24))
        if not is_valid_iban_tr("TR" + digits):
            return digits


def precision_recall(items: list[LabelledText], detector=find_pii) -> dict[str, dict[str, float]]:
    """Per kind and overall: precision, recall and counts of a detector, exact spans counting as hits."""
    table = {}
    for kind in (*KINDS, "all"):
        true = {(i, s) for i, item in enumerate(items) for s in item.spans if kind in ("all", s.kind)}
        found = {(i, s) for i, item in enumerate(items) for s in detector(item.text) if kind in ("all", s.kind)}
        hits = len(true & found)
        table[kind] = {
            "precision": hits / len(found) if found else float("nan"),
            "recall": hits / len(true) if true else float("nan"),
            "found": len(found),
            "true": len(true),
        }
    return table
