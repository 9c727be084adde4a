"""The per-article analysis on a Dask `distributed` cluster: a scheduler's address, or a LocalCluster.

The cluster stands in for the local process pool (articles.pool): it gets the same calls
(articles.analyse_chunk on runs of documents, results awaited in order), so one analysis code path serves
both. Workers must run this same Qawl (checked: the digest of the code that builds frames), e.g. started in
a checkout of it with `python -m distributed.cli.dask_worker tcp://HOST:8786`.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

from qawl import articles, cache

LOCAL = "local"
_AHEAD_PER_WORKER = 4  # runs in flight per worker: none waits for this process to hand it the next
_CONNECT_SECONDS = 30


class ClusterError(Exception):
    """A cluster that cannot be used: unreachable, without workers, or running another Qawl."""


class DaskPool:
    """A Dask client behind the two calls the analysis makes of a process pool: submit() and shutdown()."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.ahead = max(articles._AHEAD, _AHEAD_PER_WORKER * self.workers)

    def submit(self, fn: Callable, *args: object) -> Any:
        """Return the future of fn(*args) on the cluster (each call is new work, never a cached result).

        The arguments (a run of articles, a few MB) go straight to a worker, not through the scheduler.
        """
        data = [self.client.scatter([arg], direct=True, hash=False)[0] for arg in args]
        return self.client.submit(fn, *data, pure=False)

    def shutdown(self, cancel_futures: bool = False) -> None:
        """Do nothing: the cluster outlives the build (pool() closes the client)."""


def _code() -> str:
    return cache.code_digest()


def _local_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextlib.contextmanager
def pool(address: str, workers: int | None = None) -> Iterator[DaskPool]:
    """Yield the cluster at address (tcp://HOST:PORT, or "local" for a LocalCluster of `workers` processes, one
    per core by default) as a pool, its workers checked and warmed up; ClusterError when it cannot be used."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - pinned in requirements.txt
        raise ClusterError("Dask's distributed package is not installed (pip install -r requirements.txt)") from exc
    cluster = None
    try:
        if address == LOCAL:
            # Its workers' log lines (a slow shutdown, "still alive after 4 seconds") are no news to the user.
            cluster = LocalCluster(n_workers=workers or _local_workers(), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster, direct_to_workers=True)
        else:
            # Results come straight from the workers, not through the scheduler.
            client = Client(address, timeout=_CONNECT_SECONDS, direct_to_workers=True)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
    try:
        client.wait_for_workers(1, timeout=_CONNECT_SECONDS)
        digests = client.run(_code)
        other = sorted(w for w, digest in digests.items() if digest != _code())
        if other:
            raise ClusterError(f"{len(other)} Dask worker(s) run another version of Qawl ({other[0]}): start them "
                               "from the same checkout and environment as this command")
        client.run(articles.warm_up)
        yield DaskPool(client)
    except TimeoutError as exc:
        raise ClusterError(f"the Dask scheduler at {address} has no workers") from exc
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
