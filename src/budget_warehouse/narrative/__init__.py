"""The figures a disclosure's text states ("收入预算9628.22万元，比上年增加793.14万元"), as claims
the warehouse checks against the document's own tables (marts.fct_narrative_claims)."""

from budget_warehouse.narrative.claims import CLAIM_SEED, Claim, ProseLine, claim_records, read_claims

__all__ = ["CLAIM_SEED", "Claim", "ProseLine", "claim_records", "read_claims"]
