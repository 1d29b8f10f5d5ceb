"""Where one worker's time goes: pyinstrument over the single-entry and the batch loops.

The ratios say whether the ledger is fast enough; this says why not. The profile is of the
client process only: time spent waiting for PostgreSQL appears as the driver's wait frames,
so client CPU and server time separate in the report.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from paysetu.bench.ledger import BenchConfig
from paysetu.bench.workload import Task, Workload, batch_applier, timed
from paysetu.bootstrap import Runtime

SAMPLE_INTERVAL_S = 0.0005


def profile_worker(runtime: Runtime, config: BenchConfig, stem: Path) -> tuple[int, list[Path]]:
    """Profile one single-entry worker and one batch worker; returns transfers applied and files."""
    largest = max(config.batch_sizes)
    applied, files = 0, []
    stem.parent.mkdir(parents=True, exist_ok=True)
    for name, batch_size in (("single", 1), (f"batch{largest}", largest)):
        task = Task("", Workload.UNIFORM, batch_size, config.wallets, seed=1_000 + batch_size,
                    start_at=0.0, warmup_s=config.warmup_s, duration_s=config.duration_s)
        text = stem.with_name(f"{stem.name}-profile-{name}.txt")
        applied += _profile_loop(batch_applier(runtime.ledger, task), config, text)
        files += [text, text.with_suffix(".html")]
    return applied, files


def _profile_loop(apply_batch: Callable[[], int], config: BenchConfig, text: Path) -> int:
    """Warm up unprofiled, profile ``duration_s`` of the loop, write text and HTML reports."""
    from pyinstrument import Profiler  # noqa: PLC0415 - a dev dependency, only for --profile

    now = time.monotonic()
    applied = timed(apply_batch, now, now + config.warmup_s)[2]
    profiler = Profiler(interval=SAMPLE_INTERVAL_S)
    profiler.start()
    now = time.monotonic()
    measured, elapsed_s, _ = timed(apply_batch, now, now + config.duration_s)
    profiler.stop()
    text.write_text(
        f"{measured} transfers in {elapsed_s:.2f} s ({measured / elapsed_s:,.0f}/s, profiled)\n"
        "\n-- self time by function --\n" + profiler.output_text(flat=True)
        + "\n-- call tree --\n" + profiler.output_text(),
        encoding="utf-8",
    )
    text.with_suffix(".html").write_text(profiler.output_html(), encoding="utf-8")
    return applied + measured
