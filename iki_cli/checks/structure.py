"""The organisation's structure: file names, `atasan`, cycles and the cascade (`mendukung`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..definitions.hierarchy import ancestors
from ..definitions.loading import Definitions
from ..i18n import t
from ..problems import Problem, did_you_mean, shown
from .registry import check


@check("file-name")
def check_file_names(defs: Definitions) -> Iterator[Problem]:
    """A position file is named after its id.

    Bad: ``jabatan/kadis.yaml`` containing ``id: kepala-dinas``.
    Good: ``jabatan/kepala-dinas.yaml`` containing ``id: kepala-dinas``.

    A file in ``jabatan/`` that looks like a position file but is not named
    ``<id>.yaml`` exactly is not read, and is this error too: ``staf.YAML``,
    ``staf.Yaml``, ``staf.yml``, ``staf.yaml.txt`` (as Notepad saves it),
    ``"staf.yaml "`` (a trailing space).
    """
    for j in defs.jabatan:
        stem = j.path.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".yaml")
        if stem != j.model.id:
            yield j.doc.problem(("id",), "file-name",
                                t("checks.file-name", id=j.model.id, stem=stem))


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
        if boss is not None and boss in defs.unloaded:
            continue  # its own file has the error
        if boss is not None and boss not in ids:
            yield j.doc.problem(("atasan",), "atasan",
                                t("checks.atasan-unknown", id=boss) + did_you_mean(boss, ids))
        elif boss == j.model.id:
            yield j.doc.problem(("atasan",), "atasan", t("checks.atasan-self"))
    if defs.jabatan and not heads and not defs.unloaded:  # the head may be the one not loaded
        yield Problem(defs.jabatan[0].path, 1, 1, "error", "atasan", t("checks.no-head"))
    if len(heads) > 1:
        names = ", ".join(f"`{h.model.id}`" for h in heads)
        for h in heads[1:]:
            yield h.doc.problem(("id",), "atasan", t("checks.many-heads", names=names))


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
                                        t("checks.atasan-cycle", loop=loop))
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
                                    t("checks.mendukung-form", value=shown(target)))
                continue
            if pos_id in defs.unloaded:
                continue  # its own file has the error
            if pos_id not in positions:
                yield j.doc.problem(loc, "mendukung", t("checks.mendukung-position", id=pos_id)
                                    + did_you_mean(pos_id, positions))
                continue
            objectives = [s.id for s in positions[pos_id].sasaran]
            if sas_id not in objectives:
                yield j.doc.problem(loc, "mendukung",
                                    t("checks.mendukung-objective", position=pos_id, id=sas_id)
                                    + did_you_mean(sas_id, objectives))
            # A chain that ends at a file that did not load may go on above it.
            elif pos_id not in chain and not (chain and chain[-1] in defs.unloaded):
                above = ", ".join(chain) or t("checks.none")
                yield j.doc.problem(loc, "mendukung",
                                    t("checks.mendukung-not-superior", position=pos_id,
                                      id=j.model.id, superiors=above))
