-- Security-center sessions the user can list and end (issue 15, row 3).
-- A step-up now waits for any change (adding a method as well as removing
-- one): `pending_action` holds it as `remove:<factor id>` or `add:<kind>`,
-- in place of `pending_removal` (a bare factor id). The browser that opened
-- the link and its coarse address (a /24 or /48 network, never the full
-- address) name the session in the user's list.
ALTER TABLE portal_sessions RENAME COLUMN pending_removal TO pending_action;
UPDATE portal_sessions SET pending_action = 'remove:' || pending_action WHERE pending_action IS NOT NULL;
ALTER TABLE portal_sessions ADD COLUMN user_agent TEXT;
ALTER TABLE portal_sessions ADD COLUMN ip TEXT;
