"""full-text search over documents: SQLite FTS5, PostgreSQL GIN tsvector

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # an external-content FTS5 table: the text is stored once, in documents
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "title, text, content='documents', content_rowid='id', tokenize='porter unicode61')"
        )
        op.execute(
            "INSERT INTO documents_fts(rowid, title, text) SELECT id, coalesce(title, ''), text "
            "FROM documents"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title, text) "
            "VALUES (new.id, coalesce(new.title, ''), new.text); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.id, coalesce(old.title, ''), old.text); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.id, coalesce(old.title, ''), old.text); "
            "INSERT INTO documents_fts(rowid, title, text) "
            "VALUES (new.id, coalesce(new.title, ''), new.text); END"
        )
    else:
        op.execute(
            "CREATE INDEX ix_documents_search ON documents USING gin ("
            "to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_documents_search")
