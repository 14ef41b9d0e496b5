"""Find direct quotations in a text, whatever the quotation style.

Handles „…” and „…“ (Dutch/German low-9 opener), “…”, "…", ‘…’, '…' (telling quotes from apostrophes),
« … » and » … « (French and reversed German guillemets), ‹…›, nested quotes, and quotes that run over
paragraphs (the typographic convention: no closing mark at a paragraph end, the next paragraph re-opens).

Marks are paired with a stack per paragraph (a line). What is left open at a paragraph end is resolved:
- the next paragraph starts with an opening mark of the same family: the quote continues there;
- a quote nested inside it closed in this paragraph: the closing mark served both (the seed's
  „formule „niets over X” is veranderd in: „…”, aldus …), so the outer quote ends there;
- the opener starts the paragraph or follows a colon: the quote runs to the paragraph end;
- otherwise the mark is dropped as stray.

Only character offsets are returned; deciding which quotes are statements is done in ``direct``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Families: marks of one family pair with each other; double and single never pair across.
_DOUBLE = '"“”„‟'
_SINGLE = "'‘’‚‛"
_GUILLEMET = "«»"
_SINGLE_GUILLEMET = "‹›"
ALL_MARKS = _DOUBLE + _SINGLE + _GUILLEMET + _SINGLE_GUILLEMET
MAX_DEPTH = 6

# Elisions that start with an apostrophe and must not open a quote ('s avonds, 't, '90, 'em, ’s-Gravenhage).
_ELISIONS = ("s ", "t ", "n ", "k ", "em ", "cause ", "til ", "tis ", "twas ", "s-", "t-")


@dataclass(slots=True)
class Quote:
    """One quotation: ``open``/``close`` are the mark positions (close is None when unclosed and resolved
    to the paragraph end), ``start``/``end`` the quoted words without marks or surrounding spaces."""

    open: int
    close: int | None
    start: int
    end: int
    family: str
    depth: int = 0
    children: list[Quote] = field(default_factory=list)
    continued: bool = False  # runs over a paragraph break

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the quoted words when unclosed)."""
        return self.close + 1 if self.close is not None else self.end


def _family(ch: str) -> str:
    if ch in _DOUBLE:
        return "double"
    if ch in _SINGLE:
        return "single"
    if ch in _GUILLEMET:
        return "guillemet"
    return "single_guillemet"


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, open_families: list[str]) -> str:
    """'open', 'close', 'either' or 'none' (apostrophe) for the mark at text[i], from its neighbours."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    fam = _family(ch)
    space_before = before.isspace() or before in "([{—–-/" or i == 0
    space_after = after.isspace() or after in ".,;:!?)]}…" or i + 1 == len(text)
    if fam == "single":
        if _is_word(before) and _is_word(after):
            return "none"  # don't, Ra’ad, l’Observatoire
        if space_before and not space_after:
            rest = text[i + 1 : i + 6]
            if any(rest.startswith(e) for e in _ELISIONS) or (rest[:2].isdigit() and not rest[2:3].isalnum()):
                return "none"
            return "open"
        if space_after and not space_before:
            return "close"
        return "none"
    if ch == "„" or ch == "‟":
        return "open"
    if ch == "«":
        # French opens with «; German may use »…« (then « closes).
        return "close" if "guillemet" in open_families and _top_reversed(text, i) else "open"
    if ch == "»":
        if "guillemet" in open_families:
            return "close"
        return "open" if not space_after else "close"
    if ch == "‹":
        return "open"
    if ch == "›":
        return "close"
    if ch == "“":
        # Closes a German „…“; otherwise the English opener.
        if space_after and not space_before and "double" in open_families:
            return "close"
        return "open" if not space_after else ("close" if "double" in open_families else "none")
    if ch == "”":
        if space_before and not space_after and "double" not in open_families:
            return "open"  # Swedish-style ”…”
        return "close" if "double" in open_families else "none"
    # straight double quote
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _top_reversed(text: str, i: int) -> bool:
    # A « closing a reversed German »…« quote: it follows a word directly.
    return i > 0 and not text[i - 1].isspace()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


@dataclass(slots=True)
class _Open:
    pos: int
    family: str
    closed_children: list[Quote] = field(default_factory=list)
    para_start: int = 0
    continued: bool = False


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations in ``text`` (nested ones hang under ``children``), in text order."""
    top: list[Quote] = []
    paras = _paragraphs(text)
    stack: list[_Open] = []
    skip: set[int] = set()  # re-opening marks of a quote continued over a paragraph break
    for p_index, (p_start, p_end) in enumerate(paras):
        last_single_close = _last_single_close(text, p_start, p_end)
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in ALL_MARKS or i in skip:
                continue
            fam = _family(ch)
            open_fams = [o.family for o in stack]
            role = _role(text, i, open_fams)
            if role == "none":
                continue
            if role == "either":
                role = "close" if fam in open_fams else "open"
            if role == "open":
                if fam == "single" and last_single_close <= i:
                    continue  # an apostrophe after all ('s, a lone ‘ in a name)
                stack.append(_Open(i, fam, para_start=p_start))
                if len(stack) > MAX_DEPTH:
                    del stack[0]  # quotes do not nest this deep: the oldest opener was a stray mark
                continue
            # a closing mark: pop to the innermost open quote of its family
            idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family == fam), None)
            if idx is None:
                continue  # stray closer (e.g. soldiers’ plural possessive)
            # opens above it of another family were strays; drop them
            del stack[idx + 1 :]
            opened = stack.pop()
            _finish(text, opened, i, stack, top)
        _resolve_paragraph_end(text, stack, top, paras, p_index, skip)
    top.sort(key=lambda q: q.open)
    return top


