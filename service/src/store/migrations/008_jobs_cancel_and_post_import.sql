-- Jobs can be cancelled: a queued job at once, a running one when its worker next reports progress
-- (cancel_requested_at is the request it notices).
ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'));
ALTER TABLE jobs ADD COLUMN cancel_requested_at timestamptz;
ALTER TABLE jobs ADD COLUMN cancel_requested_by text;

-- What runs after a statement is stored (bank feedback, then matching) is pending for each new item
-- until done, so a failure or a dead process after the store commit is made good by the next import
-- of the file (or a retry of the matching job). Items stored before this migration count as done; new
-- ones start pending without the store having to say so.
ALTER TABLE bank_statement_items ADD COLUMN feedback_pending boolean NOT NULL DEFAULT false;
ALTER TABLE bank_statement_items ADD COLUMN matching_pending boolean NOT NULL DEFAULT false;
ALTER TABLE bank_statement_items ALTER COLUMN feedback_pending SET DEFAULT true;
ALTER TABLE bank_statement_items ALTER COLUMN matching_pending SET DEFAULT true;
CREATE INDEX bank_statement_items_post_import ON bank_statement_items (tenant_id, statement_id) WHERE feedback_pending OR matching_pending;

-- Accepting a suggestion closes its siblings first; when the ledger then refuses to settle, the
-- siblings this accept superseded are reopened.
ALTER TABLE matching_suggestions ADD COLUMN superseded_by uuid;
