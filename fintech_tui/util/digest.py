"""One hash for cache keys and the model's fingerprint, cheap to import.

`hashlib` loads OpenSSL on import, about 4 MiB of memory and 2 ms before the
first screen, for a hash the cache needs on every start; CPython's own
BLAKE2 module is the same `blake2b` without it.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it: hashlib has one either way
    from hashlib import blake2b

__all__ = ["blake2b"]
