"""MinHash signatures of documents

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_signatures",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("num_perm", sa.Integer(), nullable=False),
        sa.Column("shingle_words", sa.Integer(), nullable=False),
        sa.Column("hashvalues", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_signatures"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_document_signatures_document_id_documents",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("document_signatures")
