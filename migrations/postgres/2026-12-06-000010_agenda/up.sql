-- The agenda (issue #13): Markdown, at most 65,536 bytes; empty for none.
ALTER TABLE meetings ADD COLUMN agenda TEXT NOT NULL DEFAULT '';
