"""Which entity an English figure is about, where the shared reading (mentions.Reader) is not enough.

English reports name a company once and then state a paragraph of figures about it ("Net income
was $40 million"), refer back with "the company" to the company the article is about, and cite
analysts and surveys whose names are sources, not subjects. So, over the shared reading:

- a person is never a figure's subject, and neither is a source ("analysts at X", "a survey by X",
  "X estimates that", "according to X"), nor a name that only reports ("X said that …") when the
  sentence names another;
- of a unit or product and its owner in one sentence, the unit or product wins;
- "the company" / "the bank" stands for the most-named entity of that kind among those the
  paragraph has named, else in the article; "its" for the last company, bank, group or app;
- a name in an appositive ("Y, the company's subscription") is not referred back to;
- a sentence that names nobody takes the subject of the figure before it in the paragraph, else
  the article's topic (the one company its title names); a sentence citing a source and naming no
  one else is about a market and gets none.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from fintech_tui.draft.limits import NEAR, span_end, span_start, starting_in
from fintech_tui.draft.mentions import (
    BACK_REFERENCES,
    CLAUSE,
    SENTENCE,
    Mention,
    Mentions,
    Reader,
    back_references,
)

_COMPANIES = ("company", "bank", "group")
# A name that reports what follows: "The Conduct Office found that Orbit Bank's target …".
_REPORTS = re.compile(
    r"(?:\s\([^)]{1,12}\))?\)?\s(?:also\s)?(?:said|says|found|finds|noted|notes|reported|reports|estimated|estimates|"
    r"argued|told\s\w+)"
    r"(?:\sin\s\w+(?:\s\w+)?)?\s(?:that\s)?",
)
# An indefinite subject: "A bank that earns …", "a platform that adds lending …": any such firm.
_GENERIC = (re.compile(r"\W*(?:A|An)\s"), re.compile(r"\b(?:a|an)\s(?:[a-z-]+\s){0,2}(?:that|which|who)\s"))
_RELATIVE = re.compile(r"\b(?:which|who|that)\b")  # "X, which bought Y, pays 3%": X's figure, not Y's
# "a round led by Northzone": the agent of a participle describes the deal; it is not what the figure is about
_AGENT_BEFORE = re.compile(
    r"\b(?:led|backed|funded|underwritten|arranged|advised|acquired|bought|issued|provided|offered|run|operated)"
    r"\sby\s(?:the\s)?$"
)
# "The regulator ordered X to pay …", "the agency fined X": the figures are the firm's, not the regulator's
_ACTS_ON = re.compile(
    r"^\s(?:\w+\s)?(?:ordered|fined|fines|required|requires|directed|forced|told|penalised|penalized|sanctioned|"
    r"censured|banned|imposed\s(?:on|upon)|imposes\s(?:on|upon))\s(?:the\s)?$"
)
_SALIENT = ("the company", "the firm", "the bank", "the lender", "the group", "the startup")


class EnglishReader(Reader):
    """The shared reading with the English rules above; one per article."""

    def __init__(self, mentions: Mentions) -> None:
        super().__init__(mentions)
        self.counts: Counter[str] = Counter()  # how often each entity was named so far (not as a source)
        self.topic = ""
        self.previous: str | None = None  # the subject of the figure before, in this paragraph
        self.first = True

    def paragraph(self, text: str) -> list[Mention]:
        found = super().paragraph(text)
        if self.first:  # the title: the topic is the one company it names
            self.first = False
            named = {m.name for m in found if self.mentions.kinds.get(m.name) in _COMPANIES}
            self.topic = next(iter(named)) if len(named) == 1 else ""
        self.previous = None
        return found

    def seen(self, found: list[Mention], text: str = "") -> None:
        super().seen([m for m in found if self._may_be_subject(m)], text)
        self.counts.update(m.name for m in found if not m.source)

    def subject(self, text: str, found: list[Mention], start: int) -> str:
        chosen = self._subject(text, found, start)
        self.previous = chosen
        return chosen

    def _subject(self, text: str, found: list[Mention], start: int) -> str:
        sentence = span_start(SENTENCE, text, start)
        sentence_end = span_end(SENTENCE, text, start)
        if text.startswith("|"):  # a Markdown table: a row is a sentence, its label named first
            sentence = max(sentence, text.rfind("||", max(0, start - NEAR), start) + 1)
            row_end = text.find("||", start, start + NEAR)
            sentence_end = min(sentence_end, row_end) if row_end >= 0 else sentence_end
        clause = max((m.end() for m in CLAUSE.finditer(text, sentence, start)), default=sentence)
        in_sentence = [
            m
            for m in starting_in(found, sentence, start)
            if m.end <= start
            and self._may_be_subject(m)
            and not _AGENT_BEFORE.search(text, max(0, m.start - NEAR), m.start)  # "a round led by X"
        ]
        in_clause = [m for m in in_sentence if m.start >= clause]
        if _generic(text[sentence:start]) and not in_sentence:
            return ""  # "a platform that adds lending can raise its ARPU by 20 percent": any platform
        backs = [b for b in back_references(text, sentence, start) if not self._appositive(text, b, found)]
        if backs and (not in_sentence or backs[-1].start() > in_sentence[-1].end):
            at = backs[-1].start()
            clause_of_back = max((m.end() for m in CLAUSE.finditer(text, sentence, at)), default=sentence)
            referred = self._referred_back(backs[-1].group().lower(), found, at, (clause_of_back, sentence))
            if referred:
                return referred
        speaker = self._first_person(text[clause:start]) if not in_clause else ""
        if speaker:
            return speaker  # "we spent $42 million": the company the speaker stands for
        acted_on = self._acted_on(text, in_sentence)
        if acted_on:
            return acted_on
        if in_clause:
            return self._prefer(text, in_clause, last=True)
        if in_sentence:
            return self._prefer(text, in_sentence, last=False)
        after = [
            m for m in starting_in(found, start, _clause_end(text, start, sentence_end)) if self._may_be_subject(m)
        ]
        if after:
            return after[0].name
        if any(m.source for m in starting_in(found, sentence, sentence_end)):
            return ""  # "a survey by the central bank found that most …": a market, no subject
        if _generic(text[sentence:start]):
            return ""  # "A bank that earns a 3 percent margin …": any bank, no subject
        return self.previous if self.previous is not None else self.topic

    def _first_person(self, clause: str) -> str:
        """The company "we" / "our" stand for in a quote or an interview: the one the article names most."""
        if not re.search(r"\b(?:[Ww]e|[Oo]ur|us)\b", clause):
            return ""
        companies = [(n, c) for n, c in self.counts.items() if self.mentions.kinds.get(n) in _COMPANIES]
        return max(companies, key=lambda pair: pair[1])[0] if companies else ""

    def _acted_on(self, text: str, mentions: list[Mention]) -> str:
        """The firm a regulator named before it acts on ("the bureau ordered Quickpay to pay …"), else ""."""
        for regulator, firm in pairwise(mentions):
            kinds = (self.mentions.kinds.get(regulator.name), self.mentions.kinds.get(firm.name))
            acts = _ACTS_ON.match(text[regulator.end : firm.start])
            if kinds[0] == "organisation" and kinds[1] in _COMPANIES and acts:
                return firm.name
        return ""

    def _may_be_subject(self, mention: Mention) -> bool:
        return not mention.source and self.mentions.kinds.get(mention.name) != "person"

    def _prefer(self, text: str, mentions: list[Mention], last: bool) -> str:
        """Of several names before a figure: not one that only reports, a unit or product over its owner."""
        speaking = [m for m in mentions if _REPORTS.match(text, m.end)]
        if len(speaking) < len(mentions):
            mentions = [m for m in mentions if m not in speaking]
        else:  # a regulator or agency reports on a market, not on itself ("the agency said deposits fell 3%")
            mentions = [m for m in mentions if self.mentions.kinds.get(m.name) != "organisation" or m not in speaking]
            if not mentions:
                return ""
        names = [m.name for m in mentions]
        children = [
            m.name
            for m in mentions
            for owner in mentions
            if self.mentions.parents.get(m.name) == owner.name and not _RELATIVE.search(text, owner.end, m.start)
        ]
        if children:
            return children[-1]
        if last or len(set(names)) == 1:
            return names[-1]
        return names[0]

    def _appositive(self, text: str, back: re.Match[str], found: list[Mention]) -> bool:
        """Whether a back reference describes the name right before it ("Gold, the company's plan")."""
        at = back.start()
        return any(
            re.fullmatch(r",\s", text[m.end : at]) for m in starting_in(found, max(0, at - NEAR), at) if m.end <= at
        )

    def _referred_back(self, word: str, found: list[Mention], at: int, spans: tuple[int, int]) -> str:
        kinds = BACK_REFERENCES.get(word, ())
        if word == "its":
            kinds = (*_COMPANIES, "app")
        here = [m for m in starting_in(found, max(0, at - NEAR), at) if m.end <= at and self._may_be_subject(m)]
        fits = [n for n in [*self.recent, *(m.name for m in here)] if self.mentions.kinds.get(n) in kinds]
        if not fits:
            return ""
        if word in _SALIENT:  # "the company": the one the paragraph, else the article, names most
            named = [m.name for m in here]
            pool = [n for n in named if n in fits] or fits
            order = {n: i for i, n in enumerate(pool)}
            return max(order, key=lambda n: (self.counts[n] + named.count(n), order[n]))
        for left in spans:  # "its": the clause's own subject, else the sentence's, else the last named
            subjects = [m.name for m in here if m.start >= left and self.mentions.kinds.get(m.name) in kinds]
            if subjects:
                return subjects[0]
        return fits[-1]


def _generic(before: str) -> bool:
    return bool(_GENERIC[0].match(before) or _GENERIC[1].search(before))


def _clause_end(text: str, at: int, sentence_end: int) -> int:
    match = CLAUSE.search(text, at, sentence_end)
    return match.start() if match else sentence_end
