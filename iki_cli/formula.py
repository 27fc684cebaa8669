"""The formula language of SPEC §2: a small allow-listed arithmetic grammar.

    expr   := term (('+' | '-') term)*
    term   := unary (('*' | '/') unary)*
    unary  := '-' unary | '+' unary | atom
    atom   := NUMBER | NAME | FUNC '(' expr (',' expr)* ')' | '(' expr ')'

Formulas are tokenised and parsed here, never handed to `eval`; anything the
grammar does not name is refused with the column where it starts.

A *condition* (the `syarat` of a plausibility rule) is two formulas joined by
exactly one comparison: `expr ('<=' | '<' | '>=' | '>' | '==' | '!=') expr`.
"""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from .i18n import t
from .problems import printable

# Python's keywords and soft keywords (`type` is one from Python 3.12 on): never a
# variable name, whichever Python runs iki.
RESERVED_WORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) \
    | {"match", "case", "type", "_"}
MAX_LENGTH = 500
MAX_DEPTH = 50
FUNCTIONS: dict[str, Callable[..., float]] = {"min": min, "max": max, "abs": abs}
# min/max of one number would be that number (and Python's min/max would iterate it).
_ARITY = {"min": (2, 99), "max": (2, 99), "abs": (1, 1)}


class FormulaError(Exception):
    """A formula that does not parse; `column` is 1-based within the formula.

    It holds a message key (`formula.<reason>`) and its parameters: `message`
    words it in the language current when it is read, not when the formula
    was parsed.
    """

    def __init__(self, reason: str, column: int, **params: Any):
        super().__init__(reason)
        self.reason = reason
        self.params = params
        self.column = column

    @property
    def message(self) -> str:
        return t(f"formula.{self.reason}", **self.params)

    def __str__(self) -> str:
        return self.message


class EvaluationError(Exception):
    """A formula that parsed but cannot be evaluated: `kind` is `division` or `not-finite`."""

    def __init__(self, kind: str, node: Node | None = None):
        super().__init__(kind)
        self.kind = kind
        self.node = node  # the divisor that is 0 (for `division`)
        self.expr = to_text(node) if node is not None else ""

    def __str__(self) -> str:
        if self.kind == "division":
            return t("formula.division-by-zero", expr=self.expr)
        return t("formula.not-finite")


@dataclass(frozen=True)
class Num:
    value: float
    text: str
    column: int


@dataclass(frozen=True)
class Var:
    name: str
    column: int


@dataclass(frozen=True)
class Unary:
    op: str
    operand: Node
    column: int


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node
    column: int


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]
    column: int


Node = Num | Var | Unary | Binary | Call

_TOKEN = re.compile(
    r"(?P<space>\s+)|(?P<number>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\*\*|//|:=|==|!=|<=|>=|[-+*/(),<>])"
)
COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    "<=": lambda a, b: a <= b, "<": lambda a, b: a < b, ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
}
# Refused operators and characters → the reason (`formula.<reason>` in the catalogue).
_REFUSED = {
    "**": "power", "//": "floor-division", ":=": "assignment",
    "==": "comparison", "!=": "comparison", "<=": "comparison", ">=": "comparison",
    "<": "comparison", ">": "comparison",
}
_CHAR_HINTS = {
    ".": "attribute", "[": "subscript", "]": "subscript", "'": "quotes", '"': "quotes",
    "<": "comparison", ">": "comparison", "=": "equals", "%": "percent",
    "x": "times", "×": "times", ":": "colon",
}


class _Tok(NamedTuple):  # a named tuple: one is made per token of every formula
    kind: str
    text: str  # for an `error` token: the reason
    column: int
    detail: str = ""  # for an `error` token: the character refused


