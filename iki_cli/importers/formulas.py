"""Formulas as offices write them, read into an expression over quantities' texts.

A formula may be a Word equation (fractions, brackets, functions as objects, the
rest as text) or plain text (`A / B x 100%`, `A : B`). Text between operators is
a quantity's description: operators are `×`, `−`, `+` anywhere, and `x`, `*`,
`/`, `:`, `-`, `–` only with spaces around them, so `GU/TU`, `rata-rata` and
`(skala 1-4)` stay inside their descriptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .reader import Frac, Func, Group, Other, Piece


@dataclass(frozen=True)
class V:
    """A quantity, by the text that describes it."""

    text: str


@dataclass(frozen=True)
class N:
    """A number, as it is written in a formula (`100`, `0.75`)."""

    text: str


@dataclass(frozen=True)
class B:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class U:
    operand: Expr


@dataclass(frozen=True)
class C:
    name: str
    args: tuple[Expr, ...]


Expr = V | N | B | U | C


@dataclass(frozen=True)
class Formula:
    """A formula read from the document; `percent` when it says `× 100%`."""

    expr: Expr
    percent: bool


class Unreadable(Exception):
    """The text or equation is not a formula this reader understands."""


FUNCTIONS = ("min", "max", "abs")
_ALWAYS_OPS = {"×": "*", "·": "*", "∙": "*", "⋅": "*", "÷": "/", "−": "-", "+": "+", "∗": "*"}
_SPACED_OPS = {"x": "*", "X": "*", "*": "*", "/": "/", ":": "/", "-": "-", "–": "-"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# What may end a description: a bracket, an operator, an argument separator, or blanks
# before an operator written with spaces around it (`x` also before a digit: `x100%`).
_DESCRIPTION_STOP = re.compile(r"[()×·∙⋅÷−+∗;,]|\s+(?=[*/:\-–](?:\s|\Z)|[xX](?:\s|\Z|\d))")
_CALL = re.compile(r"(min|max|abs)\s*\(", re.IGNORECASE)


def number_text(written: str) -> str:
    """A number as the formula language writes it: `0,75` → `0.75`, `100.000` → `100000`."""
    text = written
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        text = text.replace(",", ".") if text.count(",") == 1 else text.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")  # Indonesian thousands: 100.000
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise Unreadable(written) from None
    out = format(value.normalize(), "f")
    return out


# --- tokens -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    kind: str  # num, pct, op, lp, rp, sep, desc, piece, call, fname
    text: str = ""
    piece: Piece | None = None


def _merge_text(pieces: tuple[Piece, ...]) -> list[Piece]:
    out: list[Piece] = []
    for p in pieces:
        if isinstance(p, str) and out and isinstance(out[-1], str):
            out[-1] = out[-1] + p
        else:
            out.append(p)
    return out


class _Scanner:
    """Tokens of a text, knowing whether an operand or an operator comes next."""

    def __init__(self) -> None:
        self.tokens: list[_Tok] = []
        self.open: list[str] = []  # structural brackets: "call" or "paren"

    @property
    def in_call(self) -> bool:
        return bool(self.open) and self.open[-1] == "call"

    def operand_next(self) -> bool:
        if not self.tokens:
            return True
        return self.tokens[-1].kind in ("op", "lp", "sep", "call")

    def scan(self, text: str) -> None:
        i, n = 0, len(text)
        while i < n:
            if text[i].isspace():
                i += 1
            elif self.operand_next():
                i = self._operand(text, i)
            else:
                i = self._operator(text, i)

    def _operator(self, text: str, i: int) -> int:
        ch = text[i]
        if ch in _ALWAYS_OPS:
            self.tokens.append(_Tok("op", _ALWAYS_OPS[ch]))
            return i + 1
        if ch in _SPACED_OPS:
            after = text[i + 1:i + 2]
            if not after or after.isspace() or (ch in "xX" and after.isdigit()):
                self.tokens.append(_Tok("op", _SPACED_OPS[ch]))
                return i + 1
        if ch == "%" and self.tokens and self.tokens[-1].kind == "num":
            self.tokens.append(_Tok("pct"))
            return i + 1
        if ch == ")" and self.open:
            self.open.pop()
            self.tokens.append(_Tok("rp"))
            return i + 1
        if ch in ";," and self.in_call:
            self.tokens.append(_Tok("sep"))
            return i + 1
        raise Unreadable(text[i:])

    def _operand(self, text: str, i: int) -> int:
        ch = text[i]
        if ch == "(":
            self.open.append("paren")
            self.tokens.append(_Tok("lp"))
            return i + 1
        if ch in "-−–":
            self.tokens.append(_Tok("op", "neg"))
            return i + 1
        call = _CALL.match(text, i)
        if call:
            self.open.append("call")
            self.tokens.append(_Tok("call", call.group(1).lower()))
            return call.end()
        num = _NUMBER.match(text, i)
        if num and self._ends_term(text, num.end()):
            self.tokens.append(_Tok("num", number_text(num.group())))
            return num.end()
        return self._description(text, i)

    def _ends_term(self, text: str, j: int) -> bool:
        """True when a number ending at `j` is a term, not the start of a description."""
        k = j
        while k < len(text) and text[k].isspace():
            k += 1
        if k >= len(text):
            return True
        ch = text[k]
        if ch in _ALWAYS_OPS or ch == "%" or (ch == ")" and self.open):
            return True
        if ch in ";," and self.in_call:
            return True
        return k > j and _spaced_op_at(text, j)

    def _description(self, text: str, i: int) -> int:
        start, depth, n = i, 0, len(text)
        while i < n:
            # jump to the next character that may end the description (most are words)
            found = _DESCRIPTION_STOP.search(text, i)
            if found is None:
                i = n
                break
            i = found.start()
            ch = text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0 and self.open:
                    break
                if depth == 0:
                    raise Unreadable("a closing bracket without its opening one")
                depth -= 1
            elif depth == 0 and ch in ";,":
                if self.in_call:
                    break
            elif depth == 0:
                break  # an operator, or a blank before an operator written with spaces
            i = found.end()
        desc = text[start:i].strip()
        if not desc:
            raise Unreadable(text[start:])
        self.tokens.append(_Tok("desc", desc))
        return i


def _spaced_op_at(text: str, i: int) -> bool:
    """True when an operator written with spaces around it starts after the blank at `i`."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text) or text[j] not in _SPACED_OPS:
        return False
    after = text[j + 1:j + 2]
    if text[j] in "xX" and after.isdigit():
        return True
    return not after or after.isspace()


