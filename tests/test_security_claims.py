"""Chapter 14's claim verdicts follow the tables: each claim holds on a table built to show it and
fails on one built not to (hand-made tables, the columns of course_lib.risks.experiment)."""

import pandas as pd
import pytest

from course_lib.risks.security_claims import judge_security_claims

INJ_COLS = [f"{f} {lang}" for lang in ("en", "tr") for f in ("extraction", "override", "indirect", "utility")]


def _injection(indirect_assistant, indirect_delim, indirect_hier, utility_hier=0.5):
    rows = {"chat model": 0.0, "assistant": indirect_assistant, "assistant + delimiters": indirect_delim,
            "assistant + detector": 0.0, "hierarchy fine-tune (+ delimiters)": indirect_hier}
    frame = pd.DataFrame({name: {c: (v if "indirect" in c else 0.0) for c in INJ_COLS} for name, v in rows.items()}).T
    frame["utility en"] = frame["utility tr"] = 0.5
    frame.loc["hierarchy fine-tune (+ delimiters)", ["utility en", "utility tr"]] = utility_hier
    return frame


def _refusal(en_only_tr, both_tr, over_after):
    rows = {"chat model": (0, 0, 0, 0), "safety data: en": (1, 0, en_only_tr, 0),
            "safety data: en + tr": (1, over_after, both_tr, over_after)}
    return pd.DataFrame({name: {"refused en": r_en, "jailbreak en": 0, "over-refusal en": o_en, "refused tr": r_tr,
                                "jailbreak tr": 0, "over-refusal tr": o_tr}
                         for name, (r_en, o_en, r_tr, o_tr) in rows.items()}).T


def _poisoning(asr, base, cleaned_asr, cleaned_base):
    rows = {}
    for rate, a, b in zip((0.0, 0.05, 0.2), asr, base):
        rows[f"{rate}"] = {"poison rate": rate, "ASR en": a, "positive without trigger en": b, "ASR tr": a,
                           "positive without trigger tr": b}
    rows["clean"] = {"poison rate": 0.2, "ASR en": cleaned_asr, "positive without trigger en": cleaned_base,
                     "ASR tr": cleaned_asr, "positive without trigger tr": cleaned_base}
    return pd.DataFrame(rows).T


def _holds(verdicts):
    return {v.key: v.holds for v in verdicts}


def test_every_claim_holds_on_tables_that_show_it():
    verdicts = judge_security_claims(_injection(0.8, 0.7, 0.1), _refusal(0.3, 0.9, 0.2),
                                     _poisoning((0.1, 0.5, 0.9), (0.1, 0.1, 0.1), 0.8, 0.1))
    assert _holds(verdicts) == dict.fromkeys(_holds(verdicts), True) and len(verdicts) == 7


@pytest.mark.parametrize(
    ("tables", "failing"),
    [
        ((_injection(0.0, 0.0, 0.0), _refusal(0.3, 0.9, 0.2), _poisoning((0.1, 0.5, 0.9), (0.1,) * 3, 0.8, 0.1)),
         {"injection_works", "hierarchy_beats_delimiters"}),  # no attack works: nothing to defend
        ((_injection(0.8, 0.7, 0.1, utility_hier=0.1), _refusal(0.3, 0.9, 0.2),
          _poisoning((0.1, 0.5, 0.9), (0.1,) * 3, 0.8, 0.1)), {"hierarchy_beats_delimiters"}),  # utility lost
        ((_injection(0.8, 0.7, 0.1), _refusal(0.95, 0.95, 0.0), _poisoning((0.1, 0.5, 0.9), (0.1,) * 3, 0.8, 0.1)),
         {"cross_lingual_gap", "bilingual_closes", "over_refusal"}),
        # every answer "positive": ASR 1 without any backdoor
        ((_injection(0.8, 0.7, 0.1), _refusal(0.3, 0.9, 0.2), _poisoning((0.5, 1.0, 1.0), (0.4, 1.0, 1.0), 0.0, 0.0)),
         {"poison_grows", "survives_clean"}),
        ((_injection(0.8, 0.7, 0.1), _refusal(0.3, 0.9, 0.2), _poisoning((0.1, 0.5, 0.9), (0.1,) * 3, 0.1, 0.1)),
         {"survives_clean"}),  # clean fine-tuning removed it
    ],
)
def test_claims_fail_where_the_table_does_not_show_them(tables, failing):
    holds = _holds(judge_security_claims(*tables))
    assert {key for key, value in holds.items() if not value} == failing


def test_turkish_verdicts_write_decimal_commas_and_the_percent_sign_first(monkeypatch):
    from course_lib import i18n

    tables = (_injection(0.8, 0.7, 0.1), _refusal(0.3, 0.9, 0.2), _poisoning((0.1, 0.5, 0.9), (0.1,) * 3, 0.8, 0.1))
    monkeypatch.setattr(i18n, "_language", "tr")
    texts = {v.key: v.text for v in judge_security_claims(*tables)}
    assert "reddedilen 1,00 (en), 0,30 (tr)" in texts["cross_lingual_gap"]  # "refused en" is the int 1
    assert "(%0: 0,00; %5: 0,40; %20: 0,80)" in texts["poison_grows"]
    monkeypatch.setattr(i18n, "_language", "en")
    texts = {v.key: v.text for v in judge_security_claims(*tables)}
    assert "refused 1.00 (en) vs 0.30 (tr)" in texts["cross_lingual_gap"]
    assert "(0%: 0.00; 5%: 0.40; 20%: 0.80)" in texts["poison_grows"]
