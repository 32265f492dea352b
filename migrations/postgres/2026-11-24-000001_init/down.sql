DROP TABLE outbox;
DROP TABLE api_tokens;
DROP TABLE staff;
DROP TABLE registrations;
DROP TABLE meetings;
DROP TABLE groups;
DROP TABLE settings;
