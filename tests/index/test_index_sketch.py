"""The index's sketches are the dedup stage's: same signatures, same LSH bands."""

from __future__ import annotations

import numpy as np

from auditor.dedup.candidates import band_pairs, lsh_params
from auditor.dedup.minhash import permutations, signature
from auditor.index.sketch import band_keys, batch_signatures


def _sets(rng: np.random.Generator) -> list[np.ndarray]:
    sizes = [0, 1, 5, 300, 2500, 0, 17, 4000]
    return [np.unique(rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32)) for n in sizes]


def test_batch_signatures_equal_dedup_signature():
    sets = _sets(np.random.default_rng(3))
    perms = permutations(128, 1)
    got = batch_signatures(sets, perms)
    for s, row in zip(sets, got):
        assert np.array_equal(row, signature(s, 128, 1)), len(s)


def test_empty_batch_and_all_empty():
    perms = permutations(128, 1)
    assert batch_signatures([], perms).shape == (0, 128)
    out = batch_signatures([np.zeros(0, np.uint32)] * 2, perms)
    assert (out == 0xFFFFFFFF).all()


def test_band_keys_find_exactly_the_banding_pairs():
    rng = np.random.default_rng(5)
    b, r = lsh_params(0.3, 128, (0.1, 0.9))
    sigs = rng.integers(0, 2**32, (40, 128), dtype=np.uint64).astype(np.uint32)
    sigs[7, 10:12] = sigs[3, 10:12]  # band 5 shared by docs 3 and 7 (rows=2)
    sigs[20] = sigs[21]
    keys = band_keys(sigs, b, r)
    pairs = {(i, j) for i in range(40) for j in range(i + 1, 40) if (keys[i] == keys[j]).any()}
    assert pairs == {tuple(p) for p in band_pairs(sigs, b, r)}
    assert (3, 7) in pairs and (20, 21) in pairs


def test_wide_bands_fold_to_one_key():
    rng = np.random.default_rng(9)
    sigs = rng.integers(0, 2**32, (3, 128), dtype=np.uint64).astype(np.uint32)
    sigs[1, :5] = sigs[0, :5]
    sigs[2, :4] = sigs[0, :4]
    keys = band_keys(sigs, 25, 5)
    assert keys[0, 0] == keys[1, 0] and keys[0, 0] != keys[2, 0]
    assert keys.dtype == np.int64
