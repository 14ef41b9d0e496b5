"""Build kroniek's table of first-level subdivisions: src/kroniek/places/data/regions.tsv.gz.

Source (install into the build environment only; kroniek does not need it at run time):
  * pycountry (PyPI) - ISO 3166-2 subdivisions and their en/nl/de/fr names (LGPL-2.1, data from
                       Debian's iso-codes)

    pip install pycountry spacy
    python training/build_regions.py

One row per first-level subdivision (a subdivision without a parent: Kerala, Punjab, Piemonte,
Donetska oblast; for France the regions, not the departments): ISO 3166-2 code, ISO alpha-3 country,
English name, and the names it is known by (the ISO name, the parts of a bilingual name "Bruxelles /
Brussel", the en/nl/de/fr translations, and each name without its type word: "Cauca" for "Cauca
Department"). Names shorter than 4 letters and stop words of nl/en/de/fr are dropped; the places stage
also skips a name that is already a country, city or curated place (regions come last).
"""

from __future__ import annotations

import gettext
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "kroniek" / "places" / "data" / "regions.tsv.gz"
LANGS = ("en", "nl", "de", "fr")
# a type word after or before the name ("Donetska oblast", "Provincia di Roma", "Surin Province"): the bare
# name is kept as well, since news often drops the type word
TYPE_WORDS = re.compile(
    r"^(?:(?:province|provincia|provincie|provinz|région|region|regio|département|departamento|departement|"
    r"state|estado|oblast|governorate|district|county|prefecture)\s+(?:of|de|di|du|del|de la|d')?\s*)"
    r"|\s+(?:province|provincie|provinz|region|regio|department|oblast|oblast'|governorate|district|county|"
    r"prefecture|state|voivodeship|kraj|krai|county)$",
    re.IGNORECASE,
)
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ'’ .\-]*$")


def stop_words() -> set[str]:
    """Stop words of the four languages and a few common words that are also subdivision names."""
    from importlib import import_module

    words: set[str] = set()
    for lang in ("nl", "en", "de", "fr"):
        module = import_module(f"spacy.lang.{lang}.stop_words")
        words |= {w.lower() for w in module.STOP_WORDS}
    # compass points and words that name a part of many countries; "centre", "capital" are read as words
    words |= {"north", "south", "east", "west", "centre", "center", "central", "capital", "nord", "sud", "est", "ouest"}
    words |= {"noord", "zuid", "oost", "mitte", "norte", "oeste", "leste", "western", "eastern", "northern"}
    words |= {"southern", "mayor", "union", "national", "federal", "city", "island", "islands", "coast"}
    # landscape words several African and Latin American countries name regions by ("Plateau", "Lakes")
    words |= {"maritime", "lakes", "oriental", "occidental", "plateau", "plateaux", "littoral", "savanes"}
    words |= {"collines", "lagunes", "montagnes", "valle", "montagne", "lacs", "centro", "frontera", "river"}
    return words


def name_forms(name: str) -> set[str]:
    """The forms a subdivision name is written in: bilingual names split, the bracketed part dropped,
    "Donetsk, Provincie" turned round, and each without its type word."""
    forms: set[str] = set()
    for part in re.split(r"\s*[/;]\s*|\s*\[|\]", name):
        part = re.sub(r"\s*\(.*?\)\s*", " ", part).strip(" ,")
        if not part:
            continue
        if part.count(",") == 1:  # "Donetsk, Provincie", "Bruxelles-Capitale, Région de"
            head, tail = (p.strip() for p in part.split(","))
            forms.add(f"{tail} {head}")  # "Provincie Donetsk", "Région de Bruxelles-Capitale"
            part = head
        forms.add(part)
        bare = TYPE_WORDS.sub("", part).strip()
        if bare and bare != part:
            forms.add(bare)
    return forms


def keep(form: str, stop: set[str]) -> bool:
    letters = form.replace(" ", "").replace("-", "")
    return len(letters) >= 4 and not form.isupper() and bool(LATIN.match(form)) and form.lower() not in stop


def main() -> int:
    try:
        import pycountry
    except ImportError:
        print("install the build dependencies first: pip install pycountry spacy", file=sys.stderr)
        return 1
    stop = stop_words()
    trans = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang]) for lang in LANGS}
    rows: list[list[str]] = []
    shared = Counter(sub.name for sub in pycountry.subdivisions)
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue  # first level only: departments, districts and counties are too many and too ambiguous
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        # the translations are keyed by the ISO name: a name several subdivisions share ("Al Janūbī",
        # "Southern") has one translation for all of them, right for at most one, so it is not used
        translated = [t.gettext(sub.name) for t in trans.values()] if shared[sub.name] == 1 else []
        english = trans["en"].gettext(sub.name) if shared[sub.name] == 1 else sub.name
        forms = name_forms(sub.name)
        for name in translated:
            forms |= name_forms(name)
        names = sorted(f for f in forms if keep(f, stop))
        if not names:
            continue
        shown = sorted(name_forms(english), key=len, reverse=True)[0] if name_forms(english) else english
        rows.append([sub.code, country.alpha_3, shown, sub.type, "|".join(names)])
    rows.sort()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# kroniek first-level subdivisions, built by training/build_regions.py from ISO 3166-2 "
        f"(pycountry {getattr(pycountry, '__version__', '?')}, Debian iso-codes, LGPL-2.1)\n"
    )
    columns = "code\tcountry\tname\ttype\tnames\n"
    body = header + columns + "".join("\t".join(r.replace("\t", " ") for r in row) + "\n" for row in rows)
    # mtime=0: the same data gives the same bytes (the gazetteer cache is keyed by a hash of this file)
    OUT.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {len(rows)} subdivisions to {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