def _last_single_close(text: str, start: int, end: int) -> int:
    """Offset of the last mark in the paragraph that could close a single quote (-1 when none)."""
    for j in range(end - 1, start - 1, -1):
        if text[j] in _SINGLE and _role(text, j, ["single"]) == "close":
            return j
    return -1


def _finish(
    text: str, opened: _Open, close: int | None, stack: list[_Open], top: list[Quote], end: int | None = None
) -> Quote:
    s, e = _trim(text, opened.pos + 1, close if close is not None else (end or opened.pos + 1))
    quote = Quote(
        open=opened.pos,
        close=close,
        start=s,
        end=e,
        family=opened.family,
        depth=len(stack),
        children=opened.closed_children,
        continued=opened.continued,
    )
    if stack:
        stack[-1].closed_children.append(quote)
    else:
        top.append(quote)
    return quote


def _resolve_paragraph_end(
    text: str, stack: list[_Open], top: list[Quote], paras: list[tuple[int, int]], p_index: int, skip: set[int]
) -> None:
    if not stack:
        return
    p_start, p_end = paras[p_index]
    next_para = next(((s, e) for s, e in paras[p_index + 1 :] if text[s:e].strip()), None)
    keep: list[_Open] = []
    while stack:
        opened = stack.pop()
        if opened.closed_children:
            # The closing mark of the last inner quote served both: the outer quote ends there.
            last = opened.closed_children[-1]
            _finish(text, opened, last.close if last.close is not None else last.end, stack, top)
            continue
        if next_para is not None and _opens_paragraph(text, opened, p_start, sentence_ok=True):
            s, e = next_para
            j = s
            while j < e and text[j].isspace():
                j += 1
            if (
                j < e
                and text[j] in ALL_MARKS
                and _family(text[j]) == opened.family
                and _role(text, j, []) in ("open", "either")
            ):
                skip.add(j)
                opened.continued = True
                keep.insert(0, opened)
                continue
        if _opens_paragraph(text, opened, p_start):
            _finish(text, opened, None, stack, top, end=p_end)
    stack.extend(keep)


def _opens_paragraph(text: str, opened: _Open, p_start: int, sentence_ok: bool = False) -> bool:
    """The opener starts its paragraph (maybe after a dash) or follows a colon; with ``sentence_ok`` it may
    also start a sentence inside the paragraph. Looks only at the characters just before the opener."""
    floor = opened.para_start if opened.continued else p_start
    j = opened.pos - 1
    while j >= floor and text[j].isspace():
        j -= 1
    if j < floor:
        return True
    ch = text[j]
    if ch == ":" or (sentence_ok and ch in ".!?"):
        return True
    if ch in "-—–":
        k = j - 1
        while k >= floor and text[k].isspace():
            k -= 1
        return k < floor
    return False


def walk(quotes: list[Quote]) -> list[Quote]:
    """All quotes, nested ones included, in text order."""
    out: list[Quote] = []
    for q in quotes:
        out.append(q)
        out.extend(walk(q.children))
    out.sort(key=lambda q: q.open)
    return out
