"""``budget-warehouse metrics``: the semantic layer's metrics, answered by MetricFlow from the
published warehouse, opened read-only (the ``published`` target of profiles.yml).

MetricFlow names a dimension by the entity it hangs on (``document__department_name``,
``function_spending__class_name``, ``metric_time__year``). People ask for ``department_name`` or
``class_name``, so plain names are resolved against the metric's own semantic model first, then
against the documents model, and ``fiscal_year`` means the metric's time.

Counting: each metric counts only documents with ``counts_in_totals`` (a 单位 document is not
added beside its 部门 document); ``--all-documents`` asks for its ``<metric>_all_documents`` twin.
A 预算 and a 决算 are never added: the answer is grouped by phase unless a phase is chosen.

The answer is printed as people read it: years as 2020, each metric under its label with its
unit (基本支出（万元）), amounts to two decimals with thousands separators, groups with no
figure left out; ``--format csv`` or ``json`` for a program.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

TIME_ALIASES = ("fiscal_year", "year", "budget_year")
DOCUMENT_ENTITY = "document"
ALL_DOCUMENTS = "_all_documents"
FORMATS = ("table", "csv", "json")


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
    labels: dict[str, str]  # metric -> its label, with its unit

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
        labels = {metric["name"]: metric.get("label") or metric["name"] for metric in data["metrics"]}
        return cls(measures, metric_measures, entities, dimensions, labels)

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
            known = sorted(name for name in self.metric_measures if not name.endswith(ALL_DOCUMENTS))
            raise UnknownName(f"no metric {', '.join(unknown)}; one of: {', '.join(known)}")


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


def _amount(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value.strip() else None
    except InvalidOperation:
        return None


def _width(text: str) -> int:
    """Columns a terminal gives ``text`` (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _table(header: list[str], rows: list[list[str]], numeric: list[bool]) -> str:
    widths = [max(_width(cell) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        padded = [
            " " * (width - _width(cell)) + cell if right else cell + " " * (width - _width(cell))
            for cell, width, right in zip(cells, widths, numeric, strict=True)
        ]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


@dataclass(frozen=True)
class Answer:
    """What MetricFlow returned, renamed and rounded for people: one column per dimension asked
    for (by the name it was asked by), then one per metric."""

    dimensions: list[str]
    metrics: list[str]
    labels: list[str]
    rows: list[tuple[list[str], list[Decimal | None]]]

    @classmethod
    def of(cls, layer: SemanticLayer, by: list[str], group_by: list[str], metrics: list[str], text: str) -> Answer:
        records = list(csv.DictReader(io.StringIO(text)))
        rows: list[tuple[list[str], list[Decimal | None]]] = []
        for record in records:
            lowered = {key.lower(): value for key, value in record.items()}
            keys = [lowered.get(name.lower(), "") for name in group_by]
            keys = [
                value[:4] if name.startswith("metric_time") else value
                for name, value in zip(group_by, keys, strict=True)
            ]
            amounts = [_amount(lowered.get(metric.lower(), "")) for metric in metrics]
            if any(amount is not None for amount in amounts):
                rows.append((keys, amounts))
        shown = [name.removesuffix(ALL_DOCUMENTS) for name in metrics]
        return cls(by, shown, [layer.labels[metric] for metric in metrics], rows)

    def render(self, output: str) -> str:
        if output == "json":
            return json.dumps(
                [
                    {
                        **dict(zip(self.dimensions, keys, strict=True)),
                        **{
                            metric: None if amount is None else float(round(amount, 2))
                            for metric, amount in zip(self.metrics, amounts, strict=True)
                        },
                    }
                    for keys, amounts in self.rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        if output == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow([*self.dimensions, *self.labels])
            for keys, amounts in self.rows:
                writer.writerow([*keys, *("" if a is None else f"{a:.2f}" for a in amounts)])
            return buffer.getvalue().rstrip("\n")
        rows = [[*keys, *("" if a is None else f"{a:,.2f}" for a in amounts)] for keys, amounts in self.rows]
        numeric = [False] * len(self.dimensions) + [True] * len(self.labels)
        return _table([*self.dimensions, *self.labels], rows, numeric)


def query(
    root: Path,
    metrics: list[str],
    by: list[str],
    filters: list[str],
    *,
    all_documents: bool = False,
    output: str = "table",
) -> int:
    """Run ``mf query`` against the published warehouse and print its answer."""
    manifest = root / "target" / "semantic_manifest.json"
    if not manifest.exists():
        raise UnknownName(f"no {manifest}: run `make build` (or `dbt parse`) first")
    if not (root / "warehouse.duckdb").exists():
        raise UnknownName(f"no published warehouse in {root}: run `make build` first")
    layer = SemanticLayer.load(manifest)
    layer.check_metrics(metrics)
    asked = [f"{metric}{ALL_DOCUMENTS}" if all_documents else metric for metric in metrics]
    layer.check_metrics(asked)
    # a 预算 and a 决算 are two views of one year: never added, so grouped apart unless one is chosen
    filtered = {item.partition("=")[0].strip() for item in filters}
    by = [*by, "phase"] if "phase" not in by and "phase" not in filtered else list(by)
    group_by = [layer.dimension(asked, name) for name in by]
    with tempfile.TemporaryDirectory() as scratch:
        answer_file = Path(scratch) / "answer.csv"
        command = [str(Path(sys.executable).with_name("mf")), "query", "--metrics", ",".join(asked)]
        command += ["--csv", str(answer_file)]
        if group_by:
            command += ["--group-by", ",".join(group_by), "--order", ",".join(group_by)]
        where = where_clause(layer, asked, filters)
        if where:
            command += ["--where", where]
        env = {
            **os.environ,
            "BUDGET_WAREHOUSE_TARGET": "published",
            "BUDGET_WAREHOUSE_PUBLISHED_DB": str(root / "warehouse.duckdb"),
            "DBT_PROFILES_DIR": str(root),
        }
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not answer_file.exists():
            print((done.stderr or done.stdout).strip(), file=sys.stderr)
            return done.returncode or 1
        text = answer_file.read_text(encoding="utf-8")
    print(Answer.of(layer, by, group_by, asked, text).render(output))
    return 0
