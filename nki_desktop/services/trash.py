"""The Papperskorg: what the user removed (goals, actions, notes), listed together and restored
one by one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nki_desktop.services import actions as action_svc
from nki_desktop.services import goals as goal_svc
from nki_desktop.services import notes as note_svc
from nki_desktop.storage import Store


@dataclass(frozen=True)
class TrashItem:
    kind: str  # a key of KINDS
    id: int
    title: str
    detail: str
    deleted_at: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind].label if self.kind in KINDS else self.kind


@dataclass(frozen=True)
class TrashKind:
    """One kind of record that can lie in the Papperskorg."""

    key: str
    label: str  # Swedish, singular ("Åtgärd")
    deleted: Callable[[Store, str | None], list[TrashItem]]
    restore: Callable[[Store, int], object]


def _deleted_actions(store: Store, unit: str | None) -> list[TrashItem]:
    return [
        TrashItem("action", a.id or 0, a.title, a.targets_text, a.deleted_at or "")
        for a in action_svc.deleted(store, unit)
    ]


def _deleted_notes(store: Store, unit: str | None) -> list[TrashItem]:
    return [
        TrashItem("note", n.id or 0, n.text, f"{n.date} · {n.scope_text}", n.deleted_at or "")
        for n in note_svc.deleted(store, unit)
    ]


def _deleted_goals(store: Store, unit: str | None) -> list[TrashItem]:
    return [
        TrashItem(
            "goal", g.id, g.figure_label, f"{g.aim} · {g.source}".rstrip(" ·"), g.deleted_at or ""
        )
        for g in goal_svc.deleted(store, unit)
    ]


KINDS: dict[str, TrashKind] = {
    "goal": TrashKind("goal", "Mål", _deleted_goals, goal_svc.restore),
    "action": TrashKind("action", "Åtgärd", _deleted_actions, action_svc.restore),
    "note": TrashKind("note", "Anteckning", _deleted_notes, note_svc.restore),
}


def items(store: Store, unit: str | None = None) -> list[TrashItem]:
    """Everything in the Papperskorg for a kommun (all when None), last removed first."""
    out = [item for kind in KINDS.values() for item in kind.deleted(store, unit)]
    return sorted(out, key=lambda i: i.deleted_at, reverse=True)


def restore(store: Store, item: TrashItem) -> None:
    KINDS[item.kind].restore(store, item.id)
