"""Check that a speed change left kroniek's output unchanged.

Runs the whole pipeline on every dev-corpus article (text after the header's first blank line, with
the header's ``published:`` and ``language:``) and on the seed example, then either stores the
chronicles as reference JSON or compares them with a stored reference and prints every difference.

    python benchmarks/compare_outputs.py save /tmp/perf_ref      # before optimising
    python benchmarks/compare_outputs.py compare /tmp/perf_ref   # after each change; exit 1 on a difference
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

SHARED = Path("/work/shared")
ARTICLES = SHARED / "corpus" / "articles"
SEED = SHARED / "spec" / "examples" / "seed.txt"
SEED_PUBLISHED = "2025-03-19"


def read_article(path: Path) -> tuple[str, dict[str, str]]:
    """The article text and its header fields (``key: value`` lines before the first blank line)."""
    raw = path.read_text(encoding="utf-8")
    header, _, text = raw.partition("\n\n")
    fields: dict[str, str] = {}
    for line in header.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return text, fields


def corpus_inputs() -> list[tuple[str, str, str | None, str | None]]:
    """(name, text, published, language) for every article and the seed."""
    items: list[tuple[str, str, str | None, str | None]] = []
    for path in sorted(ARTICLES.glob("*.txt")):
        text, fields = read_article(path)
        items.append((path.stem, text, fields.get("published") or None, fields.get("language") or None))
    items.append(("seed", SEED.read_text(encoding="utf-8"), SEED_PUBLISHED, None))
    return items


def run_all() -> dict[str, Any]:
    """Each input's chronicle as plain JSON data (or its error, so that errors are compared too)."""
    from kroniek.errors import KroniekError
    from kroniek.extractor import Extractor

    extractor = Extractor()
    outputs: dict[str, Any] = {}
    for name, text, published, lang in corpus_inputs():
        try:
            chronicle = extractor.extract(text, published=published, lang=lang, id=name)
            outputs[name] = chronicle.model_dump(mode="json")
        except KroniekError as exc:
            outputs[name] = {"error": str(exc)}
    return outputs


def save(directory: Path, outputs: dict[str, Any]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in outputs.items():
        (directory / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"saved {len(outputs)} reference outputs in {directory}")


def compare(directory: Path, outputs: dict[str, Any]) -> int:
    """Print the differences with the reference in ``directory``; the number of differing inputs."""
    differing = 0
    for name, data in outputs.items():
        ref_path = directory / f"{name}.json"
        if not ref_path.exists():
            print(f"{name}: no reference output")
            differing += 1
            continue
        new = json.dumps(data, ensure_ascii=False, indent=1)
        old = ref_path.read_text(encoding="utf-8")
        if new != old:
            differing += 1
            diff = difflib.unified_diff(
                old.splitlines(), new.splitlines(), f"ref/{name}", f"now/{name}", lineterm="", n=2
            )
            print("\n".join(list(diff)[:80]))
    stale = sorted({p.stem for p in directory.glob("*.json")} - set(outputs))
    for name in stale:
        print(f"{name}: in the reference but not produced now")
    differing += len(stale)
    print(f"{len(outputs) - differing} of {len(outputs)} outputs identical; {differing} differ")
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("directory", type=Path, nargs="?", default=Path("/tmp/perf_ref"))
    args = parser.parse_args(argv)
    outputs = run_all()
    if args.action == "save":
        save(args.directory, outputs)
        return 0
    return 1 if compare(args.directory, outputs) else 0


if __name__ == "__main__":
    sys.exit(main())
