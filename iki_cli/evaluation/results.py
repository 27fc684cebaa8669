"""The results of a period: one per indicator, and the office's report of them (SPEC §5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["lengkap", "parsial", "tanpa_data", "galat"]
STATUSES: tuple[Status, ...] = ("lengkap", "parsial", "tanpa_data", "galat")



@dataclass
class Result:
    """One indicator's result for a period; `to_dict` gives exactly SPEC §5's fields."""

    jabatan: str
    sasaran: str
    indikator: str
    nama: str
    satuan: str
    polaritas: str
    realisasi: float | None
    target: float | None
    capaian: float | None
    predikat: str | None
    kategori: str | None
    status: Status
    pesan: list[str]
    nilai: dict[str, float]
    # For the reports, not part of the JSON contract:
    rumus: str = ""
    desimal: int = 2
    kurang: dict[str, list[str]] = field(default_factory=dict)
    # The messages of `pesan` that are not about missing inputs (those are in `kurang`).
    catatan: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        """Add a message that is not about a missing input."""
        self.pesan.append(text)
        self.catatan.append(text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "jabatan": self.jabatan, "sasaran": self.sasaran, "indikator": self.indikator,
            "nama": self.nama, "satuan": self.satuan, "polaritas": self.polaritas,
            "realisasi": self.realisasi, "target": self.target, "capaian": self.capaian,
            "predikat": self.predikat, "kategori": self.kategori, "status": self.status,
            "pesan": list(self.pesan), "nilai": dict(self.nilai),
        }


@dataclass
class Report:
    """All results of one period for one office."""

    periode: str
    organisasi: dict[str, str]
    hasil: list[Result]
    predikat_scale: list[str]

    @property
    def ringkasan(self) -> dict[str, Any]:
        counts: dict[str, Any] = {"indikator": len(self.hasil)}
        for status in STATUSES:
            counts[status] = sum(r.status == status for r in self.hasil)
        found = [r.predikat for r in self.hasil if r.predikat]
        counts["predikat"] = {label: found.count(label) for label in self.predikat_scale
                              if label in found}
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {"versi_skema": 1, "periode": self.periode, "organisasi": self.organisasi,
                "ringkasan": self.ringkasan, "hasil": [r.to_dict() for r in self.hasil]}
