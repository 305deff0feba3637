"""Near-copies: documents that reprint one story count once. MinHash signatures per document
(computed once, anywhere) and an LSH index to find pairs without comparing all of them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
# The hash scheme of every signature made here: stored signatures are rebuilt with it.
SCHEME = "affine32"


def signature(text: str, *, shingle_words: int = 5, num_perm: int = 64) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {
        " ".join(words[i : i + shingle_words])
        for i in range(max(1, len(words) - shingle_words + 1))
    }
    sig = MinHash(num_perm=num_perm, scheme=SCHEME)
    sig.update_batch(s.encode("utf-8") for s in shingles)
    return sig


def copy_clusters(
    signatures: Mapping[int, MinHash], *, threshold: float = 0.6, num_perm: int = 64
) -> dict[int, int]:
    """document id -> cluster id (the smallest document id of its cluster)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    parent = {doc: doc for doc in signatures}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc, sig in signatures.items():
        for other in lsh.query(sig):
            if sig.jaccard(signatures[other]) >= threshold:
                a, b = find(doc), find(other)
                parent[max(a, b)] = min(a, b)
        lsh.insert(doc, sig)
    return {doc: find(doc) for doc in signatures}


def clusters_of_texts(
    texts: Iterable[tuple[int, str]],
    *,
    threshold: float = 0.6,
    shingle_words: int = 5,
    num_perm: int = 64,
) -> dict[int, int]:
    sigs = {
        doc: signature(text, shingle_words=shingle_words, num_perm=num_perm) for doc, text in texts
    }
    return copy_clusters(sigs, threshold=threshold, num_perm=num_perm)


def to_bytes(sig: MinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype="<u4").tobytes()


def from_bytes(data: bytes, *, num_perm: int) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=num_perm, hashvalues=values, scheme=SCHEME)
