-- When a token was last presented, so that an admin can see which partner tokens are still in
-- use before revoking them. Kept to within five minutes: it is written at most once per five
-- minutes per token (org.viche.security.TokenUse), so authenticating stays a read nearly always.
-- It says when a token was used, never for what: no response refers to it.
alter table api_token add column last_used_at timestamptz;
