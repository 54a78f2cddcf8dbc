"""English claims beyond a sentence's opening marker: the clauses a marker opens mid-sentence, a
paragraph's topic sentence, and the lead sentence that interprets rather than reports.

- ", though …", ", but …", "; yet …" qualify what precedes them; ", because …", ", since it …",
  ", saying …" give a reason; ", so the …", ", therefore …" conclude. Quoted speech is left whole.
- A paragraph after the lead that opens with a short sentence stating no number ("Fees rose faster
  than loans.") and goes on to support it: that sentence is the paragraph's point.
- The thesis is the lead's sentence that interprets (suggests / shows / means that) or repeats
  the title's words, where the lead's first sentence only sets a scene or reports a result.
"""

from __future__ import annotations

import re

Reading = tuple[str, str]  # a claim's role and its relation to its point (arguments.Marker's fields)
QUALIFICATION: Reading = ("qualification", "opposes")
REASON: Reading = ("reason", "supports")
CONCLUSION: Reading = ("conclusion", "supports")

# A marker inside a sentence and the reading of the clause it opens.
_INSIDE = (
    (re.compile(r"(?:,|;)\s(?=(?:though|although|but|yet)\s)"), QUALIFICATION),
    (re.compile(r"(?:,\s|\s)(?=because\s)"), REASON),
    (re.compile(r",\s(?=saying\s(?:that\s)?(?:the|it|they|its|their|a|an)\b)"), REASON),
    (
        re.compile(r"(?:,|;)\s(?=(?:so|therefore|hence)\s(?:the|it|they|its|their|a|an|we|he|she|this|there)\b)"),
        CONCLUSION,
    ),
)
_QUOTES = re.compile(r"[\"“”]")
_CORRECTION = re.compile(r"\b(?:not|no longer)\s(?:whether|only|just|so much|about|on|in|the|a|an)\b")
_INTERPRETS = re.compile(r"\b(?:suggests?|shows?|means?|indicates?|signals?)\s(?:that\b)?|\bI (?:think|believe)\b")
_NUMBER = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[A-Za-z][a-z'’-]+")
TOPIC_WORDS = 14  # a paragraph's opening sentence at most this long can be its point
_SMALL_WORDS = (
    "the a an and or of to in on for with by from at as is are was were be its their it this that how what why "
    "who which more most less but not after before over into than"
)
_SMALL = frozenset(_SMALL_WORDS.split())


def clauses(sentence: str) -> list[tuple[str, Reading | None]]:
    """`sentence` cut where a marker opens a clause inside it: the first part, then each marked clause."""
    if sentence.lstrip().startswith(('"', "“", "‘", "'")):
        return [(sentence, None)]  # quoted speech stays one claim
    cuts: list[tuple[int, int, Reading]] = []
    for pattern, marker in _INSIDE:
        for match in pattern.finditer(sentence):
            if len(_QUOTES.findall(sentence, 0, match.start())) % 2 == 1:
                continue  # inside a quotation
            but = sentence.startswith("but", match.end())
            if marker is QUALIFICATION and but and _CORRECTION.search(sentence, 0, match.start()):
                continue  # "not whether they will, but who will": one claim corrected, not qualified
            if _NUMBER.search(_YEAR.sub("", _clause_after(sentence, match.end()))):
                continue  # ", but the bank qualified for a 30 percent discount": data, not a claim
            cuts.append((match.start(), match.end(), marker))
    if not cuts:
        return [(sentence, None)]
    cuts.sort()
    parts: list[tuple[str, Reading | None]] = [(sentence[: cuts[0][0]].rstrip(" ,;"), None)]
    for (_, begin, marker), following in zip(cuts, [*cuts[1:], (len(sentence), 0, None)], strict=True):
        parts.append((sentence[begin : following[0]].rstrip(" ,;"), marker))
    return [(text, marker) for text, marker in parts if len(text.split()) >= 3]


def _clause_after(sentence: str, at: int) -> str:
    following = [m.start() for pattern, _ in _INSIDE for m in pattern.finditer(sentence, at)]
    return sentence[at : min(following, default=len(sentence))]


def is_topic_sentence(sentence: str, sentences_in_paragraph: int) -> bool:
    """A short opening sentence with no number but a year, followed by the sentences that bear it out."""
    words = sentence.split()
    bare = _YEAR.sub("", sentence)
    if _TIMESTAMP.match(sentence) or sentence.rstrip().endswith("?"):
        return False  # "[00:18:05]", "JORDAN VALE: And Brex?": a time or a question, not a paragraph's point
    return sentences_in_paragraph >= 2 and 3 <= len(words) <= TOPIC_WORDS and not _NUMBER.search(bare)


# A heading that asks or labels (How Fiserv got here, What to watch, About Nu, Key takeaways) names a topic.
_TOPIC_OPENERS = re.compile(
    r"^(?:how|what|why|where|who|when|which|should|can|is|are|about|key|our|the bottom line)\b", re.I
)
_AUXILIARIES = frozenset("is are was were be been has have had did does do can will would could may might must".split())  # noqa: SIM905
# A verb the way a headline writes one: "Affirm is the benchmark", "The bill comes due", "Rates bought growth".
_VERB_LIKE = re.compile(r"^[a-z][a-z'’-]*(?:s|ed)$")
# A timestamp ([00:18:05]) is a transcript's furniture, never a point.
_TIMESTAMP = re.compile(r"^\[?\d{1,2}:\d{2}")


def states_claim(heading: str) -> bool:
    """Whether an English heading says something (The valuation reset is real) rather than naming a topic
    (Guidance, The rivals, How Fiserv got here, What could go wrong?)."""
    words = re.sub(r"^\s*(?:\d{1,2}[.)]|#+)\s*", "", heading).rstrip(" .").split()
    if len(words) < 4 or heading.rstrip().endswith("?") or _TOPIC_OPENERS.match(" ".join(words)):
        return False
    rest = [w.strip(",;:") for w in words[1:]]
    return any(w in _AUXILIARIES or _VERB_LIKE.match(w) for w in rest)


def lead_thesis(sentences: list[str], title: str) -> int:
    """Which of the lead's sentences is the thesis: one that interprets, else one that repeats the title, else 0."""
    for index, sentence in enumerate(sentences):
        if _INTERPRETS.search(sentence) and index > 0:
            return index
    words = _content(title)
    if not words or _content(sentences[0]) & words:
        return 0
    overlaps = [len(_content(sentence) & words) for sentence in sentences]
    best = max(range(len(sentences)), key=lambda i: (overlaps[i], -i))
    return best if overlaps[best] >= 2 else 0


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _SMALL and len(w) > 3}
