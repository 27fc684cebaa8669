"""The rules of a definitions root: one explicit table of checks, read-only over a loaded root.

Every check's docstring explains the rule with a bad and a good example;
`docs/rules.md` is generated from them (`python -m iki_cli.checks.rules`).
"""

from __future__ import annotations

from pathlib import Path

from ..definitions.loading import Definitions, load_definitions
from ..problems import Problem, sort_problems
from . import formulas, fractions, ids, office, plan, plausibility, scales, structure
from .registry import Check, table

CHECKS: dict[str, Check] = table([
    ids.check_ids,
    structure.check_file_names,
    ids.check_unique_ids,
    structure.check_atasan,
    structure.check_cycles,
    structure.check_mendukung,
    office.check_urutan,
    office.check_penandatangan,
    formulas.check_formulas,
    formulas.check_variables_exist,
    formulas.check_unused,
    plausibility.check_rentang,
    plausibility.check_aturan_ids,
    plausibility.check_aturan_syarat,
    scales.check_thresholds,
    scales.check_target_periods,
    scales.check_target_signs,
    plan.check_renstra_years,
    plan.check_baseline_years,
    formulas.check_examples,
    formulas.check_name_percent,
    formulas.check_name_count,
    fractions.check_inverted_fractions,
])


def run_checks(defs: Definitions) -> list[Problem]:
    """Run every check in table order; none of them changes `defs`."""
    problems: list[Problem] = []
    for c in CHECKS.values():
        problems.extend(c.fn(defs))
    return problems


def validate(root: Path) -> tuple[Definitions, list[Problem]]:
    """Load a definitions root and run every check: all problems of all files, sorted."""
    defs, problems = load_definitions(root)
    problems.extend(run_checks(defs))
    return defs, sort_problems(problems)
