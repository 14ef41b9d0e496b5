"""The statements stage ``statements.quotes/v1``: quotes and reported speech, with their speakers.

Requires ("nlp", "actors"), provides ("statements",). Direct quotations are found in every quotation style
(``quotes``) and attributed (``direct``); reported speech is found from per-language cue words in
``cues/<lang>.toml`` (``indirect``). Each statement gets a speaker (an index into doc.actors, or None when
the text does not say), its text span, ``direct``, the cue span and the channel. Works with tokens and
sentences only; uses the dependency parse for the subject of a speech verb when the nlp stage made one.
It also provides ``doc.attributions``: every speech scope it found (quotes, reported speech, "volgens X",
"..., aldus X") with its speaker, cue and construction, kept whatever ``unattributed_quotes`` says; the
events stage reads them to fill an event's source. A sentence that carries a report on only by its verb
mood ("Z would also withdraw") is an attribution, not a statement.
"""

from __future__ import annotations

from kroniek.document import ArticleDoc, AttributionRecord, StatementRecord
from kroniek.statements.attribution import find_statements
from kroniek.statements.indirect import CARRIED_BY_MOOD


class StatementsStage:
    name = "statements.quotes/v1"
    requires = ("nlp", "actors")
    provides = ("statements", "attributions")

    def __init__(self, unattributed_quotes: bool = True) -> None:
        self.unattributed_quotes = unattributed_quotes

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        found = find_statements(doc)
        records: list[StatementRecord] = []
        for f in found:
            if not self.unattributed_quotes and f.how == "unattributed" and f.speaker.actor is None:
                continue
            if f.how == CARRIED_BY_MOOD:
                continue  # an inference for the events' source, not a statement the text marks
            records.append(
                StatementRecord(speaker=f.speaker.actor, text=f.text, direct=f.direct, cue=f.cue, channel=f.channel)
            )
        doc.statements = records
        doc.attributions = [AttributionRecord(f.speaker.actor, f.text, f.cue, f.how, f.direct) for f in found]
        unknown = sum(1 for r in records if r.speaker is None)
        if unknown:
            doc.notes.append(f"statements: {unknown} of {len(records)} without a known speaker")
        return doc


def make_statements_stage(unattributed_quotes: bool = True) -> StatementsStage:
    return StatementsStage(unattributed_quotes=unattributed_quotes)
