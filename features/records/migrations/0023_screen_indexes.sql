-- Screens read the end of her history, never all of it (issue: screens
-- flat in the size of her history). The advice reads the newest reading of
-- each kind and glucose context; the Records screen reads her newest
-- readings of any kind. Both walk one of these from its end.
CREATE INDEX measurement_kind_context_time ON measurement (kind, context, taken_at) WHERE deleted_at IS NULL;
CREATE INDEX measurement_time ON measurement (taken_at) WHERE deleted_at IS NULL;
-- A journal read of every kind from a date (the clinic visit), a kick
-- session's kicks, and the contraction timer's last two hours.
CREATE INDEX entry_time ON entry (at) WHERE deleted_at IS NULL;
CREATE INDEX kick_session_time ON kick (session_id, at);
CREATE INDEX contraction_time ON contraction (started_at);
