"""What the build leaves for the cycle collector."""

import gc

from openness.dsl.gcpause import gc_paused


def test_what_is_built_goes_to_the_oldest_generation() -> None:
    gc.collect()
    with gc_paused():
        built = [[i] for i in range(5000)]
    assert gc.isenabled()
    young = {id(o) for o in gc.get_objects(generation=0)} | {id(o) for o in gc.get_objects(generation=1)}
    assert not any(id(item) in young for item in built)
    assert any(item is built[0] for item in gc.get_objects(generation=2))


def test_objects_the_program_froze_stay_frozen() -> None:
    gc.collect()
    kept = [[1], [2]]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    assert kept


def test_a_paused_collector_stays_paused() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
