-- When each API token was last used, so a person can tell a token in use from a forgotten one before revoking it.
-- Written at most once a minute per token (see ApiTokenService), not on every request.
alter table api_token add column last_used_at timestamptz;
