-- Erasure: deleting a user erases what past events say about them.
--
-- An event's personal fields (user id, IP address, the personal keys of its
-- detail) are covered by the audit chain through a salted digest, not
-- themselves (countersign_core::event::Personal). An event keeps its salt
-- until erased; an erased event keeps only the digest, so its chain link
-- still verifies. Events from before this migration have neither: the chain
-- covers their fields, which therefore stay until retention prunes them.
ALTER TABLE events ADD COLUMN personal_salt TEXT;
ALTER TABLE events ADD COLUMN personal_digest TEXT;

-- Erasures still to finish, written in the transaction that deletes the
-- user and removed once every event up to the deletion's own (`up_to_seq`,
-- the `user.deleted` event) is erased; a later user with the same id keeps
-- their events. Finished in batches right after the deletion, and by the
-- retention pass after a crash.
CREATE TABLE erasures (
    service_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    up_to_seq BIGINT NOT NULL,
    requested_at BIGINT NOT NULL,
    PRIMARY KEY (service_id, user_id, up_to_seq)
);
