"""Apache Superset 6.1 (from PyPI, in a virtualenv of its own: `make bi-check`) against a
published warehouse, set up as the README's recipe says: the database with
``{"engine_params": {"connect_args": {"read_only": true}}}`` in its extra, a dataset on a wide
table, a chart query by year and 类, and a time-grain query on ``fiscal_year_start``.

    python tests/bi/superset_check.py /abs/path/warehouse.duckdb

Exits non-zero, saying what failed, when Superset cannot read the file as documented, opens it
read-write, or answers differently from the warehouse itself.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path


def main(warehouse: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="superset-check-"))
    config = home / "superset_config.py"
    config.write_text(
        f"SECRET_KEY = 'bi-check-only-{os.getpid()}'\n"
        f"SQLALCHEMY_DATABASE_URI = 'sqlite:///{home / 'superset.db'}'\n"
        "FEATURE_FLAGS = {}\n"
        # in-process caches: the metastore-backed defaults need a flask-caching Superset does not pin
        "CACHE_CONFIG = DATA_CACHE_CONFIG = {'CACHE_TYPE': 'NullCache'}\n"
        "FILTER_STATE_CACHE_CONFIG = EXPLORE_FORM_DATA_CACHE_CONFIG = {'CACHE_TYPE': 'SimpleCache'}\n",
        encoding="utf-8",
    )
    os.environ["SUPERSET_CONFIG_PATH"] = str(config)
    os.environ["SUPERSET_HOME"] = str(home)

    from flask_migrate import upgrade
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        upgrade()
        from superset import db
        from superset.connectors.sqla.models import SqlaTable
        from superset.models.core import Database

        # the README's recipe: the URI, and engine parameters in the database's extra
        database = Database(
            database_name="budget warehouse",
            sqlalchemy_uri=f"duckdb:///{warehouse}",
            extra=json.dumps({"engine_params": {"connect_args": {"read_only": True}}}),
        )
        db.session.add(database)
        db.session.commit()
        with database.get_sqla_engine() as engine, engine.connect() as connection:
            read_only = connection.exec_driver_sql("select current_setting('access_mode')").scalar()
        check(str(read_only).lower() == "read_only", f"Superset opened the file {read_only}, not read-only")

        dataset = SqlaTable(table_name="wide_expenditure_by_function", schema="marts", database=database)
        db.session.add(dataset)
        db.session.commit()
        dataset.fetch_metadata()
        columns = {column.column_name: column for column in dataset.columns}
        check({"fiscal_year", "fiscal_year_start", "class_name", "counts_in_totals"} <= set(columns), "columns missing")
        check(bool(columns["fiscal_year_start"].is_dttm), "fiscal_year_start is not a time column")
        dataset.main_dttm_col = "fiscal_year_start"
        db.session.commit()

        total = {"expressionType": "SQL", "sqlExpression": "SUM(total_amount)", "label": "total"}
        chart = dataset.query(
            {
                "columns": ["fiscal_year", "class_name"],
                "groupby": ["fiscal_year", "class_name"],
                "metrics": [total],
                "filter": [],
                "extras": {"where": "counts_in_totals"},
                "is_timeseries": False,
                "row_limit": 10000,
            }
        )
        check(chart.status == "success", f"the chart query failed: {chart.error_message}")
        rows = chart.df.to_dict("records")
        check(bool(rows), "the chart query returned no rows")
        answered = {(r["fiscal_year"], r["class_name"]): Decimal(str(r["total"])) for r in rows}
        check(answered == expected_by_class(warehouse), "the chart's sums differ from the warehouse's own")

        # a time grain on the DATE column, over a range that ends with the last year loaded
        grained = dataset.query(
            {
                "columns": [],
                "groupby": [],
                "metrics": [total],
                "granularity": "fiscal_year_start",
                "from_dttm": datetime(2023, 1, 1),
                "to_dttm": datetime(2027, 1, 1),
                "extras": {"time_grain_sqla": "P1Y", "where": "counts_in_totals and phase = '预算'"},
                "filter": [],
                "is_timeseries": True,
                "row_limit": 10000,
            }
        )
        check(grained.status == "success", f"the time-grain query failed: {grained.error_message}")
        years = sorted(str(value)[:4] for value in grained.df["__timestamp"])
        check(years == ["2023", "2024", "2025", "2026"], f"years by grain: {years}")
    print(f"superset-check: Superset 6.1 read {warehouse} read-only; {len(rows)} chart rows; years {years}")


def expected_by_class(warehouse: Path) -> dict[tuple[int, str], Decimal]:
    """The chart's answer, asked of the warehouse directly."""
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute(
            "select fiscal_year, class_name, sum(total_amount) from marts.wide_expenditure_by_function "
            "where counts_in_totals group by all"
        ).fetchall()
    return {(year, name): Decimal(str(amount)) for year, name, amount in rows}


def check(condition: bool, message: str) -> None:
    if not condition:
        print(f"superset-check: {message}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
