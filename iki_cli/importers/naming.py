"""Names made from the document's texts: the identity of a quantity, and readable ids."""

from __future__ import annotations

import keyword
import re
import unicodedata

MAX_ID = 64
# Ids stay well under the limit so that they read well in formulas and file names.
_SHORT = 36

_STOP = frozenset("""
    yang yg dan atau serta di ke dari dalam untuk pada oleh dengan dgn terhadap bagi
    the of and or in on for to by a an tersebut sebagai
""".split())
# Words that open a variable's text without telling it apart from others.
_COUNT_WORDS = frozenset({"jumlah", "jml", "jmlh", "banyaknya", "number", "count"})
_INDICATOR_OPENERS = frozenset({"persentase", "prosentase", "presentase", "presentasi",
                                "percentage", "rasio", "jumlah", "jml"})
_OBJECTIVE_OPENERS = frozenset("""
    meningkatnya meningkatkan terwujudnya terpenuhinya tercapainya terlaksananya
    terselenggaranya tersedianya menurunnya berkurangnya terjaminnya terkendalinya
    optimalnya membaiknya increased improved
""".split())
# Ranks written in short, as offices say them.
_RANKS = (("kepala sub bagian", "kasubag"), ("kepala subbagian", "kasubag"),
          ("kepala sub bidang", "kasubid"), ("kepala subbidang", "kasubid"),
          ("kepala bidang", "kabid"), ("kepala seksi", "kasi"),
          ("kepala unit pelaksana teknis", "ka-upt"), ("kepala upt", "ka-upt"))
# Words every variable's text may say ("… dalam periode"): they tell none apart.
_VARIABLE_STOP = frozenset({"periode"})
# Words a variable id must not be: the formula language's functions, and the soft
# keywords of every Python iki runs on (`type` became one in 3.12).
_RESERVED = frozenset({"min", "max", "abs", "match", "case", "type", "_"})


def _ascii_words(text: str) -> list[str]:
    """Lowercase ASCII words of `text`: accents dropped, other characters split words."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return re.findall(r"[a-z0-9]+", folded)


def _shorten(words: list[str], sep: str, limit: int = _SHORT, keep: str | None = None) -> str:
    """Words joined within `limit` characters, ending with `keep` (default: the last word,
    often the qualifier that tells two quantities apart)."""
    joined = sep.join(words)
    if len(joined) <= limit or len(words) < 2:
        return joined[:MAX_ID].strip(sep)
    head: list[str] = []
    for w in words:
        if len(sep.join(head + [w])) > limit:
            break
        head.append(w)
    tail = keep if keep is not None else words[-1]
    if tail not in head:
        while len(head) > 1 and len(sep.join(head + [tail])) > limit:
            head.pop()  # the first word stays: ids start with it (never with a digit)
        head.append(tail)
    return sep.join(head)[:MAX_ID].strip(sep)


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in _STOP]


def unique(base: str, taken: set[str], sep: str) -> str:
    """`base`, or `base<sep>2`, `base<sep>3`, … : the first not in `taken` (then taken)."""
    candidate = base
    n = 2
    while candidate in taken:
        suffix = f"{sep}{n}"
        candidate = base[:MAX_ID - len(suffix)] + suffix
        n += 1
    taken.add(candidate)
    return candidate


def variable_id(text: str, taken: set[str]) -> str:
    """A snake_case id for a quantity: `Jumlah PMKS yang ada` → `pmks_ada`.

    "Jumlah", stop words and explanations in brackets are dropped, the word after
    "yang" (the qualifier) is kept; when the short form is taken by another
    quantity, more words are kept before a number is added. Never a Python keyword
    or soft keyword, nor a function of the formula language.
    """
    words = _ascii_words(re.sub(r"\([^()]*\)", " ", text)) or _ascii_words(text)
    if words and words[0] in _COUNT_WORDS and len(words) > 1:
        words = words[1:]
    after = [words[i + 1] for i, w in enumerate(words[:-1]) if w in ("yang", "yg")]
    qualifier = next((w for w in after if w not in _STOP), None)
    words = [w for w in _content(words) if w not in _VARIABLE_STOP] or words or ["nilai"]
    if words[0][0].isdigit():
        words = ["jumlah", *words]
    base = _shorten(words, "_", keep=qualifier if qualifier in words else None)
    if base in taken:
        base = "_".join(words)[:MAX_ID].strip("_")
    if keyword.iskeyword(base) or keyword.issoftkeyword(base) or base in _RESERVED:
        base = f"{base}_nilai"
    return unique(base, taken, "_")


def kebab_id(text: str, taken: set[str], openers: frozenset[str] = frozenset(),
             fallback: str = "item") -> str:
    """A kebab-case id from a text, without its opening word when that says nothing."""
    words = _ascii_words(text)
    if len(words) > 1 and words[0] in openers:
        words = words[1:]
        if len(words) > 1 and words[0] in _COUNT_WORDS:
            words = words[1:]
    words = _content(words) or words or [fallback]
    return unique(_shorten(words, "-"), taken, "-")


def position_id(title: str, taken: set[str]) -> str:
    """A kebab-case id from a position's title, ranks in short: `kasi-pelayanan-umum`."""
    words = _ascii_words(title)
    text = " ".join(words)
    for long, short in _RANKS:
        if text.startswith(long + " ") or text == long:
            words = [short, *text[len(long):].split()]
            break
    words = _content(words) or words or ["jabatan"]
    return unique(_shorten(words, "-", 48), taken, "-")


def indicator_id(name: str, taken: set[str]) -> str:
    """A kebab-case id from an indicator's name, without "Persentase"/"Jumlah"."""
    return kebab_id(name, taken, _INDICATOR_OPENERS, "indikator")


def objective_id(text: str, taken: set[str]) -> str:
    """A kebab-case id from an objective's text, without "Meningkatnya"/"Terwujudnya"."""
    return kebab_id(text, taken, _OBJECTIVE_OPENERS, "sasaran")
