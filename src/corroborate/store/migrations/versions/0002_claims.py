"""claims, framing markers and extraction versions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extractions",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(32), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_extractions"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_extractions_document_id_documents",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_extractions_extractor", "extractions", ["extractor"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(200)),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("object", sa.Text()),
        sa.Column("recipient", sa.String(200)),
        sa.Column("quantity_low", sa.Float()),
        sa.Column("quantity_high", sa.Float()),
        sa.Column("quantity_unit", sa.String(64)),
        sa.Column("speaker", sa.String(200), nullable=False),
        sa.Column("polarity", sa.String(8), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("time", sa.String(32)),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.Column("cameo", sa.String(8)),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_claims_document_id_documents",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_subject_relation", "claims", ["subject", "relation"])
    op.create_index("ix_claims_speaker", "claims", ["speaker"])
    op.create_table(
        "framing_markers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("side", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_framing_markers"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_framing_markers_document_id_documents",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_framing_markers_document_id", "framing_markers", ["document_id"])


def downgrade() -> None:
    op.drop_table("framing_markers")
    op.drop_table("claims")
    op.drop_table("extractions")
