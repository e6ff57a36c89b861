"""The fast mask chooser picks the mask segno would, and gives the same code, for addresses of
every length a site has: short ones, long station names in pinyin, codes with version data."""

from __future__ import annotations

import random
import string

import pytest
import segno
from congress.images.qr_masks import choose_mask, fast_masking

SITE = "https://www.wanglan-rd.example/"


def addresses(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    letters = string.ascii_lowercase + string.digits + "-/"
    lengths = [1, 8, 20, 40, 55, 80, 120, 200, 350, 600]
    return [
        SITE + "".join(rng.choice(letters) for _ in range(lengths[n % len(lengths)]))
        for n in range(count)
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_same_mask_and_modules_as_segno_chooses(seed: int) -> None:
    urls = addresses(120, seed)
    versions = set()
    for url in urls:
        own = segno.make_qr(url, error="m")
        with fast_masking():
            fast = segno.make_qr(url, error="m")
        assert (fast.mask, fast.matrix) == (own.mask, own.matrix), url
        versions.add(own.version)
    assert min(versions) <= 4 and max(versions) >= 7  # with and without version information
    assert len({segno.make_qr(url, error="m").mask for url in urls}) >= 6  # most masks win


def test_segno_chooses_as_before_outside_the_block() -> None:
    with fast_masking():
        pass
    assert segno.encoder.find_and_apply_best_mask is not choose_mask


def test_an_asked_for_mask_and_micro_codes_are_left_to_segno() -> None:
    with fast_masking():
        assert segno.make_qr(SITE, error="m", mask=5).mask == 5
        micro = segno.make_micro("12345")
    assert micro.matrix == segno.make_micro("12345").matrix
