"""A catalog keeps every file's key positions for later problems: files of the same layout keep
their equal locations once."""

from __future__ import annotations

from congress.yaml_source import Shared, parse_yaml


def test_files_of_one_layout_share_their_locations() -> None:
    shared: Shared = {}
    first, _ = parse_yaml("id: a\nstations:\n- s1\n", "a.yml", shared)
    second, _ = parse_yaml("id: b\nstations:\n- s2\n", "b.yml", shared)
    assert first is not None and second is not None
    assert first.positions == second.positions
    assert first.problem(("stations", 0), "x").line == 3
    (one,) = [loc for loc in first.positions if loc == ("stations", 0)]
    (other,) = [loc for loc in second.positions if loc == ("stations", 0)]
    assert one is other
