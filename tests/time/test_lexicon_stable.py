"""The time patterns are the same text in every process (Python orders a set differently from process to
process): their compiled programs can then be kept in the disk cache and found again."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

SCRIPT = (
    "import hashlib\n"
    "from kroniek.time.lexicon import load_lexicon\n"
    "text = ''.join(p.regex.pattern for lang in ('nl', 'en', 'de', 'fr') for p in load_lexicon(lang).patterns)\n"
    "print(hashlib.sha256(text.encode()).hexdigest())\n"
)


def _digest(seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed, KRONIEK_CACHE_DIR="off")
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_patterns_do_not_depend_on_the_hash_seed() -> None:
    digests = {_digest(seed) for seed in ("1", "2", "3")}
    assert len(digests) == 1
    assert len(next(iter(digests))) == len(hashlib.sha256().hexdigest())
