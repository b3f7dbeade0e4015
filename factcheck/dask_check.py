"""Archives beyond one machine: the check on a Dask cluster (`pip install 'factcheck-claimdiff[dask]'`).

The check is a pure function of a text and the loaded references, so a cluster runs it as a
map over partitions of the archive. Each worker process loads the references once, when it
joins (a worker plugin), and keeps them for every partition it is given; the results come back
in input order, as dicts: the lines `factcheck check --format jsonl` writes, parsed.

    from dask.distributed import Client, LocalCluster
    from factcheck.dask_check import check_on_cluster

    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        results = check_on_cluster(client, [(i, text) for i, text in enumerate(archive)])

We chose Dask over Spark: it is pure Python, installs from PyPI with no JVM, and its local
cluster is the same API as a multi-machine one (`Client("tcp://scheduler:8786")`).
"""
from __future__ import annotations

from pathlib import Path

import dask.bag as db
from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from .batch import Options, Record, check_record

PLUGIN = "factcheck-checker"


class LoadChecker(WorkerPlugin):
    """The checker, loaded once in each worker process."""

    def __init__(self, seeds: Path | None = None, rules: Path | None = None):
        self.seeds, self.rules = seeds, rules
        self.checker = None

    def setup(self, worker):
        from .engine import Checker
        self.checker = Checker.load(self.seeds, self.rules)


def check_on_cluster(client, texts: list[tuple[object, str]], seeds: Path | None = None, rules: Path | None = None,
                     partitions: int | None = None) -> list[dict]:
    """One output line per (id, text), in input order, checked by the cluster's workers."""
    client.register_plugin(LoadChecker(seeds, rules), name=PLUGIN)
    workers = max(1, len(client.scheduler_info()["workers"]))
    bag = db.from_sequence(texts, npartitions=partitions or min(len(texts), workers * 8) or 1)
    return bag.map_partitions(_check_partition).compute()


def _check_partition(items) -> list[dict]:
    checker = get_worker().plugins[PLUGIN].checker
    return [check_record(checker, Record(("id", key), text), Options()) for key, text in items]
