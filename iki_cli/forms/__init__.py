"""Data-entry forms written for people to fill in: the values CSV and workbook templates."""