_TRAILING_CALL = re.compile(r"(min|max|abs)\s*\Z", re.IGNORECASE)


def _tokens(pieces: tuple[Piece, ...]) -> list[_Tok]:
    scanner = _Scanner()
    merged = _merge_text(pieces)
    for k, p in enumerate(merged):
        if isinstance(p, str):
            following = merged[k + 1] if k + 1 < len(merged) else None
            name = _TRAILING_CALL.search(p) if isinstance(following, Group) else None
            if name:  # `min` typed as text before a bracket object: a call
                scanner.scan(p[:name.start()])
                scanner.tokens.append(_Tok("fname", name.group(1).lower()))
            else:
                scanner.scan(p)
        elif isinstance(p, Other):
            raise Unreadable(p.text)
        else:
            if scanner.tokens and scanner.tokens[-1].kind == "fname" and isinstance(p, Group):
                name_tok = scanner.tokens.pop()
                p = Func(name_tok.text, (p,))
            if not scanner.operand_next():
                raise Unreadable("two terms without an operator")
            scanner.tokens.append(_Tok("piece", piece=p))
    if scanner.open:
        raise Unreadable("unclosed bracket")
    return scanner.tokens


# --- parsing ------------------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Tok]):
        self.tokens = tokens
        self.i = 0
        self.percent = False

    def peek(self) -> _Tok | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Tok:
        tok = self.peek()
        if tok is None:
            raise Unreadable("the formula ends too soon")
        self.i += 1
        return tok

    def expr(self) -> Expr:
        node = self.term()
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text in "+-":
            self.take()
            node = B(tok.text, node, self.term())
        return node

    def term(self) -> Expr:
        node = self.unary()
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text in "*/":
            self.take()
            node = B(tok.text, node, self.unary())
        return node

    def unary(self) -> Expr:
        tok = self.peek()
        if tok is not None and tok.kind == "op" and tok.text == "neg":
            self.take()
            return U(self.unary())
        return self.atom()

    def atom(self) -> Expr:
        tok = self.take()
        if tok.kind == "num":
            nxt = self.peek()
            if nxt is not None and nxt.kind == "pct":
                self.take()
                if tok.text == "100":
                    self.percent = True
                    return N("100")
                return N(number_text(str(Decimal(tok.text) / 100)))
            return N(tok.text)
        if tok.kind == "desc":
            return V(tok.text)
        if tok.kind == "lp":
            node = self.expr()
            self._close()
            return node
        if tok.kind == "call":
            args = [self.expr()]
            while (nxt := self.peek()) is not None and nxt.kind == "sep":
                self.take()
                args.append(self.expr())
            self._close()
            return _call(tok.text, args)
        if tok.kind == "piece" and tok.piece is not None:
            return self.piece(tok.piece)
        raise Unreadable(tok.text or tok.kind)

    def _close(self) -> None:
        if self.take().kind != "rp":
            raise Unreadable("expected a closing bracket")

    def piece(self, piece: Piece) -> Expr:
        if isinstance(piece, Frac):
            num = self.sub(piece.num)
            den = self.sub(piece.den)
            return fraction(num, den)
        if isinstance(piece, Group):
            items = [self.sub(item) for item in piece.items]
            if len(items) != 1:
                raise Unreadable("a bracket with several items")
            return items[0]
        if isinstance(piece, Func):
            name = piece.name.lower()
            if name not in FUNCTIONS:
                raise Unreadable(piece.name)
            arg = piece.arg
            merged = _merge_text(arg)
            if len(merged) == 1 and isinstance(merged[0], Group):
                return _call(name, [self.sub(i) for i in merged[0].items])
            return _call(name, [self.sub(arg)])
        raise Unreadable("an equation object")

    def sub(self, pieces: tuple[Piece, ...]) -> Expr:
        inner = _Parser(_tokens(pieces))
        node = inner.expr()
        if inner.peek() is not None:
            raise Unreadable("text after the formula")
        self.percent = self.percent or inner.percent
        return node


