"""Where a statement was made: a platform ("op Truth Social", "on Telegram"), an interview with a named
medium ("in an interview with CNN"), a medium the speaker addressed ("told CNN", when CNN is a media actor),
or a kind of publication ("in seiner Pressemitteilung" -> "press release"). Lists: cues/channels.toml."""

from __future__ import annotations

import re

from kroniek.document import CharSpan
from kroniek.statements.context import Analysis
from kroniek.statements.lexicon import load_channels

_NAME = r"((?:the |The |de |De |le |Le |la |La )?[A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|van|de|du|der))*)"


def find_channel(an: Analysis, region: CharSpan | None, exclude: CharSpan) -> str | None:
    """The channel named in ``region`` (the cue's sentence or surroundings), outside ``exclude``
    (the reported words) and outside quotations."""
    if region is None:
        return None
    lex = load_channels()
    text = an.text
    pieces = [(region.start, min(region.end, exclude.start)), (max(region.start, exclude.end), region.end)]
    for start, end in pieces:
        if end <= start:
            continue
        chunk = text[start:end]
        low = chunk.lower()
        for name, channel in sorted(lex.platforms.items(), key=lambda kv: -len(kv[0])):
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", chunk):
                if an.in_quote(start + m.start()):
                    continue
                if len(name) == 1:
                    words = chunk[: m.start()].split()
                    if not words or words[-1].lower() not in lex.platform_prepositions:
                        continue
                return channel
        for phrase in lex.interview.get(an.doc.lang, ()):
            i = low.find(phrase + " ")
            if i >= 0:
                named = re.match(_NAME, chunk[i + len(phrase) + 1 :])
                if named:
                    return named.group(1).strip(" .,")
        for phrase in lex.addressee.get(an.doc.lang, ()):
            for m in re.finditer(rf"(?<!\w){re.escape(phrase)}\s+", low):
                at = start + m.end()
                for mention in an.mentions_in(at, at + 80)[:1]:
                    if mention.kind == "media" and mention.start - at <= 4:
                        return an.doc.actors[mention.actor].name
        for noun, channel in lex.generic.items():
            if re.search(rf"(?<!\w){re.escape(noun)}", low):
                return channel
    return None
