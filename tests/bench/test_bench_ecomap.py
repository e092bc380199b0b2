"""Ecomap timings with 60 contacts (measure only; never fail on time). Target: scene build
under 100 ms so the map draws and pans smoothly."""

from __future__ import annotations

from caregiver_app.domain.ecomap import layout
from caregiver_app.domain.network import Contact, Role, SupportDirection, SupportType, TieStrength
from caregiver_app.gui.network.ecomap import EcomapScene, EcomapView
from caregiver_app.services import network as cs

COUNT = 60


def _fill(vault, person_id: int) -> None:
    roles, strengths, directions = list(Role), list(TieStrength), list(SupportDirection)
    for i in range(COUNT):
        cs.save_contact(vault, Contact(None, person_id, f"Contact number {i}", roles[i % len(roles)],
                                       support=frozenset(list(SupportType)[: i % 5]), strength=strengths[i % 4],
                                       direction=directions[i % 3]))


def test_ecomap_scene_build_60_contacts(benchmark, qapp, vault, person):
    """From the snapshot to a scene with every node, tie, label and the legend."""
    _fill(vault, person.id)
    snapshot = cs.ecomap_snapshot(vault, person.id)
    scene = EcomapScene()
    benchmark(scene.set_snapshot, snapshot)
    assert len(scene.nodes) == COUNT


def test_ecomap_snapshot_and_draw_60_contacts(benchmark, qapp, vault, person):
    """Reading the contacts from the vault, laying them out, building the scene and painting it
    once in a view (what opening the page costs)."""
    _fill(vault, person.id)
    scene = EcomapScene()
    view = EcomapView(scene)
    view.resize(1000, 700)

    def run():
        scene.set_snapshot(cs.ecomap_snapshot(vault, person.id))
        view.fit()
        return view.grab()

    pixmap = benchmark.pedantic(run, rounds=10, iterations=1)
    assert not pixmap.isNull()


def test_ecomap_pan_60_contacts(benchmark, qapp, vault, person):
    """One pan step (scroll and repaint) of a zoomed-in map."""
    _fill(vault, person.id)
    scene = EcomapScene()
    scene.set_snapshot(cs.ecomap_snapshot(vault, person.id))
    view = EcomapView(scene)
    view.resize(1000, 700)
    view.set_zoom(1.5)
    bar = view.horizontalScrollBar()
    steps = iter(range(10_000))

    def pan():
        bar.setValue(bar.minimum() + (next(steps) * 37) % max(1, bar.maximum() - bar.minimum()))
        return view.grab()

    benchmark(pan)


def test_layout_only_60_contacts(benchmark):
    contacts = [Contact(i + 1, 1, f"C{i}", list(Role)[i % 16]) for i in range(COUNT)]
    snap = benchmark(layout, "Sam", contacts)
    assert len(snap.nodes) == COUNT
