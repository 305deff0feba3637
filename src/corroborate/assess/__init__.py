"""Assessment: claims to propositions, independent voices and statuses. Pure; no storage."""

from corroborate.assess.assess import Attention, assess, attention
from corroborate.assess.camps import (
    Camps,
    bundled_camps,
    bundled_conflicts,
    default_camps,
    load_camps,
    resolve_camps,
)
from corroborate.assess.copies import clusters_of_texts, copy_clusters, signature
from corroborate.assess.model import AssessSettings, ClaimRecord, Proposition, Voice
from corroborate.assess.propositions import Review, proposition_id

__all__ = [
    "AssessSettings",
    "Attention",
    "Camps",
    "ClaimRecord",
    "Proposition",
    "Review",
    "Voice",
    "assess",
    "attention",
    "bundled_camps",
    "bundled_conflicts",
    "clusters_of_texts",
    "copy_clusters",
    "default_camps",
    "load_camps",
    "proposition_id",
    "resolve_camps",
    "signature",
]
