"""Separable verbs split over the clause (issue 13, Dutch round 9).

A Dutch main clause puts the finite verb second and its separable particle at the end: the lexicon's form
"liet vrij" is written "liet een gevangene **vrij**", "droeg over" as "droeg alle bevoegdheden **over** aan
…". A multiword form whose last word is one of the language's ``[cues].separable_particles`` therefore also
matches when its other words stand together and the particle follows later in the same clause, as the
last word of the clause's middle field: what comes right after it closes the clause or opens something the
particle cannot govern (a punctuation mark, a preposition's phrase moved behind the verb, a coordinator, an
infinitive marker). Many particles are prepositions too ("aan", "op", "in", "over"); one followed by a
determiner or a noun ("hield een toespraak **aan** de universiteit") heads a phrase and is no particle.

Without a parse this is word order only; the shipped Dutch parser does not label the particle
(``compound:prt``) reliably enough to decide it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kroniek.events.clauses import Clause
    from kroniek.events.lexicon import Cues
    from kroniek.events.token_table import TokenTable

# coarse tags of a word that may follow a clause-final particle
_AFTER_PARTICLE_TAGS = frozenset({"PUNCT", "ADP", "CCONJ", "SCONJ"})


def separated_particle(
    table: TokenTable, i: int, form: tuple[str, ...], clause: Clause, cues: Cues
) -> tuple[int, int] | None:
    """(end of the verb words, index of the particle) when ``form`` matches at token i with its last word,
    a separable particle, split off to the end of the clause's middle field; else None."""
    particles = cues.separable_particles
    if len(form) < 2 or form[-1] not in particles:
        return None
    norms = table.norms
    end = i + len(form) - 1
    if end >= clause.end or tuple(norms[i:end]) != form[:-1]:
        return None
    for k in range(end + 1, clause.end):  # the particle right after the verb is the joined form
        if norms[k] != form[-1]:
            continue
        after = k + 1
        if (
            after >= clause.end
            or table.pos[after] in _AFTER_PARTICLE_TAGS
            or not any(c.isalnum() for c in norms[after])  # punctuation, also in untagged text
            or norms[after] in cues.prepositions
            or norms[after] in cues.infinitive_markers
            or norms[after] in cues.coordinators
        ):
            return end, k
        return None  # the first such word heads a phrase: the form is not split here
    return None
