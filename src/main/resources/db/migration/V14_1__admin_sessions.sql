-- Sessions of the authors' console (/admin). A browser holds a random session id in an
-- HttpOnly cookie; only its SHA-256 is stored, so a copy of this table cannot be replayed.
-- Kept in PostgreSQL so that every instance behind a load balancer knows every session.
CREATE TABLE admin_session (
    id_hash      text PRIMARY KEY,
    token_id     uuid NOT NULL REFERENCES api_token (id),
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);

CREATE INDEX admin_session_last_seen ON admin_session (last_seen_at);
