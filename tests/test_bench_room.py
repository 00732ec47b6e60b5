"""bench.room reads the served bundle whatever the minifier made of it, or stops: never runs on
with a wrong state schema (every socket would get "state schema mismatch")."""

import pytest

from bench.room import FACILITATOR_STATE, PHONE_STATE, START_STATE, Bundle, BundleUnreadable

HASH_A, HASH_B = "0123456789abcdef", "fedcba9876543210"
STATES = "".join(f'"{name}":{{"x_rx_state_":1}},' for name in (START_STATE, FACILITATOR_STATE))
TREE = f'const initialState={{{STATES}"{PHONE_STATE}":{{}}}};'

SHAPES = {
    "as written": f'{TREE}\nexport const initialStateHashes = ["{HASH_A}", "{HASH_B}"]\n'
    'export const stateSchema = "9f0a"\n',
    "assigned, minified": f'{TREE}initialStateHashes=["{HASH_A}","{HASH_B}"],stateSchema="9f0a";',
    "export getters": f"{TREE}var y=[1,2];"
    "__export(m,{initialStateHashes:()=>y,stateSchema:()=>z});"
    f'function f(){{let y=[3]}}var y=["{HASH_A}","{HASH_B}"],z="9f0a";',
    "export as": f'{TREE}const a=["{HASH_A}","{HASH_B}"],b=`9f0a`;'
    "export{a as initialStateHashes,b as stateSchema};registerApp({initialState:c,stateSchema:b})",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_the_bundle_is_read_whatever_the_minifier_named_things(shape):
    bundle = Bundle.parse(SHAPES[shape])
    assert bundle.state_schema == "9f0a"
    assert bundle.initial_hashes == [HASH_A, HASH_B]
    assert {START_STATE, FACILITATOR_STATE, PHONE_STATE} <= bundle.state_names
    bundle.check()


@pytest.mark.parametrize(
    ("js", "reason"),
    [
        (f'{TREE}stateSchema="9f0a";', "initialStateHashes: not found"),
        (f'{TREE}initialStateHashes:()=>y;var q=["{HASH_A}"],z="9f0a";', "not found"),
        (
            f'{TREE}initialStateHashes=["{HASH_A}"];stateSchema=s;s="aa";'
            'x({stateSchema:()=>t});t="bb"',
            "stateSchema: 2 different values",
        ),
        (f'initialStateHashes=["{HASH_A}"],stateSchema="9f0a";', "no state names"),
    ],
)
def test_a_bundle_without_a_piece_stops_the_bench_with_the_reason(js, reason):
    with pytest.raises(BundleUnreadable) as stopped:
        Bundle.parse(js)
    assert reason in str(stopped.value) and "nothing measured" in str(stopped.value)
    assert stopped.value.code != 0


def test_a_bundle_without_the_app_states_stops_the_bench():
    js = SHAPES["as written"].replace(PHONE_STATE, PHONE_STATE + "_renamed")
    with pytest.raises(BundleUnreadable, match="phone_state"):
        Bundle.parse(js).check()
