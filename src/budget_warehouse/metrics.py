"""``budget-warehouse metrics``: the semantic layer's metrics, answered by MetricFlow from the
published warehouse, opened read-only (the ``published`` target of profiles.yml).

MetricFlow names a dimension by the entity it hangs on (``document__department_name``,
``function_spending__class_name``, ``metric_time__year``). People ask for ``department_name`` or
``class_name``, so plain names are resolved against the metric's own semantic model first, then
against the documents model, and ``fiscal_year`` means the metric's time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TIME_ALIASES = ("fiscal_year", "year", "budget_year")
DOCUMENT_ENTITY = "document"


class UnknownName(ValueError):
    """A metric or dimension the semantic layer does not define."""


@dataclass(frozen=True)
class SemanticLayer:
    """What target/semantic_manifest.json says: each metric's semantic model, each semantic
    model's primary entity and dimensions."""

    measures: dict[str, str]  # measure -> semantic model
    metric_measures: dict[str, list[str]]  # metric -> measures
    entities: dict[str, str]  # semantic model -> primary entity
    dimensions: dict[str, list[str]]  # semantic model -> dimensions

    @classmethod
    def load(cls, manifest: Path) -> SemanticLayer:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        measures: dict[str, str] = {}
        entities: dict[str, str] = {}
        dimensions: dict[str, list[str]] = {}
        for model in data["semantic_models"]:
            name = model["name"]
            primary = model.get("primary_entity") or next(
                (entity["name"] for entity in model["entities"] if entity["type"] == "primary"), name
            )
            entities[name] = primary
            dimensions[name] = [dimension["name"] for dimension in model["dimensions"]]
            measures.update({measure["name"]: name for measure in model["measures"]})
        metric_measures = {
            metric["name"]: [measure["name"] for measure in metric["type_params"]["input_measures"]]
            for metric in data["metrics"]
        }
        return cls(measures, metric_measures, entities, dimensions)

    def dimension(self, metrics: list[str], name: str) -> str:
        """MetricFlow's name for ``name`` as a group-by of ``metrics``."""
        if "__" in name:
            return name
        if name in TIME_ALIASES:
            return "metric_time__year"
        models = [self.measures[m] for metric in metrics for m in self.metric_measures[metric]]
        documents = next(model for model, entity in self.entities.items() if entity == DOCUMENT_ENTITY)
        for model in [*dict.fromkeys(models), documents]:
            if name in self.dimensions[model]:
                return f"{self.entities[model]}__{name}"
        known = sorted({d for model in [*models, documents] for d in self.dimensions[model]} | {"fiscal_year"})
        raise UnknownName(f"no dimension {name!r} for {', '.join(metrics)}; one of: {', '.join(known)}")

    def check_metrics(self, metrics: list[str]) -> None:
        unknown = [metric for metric in metrics if metric not in self.metric_measures]
        if unknown:
            raise UnknownName(f"no metric {', '.join(unknown)}; one of: {', '.join(sorted(self.metric_measures))}")


def where_clause(layer: SemanticLayer, metrics: list[str], filters: list[str]) -> str | None:
    """``name=value`` filters as MetricFlow's where clause (values quoted, never pasted raw)."""
    clauses = []
    for item in filters:
        name, separator, value = item.partition("=")
        if not separator:
            raise UnknownName(f"a filter is NAME=VALUE, not {item!r}")
        dimension = layer.dimension(metrics, name.strip())
        literal = "'" + value.strip().replace("'", "''") + "'"
        clauses.append(f"{{{{ Dimension('{dimension}') }}}} = {literal}")
    return " and ".join(clauses) or None


def query(root: Path, metrics: list[str], by: list[str], filters: list[str]) -> int:
    """Run ``mf query`` against the published warehouse and print its table."""
    manifest = root / "target" / "semantic_manifest.json"
    if not manifest.exists():
        raise UnknownName(f"no {manifest}: run `make build` (or `dbt parse`) first")
    if not (root / "warehouse.duckdb").exists():
        raise UnknownName(f"no published warehouse in {root}: run `make build` first")
    layer = SemanticLayer.load(manifest)
    layer.check_metrics(metrics)
    command = [str(Path(sys.executable).with_name("mf")), "query", "--metrics", ",".join(metrics)]
    group_by = [layer.dimension(metrics, name) for name in by]
    if group_by:
        command += ["--group-by", ",".join(group_by), "--order", ",".join(group_by)]
    where = where_clause(layer, metrics, filters)
    if where:
        command += ["--where", where]
    env = {
        **os.environ,
        "BUDGET_WAREHOUSE_TARGET": "published",
        "BUDGET_WAREHOUSE_PUBLISHED_DB": str(root / "warehouse.duckdb"),
        "DBT_PROFILES_DIR": str(root),
    }
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    # MetricFlow draws a spinner and a success line; the table is what follows them.
    table = [
        line
        for line in done.stdout.splitlines()
        if line.strip() and "Initiating query" not in line and not line.startswith("✔")
    ]
    print("\n".join(table))
    if done.returncode != 0:
        print(done.stderr.strip(), file=sys.stderr)
    return done.returncode
