"""The ground truth a generated file is made from, and what importing it must store."""

from __future__ import annotations

from dataclasses import dataclass

GROUP = "foretag"  # ÖJ rankings are företag only


@dataclass(frozen=True)
class Cell:
    """One unit's measures in one area, as the file states them."""

    value: float | None  # None: the value is missing and ``marker`` is written
    marker: str = ""  # '', '-', '–', '—', '.', '..', 'x'
    n: int | None = None
    rank: int | None = None
    rank_of: int | None = None  # written "12 av 190"
    n_in_cell: bool = False  # written "86 (114)" or "- (4)" in the value cell (no n column)
    mark: str = ""  # a footnote mark after the value: "86*", "86 ¹"


@dataclass(frozen=True)
class Unit:
    kind: str  # kommun | riket | joint
    key: str  # as stored: kommunkod, 'riket' or 'jb:<name>'
    code: str = ""  # kommunkod (kommuner only)
    name: str = ""  # catalogue name, or the joint body's name
    lan: str = ""  # län code (kommuner only)
    group: str = ""  # SKR kommungrupp (kommuner only; written in an unused column)
    population: int = 0
    members: tuple[str, ...] = ()  # a joint body's member kommuner (codes)
    member_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class AreaColumns:
    """An area as the file has it: its value column and, in file order, rank and/or n."""

    key: str
    factor: str  # nki, or nui for upphandling
    measures: tuple[str, ...]  # 'value' first, then 'rank' / 'n' in file order


@dataclass(frozen=True)
class Truth:
    year: int
    areas: tuple[AreaColumns, ...]
    units: tuple[Unit, ...]
    cells: tuple[tuple[Cell, ...], ...]  # per unit, aligned with ``areas``

    def expected(self) -> dict[tuple[int, str, str, str, str], tuple]:
        """(year, unit, area, factor, group) → (value, missing, n, rank) as stored."""
        out: dict[tuple[int, str, str, str, str], tuple] = {}
        for unit, cells in zip(self.units, self.cells, strict=True):
            for area, cell in zip(self.areas, cells, strict=True):
                missing = cell.marker if cell.value is None else None
                out[(self.year, unit.key, area.key, area.factor, GROUP)] = (
                    cell.value,
                    missing,
                    cell.n,
                    cell.rank,
                )
        return out

    def joint_bodies(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """As ``Store.joint_bodies()`` lists them: (key, name, member codes), by name."""
        return sorted(
            ((u.key, u.name, u.members) for u in self.units if u.kind == "joint"),
            key=lambda j: j[1],
        )
