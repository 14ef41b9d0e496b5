"""Dev-half Recognizers errors of the time tagger, counted by class and construction.

Reads the `dev_errors` lists that `benchmarks/timex_suites.py --errors N` writes into its JSON (only the dev
half: the held-out half is never listed) and prints a markdown table per language: for each construction
group the errors where no timex overlapped ("not found"), where one overlapped with a value of the right
kind but the wrong value ("wrong value"), and where the overlapping value was of another kind, e.g. a
duration where a clock time was wanted ("wrong kind").

    python benchmarks/timex_suites.py --suites recognizers --no-heideltime --errors 5000 --out /tmp/t.json
    python benchmarks/timex_error_classes.py /tmp/t.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

# construction groups, first match wins: (name, pattern over "surface" of the expected timex, kind)
GROUPS: list[tuple[str, str]] = [
    (
        "holiday (lunar, regional, named day)",
        r"ramad|ramaz|ramz|eid|fitr|hijri|islam|offerfeest|yuandan|freedom day|"
        r"jubilee|weltkindertag|friedensfest|herbstanfang|pasen|paasdag|kerst|christmas|easter",
    ),
    ("end of day / eod / end of tomorrow", r"\b(?:end|fin|eind|eod)\b|\beoy\b"),
    (
        "in/over/dans N minutes|hours (a clock time from now)",
        r"^(?:in|over|en|dans) .*(?:min|hour|uur|heure|stund)"
        r"|(?:minutes?|minuten|min) (?:from now|later)|hour from now|il y a \d+ minutes",
    ),
    (
        "N units ago / in N units / il y a / geleden (day wanted)",
        r"\bago\b|geleden|il y a|il ya|^in \w+ (?:years?|months?)|"
        r"^dans \w+ ans|^in \d+ jaar|^(?:\w+ )?(?:weeks?|months?) from|later$|\bna (?:de|komende)|\bsince\b|sinds het",
    ),
    (
        "ordinal weekday / week of a month",
        r"^(?:first|second|third|fourth|fifth|eerste|tweede|derde|vierde|vijfde|\d+e) "
        r"(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag)|"
        r"(?:week|woche|semaine) (?:van|of|des|im|de)\b|week van",
    ),
    ("Nth (day) of this/next month", r"(?:of|van) (?:this|next|the next|de volgende|volgende|deze) (?:month|maand)"),
    ("the week/month/year after next", r"after (?:the )?next|na (?:de|het) volgende"),
    (
        "numeric day/month without year",
        r"^(?:this |next |volgende |deze |vrijdag |deze vrijdag |chaque +)?\d{1,2}[./-]\d{1,2}\.?$|"
        r"^\d{1,2} ?[-/.] ?\d{1,2}$",
    ),
    ("impossible or leap day (Feb 29/30)", r"\b(?:feb|fév)\w* (?:29|30)\b|\b(?:29|30) feb|29/2|2/29"),
    (
        "year spelled in words / 2-digit year / odd order",
        r"nineteen|thousand|hundred|negentien|tweeduizend|zeventienhonderd|"
        r"negentienhonderd|\bof 87\b|\d{4}-\w+|\w+-\d{4}-|\d{8}|'\d\d|^year \d|^jaar \d|^\d{1,2} \d{1,2} \d{2,4}$|"
        r"\d{4}\.\d|\d{4}, \w+",
    ),
    ("year after a date with of/van/de/in", r"\b(?:of|van|de|in) \d{4}\b"),
    (
        "clock time in words / minutes to-past / bare hour",
        r"^(?:\d{1,2}|[a-zé-]+)$|past|voor (?:half|acht)|na \d|"
        r"trente|quarante|quarts|viertel|dreiviertel|thirty|forty|fifty|fifteen|ten |ish|'s|uur|heures|\bh\b|^\d+ ?[hu]\d|"
        r"\d{3,4} ?[ap]|[ap]\.?m|\d+p$|o'?clock|\bu\b|elven|lunch|milieu|mid|middag|mittag|matin|soir|nacht|night|abends|"
        r"morgen|morning|afternoon|après|apres",
    ),
    (
        "duration: glued or odd unit (3h, 3.5years, nights, weekends, fortnight)",
        r"\d[a-z]|nights?|nuits?|nacht|weekend|"
        r"week-end|fortnight|quinze|kwart|half|demi|another|nog een|volle|gehele|pleine?|toute|entire|whole|\d-minutes",
    ),
    ("vague count (few, several, paar, quelques)", r"few|several|paar|quelques|quel ques|wat dagen"),
    (
        "set (every, per, -ly, plural weekday)",
        r"every|each|per |par |all |alle |tous|chaque|n'importe|any |daily|lijks|"
        r"journellement|hebdo|mornings|s$",
    ),
    (
        "relative weekday / month / part of day",
        r"last|previous|next|vorige|volgende|aanstaande|afgelopen|letzten|"
        r"derni|prochain|this|cette|ce |deze|huidige|dit |the week|the year|het jaar|dem jahr|de dag|the day|\bday\b|"
        r"semaine|woche",
    ),
]
COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in GROUPS]
ERROR = re.compile(r"^(?P<case>\S+) \[(?P<kind>\w+)\] (?P<surface>'.*'|\".*\") want (?P<want>\S+) got (?P<got>.*)$")


def value_kind(value: str) -> str:
    """The kind of a TIMEX3 value: duration, clock time (a point with a time of day), or a calendar point."""
    if value.startswith("P") and not value.endswith("_REF"):
        return "duration"
    if "T" in value and re.search(r"T\d", value):
        return "time"
    return "point"


def wanted_kind(kind: str, want: str) -> str:
    if kind in ("duration", "set") and want.startswith("P"):
        return "duration"
    return value_kind(want)


def classify(line: str) -> tuple[str, str] | None:
    m = ERROR.match(line)
    if m is None:
        return None
    surface = m["surface"][1:-1].strip()
    group = next((name for name, rx in COMPILED if rx.search(surface)), "other")
    if m["got"] == "nothing":
        return group, "not found"
    got_values = re.findall(r"=(\S+?)(?:;|$)", m["got"])
    want_kind = wanted_kind(m["kind"], m["want"])
    if any(value_kind(v) == want_kind for v in got_values):
        return group, "wrong value"
    return group, "wrong kind"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results", type=Path, help="a timex.json written by benchmarks/timex_suites.py")
    args = parser.parse_args(argv)
    data = json.loads(args.results.read_text(encoding="utf-8"))
    by_lang = data["suites"]["recognizers"]["scores"]["kroniek"]
    classes = ("not found", "wrong value", "wrong kind")
    counts: Counter[tuple[str, str, str]] = Counter()
    for lang, table in by_lang.items():
        for line in table.get("dev_errors", []):
            found = classify(line)
            if found:
                counts[(found[0], lang, found[1])] += 1
    langs = sorted(by_lang)
    print("| construction | " + " | ".join(f"{lang} nf/wv/wk" for lang in langs) + " | all |")
    print("|---|" + "---|" * (len(langs) + 1))
    groups = sorted({g for g, _, _ in counts}, key=lambda g: -sum(n for (gg, _, _), n in counts.items() if gg == g))
    for group in groups:
        cells = ["/".join(str(counts[(group, lang, c)]) for c in classes) for lang in langs]
        total = sum(n for (g, _, _), n in counts.items() if g == group)
        print(f"| {group} | " + " | ".join(cells) + f" | {total} |")
    totals = [
        "/".join(str(sum(n for (_, lg, c), n in counts.items() if lg == lang and c == cls)) for cls in classes)
        for lang in langs
    ]
    print("| all | " + " | ".join(totals) + f" | {sum(counts.values())} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
