-- Symptoms from a coded list, each with a severity.
CREATE TABLE symptom (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
    noted_at    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX symptom_time ON symptom (noted_at) WHERE deleted_at IS NULL;
