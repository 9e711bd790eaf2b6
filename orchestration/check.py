"""`make dagster-check`: the Dagster definitions, materialised in-process on a scratch copy of the
project holding the seed document and two real PDFs.

- the definitions load: every dbt model, seed and snapshot an asset, every dbt test an asset check;
- the sensor sees the three files and asks for their partitions and a refresh;
- each document's partition reads it into the extraction cache;
- the refresh writes the seeds from the cache alone, builds with dbt (its tests as checks), and
  publishes a release holding the three documents.

    python orchestration/check.py
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = (
    "000_e2c6e97a9772fe89.txt",
    "shanghai-putuo-sifaju-2026-budget.pdf",
    "shanghai-putuo-shangwuwei-2025-budget.pdf",
)


def _fail(message: str) -> None:
    print(f"dagster-check: {message}", file=sys.stderr)
    raise SystemExit(1)


def _empty_seeds(root: Path) -> None:
    """The extracted seeds as headers only, so that dbt can parse the project before anything is
    extracted (a project that has been built has them)."""
    from budget_warehouse.seeds import seed_schemas

    folder = root / "seeds" / "disclosure"
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns in seed_schemas().items():
        (folder / f"{name}.csv").write_text(",".join(columns) + "\n", encoding="utf-8")


def _definitions(root: Path) -> ModuleType:
    _empty_seeds(root)
    os.environ["BUDGET_WAREHOUSE_PROJECT_DIR"] = str(root)
    os.environ["BUDGET_WAREHOUSE_BUILD_DB"] = str(root / "build" / "warehouse.duckdb")
    dbt = Path(sys.executable).with_name("dbt")
    parsed = subprocess.run(
        [str(dbt), "parse", "--project-dir", str(root), "--profiles-dir", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    if parsed.returncode != 0:
        _fail(f"dbt parse failed:\n{parsed.stdout}{parsed.stderr}")
    spec = importlib.util.spec_from_file_location("definitions", REPO / "orchestration" / "definitions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    from budget_warehouse.project import copy_project

    root = copy_project(
        REPO,
        Path(tempfile.mkdtemp(prefix="dagster-check-")) / "project",
        {name: (REPO / "disclosures" / name).read_bytes() for name in DOCUMENTS},
    )
    definitions = _definitions(root)

    import dagster as dg

    defs = definitions.defs
    graph = defs.resolve_asset_graph()
    assets = [key for key in graph.get_all_asset_keys() if graph.get(key).is_materializable]
    checks = list(graph.asset_check_keys)
    if len(checks) < 10:
        _fail(f"only {len(checks)} asset checks: the dbt tests should be checks")
    instance = dg.DagsterInstance.ephemeral()

    sensor = definitions.disclosures_sensor
    evaluated = sensor(dg.build_sensor_context(instance=instance))
    added = [request for request in evaluated.dynamic_partitions_requests if getattr(request, "partition_keys", None)]
    requested = sorted(request.partition_key for request in evaluated.run_requests if request.partition_key)
    if requested != sorted(DOCUMENTS) or not added:
        _fail(f"the sensor asked for {requested}, not the three documents")
    instance.add_dynamic_partitions(definitions.documents.name, list(DOCUMENTS))
    if sensor(dg.build_sensor_context(instance=instance)).run_requests:
        _fail("the sensor asked again for documents it already has")

    resources = {
        "dbt": definitions.DbtCliResource(
            project_dir=definitions.DBT_PROJECT, dbt_executable=definitions.DBT_EXECUTABLE
        )
    }
    for name in DOCUMENTS:
        result = dg.materialize([definitions.extracted_document], partition_key=name, instance=instance)
        if not result.success:
            _fail(f"extracting {name} failed")
    refresh = dg.materialize(
        [definitions.disclosure_seeds, definitions.warehouse_models, definitions.published_release],
        instance=instance,
        resources=resources,
    )
    if not refresh.success:
        _fail("the refresh failed")
    seeds = refresh.asset_materializations_for_node("disclosure_seeds")[0].metadata
    if seeds["from_cache"].value != len(DOCUMENTS):
        _fail(f"the seeds read {seeds['from_cache'].value} documents from the cache, not {len(DOCUMENTS)}")
    evaluations = refresh.get_asset_check_evaluations()
    failed = [e.check_name for e in evaluations if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    if not evaluations or failed:
        _fail(f"{len(evaluations)} asset checks ran; failed: {failed}")

    import duckdb

    with duckdb.connect(str(root / "warehouse.duckdb"), read_only=True) as connection:
        (published,) = connection.execute("select count(*) from marts.dim_document").fetchone() or (0,)
    if published != len(DOCUMENTS):
        _fail(f"the published release holds {published} documents, not {len(DOCUMENTS)}")
    print(
        f"dagster-check: {len(assets)} assets and {len(checks)} asset checks; 3 partitions extracted; "
        f"{len(evaluations)} checks passed in the refresh; release published with {published} documents"
    )


if __name__ == "__main__":
    main()
