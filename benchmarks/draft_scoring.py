"""Score one drafted pack against one truth file (benchmarks/draft_eval/README.md has the rules).

Pure functions over plain data: `score(truth, pack, paragraphs)` returns, per field, the hits and
the two denominators (drafted, truth) with the misses and false positives that explain them, so
the same numbers feed the table, the JSON and `--details`. Nothing here drafts or prints.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FIELDS = (
    "names",
    "kinds",
    "aliases",
    "parents",
    "figures",
    "subjects",
    "hedges",
    "periods",
    "metrics",
    "outline",
    "author",
    "date",
    "claims",
    "relations",
    "glossary",
)
PACK_FILES = ("meta", "source", "outline", "entities", "figures", "arguments", "glossary")
_QUOTES = "\"'“”‘’「」『』«»《》`"
_DROP = re.compile(rf"[\s{re.escape(_QUOTES)}]+")

# Canonical units and the synonyms the scorer accepts (compared casefolded, plural-insensitive).
UNITS: dict[str, tuple[str, ...]] = {
    "%": ("percent", "per cent", "百分之", "％", "pct"),
    "percentage points": ("percentage point", "个百分点", "百分点", "pp", "ppt"),
    "basis points": ("basis point", "bp", "bps", "个基点", "基点"),
    "‰": ("千分之", "per mille"),
    "yuan": ("元", "人民币", "人民币元", "cny", "rmb"),
    "USD": ("$", "us$", "dollar", "dollars", "美元", "usd"),
    "HKD": ("港元", "港币", "hk$"),
    "EUR": ("€", "欧元", "euro", "euros"),
    "GBP": ("£", "英镑", "pound", "pounds"),
    "times": ("倍", "-fold", "fold", "x", "×"),
    "users": ("用户", "名用户", "户"),
    "people": ("人", "名", "person"),
    "firms": ("家",),
    "customers": (),
    "members": (),
    "accounts": (),
    "transactions": ("笔",),
    "branches": (),
    "employees": (),
    "days": ("天", "日", "个工作日", "工作日"),
    "weeks": ("周", "个星期", "星期"),
    "months": ("个月",),
    "years": ("年",),
    "years old": ("岁", "year old"),
    "cards": ("张",),
    "countries": ("个国家和地区", "个国家"),
}
_UNIT_OF = {word.casefold(): canon for canon, words in UNITS.items() for word in (canon, *words)}


class TruthError(ValueError):
    """A truth file that cannot be scored against: the message names the file and the field."""


def norm(text: object) -> str:
    """The form names and titles are compared in: NFKC, casefolded, no spaces, quotes or trailing 's."""
    value = unicodedata.normalize("NFKC", str(text)).casefold().strip()
    for suffix in ("'s", "’s"):
        if value.endswith(suffix):
            value = value[: -len(suffix)]
    return _DROP.sub("", value)


def unit(text: object) -> str:
    """The canonical unit for `text` ("" for none); an unknown unit is compared by its own word."""
    if text is None:
        return ""
    key = unicodedata.normalize("NFKC", str(text)).strip().casefold()
    for candidate in (key, key.removesuffix("s"), key + "s"):
        if candidate in _UNIT_OF:
            return _UNIT_OF[candidate]
    return key.removesuffix("s")


