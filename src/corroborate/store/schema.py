"""Table definitions. Alembic migrations create them; tests check the two never drift."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("domains", JSON, nullable=False),
    Column("country", String(8)),
    Column("kind", String(32)),
    Column("affiliation", String(100)),
    Column("notes", Text),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    # sha256 of source name + whitespace-folded text: the same story from another outlet is a
    # separate document (copy detection needs both), the same file ingested twice is not.
    Column("dedupe_key", String(64), nullable=False, unique=True),
    # sha256 of the whitespace-folded text alone: exact copies across outlets share it.
    Column("content_hash", String(64), nullable=False, index=True),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("origin", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published", Date, index=True),
    Column("language", String(16)),
    Column("external_id", Text),
    Column("text", Text, nullable=False),
    Column("chars", Integer, nullable=False),
    Column("words", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True),
    # one row per failing input; a later success of the same input removes it
    Column("location", Text, nullable=False, unique=True),
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
)

# Which extractor version last processed each document: a newer version re-extracts it.
extractions = Table(
    "extractions",
    metadata,
    Column(
        "document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("extractor", String(32), nullable=False, index=True),
    Column("claims", Integer, nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("extractor", String(32), nullable=False),
    Column("subject", String(200)),
    Column("relation", String(32), nullable=False),
    Column("object", Text),
    Column("recipient", String(200)),
    Column("quantity_low", Float),
    Column("quantity_high", Float),
    Column("quantity_unit", String(64)),
    Column("speaker", String(200), nullable=False),
    Column("polarity", String(8), nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("time", String(32)),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("mentions", JSON, nullable=False),
    Column("cameo", String(8)),
    Column("confidence", Float, nullable=False),
    Index("ix_claims_document_id", "document_id"),
    Index("ix_claims_subject_relation", "subject", "relation"),
    Index("ix_claims_speaker", "speaker"),
)

framing_markers = Table(
    "framing_markers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("term", Text, nullable=False),
    Column("side", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_framing_markers_document_id", "document_id"),
)

# Names the extractor read as actors or voices that its knowledge base lacks, per document
# (replaced with the document's claims): they have no type, state or camp, so reports list them.
unknown_actors = Table(
    "unknown_actors",
    metadata,
    Column(
        "document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("name", String(200), primary_key=True),
    Index("ix_unknown_actors_name", "name"),
)

# Analysts' decisions (merges, splits, corrections): kept by meaning, not by claim id, so they
# survive re-extraction; never updated in place.
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("note", Text, nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # sha256 of the client's Idempotency-Key (or form key) and the action: a retry is one row
    Column("idempotency_key", String(64), index=True, unique=True),
)

# MinHash signature of each document's text, computed once (with the extraction pass) so that
# copy detection over a large ledger needs no second pass over every text.
document_signatures = Table(
    "document_signatures",
    metadata,
    Column(
        "document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("num_perm", Integer, nullable=False),
    Column("shingle_words", Integer, nullable=False),
    Column("hashvalues", LargeBinary, nullable=False),
)

# Document-level stance toward a proposition (agree / disagree), from the stance model: evidence
# of another kind than extracted claims, weighed lower by the assessment.
stance_evidence = Table(
    "stance_evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("proposition_id", String(16), nullable=False, index=True),
    Column("label", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("passage", Text),
    Column("model", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "proposition_id", "model"),
)
