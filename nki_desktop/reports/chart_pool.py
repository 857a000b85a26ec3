"""Chart widgets kept for reuse while a batch of reports is drawn (a whole län).

Building a pyqtgraph chart costs more than drawing it; inside ``reusing()`` a report's
charts go back to the pool once the report is drawn and the next report takes them (every
chart class clears itself when given new data). Outside a batch each report builds its own.
GUI thread only, like every widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

_pool: dict[Any, list[Any]] | None = None
_roles: dict[int, Any] = {}  # id(chart) -> the role it was taken for


@contextmanager
def reusing() -> Iterator[None]:
    """Keep charts for reuse until the outermost ``with`` ends; then delete them."""
    global _pool
    outer = _pool
    if outer is None:
        _pool = {}
    try:
        yield
    finally:
        if outer is None:
            kept, _pool = _pool or {}, None
            _roles.clear()
            for charts in kept.values():
                for chart in charts:
                    chart.close()
                    chart.deleteLater()


def take(cls: Callable[[], T], role: Any = None) -> T:
    """A chart of this class for this role (e.g. the areas' bars with 11 rows): one from the
    pool when a batch has left one, else a new one. Reusing a chart only for the same role
    keeps its minimum size unchanged (changing it on a window once shown makes Qt warn)."""
    key = (cls, role)
    if _pool is not None and _pool.get(key):
        chart = _pool[key].pop()
        _fresh_axes(chart)
        return chart  # type: ignore[no-any-return]
    chart = cls()
    if _pool is not None:
        _roles[id(chart)] = key
    return chart


def give_back(charts: Iterable[Any]) -> None:
    """Return a drawn report's charts (kept only inside ``reusing()``)."""
    if _pool is None:
        return
    for chart in charts:
        chart.hide()  # the next lay_out() shows it again and lays its new data out
        key = _roles.get(id(chart))
        if key is not None:
            _pool.setdefault(key, []).append(chart)


def _fresh_axes(chart: Any) -> None:
    """Forget the tick labels' size the last report left: an axis keeps its width unless
    the new labels differ by more than 10 pixels, so a reused chart would not match a new
    one."""
    for axis in chart.getPlotItem().axes.values():
        item = axis["item"]
        item.textWidth, item.textHeight = 30, 18  # pyqtgraph's AxisItem starting sizes
        item._adjustSize()
