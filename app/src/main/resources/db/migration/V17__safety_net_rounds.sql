-- While an object's changes stream in, rounds read it only as the safety net (hourly by default) or when asked: by
-- "Sync now", an overflow, an expired stream position. When that was asked; cleared by the first round whose window
-- covers it.
alter table sync_object add column read_asked_at timestamptz;
