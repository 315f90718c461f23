"""The collector is paused during a run; a run whose process ends after it leaves its objects alone."""

from __future__ import annotations

import gc

import pytest

from engine import gcpause
from engine.gcpause import paused_gc


def test_a_run_pauses_the_collector_and_restores_it() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_run_kept_till_exit_moves_what_it_built_out_of_the_collectors_reach(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gcpause, "_keeping", [True])
    before = gc.get_freeze_count()
    try:
        with paused_gc():
            built = [[] for _ in range(1_000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(built)
    finally:
        gc.unfreeze()


def test_a_run_freed_as_usual_is_not_frozen() -> None:
    before = gc.get_freeze_count()
    with paused_gc():
        built = [[] for _ in range(1_000)]
    assert gc.get_freeze_count() == before
    assert len(built) == 1_000
