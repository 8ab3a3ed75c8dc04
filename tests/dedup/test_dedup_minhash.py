"""The numpy MinHash and shingle hash are bit-identical to datasketch / xxhash."""

import functools
import random

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash

from auditor.dedup.minhash import signature, signatures, to_lean
from auditor.dedup.shingle import shingle_hashes, token_hash


def _random_tokens(rnd: random.Random, k: int) -> list[str]:
    alphabet = "政府信息公开年度报告主动依申请#abcXYZ0123456789"
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 9))) for _ in range(k)]


@pytest.mark.parametrize("num_perm,seed", [(128, 1), (64, 7), (256, 42)])
@pytest.mark.parametrize("size", [0, 1, 17, 3000])
def test_signature_bit_identical_to_datasketch(num_perm, seed, size):
    rnd = random.Random(size * 1000 + num_perm + seed)
    tokens = _random_tokens(rnd, size)
    hashfunc = functools.partial(token_hash, seed=seed)
    ref = MinHash(num_perm=num_perm, seed=seed, hashfunc=hashfunc, scheme="affine32")
    ref.update_batch(tokens)
    hashes = np.array([token_hash(t, seed) for t in tokens], dtype=np.uint32)
    sig = signature(hashes, num_perm=num_perm, seed=seed, block=256)  # several blocks
    assert sig.dtype == np.uint32
    assert np.array_equal(sig, ref.hashvalues)
    lean = to_lean(sig, seed)
    assert isinstance(lean, LeanMinHash)
    assert lean.scheme == "affine32" and lean == LeanMinHash(ref)


def test_signatures_matrix_and_jaccard_agree_with_datasketch():
    rnd = random.Random(5)
    base = _random_tokens(rnd, 400)
    sets = [base, base[:300] + _random_tokens(rnd, 100), _random_tokens(rnd, 50)]
    hs = [np.unique(np.array([token_hash(t) for t in s], dtype=np.uint32)) for s in sets]
    mat = signatures(hs)
    assert mat.shape == (3, 128) and mat.dtype == np.uint32
    refs = []
    for s in sets:
        m = MinHash(num_perm=128, seed=1, hashfunc=token_hash, scheme="affine32")
        m.update_batch(s)
        refs.append(m)
        assert np.array_equal(mat[len(refs) - 1], m.hashvalues)
    assert to_lean(mat[0]).jaccard(to_lean(mat[1])) == refs[0].jaccard(refs[1])


@pytest.mark.parametrize("n", [1, 3, 4, 5, 8, 9])
def test_vectorised_shingle_hash_equals_xxhash(n):
    rnd = random.Random(n)
    for length in (0, 1, n - 1, n, n + 1, 200):
        view = "".join(rnd.choice("政府信息公开#ab𠀀") for _ in range(max(length, 0)))
        got = shingle_hashes(view, n=n, seed=3)
        if not view:
            assert got.size == 0
            continue
        w = min(n, len(view))
        assert got.tolist() == [token_hash(view[i : i + w], 3) for i in range(len(view) - w + 1)]
