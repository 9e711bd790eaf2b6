"""Extract Chinese government department budget disclosures (部门预算公开) into dbt seeds."""

__version__ = "0.1.0"
