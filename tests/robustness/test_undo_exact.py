"""Undo is exact: random edit sequences through the real undo commands, undone and redone.

After any sequence, undoing everything gives back the start state byte for byte
(case.json as saved, graph included) and redoing everything gives the end state.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtGui import QUndoStack

from linkchart.commands import (
    AddCitationCommand,
    AddEntitiesCommand,
    AddLinkCommand,
    ApplyDraftCommand,
    MakeGroupCommand,
    MergeEntitiesCommand,
    MoveEntitiesCommand,
    RemoveCitationCommand,
    RemoveGroupCommand,
    RemoveItemsCommand,
    SetPositionsCommand,
    UpdateEntitiesCommand,
    UpdateGroupCommand,
    UpdateLinksCommand,
    push,
)
from linkchart.io.lcase import case_json_bytes
from linkchart.model import Article, Case, Citation, Draft, Entity, Link

TEXT = "Iranian-sponsored Houthi rebels in Yemen claimed an attack; the Quds Force plotted against John Bolton."
WORDS = st.text("abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12)
TYPES = st.sampled_from(["person", "armed_group", "country", "event", "organization"])
LINK_TYPES = st.sampled_from(["backed_by", "funds", "plotted_against", "allied_with"])


def snapshot(case: Case) -> tuple:
    edges = sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in case.graph.edges(keys=True, data=True))
    nodes = sorted((n, tuple(sorted(d.items()))) for n, d in case.graph.nodes(data=True))
    return case_json_bytes(case), edges, nodes


class UndoMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.case = Case(title="Undo")
        self.article = self.case.add_article(TEXT, title="Seed")
        for label in ("Iran", "Houthis", "Quds Force"):
            self.case.add_entity(label, "organization")
        self.stack = QUndoStack()
        self.start = snapshot(self.case)

    # ------------------------------------------------------------ helpers
    def _pick(self, data, pool):
        return data.draw(st.sampled_from(list(pool)))

    def _span(self, data) -> Citation:
        start = data.draw(st.integers(0, len(TEXT) - 1))
        end = data.draw(st.integers(start, min(len(TEXT), start + 40)))
        return Citation(self.article.id, start, end, TEXT[start:end])

    # -------------------------------------------------------------- rules
    @rule(label=WORDS, kind=TYPES)
    def add_entity(self, label, kind):
        push(self.stack, AddEntitiesCommand(self.case, [Entity(label, kind)]))

    @precondition(lambda self: len(self.case.entities) >= 2)
    @rule(data=st.data(), kind=LINK_TYPES, strength=st.sampled_from(["confirmed", "probable", "possible"]))
    def add_link(self, data, kind, strength):
        a, b = self._pick(data, self.case.entities), self._pick(data, self.case.entities)
        push(self.stack, AddLinkCommand(self.case, Link(a, b, kind, strength=strength)))

    @precondition(lambda self: self.case.entities)
    @rule(data=st.data(), label=WORDS, notes=WORDS, kind=TYPES, aliases=st.lists(WORDS, max_size=3))
    def edit_entity(self, data, label, notes, kind, aliases):
        eid = self._pick(data, self.case.entities)
        push(self.stack, UpdateEntitiesCommand(self.case, {eid: {"label": label, "notes": notes, "type": kind, "aliases": aliases}}))

    @precondition(lambda self: self.case.links)
    @rule(data=st.data(), date=st.sampled_from(["", "2019-05", "about 2018", "2018/2019"]),
          direction=st.sampled_from(["forward", "both", "none"]), grade=st.sampled_from(["", "A", "C", "F"]))
    def edit_link(self, data, date, direction, grade):
        lid = self._pick(data, self.case.links)
        push(self.stack, UpdateLinksCommand(self.case, {lid: {"date": date, "direction": direction, "reliability": grade}}))

    @precondition(lambda self: self.case.entities)
    @rule(data=st.data(), dx=st.floats(-500, 500), dy=st.floats(-500, 500))
    def move(self, data, dx, dy):
        ids = data.draw(st.lists(st.sampled_from(list(self.case.entities)), min_size=1, max_size=4, unique=True))
        positions = {i: (self.case.entities[i].x + dx, self.case.entities[i].y + dy) for i in ids}
        push(self.stack, MoveEntitiesCommand(self.case, positions))

    @precondition(lambda self: self.case.entities)
    @rule(data=st.data())
    def layout(self, data):
        positions = {eid: (n * 200.0, data.draw(st.floats(-100, 100))) for n, eid in enumerate(self.case.entities)}
        push(self.stack, SetPositionsCommand(self.case, positions))

    @precondition(lambda self: self.case.entities)
    @rule(data=st.data())
    def remove(self, data):
        ents = data.draw(st.lists(st.sampled_from(list(self.case.entities)), max_size=2, unique=True))
        links = data.draw(st.lists(st.sampled_from(list(self.case.links) or ["none"]), max_size=2, unique=True))
        if ents or [k for k in links if k in self.case.links]:
            push(self.stack, RemoveItemsCommand(self.case, ents, [k for k in links if k in self.case.links]))

    @precondition(lambda self: self.case.entities)
    @rule(data=st.data())
    def cite(self, data):
        pool = list(self.case.entities) + list(self.case.links)
        push(self.stack, AddCitationCommand(self.case, self._pick(data, pool), self._span(data)))

    @precondition(lambda self: any(item.citations for item, _ in self.case.iter_citations()))
    @rule(data=st.data())
    def uncite(self, data):
        item, cit = data.draw(st.sampled_from(list(self.case.iter_citations())))
        push(self.stack, RemoveCitationCommand(self.case, item.id, cit.id))

    @rule(data=st.data(), label=WORDS)
    def import_draft(self, data, label):
        article = Article(text=data.draw(st.sampled_from([TEXT, "A second report about Kataib Hezbollah."])), title="Imported")
        ent = Entity(label, "armed_group", citations=[Citation(article.id, 0, 1, article.text[0])])
        links = [Link(ent.id, self._pick(data, self.case.entities), "backed_by")] if self.case.entities else []
        push(self.stack, ApplyDraftCommand(self.case, Draft(articles=[article], entities=[ent], links=links)))

    @precondition(lambda self: len(self.case.entities) >= 2)
    @rule(data=st.data())
    def merge(self, data):
        keep, other = data.draw(st.lists(st.sampled_from(list(self.case.entities)), min_size=2, max_size=2, unique=True))
        kept, gone = self.case.entities[keep], self.case.entities[other]
        relinks = {}
        for link in self.case.links_of(other):
            ends = {}
            if link.source == other:
                ends["source"] = keep
            if link.target == other:
                ends["target"] = keep
            relinks[link.id] = ends
        seen = {(c.article_id, c.start, c.end) for c in kept.citations}
        values = {
            "aliases": list(dict.fromkeys([*kept.aliases, gone.label, *gone.aliases])),
            "citations": [*kept.citations, *(c for c in gone.citations if (c.article_id, c.start, c.end) not in seen)],
        }
        push(self.stack, MergeEntitiesCommand(self.case, {"keep_id": keep, "values": values, "relinks": relinks, "other_ids": [other]}))

    @precondition(lambda self: self.case.entities)
    @rule(data=st.data(), label=WORDS)
    def group(self, data, label):
        members = data.draw(st.lists(st.sampled_from(list(self.case.entities)), min_size=1, max_size=3, unique=True))
        push(self.stack, MakeGroupCommand(self.case, label, members))

    @precondition(lambda self: self.case.groups)
    @rule(data=st.data(), collapsed=st.booleans(), label=WORDS)
    def edit_group(self, data, collapsed, label):
        gid = self._pick(data, self.case.groups)
        push(self.stack, UpdateGroupCommand(self.case, gid, {"collapsed": collapsed, "label": label}))

    @precondition(lambda self: self.case.groups)
    @rule(data=st.data())
    def ungroup(self, data):
        push(self.stack, RemoveGroupCommand(self.case, self._pick(data, self.case.groups)))

    @rule(steps=st.integers(1, 3))
    def undo_some(self, steps):
        for _ in range(steps):
            self.stack.undo()

    @rule(steps=st.integers(1, 3))
    def redo_some(self, steps):
        for _ in range(steps):
            self.stack.redo()

    # --------------------------------------------------------- invariants
    @invariant()
    def graph_mirrors_model(self):
        assert set(self.case.graph.nodes) == set(self.case.entities)
        edges = {(u, v, k) for u, v, k in self.case.graph.edges(keys=True)}
        assert edges == {(k.source, k.target, k.id) for k in self.case.links.values()}
        assert self.case.broken_citations() == []

    def teardown(self):
        while self.stack.canRedo():  # the end state is the top of the stack
            self.stack.redo()
        end = snapshot(self.case)
        while self.stack.canUndo():
            self.stack.undo()
        assert_same(snapshot(self.case), self.start)
        while self.stack.canRedo():
            self.stack.redo()
        assert_same(snapshot(self.case), end)


def assert_same(got: tuple, want: tuple) -> None:
    """Compare snapshots, showing only the case.json lines that differ."""
    if got != want:
        import difflib

        diff = difflib.unified_diff(want[0].decode().splitlines(), got[0].decode().splitlines(), "expected", "got", lineterm="", n=0)
        raise AssertionError("\n".join(list(diff)[:20]) or f"graph differs: {got[1:]} != {want[1:]}")


def test_undo_all_then_redo_all_is_exact(qapp):
    examples = int(os.environ.get("LINKCHART_UNDO_EXAMPLES", "150"))
    run_state_machine_as_test(
        UndoMachine,
        settings=settings(max_examples=examples, stateful_step_count=30, deadline=None, suppress_health_check=list(HealthCheck)),
    )
