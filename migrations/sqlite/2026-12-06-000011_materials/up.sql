-- Materials attached to a meeting (issue #13): an uploaded file (stored here, in chunks, so
-- every instance sees it) or a link. sha256 is empty while an upload is still arriving.
CREATE TABLE materials (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    url TEXT,
    filename TEXT,
    content_type TEXT,
    size BIGINT,
    sha256 TEXT,
    visibility TEXT NOT NULL DEFAULT 'public',
    complete BOOLEAN NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX materials_meeting ON materials (meeting_id);
CREATE TABLE material_chunks (
    material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (material_id, seq)
);
