"""Evaluation: aggregate each variable, evaluate the formula, rate; results as codes."""
