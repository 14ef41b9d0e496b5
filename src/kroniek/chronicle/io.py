"""Reading, validating and describing chronicles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kroniek.chronicle.models import Chronicle
from kroniek.errors import KroniekError

SCHEMA_PATH = Path(__file__).with_name("chronicle.schema.json")


def load_chronicle(data: dict[str, Any] | str) -> Chronicle:
    """Validate a chronicle given as a dict or a JSON string; raise KroniekError E020 when it is unsound."""
    try:
        if isinstance(data, str):
            return Chronicle.model_validate_json(data)
        return Chronicle.model_validate(data)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in err['loc']) or 'chronicle'}: {err['msg']}" for err in exc.errors()]
        raise KroniekError("E020", problems="; ".join(problems[:10])) from exc


def read_chronicle(path: str | Path) -> Chronicle:
    return load_chronicle(Path(path).read_text(encoding="utf-8"))


def chronicle_json_schema() -> dict[str, Any]:
    """The JSON Schema generated from the models (shipped as chronicle.schema.json)."""
    schema = Chronicle.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://kroniek.example/chronicle-1.schema.json"
    return schema


def write_schema(path: Path = SCHEMA_PATH) -> None:
    path.write_text(json.dumps(chronicle_json_schema(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":  # regenerate the shipped schema: python -m kroniek.chronicle.io
    write_schema()
    print(f"wrote {SCHEMA_PATH}")
