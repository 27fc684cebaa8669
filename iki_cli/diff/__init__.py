"""`iki diff`: both sides read from git, compared by id and field, described for review."""
