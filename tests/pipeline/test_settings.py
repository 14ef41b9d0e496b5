"""Settings: an unknown key is refused with its name (E035), and the shipped defaults equal the code's."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from kroniek.errors import KroniekError
from kroniek.pipeline import Pipeline, get_factory, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kroniek.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_stage_setting_is_named(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[stages."events.lexicon/v1"]\nmin_confidense = 0.2\n'))
    with pytest.raises(KroniekError) as err:
        Pipeline.from_config(config)
    assert err.value.code == "E035" and "min_confidense" in err.value.message
    assert "min_confidence" in err.value.message  # the known settings are listed


def test_unknown_table_and_input_key_are_named(tmp_path: Path) -> None:
    with pytest.raises(KroniekError) as err:
        load_config(write(tmp_path, "[inptu]\nmax_chars = 10\n"))
    assert err.value.code == "E035" and "inptu" in err.value.message
    with pytest.raises(KroniekError) as err:
        load_config(write(tmp_path, "[input]\nmax_char = 10\n"))
    assert err.value.code == "E035" and "input.max_char" in err.value.message


def test_known_settings_pass(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[input]\nmax_chars = 10\n[stages."events.lexicon/v1"]\nuse_tree = true\n'))
    assert config["input"]["max_chars"] == 10


def test_default_file_agrees_with_the_factories() -> None:
    """Every setting in config/default.toml is the factory's own default, so that building a stage in
    Python and running the shipped configuration give the same pipeline."""
    config = load_config()
    for name in config["pipeline"]["stages"]:
        params = inspect.signature(get_factory(name)).parameters
        for key, value in config["stages"].get(name, {}).items():
            default = params[key].default
            assert value == default or (not value and default is None), f"{name}.{key}: {value!r} vs {default!r}"
