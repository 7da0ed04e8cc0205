"""Chapter 10's shared set-up: its tasks and config from the sizes, and the Hub model's graceful skip."""

from course_lib import assets
from course_lib.i18n import both
from course_lib.methods.comparison import chapter_config, chapter_tasks, hub_base
from course_lib.profile import sizes


def test_tasks_and_config_follow_the_sizes():
    chosen = sizes("10_comparison", "smoke")
    world, sib = chapter_tasks(chosen)
    assert world.lang == sib.lang == "tr" and len(world.train) == chosen["world_n_train"]
    assert len(sib.train) == chosen["sib_n_train"] and world.ood is not None
    config = chapter_config(chosen)
    assert (config.epochs, config.max_length, config.pue) == (chosen["epochs"], chosen["max_length"], chosen["pue"])


def test_hub_model_is_skipped_with_a_reason(monkeypatch, capsys):
    assert hub_base(None, "cpu") is None
    assert both("comparison_hub_skipped", profile="cpu")["en"] in capsys.readouterr().out

    def offline(name):
        raise OSError(f"cannot reach the Hub for {name}")

    monkeypatch.setattr(assets, "load_base_model", offline)
    assert hub_base("some/model", "gpu") is None
    out = capsys.readouterr().out
    assert "No network" in out and "cannot reach the Hub for hub:some/model" in out
