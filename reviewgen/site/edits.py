"""Changes to a parsed page in time linear in its length.

Beautiful Soup finds a node among its parent's children by scanning them
(``wrap``, ``replace_with``, ``extract`` and ``decompose`` without an
index), so changing many children of one long parent one by one (the
footnotes of a page, the texts of one long paragraph, the items of the print
edition) would take time in the square of its length. These count each
parent's children once and tell Beautiful Soup where each node is; what the
page becomes is what the one-by-one calls make of it.
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from bs4 import PageElement, Tag


class Positions:
    """Each item's place among its parent's children, counted once per parent. A wrap keeps every
    sibling where it was, so the count stays true while the rebuttals are placed."""

    def __init__(self) -> None:
        self.counted: dict[int, dict[int, int]] = {}

    def wrap(self, element: Tag, wrapper: Tag) -> None:
        parent = element.parent
        places = self.counted.get(id(parent))
        if places is None:
            places = self.counted[id(parent)] = {id(child): n for n, child in enumerate(parent.contents)}
        position = places.get(id(element))
        if position is None or position >= len(parent.contents) or parent.contents[position] is not element:
            element.wrap(wrapper)  # the parent changed some other way: let Beautiful Soup find it
            return
        element.extract(_self_index=position)
        parent.insert(position, wrapper)
        wrapper.append(element)
        places[id(wrapper)] = position


def replace_each(replacements: Sequence[tuple[PageElement, Sequence[PageElement]]]) -> None:
    """Each node (in document order) replaced by its pieces, as ``node.replace_with(*pieces)``. They are
    replaced from the last, so a parent's children before the one replaced keep their count."""
    counted: dict[int, dict[int, int]] = {}
    for node, pieces in reversed(replacements):
        parent = node.parent
        places = counted.get(id(parent))
        if places is None:
            places = counted[id(parent)] = {id(child): n for n, child in enumerate(parent.contents)}
        position = places[id(node)]
        node.extract(_self_index=position)
        parent.insert(position, *pieces)


def taken_out(element: Tag, wanted: Callable[[PageElement], bool]) -> list[PageElement]:
    """The children of ``element`` that are ``wanted``, in their order, taken out of it (from the last, so
    each is where it was counted); the others stay."""
    taken = []
    for position in range(len(element.contents) - 1, -1, -1):
        child = element.contents[position]
        if wanted(child):
            taken.append(child.extract(_self_index=position))
    taken.reverse()
    return taken


def decompose_all(nodes: Iterable[Tag]) -> None:
    """Each of ``nodes`` taken out of the page and destroyed, as ``node.decompose()``: each parent's
    children read once, from the last."""
    doomed = {id(node): node for node in nodes}
    parents = {id(node.parent): node.parent for node in doomed.values() if node.parent is not None}
    for parent in parents.values():
        for position in range(len(parent.contents) - 1, -1, -1):
            child = parent.contents[position]
            if id(child) in doomed:
                child.extract(_self_index=position)
    for node in doomed.values():
        node.decompose()