def same_value(drafted: object, truth: object) -> bool:
    """Both None, or both numbers within a relative 1e-6."""
    if drafted is None or truth is None:
        return drafted is None and truth is None
    try:
        a, b = float(drafted), float(truth)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def texts(value: object) -> list[str]:
    """Every string of a plain or bilingual ({en, zh}) field."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(v) for v in value.values() if v is not None and str(v).strip()]
    if isinstance(value, list):
        return [t for item in value for t in texts(item)]
    return [str(value)] if str(value).strip() else []


def contains_either(a: str, b: str) -> bool:
    """Normalised containment either way; empty never matches."""
    na, nb = norm(a), norm(b)
    return bool(na and nb) and (na in nb or nb in na)


def contains_whole_numbers(a: str, b: str) -> bool:
    """Containment either way that never cuts a number: "June 20" is not inside "June 2026"."""
    na, nb = norm(a), norm(b)
    if not (na and nb):
        return False
    short, long = (na, nb) if len(na) <= len(nb) else (nb, na)
    start = long.find(short)
    while start >= 0:
        end = start + len(short)
        cut_before = start > 0 and long[start - 1].isdigit() and short[0].isdigit()
        cut_after = end < len(long) and long[end].isdigit() and short[-1].isdigit()
        if not (cut_before or cut_after):
            return True
        start = long.find(short, start + 1)
    return False


# ---------------------------------------------------------------- reading


def read_truth(path: Path) -> dict[str, Any]:
    """A truth file checked for the shape the scorer relies on; TruthError names file and field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise TruthError(f"{path}: cannot be read as YAML: {str(error).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise TruthError(f"{path}: the top level must be a mapping")
    for key, kind in (("meta", dict), ("outline", list), ("entities", list), ("figures", list), ("claims", list)):
        if not isinstance(data.get(key, kind()), kind):
            raise TruthError(f"{path}: {key}: must be a {kind.__name__}")
    for key, required in (
        ("entities", ("name", "kind")),
        ("figures", ("context", "as_written")),
        ("claims", ("context",)),
    ):
        for i, item in enumerate(data.get(key) or []):
            missing = [name for name in required if not isinstance(item, dict) or not item.get(name)]
            if missing:
                raise TruthError(f"{path}: {key}[{i}].{missing[0]}: required")
    if data.get("language") not in ("zh", "en"):
        raise TruthError(f"{path}: language: must be zh or en")
    return data


def read_pack(folder: Path) -> dict[str, Any]:
    """Every section of the drafted pack; a file that is missing or unreadable gives nothing."""
    sections: dict[str, Any] = {}
    for name in PACK_FILES:
        path = folder / f"{name}.yaml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict):
            sections.update(data)
    return sections


def _items(pack: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = pack.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


# ---------------------------------------------------------------- scores


@dataclass
class Score:
    """hits/drafted is the precision, hits/truth the recall; misses and extras say why.

    Where a drafted item and a truth item are not one-to-one (alias pairs), the recall counts
    its own hits over the truth side (`recalled`), so it can never pass 100 %."""

    hits: int = 0
    drafted: int = 0
    truth: int = 0
    misses: list[str] = field(default_factory=list)  # in the truth, not (rightly) drafted
    extras: list[str] = field(default_factory=list)  # drafted, not in the truth (or wrong)
    recalled: int | None = None  # truth items found, when not the same count as `hits`

    @property
    def precision(self) -> float | None:
        """hits/drafted; drafting nothing where the truth has something scores 0, not "unknown"."""
        if not self.drafted:
            return 0.0 if self.truth else None
        return self.hits / self.drafted

    @property
    def recall(self) -> float | None:
        return self.truth_hits / self.truth if self.truth else None

    @property
    def truth_hits(self) -> int:
        """How many truth items were found: `recalled` where counted apart, else `hits`."""
        return self.hits if self.recalled is None else self.recalled

    def add(self, other: Score) -> None:
        if self.recalled is not None or other.recalled is not None:
            self.recalled = self.truth_hits + other.truth_hits
        self.hits += other.hits
        self.drafted += other.drafted
        self.truth += other.truth
        self.misses += other.misses
        self.extras += other.extras


def _pair_once(
    drafted: list[Any], truth: list[Any], fits: Any, better: Any = None
) -> tuple[dict[int, int], list[int], list[int]]:
    """Pair drafted with truth items, each at most once: pairs where `better` holds first, then `fits`."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for test in [t for t in (better, fits) if t is not None]:
        for t_index, t_item in enumerate(truth):
            if t_index in pairs.values():
                continue
            for d_index, d_item in enumerate(drafted):
                if d_index not in taken and test(d_item, t_item):
                    pairs[d_index] = t_index
                    taken.add(d_index)
                    break
    unmatched_drafted = [i for i in range(len(drafted)) if i not in pairs]
    matched_truth = set(pairs.values())
    unmatched_truth = [i for i in range(len(truth)) if i not in matched_truth]
    return pairs, unmatched_drafted, unmatched_truth


@dataclass
class Entities:
    """Drafted entities matched to truth entities, with the forms each side uses."""

    truth: list[dict[str, Any]]
    drafted: list[dict[str, Any]]
    to_truth: dict[int, int]  # drafted index -> truth index
    by_id: dict[str, int]  # drafted id -> drafted index

    def truth_name(self, drafted_ref: object) -> str | None:
        """The truth `name` a drafted entity id (or a name as written) stands for, if any."""
        if drafted_ref is None or not str(drafted_ref).strip():
            return None
        index = self.by_id.get(str(drafted_ref))
        if index is not None:
            t = self.to_truth.get(index)
            return str(self.truth[t]["name"]) if t is not None else f"<unmatched {drafted_ref}>"
        wanted = norm(drafted_ref)
        for t_item in self.truth:
            if wanted in truth_forms(t_item):
                return str(t_item["name"])
        return f"<unknown {drafted_ref}>"


def truth_forms(entity: dict[str, Any]) -> set[str]:
    return {norm(entity["name"]), *(norm(a) for a in entity.get("aliases") or [])} - {""}


def drafted_forms(entity: dict[str, Any]) -> set[str]:
    aliases = [a.get("text") if isinstance(a, dict) else a for a in entity.get("aliases") or []]
    return {norm(t) for t in texts(entity.get("name")) + texts(aliases)} - {""}


def drafted_label(entity: dict[str, Any]) -> str:
    return " / ".join(texts(entity.get("name"))) or str(entity.get("id", "?"))


def match_entities(truth: list[dict[str, Any]], drafted: list[dict[str, Any]]) -> Entities:
    """Each truth entity matches once: an exact name first, then any shared form."""
    pairs, _, _ = _pair_once(
        drafted,
        truth,
        lambda d, t: bool(drafted_forms(d) & truth_forms(t)),
        lambda d, t: norm(t["name"]) in drafted_forms(d),
    )
    by_id = {str(d.get("id")): i for i, d in enumerate(drafted) if d.get("id") is not None}
    return Entities(truth, drafted, pairs, by_id)


def score_entities(found: Entities) -> dict[str, Score]:
    truth, drafted = found.truth, found.drafted
    names = Score(len(found.to_truth), len(drafted), len(truth))
    matched_truth = set(found.to_truth.values())
    names.misses = [str(t["name"]) for i, t in enumerate(truth) if i not in matched_truth]
    names.extras = [drafted_label(d) for i, d in enumerate(drafted) if i not in found.to_truth]
    kinds = Score(drafted=len(found.to_truth), truth=len(found.to_truth))
    aliases = Score(truth=sum(len(t.get("aliases") or []) for t in truth))
    parents = Score(truth=sum(1 for t in truth if t.get("parent")))
    for d_index, t_index in found.to_truth.items():
        d, t = drafted[d_index], truth[t_index]
        if str(d.get("kind", "")) == str(t["kind"]):
            kinds.hits += 1
        else:
            kinds.extras.append(f"{t['name']}: kind {d.get('kind')!r}, want {t['kind']!r}")
    for d_index, d in enumerate(drafted):
        t_match = found.to_truth.get(d_index)
        forms = truth_forms(truth[t_match]) if t_match is not None else set()
        own = {norm(n) for n in texts(d.get("name"))}
        raw = [a.get("text") if isinstance(a, dict) else a for a in d.get("aliases") or []]
        seen: set[str] = set()
        for alias in texts(raw):
            key = norm(alias)
            if not key or key in own or key in seen:
                continue
            seen.add(key)
            aliases.drafted += 1
            if _links(drafted_forms(d) - {key}, key, forms):
                aliases.hits += 1
            else:
                aliases.extras.append(f"{drafted_label(d)} ← {alias}")
        if d.get("parent"):
            parents.drafted += 1
            owner = found.truth_name(d.get("parent"))
            if t_match is not None and str(truth[t_match].get("parent") or "") == owner:
                parents.hits += 1
            else:
                parents.extras.append(f"{drafted_label(d)} → {d.get('parent')} (reads as {owner})")
    found_alias = {(t_index, norm(a)) for d_i, t_index in found.to_truth.items() for a in _all_forms(drafted[d_i])}
    aliases.recalled = 0
    for t_index, t in enumerate(truth):
        wanted = truth_forms(t)
        for key, alias in {norm(a): a for a in t.get("aliases") or [] if norm(a)}.items():
            held = {form for (t_i, form) in found_alias if t_i == t_index}
            if (t_index, key) in found_alias and _links(held - {key}, key, wanted):
                aliases.recalled += 1
            else:
                aliases.misses.append(f"{t['name']} ← {alias}")
        if t.get("parent"):
            linked = any(
                t_i == t_index and found.truth_name(drafted[d_i].get("parent")) == t["parent"]
                for d_i, t_i in found.to_truth.items()
            )
            if not linked:
                parents.misses.append(f"{t['name']} → {t['parent']}")
    return {"names": names, "kinds": kinds, "aliases": aliases, "parents": parents}


def _links(others: set[str], alias: str, forms: set[str]) -> bool:
    """An alias pair is right when the alias and another form beside it are both one entity's forms."""
    return alias in forms and bool(others & (forms - {alias}))


def _all_forms(entity: dict[str, Any]) -> Iterable[str]:
    aliases = [a.get("text") if isinstance(a, dict) else a for a in entity.get("aliases") or []]
    return texts(entity.get("name")) + texts(aliases)


@dataclass(frozen=True)
class Span:
    para: int
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.para == other.para and self.start < other.end and other.start < self.end


def drafted_span(figure: dict[str, Any], paragraphs: list[str], ids: dict[str, int]) -> Span | None:
    """Where a drafted figure's as_written sits: inside its evidence quote in its evidence paragraph."""
    evidence = figure.get("evidence")
    written = str(figure.get("as_written") or "")
    if not isinstance(evidence, list) or not evidence or not isinstance(evidence[0], dict) or not written:
        return None
    para = ids.get(str(evidence[0].get("para")))
    if para is None:
        return None
    text = paragraphs[para]
    quote = str(evidence[0].get("quote") or "")
    at_quote = text.find(quote) if quote else -1
    at = text.find(written, at_quote) if at_quote >= 0 else -1
    if at < 0 or (at_quote >= 0 and at + len(written) > at_quote + len(quote)):
        at = text.find(written)
    return Span(para, at, at + len(written)) if at >= 0 else None


def truth_spans(figure: dict[str, Any], paragraphs: list[str]) -> list[Span]:
    """Every place the truth figure's context occurs, its as_written located inside each."""
    context, written = str(figure["context"]), str(figure["as_written"])
    spans = []
    for index, text in enumerate(paragraphs):
        at = text.find(context)
        while at >= 0:
            inner = context.find(written)
            start = at + (inner if inner >= 0 else 0)
            spans.append(Span(index, start, start + (len(written) if inner >= 0 else len(context))))
            at = text.find(context, at + 1)
    return spans


def _figure_label(figure: dict[str, Any]) -> str:
    return f"{figure.get('as_written')!s} in “{figure.get('context', '')}”"


def _drafted_figure_label(figure: dict[str, Any]) -> str:
    evidence = figure.get("evidence")
    where = (
        evidence[0].get("para") if isinstance(evidence, list) and evidence and isinstance(evidence[0], dict) else "?"
    )
    return f"{figure.get('as_written')!s} = {figure.get('value')} {figure.get('unit') or '(no unit)'} [{where}]"


def score_figures(
    truth: list[dict[str, Any]],
    drafted: list[dict[str, Any]],
    paragraphs: list[str],
    ids: dict[str, int],
    found: Entities,
) -> dict[str, Score]:
    spans = [drafted_span(d, paragraphs, ids) for d in drafted]
    places = [truth_spans(t, paragraphs) for t in truth]

    def overlaps(d_index: int, t_index: int) -> bool:
        span = spans[d_index]
        return span is not None and any(span.overlaps(p) for p in places[t_index])

    def right(d_index: int, t_index: int) -> bool:
        d, t = drafted[d_index], truth[t_index]
        return same_value(d.get("value"), t.get("value")) and unit(d.get("unit")) == unit(t.get("unit"))

    pairs, lone_drafted, lone_truth = _pair_once(
        list(range(len(drafted))), list(range(len(truth))), overlaps, lambda d, t: overlaps(d, t) and right(d, t)
    )
    figures = Score(drafted=len(drafted), truth=len(truth))
    for d_index, t_index in pairs.items():
        d, t = drafted[d_index], truth[t_index]
        if right(d_index, t_index):
            figures.hits += 1
            continue
        wrong = []
        if not same_value(d.get("value"), t.get("value")):
            wrong.append(f"value {d.get('value')}, want {t.get('value')}")
        if unit(d.get("unit")) != unit(t.get("unit")):
            wrong.append(f"unit {d.get('unit') or ''!r}, want {t.get('unit') or ''!r}")
        figures.misses.append(f"{_figure_label(t)}: drafted {d.get('as_written')!r} with {'; '.join(wrong)}")
        figures.extras.append(f"{_drafted_figure_label(d)} (wrong: {'; '.join(wrong)})")
    figures.misses += [f"{_figure_label(truth[i])}: not drafted" for i in lone_truth]
    figures.extras += [_drafted_figure_label(drafted[i]) for i in lone_drafted]
    scores = {"figures": figures}
    Read = Callable[[dict[str, Any]], Any]
    readings: dict[str, tuple[Read, Callable[[Any, Any], bool]]] = {
        "subjects": (lambda d: found.truth_name(d.get("subject")), lambda a, b: a == b),
        "hedges": (lambda d: str(d.get("hedge") or "") or None, lambda a, b: a.casefold() == b.casefold()),
        "periods": (lambda d: " / ".join(texts(d.get("period"))) or None, contains_whole_numbers),
        "metrics": (lambda d: texts(d.get("metric")) or None, _metric_right),
    }
    for name, (read, agree) in readings.items():
        score = Score()
        for d_index, t_index in sorted(pairs.items(), key=lambda pair: pair[1]):
            d, t = drafted[d_index], truth[t_index]
            got, want = read(d), t.get(name[:-1]) or None
            score.drafted += got is not None
            score.truth += want is not None
            if got is not None and want is not None and agree(got, want):
                score.hits += 1
                continue
            label = f"{t['as_written']} in “{t['context']}”"
            if want is not None:
                score.misses.append(f"{label}: {name[:-1]} {_show(got)}, want {want!r}")
            elif got is not None:
                score.extras.append(f"{label}: {name[:-1]} {_show(got)}, want none")
        scores[name] = score
    return scores


def _metric_right(got: Any, want: Any) -> bool:
    return any(contains_either(g, str(want)) for g in got)


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list):
        value = " / ".join(value)
    return repr(value)


def outline_titles(nodes: object) -> Iterator[str]:
    """The titles of every drafted section and point, nested ones included."""
    if not isinstance(nodes, list):
        return
    for node in nodes:
        if not isinstance(node, dict):
            continue
        if node.get("kind") in ("section", "point"):
            title = " / ".join(texts(node.get("title")))
            yield title
        yield from outline_titles(node.get("children"))


def score_outline(truth: list[dict[str, Any]], pack: dict[str, Any]) -> Score:
    drafted = list(outline_titles(pack.get("outline")))
    wanted = [str(h["title"]) for h in truth if isinstance(h, dict) and h.get("title")]
    pairs, lone_drafted, lone_truth = _pair_once(
        drafted, wanted, lambda d, t: any(contains_either(x, t) for x in d.split(" / "))
    )
    return Score(
        len(pairs), len(drafted), len(wanted), [wanted[i] for i in lone_truth], [drafted[i] for i in lone_drafted]
    )


def score_meta(truth: dict[str, Any], pack: dict[str, Any]) -> dict[str, Score]:
    meta = pack.get("meta") if isinstance(pack.get("meta"), dict) else {}
    scores = {}
    for key in ("author", "date"):
        got = " / ".join(texts(meta.get(key))) if meta else ""
        want = str(truth.get(key) or "")
        ok = norm(got) == norm(want) if key == "author" else got.strip() == want.strip()
        score = Score(int(ok), 1, 1)
        if not ok:
            score.misses.append(f"{key} {got!r}, want {want!r}")
        scores[key] = score
    return scores


def score_claims(truth: list[dict[str, Any]], pack: dict[str, Any]) -> dict[str, Score]:
    drafted = _items(pack, "arguments")

    def quotes(d: dict[str, Any]) -> list[str]:
        evidence = d.get("evidence")
        return (
            [str(e.get("quote") or "") for e in evidence if isinstance(e, dict)] if isinstance(evidence, list) else []
        )

    pairs, lone_drafted, lone_truth = _pair_once(
        drafted, truth, lambda d, t: any(contains_either(q, str(t["context"])) for q in quotes(d))
    )
    claims = Score(len(pairs), len(drafted), len(truth))
    claims.misses = [f"{truth[i].get('role')}: “{truth[i]['context']}”" for i in lone_truth]
    claims.extras = [f"{drafted[i].get('role')}: “{' | '.join(quotes(drafted[i]))}”" for i in lone_drafted]
    relations = Score(drafted=len(pairs), truth=len(pairs))
    for d_index, t_index in pairs.items():
        got, want = drafted[d_index].get("relation") or None, truth[t_index].get("relation") or None
        if got == want:
            relations.hits += 1
        else:
            relations.misses.append(f"“{truth[t_index]['context']}”: relation {got!r}, want {want!r}")
    return {"claims": claims, "relations": relations}


def score_glossary(truth: list[Any], pack: dict[str, Any]) -> Score:
    terms = [t for item in _items(pack, "glossary") for t in texts(item.get("term"))[:1]]
    drafted = {norm(t): t for t in terms if norm(t)}
    wanted = {norm(t): str(t) for t in truth or [] if norm(t)}
    hits = drafted.keys() & wanted.keys()
    return Score(
        len(hits),
        len(drafted),
        len(wanted),
        [wanted[k] for k in wanted if k not in hits],
        [drafted[k] for k in drafted if k not in hits],
    )


def score(truth: dict[str, Any], pack: dict[str, Any]) -> dict[str, Score]:
    """Every field's Score for one article's drafted `pack` against its `truth`."""
    source = _items(pack, "paragraphs")
    paragraphs = [str(p.get("text") or "") for p in source]
    ids = {str(p.get("id")): i for i, p in enumerate(source)}
    found = match_entities(list(truth.get("entities") or []), _items(pack, "entities"))
    scores = score_entities(found)
    scores |= score_figures(list(truth.get("figures") or []), _items(pack, "figures"), paragraphs, ids, found)
    scores["outline"] = score_outline(list(truth.get("outline") or []), pack)
    scores |= score_meta(truth.get("meta") or {}, pack)
    scores |= score_claims(list(truth.get("claims") or []), pack)
    scores["glossary"] = score_glossary(list(truth.get("glossary") or []), pack)
    return {name: scores[name] for name in FIELDS}
