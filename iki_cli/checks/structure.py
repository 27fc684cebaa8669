"""The organisation's structure: file names, `atasan`, cycles and the cascade (`mendukung`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..definitions.hierarchy import ancestors
from ..definitions.loading import Definitions
from ..problems import Problem, did_you_mean
from .registry import check


@check("file-name")
def check_file_names(defs: Definitions) -> Iterator[Problem]:
    """A position file is named after its id.

    Bad: ``jabatan/kadis.yaml`` containing ``id: kepala-dinas``.
    Good: ``jabatan/kepala-dinas.yaml`` containing ``id: kepala-dinas``.
    """
    for j in defs.jabatan:
        stem = j.path.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".yaml")
        if stem != j.model.id:
            yield j.doc.problem(("id",), "file-name",
                                f"id `{j.model.id}` does not match the file name `{stem}.yaml`; "
                                f"rename the file to `{j.model.id}.yaml` or change the id")


@check("atasan")
def check_atasan(defs: Definitions) -> Iterator[Problem]:
    """`atasan` names an existing position; exactly one position (the head) has none.

    Bad: ``atasan: kepala-dinass`` (no such position), or two files without ``atasan``.
    Good: ``atasan: kepala-dinas``; only ``kepala-dinas.yaml`` has no ``atasan``.
    """
    ids = set(defs.positions)
    heads = [j for j in defs.jabatan if j.model.atasan is None]
    for j in defs.jabatan:
        boss = j.model.atasan
        if boss is not None and boss not in ids:
            yield j.doc.problem(("atasan",), "atasan",
                                f"`atasan` names unknown position `{boss}`"
                                f"{did_you_mean(boss, ids)}")
        elif boss == j.model.id:
            yield j.doc.problem(("atasan",), "atasan", "a position cannot be its own `atasan`")
    if defs.jabatan and not heads:
        yield Problem(defs.jabatan[0].path, 1, 1, "error", "atasan",
                      "no position is the head: exactly one position must have no `atasan`")
    if len(heads) > 1:
        names = ", ".join(f"`{h.model.id}`" for h in heads)
        for h in heads[1:]:
            yield h.doc.problem(("id",), "atasan",
                                f"more than one head ({names}): every position but the head "
                                "needs an `atasan`")


@check("atasan-cycle")
def check_cycles(defs: Definitions) -> Iterator[Problem]:
    """Following `atasan` upwards always reaches the head: no cycles.

    Bad: ``a.yaml`` has ``atasan: b`` and ``b.yaml`` has ``atasan: a``.
    Good: ``a.yaml`` has ``atasan: b``; ``b.yaml`` has ``atasan: kepala-dinas``.
    """
    positions = defs.positions
    for j in defs.jabatan:
        if j.model.atasan == j.model.id:
            continue  # reported by `atasan`
        seen = [j.model.id]
        current = j.model
        while current.atasan and current.atasan in positions:
            if current.atasan in seen:
                if current.atasan == j.model.id:
                    loop = " → ".join(seen + [j.model.id])
                    yield j.doc.problem(("atasan",), "atasan-cycle",
                                        f"`atasan` goes round in a cycle: {loop}")
                break
            seen.append(current.atasan)
            current = positions[current.atasan]


@check("mendukung")
def check_mendukung(defs: Definitions) -> Iterator[Problem]:
    """`mendukung` names an objective of an ancestor, as `<position-id>/<sasaran-id>`.

    Bad: ``mendukung: kabid-ppa/perlindungan-anak`` from a position that is not
    below ``kabid-ppa``, or naming an objective that does not exist.
    Good: ``mendukung: kepala-dinas/kualitas-pelayanan-sosial`` from a Kepala Bidang.
    """
    positions = defs.positions
    for j in defs.jabatan:
        chain = ancestors(positions, j.model.id)
        for si, sas in enumerate(j.model.sasaran):
            target = sas.mendukung
            if target is None:
                continue
            loc = ("sasaran", si, "mendukung")
            pos_id, _, sas_id = target.partition("/")
            if not sas_id or "/" in sas_id:
                yield j.doc.problem(loc, "mendukung",
                                    f"`{target}` must be `<position-id>/<sasaran-id>`")
                continue
            if pos_id not in positions:
                yield j.doc.problem(loc, "mendukung", f"unknown position `{pos_id}`"
                                    f"{did_you_mean(pos_id, positions)}")
                continue
            objectives = [s.id for s in positions[pos_id].sasaran]
            if sas_id not in objectives:
                yield j.doc.problem(loc, "mendukung",
                                    f"position `{pos_id}` has no objective `{sas_id}`"
                                    f"{did_you_mean(sas_id, objectives)}")
            elif pos_id not in chain:
                above = ", ".join(chain) or "none"
                yield j.doc.problem(loc, "mendukung",
                                    f"`{pos_id}` is not a superior of `{j.model.id}` "
                                    f"(superiors: {above}); an objective can only support "
                                    "an objective of a superior")
