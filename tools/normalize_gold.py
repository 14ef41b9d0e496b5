"""Apply the mechanical annotation conventions to corpus gold files (src/kroniek/evaluation/gold_norms.py).

    python tools/normalize_gold.py              # list what would change
    python tools/normalize_gold.py --write      # rewrite corpus/gold/*.gold.json (and corpus/agreement/*/)

The conventions: a national government named as such is the state (docs/annotation.md, ADJ #4), an event dated
by a part of the day is dated by its day, and a span covers whole words (docs/annotation.md, Spans). The
files keep their layout (json indent 1, as tools/corpus.py pack writes them).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kroniek.evaluation.gold import read_gold
from kroniek.evaluation.gold_norms import day_for_part_of_day, merge_into_state, whole_words

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the files (default: only list the changes)")
    args = parser.parse_args()
    files = sorted((ROOT / "corpus" / "gold").glob("*.gold.json")) + sorted(
        (ROOT / "corpus" / "agreement").glob("*/*.gold.json")
    )
    changed = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        gold = json.loads(raw)
        text = read_gold(path).chronicle.article.text
        changes = merge_into_state(gold) + day_for_part_of_day(gold) + whole_words(gold, text)
        if not changes:
            continue
        changed += 1
        for line in changes:
            print(f"{path.relative_to(ROOT)}: {line}")
        if args.write:
            indent = 1 if raw.startswith("{\n ") and not raw.startswith("{\n  ") else 2
            path.write_text(json.dumps(gold, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8")
    print(f"{changed} of {len(files)} files {'rewritten' if args.write else 'would change'}")


if __name__ == "__main__":
    main()
