"""Actions and notes through the services: checks, edits, done, soft delete and the
Papperskorg."""

from __future__ import annotations

import pytest

from nki_desktop.domain.actions import DONE, Action, Note
from nki_desktop.domain.errors import InputError, UserError
from nki_desktop.services import actions, notes, trash


def _action(**kw) -> Action:
    base = {"unit": "1880", "title": "Telefontider", "areas": ("bygglov",)}
    base.update(kw)
    return Action(**base)


def test_add_checks_and_stores_every_field(store):
    a = actions.add(
        store,
        _action(
            title="  Telefontider  ",
            factors=("Tillgänglighet",),
            owner="Bygglovschef",
            status="pågår",
            decided="2024-3-1",
            expected_effect="Fler nöjda",
            description="Telefontid 9–11",
        ),
    )
    assert a.id and a.title == "Telefontider"
    assert a.factors == ("tillganglighet",) and a.status == "pagar"
    assert a.decided == "2024-03-01" and a.done is None
    assert a.owner == "Bygglovschef" and a.expected_effect == "Fler nöjda"
    assert a.created_at == a.changed_at != ""


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"title": " "}, "rubrik"),
        ({"areas": ()}, "område"),
        ({"areas": ("bygg-x",)}, "Okänt område"),
        ({"factors": ("snabbhet",)}, "Okänd faktor"),
        ({"status": "klar-ish"}, "Okänd status"),
        ({"decided": "2024-02-30"}, "ÅÅÅÅ-MM-DD"),
        ({"decided": "2024-05-01", "done": "2024-04-01"}, "före beslutsdatum"),
    ],
)
def test_bad_input_is_refused_in_swedish(store, kw, words):
    with pytest.raises(InputError) as info:
        actions.add(store, _action(**kw))
    assert isinstance(info.value, UserError) and words in str(info.value)
    assert actions.actions(store) == []


def test_done_status_without_date_gets_today(store):
    import datetime as dt

    a = actions.add(store, _action(status="genomford"))
    assert a.done == dt.date.today().isoformat()


def test_edit_mark_done_and_filters(store):
    a = actions.add(store, _action(decided="2023-01-10"))
    b = actions.add(store, _action(title="Öppet hus", areas=("total", "miljo_halsoskydd")))
    a.title = "Längre telefontider"
    assert actions.edit(store, a).title == "Längre telefontider"
    with pytest.raises(InputError, match="före beslutsdatum"):
        actions.mark_done(store, a.id, "2022-12-31")
    done = actions.mark_done(store, a.id, "2023-05-02")
    assert done.status == DONE and done.done == "2023-05-02"
    assert [x.id for x in actions.actions(store, "1880", status=DONE)] == [a.id]
    assert [x.id for x in actions.actions(store, "1880", area="total")] == [b.id]
    assert [x.id for x in actions.actions(store, "1880", year=2023)] == [a.id]
    assert actions.actions(store, "0180") == []
    with pytest.raises(InputError, match="ingen åtgärd med id 999"):
        actions.mark_done(store, 999)


def test_remove_goes_to_the_trash_and_restores(store):
    a = actions.add(store, _action())
    n = notes.add(store, Note("1880", "Omorganisation av bygglov", "2022-09-01", 2022, "bygglov"))
    actions.remove(store, a.id)
    notes.remove(store, n.id)
    assert actions.actions(store) == [] and notes.notes(store) == []
    with pytest.raises(InputError, match="redan i papperskorgen"):
        actions.remove(store, a.id)
    items = trash.items(store, "1880")
    assert {(i.kind, i.id) for i in items} == {("action", a.id), ("note", n.id)}
    assert {i.kind_label for i in items} == {"Åtgärd", "Anteckning"}
    assert trash.items(store, "0180") == []
    for item in items:
        trash.restore(store, item)
    assert trash.items(store) == []
    assert [x.title for x in actions.actions(store)] == ["Telefontider"]
    assert [x.text for x in notes.notes(store)] == ["Omorganisation av bygglov"]
    with pytest.raises(InputError, match="inte i papperskorgen"):
        notes.restore(store, n.id)


def test_notes_by_year_and_scope(store):
    notes.add(store, Note("1880", "Hela året", "2023-01-01"))
    notes.add(store, Note("1880", "Få svar: 9", "2023-02-01", year=2022, area="bygglov"))
    assert [n.text for n in notes.notes(store, "1880", 2022)] == ["Hela året", "Få svar: 9"]
    assert [n.text for n in notes.notes(store, "1880", 2021)] == ["Hela året"]
    with pytest.raises(InputError, match="tom"):
        notes.add(store, Note("1880", "  ", "2023-01-01"))
    with pytest.raises(InputError, match="Ogiltigt år"):
        notes.add(store, Note("1880", "x", "2023-01-01", year=23))


def test_a_removed_goal_lies_in_the_same_trash_and_comes_back(store):
    from nki_desktop.services import goals

    g = goals.add(store, "1880", target=75, from_year=2023, source="Näringslivsstrategi")
    a = actions.add(store, _action())
    goals.remove(store, g.id)
    actions.remove(store, a.id)
    items = trash.items(store, "1880")
    assert {(i.kind, i.id) for i in items} == {("goal", g.id), ("action", a.id)}
    goal_item = next(i for i in items if i.kind == "goal")
    assert goal_item.kind_label == "Mål" and goal_item.title == "NKI totalt"
    assert "minst 75" in goal_item.detail and "Näringslivsstrategi" in goal_item.detail
    trash.restore(store, goal_item)
    assert [x.id for x in goals.deleted(store, "1880")] == []
    assert [i.kind for i in trash.items(store, "1880")] == ["action"]