def _tokenize(text: str, comparisons: bool = False) -> list[_Tok]:
    """Tokens up to the first refused character, which becomes an `error` token.

    With `comparisons`, the six comparison operators are `cmp` tokens (for conditions).

    The parser raises an error token only when it reaches it, so the error
    reported is the leftmost one: `__import__('os')` fails at `__import__`.
    """
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        col = pos + 1
        if m is None:
            ch = text[pos]
            if ch.isdigit() or (ch == "." and pos + 1 < len(text) and text[pos + 1].isdigit()):
                return tokens + [_Tok("error", "malformed-number", col)]
            hint = _CHAR_HINTS.get(ch)
            if ch == ",":
                hint = "decimal-comma"
            return tokens + [_Tok("error", hint or "character", col,
                                  printable(ch, one_line=True))]
        kind = m.lastgroup or ""
        value = m.group()
        if kind == "op" and comparisons and value in COMPARISONS:
            kind = "cmp"
        elif kind == "op" and value in _REFUSED:
            return tokens + [_Tok("error", _REFUSED[value], col)]
        if kind == "number" and m.end() < len(text) and (text[m.end()] in "._" or
                                                          text[m.end()].isalnum()):
            return tokens + [_Tok("error", "malformed-number-form", m.end() + 1)]
        if kind != "space":
            tokens.append(_Tok(kind, value, col))
        pos = m.end()
    tokens.append(_Tok("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, tokens: list[_Tok]):
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok:
        tok = self.tokens[self.i]
        if tok.kind == "error":
            raise FormulaError(tok.text, tok.column, char=tok.detail)
        return tok

    def take(self) -> _Tok:
        tok = self.peek()
        self.i += 1
        return tok

    def expect_close(self, opening: _Tok, reason: str) -> _Tok:
        """The `)` that closes `opening` (a `(` or a function's name)."""
        tok = self.peek()
        if tok.text != ")":
            raise FormulaError(reason, tok.column, found=_describe(tok), name=opening.text,
                               at=opening.column)
        return self.take()

    def nest(self, tok: _Tok) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError("too-deep", tok.column, limit=MAX_DEPTH)

    def expr(self) -> Node:
        node = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take()
            node = Binary(op.text, node, self.term(), op.column)
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek().text in ("*", "/"):
            op = self.take()
            node = Binary(op.text, node, self.unary(), op.column)
        return node

    def unary(self) -> Node:
        tok = self.peek()
        if tok.text in ("-", "+"):
            self.take()
            self.nest(tok)
            operand = self.unary()
            self.depth -= 1
            return Unary(tok.text, operand, tok.column)
        return self.atom()

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "number":
            return Num(float(tok.text), tok.text, tok.column)
        if tok.kind == "name":
            return self.name(tok)
        if tok.text == "(":
            self.nest(tok)
            node = self.expr()
            self.expect_close(tok, "expected-close-paren")
            self.depth -= 1
            return node
        raise FormulaError("expected-operand", tok.column, found=_describe(tok))

    def name(self, tok: _Tok) -> Node:
        if tok.text in RESERVED_WORDS:
            raise FormulaError("reserved", tok.column, name=tok.text)
        following = self.peek()
        if tok.text in FUNCTIONS and following.text == "(":
            self.take()
            self.nest(tok)
            args = [self.expr()]
            while self.peek().text == ",":
                self.take()
                args.append(self.expr())
            self.expect_close(tok, "expected-close-call")
            self.depth -= 1
            low, high = _ARITY[tok.text]
            if not low <= len(args) <= high:
                if high == 1:
                    raise FormulaError("arity-one", tok.column, name=tok.text)
                raise FormulaError("arity", tok.column, name=tok.text, low=low, high=high)
            return Call(tok.text, tuple(args), tok.column)
        if following.text == "(":
            raise FormulaError("function", tok.column, name=tok.text)
        return Var(tok.text, tok.column)


def _describe(tok: _Tok) -> str:
    if tok.kind == "end":
        return f"`{tok.text}`" if tok.text else t("formula.the-end")
    return f"`{tok.text}`"


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise FormulaError("not-text", 1)
    if len(text) > MAX_LENGTH:
        raise FormulaError("too-long", MAX_LENGTH + 1, length=len(text), limit=MAX_LENGTH)
    if not text.strip():
        raise FormulaError("empty", 1)
    return text


def _parse_tokens(tokens: list[_Tok]) -> Node:
    parser = _Parser(tokens)
    node = parser.expr()
    tok = parser.peek()
    if tok.kind != "end":
        if tok.kind in ("name", "number"):
            raise FormulaError("expected-operator", tok.column, found=_describe(tok))
        raise FormulaError("unexpected", tok.column, found=_describe(tok))
    return node


def parse(text: str) -> Node:
    """Parse a formula, raising FormulaError with the column of the offending token."""
    return _parse_tokens(_tokenize(_check_text(text)))


@dataclass(frozen=True)
class Condition:
    """Two formulas compared: `left op right`; `column` is the comparison's."""

    left: Node
    op: str
    right: Node
    column: int


def parse_condition(text: str) -> Condition:
    """Parse a condition (two formulas and one comparison), errors located like formulas'."""
    tokens = _tokenize(_check_text(text), comparisons=True)
    at = [i for i, tok in enumerate(tokens) if tok.kind == "cmp"]
    if not at:
        _parse_tokens(tokens)  # a formula's own error comes first
        raise FormulaError("condition-no-comparison", len(text) + 1)
    if len(at) > 1:
        raise FormulaError("condition-two-comparisons", tokens[at[1]].column)
    cmp = tokens[at[0]]
    left = _parse_tokens(tokens[:at[0]] + [_Tok("end", cmp.text, cmp.column)])
    return Condition(left, cmp.text, _parse_tokens(tokens[at[0] + 1:]), cmp.column)


def condition_variables(condition: Condition) -> list[Var]:
    """Every variable reference of both sides, in reading order."""
    return variables(condition.left) + variables(condition.right)


def holds(condition: Condition, values: Mapping[str, float]) -> bool:
    """Whether the condition holds on numbers; EvaluationError as for `evaluate`."""
    return COMPARISONS[condition.op](evaluate(condition.left, values),
                                     evaluate(condition.right, values))


def variables(node: Node) -> list[Var]:
    """Every variable reference, in reading order."""
    found: list[Var] = []
    _collect(node, found)
    return found


def _collect(node: Node, found: list[Var]) -> None:
    if isinstance(node, Var):
        found.append(node)
    elif isinstance(node, Binary):
        _collect(node.left, found)
        _collect(node.right, found)
    elif isinstance(node, Unary):
        _collect(node.operand, found)
    elif isinstance(node, Call):
        for arg in node.args:
            _collect(arg, found)


def evaluate(node: Node, values: Mapping[str, float]) -> float:
    """Evaluate on numbers; raises EvaluationError on division by zero or overflow."""
    result = _eval(node, values)
    if not math.isfinite(result):
        raise EvaluationError("not-finite")
    return result


def _eval(node: Node, values: Mapping[str, float]) -> float:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Var):
        return float(values[node.name])
    if isinstance(node, Unary):
        value = _eval(node.operand, values)
        return -value if node.op == "-" else value
    if isinstance(node, Call):
        return float(FUNCTIONS[node.name](*(_eval(arg, values) for arg in node.args)))
    left = _eval(node.left, values)
    right = _eval(node.right, values)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if right == 0:
        raise EvaluationError("division", node.right)
    return left / right


Evaluator = Callable[[Mapping[str, float]], float]


def compiled(node: Node) -> Evaluator:
    """`evaluate` of this formula, as one function of the values: for a formula evaluated
    many times (every period of an indicator's history). A closure per node, left operand
    before right as `_eval` goes, so the same error is raised at the same divisor."""
    inner = _closure(node)

    def run(values: Mapping[str, float]) -> float:
        result = inner(values)
        if not math.isfinite(result):
            raise EvaluationError("not-finite")
        return result

    return run


def _closure(node: Node) -> Evaluator:
    if isinstance(node, Num):
        number = node.value
        return lambda values: number
    if isinstance(node, Var):
        name = node.name
        return lambda values: float(values[name])
    if isinstance(node, Unary):
        operand = _closure(node.operand)
        return (lambda values: -operand(values)) if node.op == "-" else operand
    if isinstance(node, Call):
        fn, args = FUNCTIONS[node.name], [_closure(arg) for arg in node.args]
        return lambda values: float(fn(*[arg(values) for arg in args]))
    left, right, op, divisor = _closure(node.left), _closure(node.right), node.op, node.right
    if op == "+":
        return lambda values: left(values) + right(values)
    if op == "-":
        return lambda values: left(values) - right(values)
    if op == "*":
        return lambda values: left(values) * right(values)

    def divide(values: Mapping[str, float]) -> float:
        a, b = left(values), right(values)
        if b == 0:
            raise EvaluationError("division", divisor)
        return a / b

    return divide


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def to_text(node: Node, names: Mapping[str, str] | None = None, *, times: str = "*") -> str:
    """The formula written back, minimally parenthesised; `names` replaces variable ids."""

    def go(n: Node, parent: int, right_side: bool) -> str:
        if isinstance(n, Num):
            return n.text
        if isinstance(n, Var):
            return names.get(n.name, n.name) if names else n.name
        if isinstance(n, Unary):
            return f"{n.op}{go(n.operand, 3, False)}"
        if isinstance(n, Call):
            return f"{n.name}(" + ", ".join(go(a, 0, False) for a in n.args) + ")"
        prec = _PRECEDENCE[n.op]
        op = times if n.op == "*" else n.op
        text = f"{go(n.left, prec, False)} {op} {go(n.right, prec, True)}"
        if prec < parent or (right_side and prec == parent):
            return f"({text})"
        return text

    return go(node, 0, False)


def factors(node: Node, inverted: bool = False) -> list[tuple[Node, bool]]:
    """The top-level product chain as (factor, is_divisor) pairs."""
    if isinstance(node, Binary) and node.op in ("*", "/"):
        return factors(node.left, inverted) + factors(node.right,
                                                       inverted ^ (node.op == "/"))
    return [(node, inverted)]


def scales_by_100(node: Node) -> bool:
    """True when the formula multiplies its whole value by 100 (a percentage).

    `min(a / b * 100, 100)` counts: a clamp keeps the scale of its arguments.
    """
    if isinstance(node, Call):
        varying = [arg for arg in node.args if variables(arg)]
        return bool(varying) and all(scales_by_100(arg) for arg in varying)
    return any(isinstance(f, Num) and f.value == 100 and not div for f, div in factors(node))


def is_ratio(node: Node) -> bool:
    """True when the formula divides by something that holds a variable."""
    return any(div and variables(f) for f, div in factors(node))
