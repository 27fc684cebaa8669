"""Who is whose superior, from what the document says.

Tasks usually end with "… tugas lain yang diberikan oleh Kepala Bidang X": that
names the direct superior. "oleh Bupati" (or a Kepala Dinas that is not in the
document) makes the position the head. A document written by `iki doc -f docx`
states it on a line "Atasan : …".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_GIVEN_BY = re.compile(
    r"\b(?:di\s?berikan|di\s?tugaskan|di\s?perintahkan|di\s?delegasikan)\s+oleh\s+"
    r"(?:atasan\s+(?:langsung\s+)?)?(?P<who>.+?)"
    r"(?=\s+(?:sesuai|dalam|berdasarkan|untuk|guna|agar|sebagai|yang)\b|\s*[.;:]|\s*,\s*$|$)",
    re.IGNORECASE | re.DOTALL)
_EXTERNAL = ("bupati", "wakil bupati", "walikota", "wali kota", "wakil walikota",
             "wakil wali kota", "gubernur", "wakil gubernur", "sekretaris daerah", "sekda",
             "kepala daerah", "menteri", "presiden", "camat")
_VAGUE = ("pimpinan", "atasan", "atasannya")
_STOP = frozenset("dan di ke dari yang serta atau untuk pada".split())
_RANK_FIRST = frozenset({"kepala", "ka", "plt", "wakil"})


@dataclass(frozen=True)
class Superior:
    """What a position's text says about its superior.

    `kind`: "position" (`index` names it), "external" (given by someone outside the
    document: the position heads it), "unmatched" (names a position that is not in
    the document), "unknown" (the text does not say).
    """

    kind: str
    index: int = -1
    text: str = ""
    stated: bool = False
    exact: bool = False


@lru_cache(maxsize=4096)  # every position's title is compared with every other's
def _title_words(text: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return tuple(re.findall(r"[a-z0-9]+", folded))


def _words(text: str) -> list[str]:
    return list(_title_words(text))


def given_by(texts: list[str]) -> str | None:
    """The superior named by "… diberikan oleh X …" in the last text that says it."""
    for text in reversed(texts):
        found = _GIVEN_BY.search(" ".join(text.split()))
        if found:
            return found.group("who").strip(" ,;.")
    return None


def _expand(words: list[str], other: list[str]) -> list[str]:
    """Acronyms spelled out from the other text: `pppa` → `pemberdayaan perempuan …`."""
    content = [w for w in other if w not in _STOP]
    initials = "".join(w[0] for w in content)
    out: list[str] = []
    for w in words:
        at = initials.find(w) if len(w) >= 2 and w not in other and w.isalpha() else -1
        out.extend(content[at:at + len(w)] if at >= 0 else [w])
    return out


def _overlap(a: list[str], b: list[str]) -> float:
    """Share of the words two titles have in common (Jaccard), acronyms spelled out."""
    sa = set(_expand(a, b)) - _STOP
    sb = set(_expand(b, a)) - _STOP
    union = sa | sb
    return len(sa & sb) / len(union) if union else 0.0


def _rank(words: list[str]) -> tuple[str, ...]:
    return tuple(words[:2]) if words and words[0] in _RANK_FIRST else tuple(words[:1])


def match_title(text: str, titles: list[str], own: int) -> tuple[int, bool] | None:
    """The position whose title `text` names (index, exact?), or None when none clearly."""
    want = _words(text)
    if not want:
        return None
    scored: list[tuple[float, int]] = []
    for i, title in enumerate(titles):
        if i == own:
            continue
        have = _words(title)
        if have == want:
            return i, True
        if have[:len(want)] == want or want[:len(have)] == have:
            scored.append((2.0 + min(len(want), len(have)) / 100, i))
        elif _rank(have) == _rank(want):
            score = _overlap(want[len(_rank(want)):], have[len(_rank(have)):])
            if score >= 0.34:
                scored.append((1.0 + score, i))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.05:
        return None  # two positions fit as well: leave it to the reviewer
    return scored[0][1], False


def superior_of(index: int, titles: list[str], stated: str | None,
                texts: list[str]) -> Superior:
    """What the document says about the superior of position `index`."""
    if stated:
        found = match_title(stated, titles, index)
        if found is not None:
            return Superior("position", found[0], stated, stated=True, exact=found[1])
        return Superior("unmatched", text=stated, stated=True)
    who = given_by(texts)
    if who is None:
        return Superior("unknown")
    lowered = " ".join(_words(who))
    if lowered.startswith(_VAGUE):
        return Superior("unknown", text=who)
    found = match_title(who, titles, index)
    if found is not None:
        return Superior("position", found[0], who)
    if lowered.startswith(_EXTERNAL):
        return Superior("external", text=who)
    return Superior("unmatched", text=who)
