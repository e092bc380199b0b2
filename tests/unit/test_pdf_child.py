"""The window's visit summary PDF built in a short-lived child process (services/pdf_child.py,
issue 16): the same PDF as a build in this process, in the window's or the chosen language; the
progress comes back; cancel stops the child at once; a child that dies or fails gives the errors
a build here would; health data never goes into the child's arguments or environment."""

from __future__ import annotations

import dataclasses
import io
import multiprocessing
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from caregiver_app import i18n
from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.summary import SummaryCancelled
from caregiver_app.services import pdf_child
from caregiver_app.services import summary as summary_service
from test_visit_summary_pdf import realistic_summary

NAME = "Ximena Quetzal-Oyelaran"  # found nowhere else: searched for in the child's arguments


@pytest.fixture
def data():
    base = realistic_summary(days=20)
    first = dataclasses.replace(base.entries[0], note="Slept badly. 睡不好 (wrote it in Chinese).")
    return dataclasses.replace(base, person_name=NAME, entries=(first, *base.entries[1:]))


@pytest.fixture(autouse=True)
def in_a_child(monkeypatch):
    monkeypatch.setattr(pdf_child, "SEPARATE_PROCESS", True)


@pytest.fixture(autouse=True)
def collector_back():
    """The child's main turns the collector off for its short life: tests that run it here give
    this process its collector back."""
    import gc

    was = gc.isenabled()
    yield
    if was:
        gc.enable()


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def no_children_left() -> bool:
    return not [p for p in multiprocessing.active_children() if p.name == "caregiver-pdf"]


def test_the_child_builds_the_same_pdf_as_this_process_and_reports_progress(data):
    seen: list[tuple[int, int]] = []
    apart = pdf_child.summary_pdf_bytes(data, paper="a4", progress=lambda d, t: seen.append((d, t)))
    here = summary_service.summary_pdf_bytes(data, paper="a4")
    assert text_of(apart) == text_of(here)
    assert NAME in text_of(apart)[0]
    assert seen and seen[-1] == (100, 100) and all(t == 100 for _d, t in seen)
    assert no_children_left()


def test_the_child_writes_in_the_window_language_and_in_the_chosen_one(data):
    i18n.set_language("es")  # the child starts in English: it must be told
    spanish = text_of(pdf_child.summary_pdf_bytes(data))
    assert spanish == text_of(summary_service.summary_pdf_bytes(data))
    english = text_of(pdf_child.summary_pdf_bytes(data, language="en"))
    assert english == text_of(summary_service.summary_pdf_bytes(data, language="en"))
    assert spanish != english


def test_cancel_stops_the_child_at_once(data):
    started: list[int] = []

    def cancelled() -> bool:
        started.extend(p.pid for p in multiprocessing.active_children() if p.name == "caregiver-pdf")
        return bool(started)

    with pytest.raises(SummaryCancelled):
        pdf_child.summary_pdf_bytes(data, cancelled=cancelled)
    assert started and no_children_left()
    assert not Path(f"/proc/{started[0]}").exists() or os.name != "posix"


def test_a_child_that_dies_is_an_error_not_a_hang(data):
    def kill_it() -> bool:
        for child in multiprocessing.active_children():
            if child.name == "caregiver-pdf":
                child.kill()
        return False

    with pytest.raises(pdf_child.PdfChildFailed):
        pdf_child.summary_pdf_bytes(data, cancelled=kill_it)
    assert no_children_left()


def test_our_errors_come_back_with_their_plain_message(data):
    with pytest.raises(ValidationError) as apart:
        pdf_child.summary_pdf_bytes(data, paper="legal")
    with pytest.raises(ValidationError) as here:
        summary_service.summary_pdf_bytes(data, paper="legal")
    assert str(apart.value) == str(here.value)


def test_health_data_goes_only_over_the_pipe(data):
    seen: list[bytes] = []

    def look() -> bool:
        for child in multiprocessing.active_children():
            if child.name == "caregiver-pdf" and not seen:
                proc = Path(f"/proc/{child.pid}")
                seen.append(proc.joinpath("cmdline").read_bytes() + proc.joinpath("environ").read_bytes())
        return False

    if not Path("/proc/self/cmdline").exists():
        pytest.skip("needs /proc")
    pdf_child.summary_pdf_bytes(data, cancelled=look)
    assert seen and NAME.encode() not in seen[0] and "睡".encode() not in seen[0]


