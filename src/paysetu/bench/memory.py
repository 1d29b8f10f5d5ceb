"""A batch job's own peak memory, measured in the process that ran it.

Issue 20 bounds a batch job (settlement, close of business) at 500 MB of resident memory. The
benches run the job in a spawned process and read its high-water mark there, so the figure is
the job's, not the bench's (its generator, its checks, its own dictionaries of results).
"""

from __future__ import annotations

import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

T = TypeVar("T")

RSS_TARGET_MB = 500.0
"""Issue 20: a batch job's peak resident memory stays under this."""


def peak_rss_kb() -> int:
    """This process's own peak resident memory, in kB. Linux's ``VmHWM`` belongs to the
    process image, so it starts afresh in a spawned process; ``ru_maxrss`` keeps the parent's
    size from the fork before the exec (a large test process showed a 1 GB settle)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def in_fresh_process(job: Callable[..., T], *args: object) -> T:
    """``job(*args)`` in a freshly spawned process (``job`` reads its own :func:`peak_rss_kb`
    there); its result, or its exception raised here."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(job, *args).result()
