"""The typed model of a definitions root (SPEC §1), validated with pydantic."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from ..periods import MAX_YEAR, MIN_YEAR

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SNAKE = r"^[a-z][a-z0-9_]*$"
MAX_ID = 64

def _exactly_one(value: Any) -> Any:
    # `true` and `1.0` equal 1 in Python, and a strict Literal[1] takes them: only the int.
    if type(value) is not int:
        raise ValueError("versi_skema must be the whole number 1")
    return value


SchemaVersion = Annotated[Literal[1], BeforeValidator(_exactly_one)]
# Text that a report shows as a heading or a cell: something besides blanks.
Teks = Annotated[str, Field(pattern=r"\S")]

Agregasi = Literal["jumlah", "terakhir", "rata_rata", "maksimum"]
Polaritas = Literal["positif", "negatif"]


class _Model(BaseModel):
    # allow_inf_nan=False: `.inf` and `.nan` are YAML numbers, but no target or threshold is.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


def _id(pattern: str, what: str) -> Any:
    return Field(description=f"{what} id", json_schema_extra={"pattern": pattern,
                                                            "maxLength": MAX_ID})


class Threshold(_Model):
    """One step of a threshold list: values from `batas_bawah` up get `label`."""

    batas_bawah: float
    label: Teks


class CapaianRules(_Model):
    """How achievement (capaian) is computed (SPEC §3)."""

    negatif: Literal["selisih", "kebalikan"] = "selisih"
    batas_bawah: float = 0
    batas_atas: float | None = None


DEFAULT_PREDIKAT = (
    Threshold(batas_bawah=0, label="Sangat Rendah"),
    Threshold(batas_bawah=51, label="Rendah"),
    Threshold(batas_bawah=66, label="Sedang"),
    Threshold(batas_bawah=76, label="Tinggi"),
    Threshold(batas_bawah=91, label="Sangat Tinggi"),
)


def _year(what: str) -> Any:
    return Field(description=what, ge=MIN_YEAR, le=MAX_YEAR)


class Renstra(_Model):
    """The years of the office's medium-term plan (Renstra), e.g. 2025–2029 (SPEC §7)."""

    awal: int = _year("the plan's first year")
    akhir: int = _year("the plan's last year: an indicator's target for it is the end target")


class KondisiAwal(_Model):
    """An indicator's baseline (kondisi awal) in the Renstra: its value in year `tahun`."""

    tahun: int = _year("the year of the baseline value")
    nilai: float


class Penandatangan(_Model):
    """Who signs the period report: a position (its title is printed) and the person."""

    jabatan: str = Field(description="position id of the signatory",
                         json_schema_extra={"pattern": KEBAB})
    nama: str | None = None
    nip: str | None = None
    pangkat: str | None = None


class Organisasi(_Model):
    """`organisasi.yaml`: the office and its rating rules."""

    versi_skema: SchemaVersion
    nama: Teks
    singkatan: str | None = None
    pemda: Teks
    capaian: CapaianRules = CapaianRules()
    predikat: list[Threshold] = Field(default_factory=lambda: list(DEFAULT_PREDIKAT),
                                      min_length=1)
    ilustratif: bool = False
    penandatangan: Penandatangan | None = None
    tempat: str | None = None
    renstra: Renstra | None = None


class Rentang(_Model):
    """The values a variable can plausibly take (either bound may be absent)."""

    min: float | None = None
    max: float | None = None


class Variabel(_Model):
    """One data element of `variabel.yaml`."""

    id: str = _id(SNAKE, "variable")
    uraian: Teks
    satuan: str | None = None
    agregasi: Agregasi
    sumber_data: str | None = None
    rentang: Rentang | None = None


class Aturan(_Model):
    """A plausibility rule between variables: `syarat` must hold on a period's values."""

    id: str = _id(KEBAB, "rule")
    syarat: str
    pesan: str


class VariabelFile(_Model):
    """`variabel.yaml`: the catalogue of data elements, and the rules between them."""

    versi_skema: SchemaVersion
    variabel: list[Variabel] = Field(min_length=1)
    aturan: list[Aturan] = Field(default_factory=list)


class Contoh(_Model):
    """A worked example: the formula on `nilai` must give `hasil`."""

    nilai: dict[str, float]
    hasil: float


class Indikator(_Model):
    """A performance indicator with its formula and targets."""

    id: str = _id(KEBAB, "indicator")
    nama: Teks
    rumus: str
    satuan: str
    polaritas: Polaritas = "positif"
    desimal: int = Field(default=2, ge=0, le=6)
    sumber_data: str | None = None
    penjelasan: str | None = None
    target: dict[str, float] = Field(default_factory=dict)
    kategori: list[Threshold] | None = Field(default=None, min_length=1)
    contoh: list[Contoh] = Field(default_factory=list)
    kondisi_awal: KondisiAwal | None = None


class Sasaran(_Model):
    """An objective of a position, with its indicators."""

    id: str = _id(KEBAB, "objective")
    uraian: Teks
    mendukung: str | None = Field(
        default=None, json_schema_extra={"pattern": r"^[a-z0-9-]+/[a-z0-9-]+$"})
    indikator: list[Indikator] = Field(min_length=1)


class Jabatan(_Model):
    """`jabatan/<id>.yaml`: one position."""

    versi_skema: SchemaVersion
    id: str = _id(KEBAB, "position")
    jabatan: Teks
    atasan: str | None = None
    tugas: list[str] = Field(min_length=1)
    fungsi: list[str] = Field(default_factory=list)
    sasaran: list[Sasaran] = Field(min_length=1)
    urutan: int | None = None

    @field_validator("tugas", "fungsi")
    @classmethod
    def _no_empty_items(cls, items: list[str]) -> list[str]:
        if any(not item.strip() for item in items):
            raise ValueError("items must not be empty")
        return items


FILE_MODELS: dict[str, type[_Model]] = {
    "organisasi": Organisasi,
    "variabel": VariabelFile,
    "jabatan": Jabatan,
}