def test_the_child_is_not_dumpable():
    """The child applies the app's process guard (no core dumps) before any data arrives."""
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc")
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=pdf_child._child_main, args=(theirs,), name="caregiver-pdf", daemon=True)
    child.start()
    theirs.close()
    try:
        # The guard runs first thing; the child then waits for the request (which never comes).
        for _ in range(200):
            limits = Path(f"/proc/{child.pid}/limits").read_text()
            core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
            if core.split()[4:6] == ["0", "0"]:
                break
            ours.poll(0.05)
        assert core.split()[4:6] == ["0", "0"]
        assert child.is_alive()  # still waiting: the guard came before any data could
    finally:
        ours.close()
        child.join(10)
        child.close()


def test_data_that_cannot_be_sent_is_an_error_not_a_hang(data):
    unsendable = dataclasses.replace(data, person_name=lambda: None)  # a lambda does not pickle
    with pytest.raises(pdf_child.PdfChildFailed):
        pdf_child.summary_pdf_bytes(unsendable)
    assert no_children_left()


class _NoMemoryToPickle:
    def __reduce__(self):
        raise MemoryError()


def test_no_memory_to_send_the_data_is_said_as_no_memory(data):
    """The window's process ran out of memory while sending a long summary's data: the person
    is told that (close other programs), not that something went wrong inside the app."""
    with pytest.raises(MemoryError):
        pdf_child.summary_pdf_bytes(dataclasses.replace(data, person_name=_NoMemoryToPickle()))
    assert no_children_left()


class _PipeWithoutMemoryForThePdf:
    """The child's end of the pipe, where sending the finished PDF runs out of memory (as it
    did under ``ulimit -v``: the child then died printing "Process caregiver-pdf:")."""

    def __init__(self, request):
        self.request, self.sent, self.closed = request, [], False

    def recv(self):
        return self.request

    def send(self, message):
        if message[0] == "done":
            raise MemoryError()
        self.sent.append(message)

    def close(self):
        self.closed = True


def test_a_child_without_memory_to_send_the_pdf_says_so(data, monkeypatch):
    monkeypatch.setattr(pdf_child, "_die_with_parent", lambda: None)  # run here: this process must not get it
    conn = _PipeWithoutMemoryForThePdf(("visit-summary", {"paper": "letter"}, "en", data))
    pdf_child._child_main(conn)  # nothing escapes: the child ends quietly
    assert conn.sent[-1] == ("error", "memory") and conn.closed
    assert isinstance(pdf_child._error(conn.sent[-1][1]), MemoryError)


def test_no_child_can_be_started_the_pdf_is_built_here(data, monkeypatch):
    """A low process limit (``ulimit -u``), no memory for a new process or a missing interpreter:
    the summary is still made, in this process as before issue 16, instead of failing."""
    import multiprocessing.util

    def refuse(*_args, **_kwargs):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.util, "spawnv_passfds", refuse)
    steps = []
    pdf = pdf_child.summary_pdf_bytes(data, progress=lambda done, total: steps.append(done))
    assert text_of(pdf) == text_of(summary_service.summary_pdf_bytes(data))
    assert steps and no_children_left()


def test_the_self_test_does_not_fall_back(data, monkeypatch):
    import multiprocessing.util

    monkeypatch.setattr(multiprocessing.util, "spawnv_passfds",
                        lambda *_a, **_k: (_ for _ in ()).throw(BlockingIOError(11, "no more processes")))
    with pytest.raises(pdf_child.PdfChildFailed):
        pdf_child.summary_pdf_bytes(data, here_if_no_child=False)


class _PipeWithoutAnyMemory(_PipeWithoutMemoryForThePdf):
    def send(self, message):
        raise MemoryError()


