"""The published file holds the BI surface only: the marts, with their keys and descriptions, the
reconciliation schema (the totals as printed) and the semantic schema (MetricFlow's time spine,
which ``budget-warehouse metrics`` reads from the published file).

The candidate also holds raw seeds, staging and intermediate views (whose SQL names the catalog
``warehouse``, so they break when a BI tool attaches the file under another name) and hundreds of
stored test failures. Those stay in ``build/`` for whoever debugs a build; a release gets a new
file with only the schemas readers need, written in DuckDB's 1.4 storage format.
"""

from __future__ import annotations

from graphlib import TopologicalSorter
from pathlib import Path

import duckdb

BI_SCHEMAS = ("marts", "reconciliation", "semantic")
# DuckDB 1.4 is what current BI drivers bundle; 2.x writes files 1.4 cannot open unless told.
STORAGE_VERSION = "v1.4.0"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_surface(candidate: Path, target: Path) -> None:
    """Create ``target`` with every table of the BI schemas of ``candidate``: same definitions
    (primary and foreign keys included), rows and comments, dimensions before the facts that
    reference them."""
    with duckdb.connect(str(target), config={"storage_compatibility_version": STORAGE_VERSION}) as connection:
        connection.execute("attach ? as candidate (read_only)", [str(candidate)])
        # One transaction: hundreds of statements (a comment per column), not a commit each.
        connection.execute("begin")
        schemas = ", ".join(_literal(schema) for schema in BI_SCHEMAS)
        tables = {
            (schema, name): (sql, comment)
            for schema, name, sql, comment in connection.execute(
                "select schema_name, table_name, sql, comment from duckdb_tables() "
                f"where database_name = 'candidate' and schema_name in ({schemas})"
            ).fetchall()
        }
        references = TopologicalSorter({table: set() for table in tables})
        for schema, name, referenced in connection.execute(
            "select schema_name, table_name, referenced_table from duckdb_constraints() "
            f"where database_name = 'candidate' and constraint_type = 'FOREIGN KEY' and schema_name in ({schemas})"
        ).fetchall():
            if (schema, referenced) != (schema, name):
                references.add((schema, name), (schema, referenced))
        for schema in BI_SCHEMAS:
            connection.execute(f'create schema if not exists "{schema}"')
        for schema, name in references.static_order():
            sql, comment = tables[(schema, name)]
            connection.execute(sql)
            connection.execute(f'insert into "{schema}"."{name}" select * from candidate."{schema}"."{name}"')
            if comment:
                connection.execute(f'comment on table "{schema}"."{name}" is {_literal(comment)}')
        comments = [
            f'comment on column "{schema}"."{name}"."{column}" is {_literal(comment)}'
            for schema, name, column, comment in connection.execute(
                "select schema_name, table_name, column_name, comment from duckdb_columns() "
                f"where database_name = 'candidate' and schema_name in ({schemas}) and comment is not null"
            ).fetchall()
        ]
        if comments:
            connection.execute(";\n".join(comments))
        connection.execute("commit")
        connection.execute("detach candidate")
        connection.execute("checkpoint")
