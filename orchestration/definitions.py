"""The warehouse as Dagster assets (`pip install .[dagster]`; `dagster dev -f orchestration/definitions.py`).

- ``extracted_document``: one document read into the extraction cache, partitioned by document
  (a dynamic partition per file of ``disclosures/``);
- ``disclosure_seeds``: the seeds, written from the cache (a document not cached yet is read);
- the dbt project's seeds, models and snapshots as assets (dagster-dbt, from ``target/manifest.json``),
  its tests as asset checks, the disclosure seeds downstream of ``disclosure_seeds``;
- ``published_release``: the candidate verified and published as a release, under the build lock.

A sensor on ``disclosures/`` adds a partition for each new file (and drops the ones removed),
extracts it, and refreshes the warehouse; a schedule refreshes it every night. The cron and
systemd recipes in the README do the same without Dagster.

The project is the repository this file is in, or ``BUDGET_WAREHOUSE_PROJECT_DIR``.
"""

# No `from __future__ import annotations`: Dagster reads the context parameter's annotation as a type.
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from budget_warehouse.cache import ExtractionCache
from budget_warehouse.document_rows import Limits, extract_rows
from budget_warehouse.extract import disclosure_files, extract_folder
from budget_warehouse.publish import publish
from budget_warehouse.warehouse import Project, build_lock, built_marts

ROOT = Path(os.environ.get("BUDGET_WAREHOUSE_PROJECT_DIR", Path(__file__).resolve().parents[1])).resolve()
PROJECT = Project(ROOT)
DISCLOSURES = ROOT / "disclosures"
DBT_PROJECT = DbtProject(project_dir=ROOT, profiles_dir=ROOT)
# the virtualenv's dbt, whether or not the virtualenv is on PATH
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))

documents = dg.DynamicPartitionsDefinition(name="documents")


@dg.asset(partitions_def=documents, group_name="extraction")
def extracted_document(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """One document read (within the build's limits) into the extraction cache; a document
    already there with the same bytes and extractor is not read again."""
    path = DISCLOSURES / context.partition_key
    cache = ExtractionCache(PROJECT.extract_cache)
    key = cache.key(path)
    rows = cache.get(path, key)
    cached = rows is not None
    if rows is None:
        rows = extract_rows(str(path), str(path), Limits())
        if not rows.transient:
            cache.put(key, rows)
    refusal = rows.refusal()
    return dg.MaterializeResult(
        metadata={
            "from_cache": cached,
            "rows": rows.row_count,
            "refused": str(refusal) if refusal is not None else "",
        }
    )


@dg.asset(group_name="extraction")
def disclosure_seeds(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Every document of disclosures/ into seeds/disclosure, from the extraction cache; a
    document that is refused is quarantined (build/quarantine.csv) and the others go on."""
    summary = extract_folder(
        DISCLOSURES,
        PROJECT.seeds,
        skip_bad=True,
        quarantine_report=ROOT / "build" / "quarantine.csv",
        cache=PROJECT.extract_cache,
        limits=Limits(),
    )
    context.log.info(str(summary))
    return dg.MaterializeResult(
        metadata={"documents": summary.documents, "from_cache": summary.cached, "quarantined": len(summary.quarantined)}
    )


class _Translator(DagsterDbtTranslator):
    """The dbt seeds that extraction writes (seeds/disclosure) depend on ``disclosure_seeds``."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project: DbtProject | None) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        node = manifest["nodes"].get(unique_id, {})
        if node.get("resource_type") == "seed" and "disclosure" in Path(node.get("original_file_path", "")).parts:
            return spec.merge_attributes(deps=[disclosure_seeds])
        return spec


@dbt_assets(manifest=DBT_PROJECT.manifest_path, project=DBT_PROJECT, dagster_dbt_translator=_Translator())
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource) -> Iterator[Any]:
    """`dbt build` into the candidate (build/warehouse.duckdb): seeds, models, and the tests as
    asset checks; a broken identity warns, as in `budget-warehouse build`."""
    os.environ.setdefault("BUDGET_WAREHOUSE_BUILD_DB", str(PROJECT.candidate))
    yield from dbt.cli(["build"], context=context).stream()


@dg.asset(deps=[warehouse_models], group_name="publishing")
def published_release(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """The candidate verified and published as a new release, under the build lock (a cron
    build and a Dagster run never publish at once)."""
    with build_lock(PROJECT, wait_seconds=600):
        release, warnings = publish(ROOT, PROJECT.candidate, built_marts(PROJECT))
    for warning in warnings:
        context.log.warning(warning)
    return dg.MaterializeResult(metadata={"release": release.name, "path": str(release)})


extract_new_documents = dg.define_asset_job(
    "extract_new_documents", selection=dg.AssetSelection.assets(extracted_document), partitions_def=documents
)
refresh_warehouse = dg.define_asset_job(
    "refresh_warehouse",
    selection=dg.AssetSelection.assets(disclosure_seeds, published_release)
    | dg.AssetSelection.assets(warehouse_models),
)


@dg.sensor(jobs=[extract_new_documents, refresh_warehouse], minimum_interval_seconds=60)
def disclosures_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    """A partition per document file: new files are added and extracted, removed ones dropped;
    any change refreshes the warehouse."""
    present = {path.name for path in disclosure_files(DISCLOSURES).documents}
    known = set(context.instance.get_dynamic_partitions(documents.name))
    added, removed = sorted(present - known), sorted(known - present)
    if not added and not removed:
        return dg.SensorResult()
    requests = [dg.RunRequest(job_name=extract_new_documents.name, partition_key=name) for name in added]
    requests.append(dg.RunRequest(job_name=refresh_warehouse.name, run_key=f"refresh:{sorted(present)}"))
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[
            documents.build_add_request(added),
            documents.build_delete_request(removed),
        ],
    )


nightly = dg.ScheduleDefinition(job=refresh_warehouse, cron_schedule="0 2 * * *", execution_timezone="Asia/Shanghai")

defs = dg.Definitions(
    assets=[extracted_document, disclosure_seeds, warehouse_models, published_release],
    jobs=[extract_new_documents, refresh_warehouse],
    sensors=[disclosures_sensor],
    schedules=[nightly],
    resources={"dbt": DbtCliResource(project_dir=DBT_PROJECT, dbt_executable=DBT_EXECUTABLE)},
)