def test_a_child_without_memory_even_to_say_so_exits_with_its_code(data, monkeypatch):
    """Out of memory near the limit (``ulimit -v``), even the small "no memory" message could not
    be sent: the child then died quietly and the window said "something went wrong"."""
    monkeypatch.setattr(pdf_child, "_die_with_parent", lambda: None)

    def exit_(code):
        raise SystemExit(code)

    monkeypatch.setattr(pdf_child.os, "_exit", exit_)
    with pytest.raises(SystemExit) as ended:
        pdf_child._child_main(_PipeWithoutAnyMemory(("visit-summary", {"paper": "letter"}, "en", data)))
    assert ended.value.code == pdf_child._EXIT_NO_MEMORY


class _EndsTheChildAsWithoutMemory:
    def __reduce__(self):  # unpickled in the child: it ends there with the no-memory exit code
        return os._exit, (pdf_child._EXIT_NO_MEMORY,)


def test_a_child_that_ended_with_the_no_memory_code_is_no_memory_here(data):
    with pytest.raises(MemoryError):
        pdf_child.summary_pdf_bytes(dataclasses.replace(data, person_name=_EndsTheChildAsWithoutMemory()))
    assert no_children_left()


# --- the child started ahead of its data (the window starts it before it reads the vault) ---------

def child_pids() -> list[int]:
    return [p.pid for p in multiprocessing.active_children() if p.name == "caregiver-pdf"]


def test_a_child_started_ahead_is_the_one_that_builds(data):
    during: set[int] = set()
    with pdf_child.ready_ahead(paper="a4"):
        ahead = child_pids()  # started before the data exists
        pdf = pdf_child.summary_pdf_bytes(data, paper="a4", cancelled=lambda: bool(during.update(child_pids())))
    assert len(ahead) == 1 and during == set(ahead)  # no second child was started for the build
    assert text_of(pdf) == text_of(summary_service.summary_pdf_bytes(data, paper="a4"))
    assert no_children_left()


def test_a_child_started_ahead_and_not_used_is_stopped(data):
    """The vault read failed or was cancelled: the child waiting for its data ends with the block."""
    with pytest.raises(SummaryCancelled):
        with pdf_child.ready_ahead():
            ahead = child_pids()
            raise SummaryCancelled()
    assert ahead and no_children_left()
    assert not Path(f"/proc/{ahead[0]}").exists() or os.name != "posix"


def test_a_child_started_ahead_for_other_options_is_not_used(data):
    with pdf_child.ready_ahead(paper="a4"):
        ahead = set(child_pids())
        during: set[int] = set()
        pdf = pdf_child.summary_pdf_bytes(data, paper="letter", cancelled=lambda: bool(during.update(child_pids())))
    assert during - ahead  # a child of its own, with its own options
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter, not A4
    assert no_children_left()


class _PipeWithTheDataLater:
    """The child's end of the pipe when the options come first and the data after them."""

    def __init__(self, data, events):
        self.messages = [("visit-summary", {"paper": "letter", "fmt": None, "language": "", "country": ""},
                          "en", None), data]
        self.events, self.sent = events, []

    def recv(self):
        self.events.append("data read" if len(self.messages) == 1 else "options read")
        return self.messages.pop(0)

    def send(self, message):
        self.sent.append(message)

    def close(self):
        pass


def test_the_child_loads_the_builder_before_it_reads_the_data_with_the_collector_off(data, monkeypatch):
    import gc

    from caregiver_app.services import summary_pdf

    monkeypatch.setattr(pdf_child, "_die_with_parent", lambda: None)  # run here: this process must not get it
    events: list[str] = []
    real = summary_pdf.load_builder

    def load_builder(*args):
        events.append(f"builder loaded, collector {'on' if gc.isenabled() else 'off'}")
        real(*args)

    monkeypatch.setattr(summary_pdf, "load_builder", load_builder)
    conn = _PipeWithTheDataLater(data, events)
    pdf_child._child_main(conn)
    assert events == ["options read", "builder loaded, collector off", "data read"]
    kind, pdf = conn.sent[-1]
    assert kind == "done" and text_of(pdf) == text_of(summary_service.summary_pdf_bytes(data))
