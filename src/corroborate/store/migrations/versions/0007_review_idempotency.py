"""reviews carry an idempotency key: a retried request is stored once

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reviews", sa.Column("idempotency_key", sa.String(64), nullable=True))
    op.create_index("ix_reviews_idempotency_key", "reviews", ["idempotency_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_reviews_idempotency_key", table_name="reviews")
    op.drop_column("reviews", "idempotency_key")
