"""names the knowledge base lacks, per document: reports list them

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unknown_actors",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("document_id", "name", name="pk_unknown_actors"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_unknown_actors_document_id_documents",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_unknown_actors_name", "unknown_actors", ["name"])


def downgrade() -> None:
    op.drop_index("ix_unknown_actors_name", table_name="unknown_actors")
    op.drop_table("unknown_actors")
