"""Loading a definitions root: safe YAML with positions, the typed model, the tree, schemas."""
