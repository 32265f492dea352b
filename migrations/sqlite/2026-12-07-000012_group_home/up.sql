-- The group's public home (issue #14): what the group is (about, where input goes), its
-- people, milestones, updates, followers and the public input archive. announced_at marks
-- what followers were told of, so that each thing is announced once, when it is first
-- published.
ALTER TABLE groups ADD COLUMN about TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN input_email TEXT;
ALTER TABLE meetings ADD COLUMN announced_at TIMESTAMP;
ALTER TABLE series ADD COLUMN announced_at TIMESTAMP;
-- Follower mail carries List-Unsubscribe (RFC 8058); an announcement names what it is about.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;
ALTER TABLE outbox ADD COLUMN about_ref TEXT;
-- Public input forwarded to a group: replies go to its author (Reply-To).
ALTER TABLE outbox ADD COLUMN reply_to TEXT;
-- The follower an announcement goes to (written when sent); on the fan-out row, the last
-- follower it has been expanded to.
ALTER TABLE outbox ADD COLUMN follower_id INTEGER;
CREATE INDEX outbox_follower ON outbox (follower_id) WHERE follower_id IS NOT NULL;
CREATE INDEX outbox_about ON outbox (about_ref) WHERE about_ref IS NOT NULL;
-- Meetings and series entered before this release were announced by their own mail.
UPDATE meetings SET announced_at = created_at WHERE status <> 'draft';
UPDATE series SET announced_at = created_at WHERE COALESCE(json_extract(template_json, '$.status'), 'published') <> 'draft';

CREATE TABLE group_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    affiliation TEXT,
    note TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX group_members_group ON group_members (group_id);

CREATE TABLE milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    due_date DATE NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meetings(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX milestones_group ON milestones (group_id, due_date);

CREATE TABLE updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    published_at TIMESTAMP,
    announced_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX updates_group ON updates (group_id, published_at);

-- status: pending (address not confirmed yet) | active. The confirm link's secret is kept
-- hashed; the unsubscribe link is derived from the installation key and the id.
CREATE TABLE followers (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP
);
CREATE UNIQUE INDEX followers_group_email ON followers (group_id, email_normalized);
CREATE UNIQUE INDEX followers_token ON followers (token_hash);
CREATE INDEX followers_status ON followers (group_id, status, id);

-- status: pending (address not confirmed yet) | published. hidden_at: hidden by staff.
CREATE TABLE inputs (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    hidden_at TIMESTAMP
);
CREATE INDEX inputs_group ON inputs (group_id, status, published_at);
CREATE UNIQUE INDEX inputs_token ON inputs (token_hash);
