-- Every PHQ-9 item 9 above 0 gets its own task: one per check-in, no longer one per plan and day (a
-- closed task of the morning hid the afternoon's answer). Missed check-ins stay one per due date.
ALTER TABLE follow_up_task ADD COLUMN check_in_id UUID REFERENCES check_in (id);
UPDATE follow_up_task t
   SET check_in_id = (SELECT c.id FROM check_in c
                       WHERE c.plan_id = t.plan_id AND c.checked_in_on = t.check_in_due_on AND c.phq9_item9 > 0
                       ORDER BY c.recorded_at LIMIT 1)
 WHERE t.reason = 'SELF_HARM_RISK';
ALTER TABLE follow_up_task DROP CONSTRAINT follow_up_task_plan_id_reason_check_in_due_on_key;
CREATE UNIQUE INDEX follow_up_task_one_per_missed_due_date ON follow_up_task (plan_id, check_in_due_on)
  WHERE reason = 'MISSED_CHECK_IN';
CREATE UNIQUE INDEX follow_up_task_one_per_check_in ON follow_up_task (check_in_id, reason)
  WHERE check_in_id IS NOT NULL;
ALTER TABLE follow_up_task ADD CONSTRAINT follow_up_task_self_harm_names_its_check_in
  CHECK (reason <> 'SELF_HARM_RISK' OR check_in_id IS NOT NULL) NOT VALID;

-- A check-in that reports use says what was used (the shared Substance codes).
ALTER TABLE check_in ADD COLUMN substance_used TEXT;
ALTER TABLE check_in ADD CONSTRAINT check_in_use_names_a_substance
  CHECK (NOT used_since_last OR substance_used IS NOT NULL) NOT VALID;
