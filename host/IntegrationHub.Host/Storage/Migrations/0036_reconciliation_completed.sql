-- Integration SLAs (issue 14), reconciled-by: a day counts as reconciled when its reconciliation completed, which can be
-- minutes after it started (the statement fetch and its retries). Rows from before keep null: their start stands in.
alter table hub.reconciliations add column completed_at timestamptz;