def _call(name: str, args: list[Expr]) -> Expr:
    if (name == "abs") != (len(args) == 1):  # abs takes one argument, min and max two or more
        raise Unreadable(f"{name} with {len(args)} arguments")
    return C(name, tuple(args))


def _product(node: Expr) -> list[Expr]:
    if isinstance(node, B) and node.op == "*":
        return _product(node.left) + _product(node.right)
    return [node]


def _join(factors: list[Expr]) -> Expr:
    node = factors[0]
    for f in factors[1:]:
        node = B("*", node, f)
    return node


def fraction(num: Expr, den: Expr) -> Expr:
    """`num / den`, with the number factors of the numerator written after the fraction.

    "A × 100% over B" and "A over B × 100%" both mean A / B × 100, as the source
    documents intend (a trailing `× 100%` under the bar is the percentage, not part
    of the denominator).
    """
    up, down = _product(num), _product(den)
    moved: list[Expr] = []
    if len(down) > 1 and isinstance(down[-1], N) and down[-1].text == "100":
        moved.append(down.pop())
    rest: list[Expr] = [f for f in up if not isinstance(f, N)]
    if rest:
        moved = [f for f in up if isinstance(f, N)] + moved
        up = rest
    return _scaled(B("/", _join(up), _join(down)), moved)


def _scaled(node: Expr, factors: list[Expr]) -> Expr:
    for f in factors:
        node = B("*", node, f)
    return node


def parse_pieces(pieces: tuple[Piece, ...]) -> Formula:
    """A formula from a Word equation's pieces or a line of text (as one piece)."""
    parser = _Parser(_tokens(pieces))
    node = parser.expr()
    if parser.peek() is not None:
        raise Unreadable("text after the formula")
    return Formula(node, parser.percent)


def parse_text(text: str) -> Formula:
    """A formula written on one line of text."""
    return parse_pieces((text,))


def descriptions(node: Expr) -> list[str]:
    """The texts of the quantities, in reading order."""
    if isinstance(node, V):
        return [node.text]
    if isinstance(node, B):
        return descriptions(node.left) + descriptions(node.right)
    if isinstance(node, U):
        return descriptions(node.operand)
    if isinstance(node, C):
        return [d for a in node.args for d in descriptions(a)]
    return []


def has_operator(node: Expr) -> bool:
    return not isinstance(node, (V, N))


def simple_fractions(node: Expr) -> list[tuple[str, str]]:
    """(numerator, denominator) texts of every division of one quantity by another."""
    found: list[tuple[str, str]] = []
    if isinstance(node, B):
        if node.op == "/" and isinstance(node.left, V) and isinstance(node.right, V):
            found.append((node.left.text, node.right.text))
        found += simple_fractions(node.left) + simple_fractions(node.right)
    elif isinstance(node, U):
        found += simple_fractions(node.operand)
    elif isinstance(node, C):
        for a in node.args:
            found += simple_fractions(a)
    return found
