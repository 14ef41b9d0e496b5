"""Inter-annotator agreement on the doubly annotated documents (docs/annotation.md, "Procedure").

    python tools/agreement.py                 # event F1 between corpus/gold and every corpus/agreement/NAME
    python tools/agreement.py --differences   # also list the events the two annotations disagree on
    python tools/agreement.py --first /work/holding/A19 --first /work/holding/A20 --annotator A21

For each document annotated twice, each annotation is scored against the other with the scorer's own rules
(evidence overlap, type or alternative, a shared participant), the second annotator's required events taken
as the prediction; F1 is averaged over both directions, so neither annotator is privileged. The differences are
what adjudication settles: the adjudicated version is what stays in corpus/gold.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kroniek.chronicle.models import Chronicle
from kroniek.evaluation.gold import GoldChronicle, read_gold
from kroniek.evaluation.scorer import PRF, ArticleScore, score_article

ROOT = Path(__file__).resolve().parents[1]


def _required_only(gold: GoldChronicle) -> Chronicle:
    events = [e for e in gold.chronicle.events if not gold.extras_of(e.id).optional]
    return gold.chronicle.model_copy(update={"events": events})


def compare(first: GoldChronicle, second: GoldChronicle) -> tuple[ArticleScore, ArticleScore]:
    return score_article(first, _required_only(second)), score_article(second, _required_only(first))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--differences", action="store_true")
    parser.add_argument("--json", type=Path, help="write the per-document numbers here")
    parser.add_argument(
        "--first",
        type=Path,
        action="append",
        help="folder of first annotations (default corpus/gold; repeatable): e.g. a held-out batch not yet moved in",
    )
    parser.add_argument("--annotator", help="only the second annotations of this corpus/agreement/NAME folder")
    args = parser.parse_args()
    totals = [PRF(), PRF()]
    rows = []
    firsts = args.first or [ROOT / "corpus" / "gold"]
    for path in sorted((ROOT / "corpus" / "agreement").glob(f"{args.annotator or '*'}/*.gold.json")):
        main_path = next((folder / path.name for folder in firsts if (folder / path.name).is_file()), None)
        if main_path is None:
            continue
        first, second = read_gold(main_path), read_gold(path)
        forward, backward = compare(first, second)
        totals[0] += forward.tally.prf["events"]
        totals[1] += backward.tally.prf["events"]
        f1s = [s.tally.prf["events"].f1 for s in (forward, backward)]
        rows.append({"document": first.key, "annotator": path.parent.name, "f1": f1s})
        if args.differences:
            for issue in forward.issues:
                side = "only first" if issue.kind == "missed" else "only second"
                print(f"{first.key} [{side}] {issue.event} {issue.actors}->{issue.recipients}: {issue.evidence[:100]}")
    if not rows:
        print("no doubly annotated documents")
        return 0
    f1 = [t.f1 or 0.0 for t in totals]
    print(f"{len(rows)} documents annotated twice; event F1 {f1[0]:.3f} / {f1[1]:.3f}, mean {(f1[0] + f1[1]) / 2:.3f}")
    if args.json:
        args.json.write_text(json.dumps({"documents": rows, "f1": f1}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
