-- Several app nodes on one PostgreSQL: socket.io's PostgreSQL adapter passes events between the nodes with
-- NOTIFY; a message larger than NOTIFY's 8000 bytes goes through this table (its own layout, rows kept about 30 s).
-- Made by a migration rather than by the adapter so every database has it before any node starts.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
	id bigserial UNIQUE,
	created_at timestamptz DEFAULT now(),
	payload bytea
);
