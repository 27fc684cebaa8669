"""Machine outputs (JSON, CSV) and writing files atomically."""
