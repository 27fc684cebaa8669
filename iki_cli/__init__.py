"""iki: Indikator Kinerja Individu as code."""

__version__ = "0.1.0"
