-- "Take next" for several clerks in one statement (lib/workflow/claim.ts gathers the presses that
-- arrive while earlier ones are being answered). Each press is one position i of the arrays:
-- the clerk, their role, the one department they asked for (or null for all of theirs), the
-- clock and the lease end. The positions are served in order, each the most urgent unclaimed
-- item of its departments (earliest resolution deadline, then oldest) that no colleague has
-- locked (SKIP LOCKED) and that no earlier position of the same batch took; then all the claims
-- are written at once: the items, their timeline events and their audit rows, all or nothing.
--
-- Why a function: the statement-level work of a claim (parse, plan locks, executor start-up,
-- the report trigger's WHEN clause, commit, the round trip) cost more than the claim's own rows;
-- in one statement for a batch it is paid once. The loop picks one item per press because a
-- press must not take what an earlier press of the same batch took, which SKIP LOCKED cannot
-- see (the batch's own locks are not skipped).
--
-- A clerk usually works in two or three departments. `heads` peeks at the first unclaimed item
-- of each (one entry of work_items_queue_idx, no lock) and orders the departments by it; the
-- first department that still has an item nobody has locked gives it, and only that row is
-- locked. Reading all the departments in one deadline order instead would step over every
-- earlier item of the other departments — tens of thousands when one team is far ahead of
-- another — on every claim; locking each department's head would hide the heads not chosen from
-- colleagues for the length of the statement.
--
-- plan_cache_mode: the function's statements take arrays and positions, so custom plans (made
-- afresh on every call) would be no better than the generic one and cost twice the claim.
CREATE OR REPLACE FUNCTION take_next_batch(
  p_staff uuid[], p_role role[], p_department uuid[], p_now timestamptz[], p_lease timestamptz[],
  p_data jsonb)
RETURNS TABLE (pos integer, id uuid, number text, title text, priority item_priority,
  department_id uuid, resolution_due_at timestamptz)
LANGUAGE plpgsql
SET plan_cache_mode TO force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
  v_ids uuid[] := '{}';
  v_pos integer[] := '{}';
  v_was_new boolean[] := '{}';
  v_id uuid;
  v_status item_status;
BEGIN
  FOR i IN 1 .. coalesce(array_length(p_staff, 1), 0) LOOP
    v_id := NULL;
    SELECT item.id, item.status INTO v_id, v_status
    FROM (
      SELECT d.department_id, head.resolution_due_at, head.created_at
      FROM (
        SELECT p_department[i] AS department_id WHERE p_department[i] IS NOT NULL
        UNION ALL
        SELECT dp.id FROM departments dp WHERE p_department[i] IS NULL AND p_role[i] = 'admin'
        UNION ALL
        SELECT sd.department_id FROM staff_departments sd
        WHERE p_department[i] IS NULL AND p_role[i] <> 'admin' AND sd.user_id = p_staff[i]
      ) d
      CROSS JOIN LATERAL (
        SELECT w.resolution_due_at, w.created_at FROM work_items w
        WHERE w.department_id = d.department_id AND w.status IN ('new', 'in_progress')
          AND w.assignee_id IS NULL AND w.merged_into_id IS NULL AND w.id <> ALL (v_ids)
        ORDER BY w.resolution_due_at ASC NULLS LAST, w.created_at ASC
        LIMIT 1
      ) head
      ORDER BY head.resolution_due_at ASC NULLS LAST, head.created_at ASC
    ) heads
    -- No ORDER BY here: sorting would need every department's locked row. The nested loop over
    -- a LATERAL subquery reads the departments in the order heads gave them, and stops at the
    -- first row it could lock.
    CROSS JOIN LATERAL (
      SELECT w.id, w.status FROM work_items w
      WHERE w.department_id = heads.department_id AND w.status IN ('new', 'in_progress')
        AND w.assignee_id IS NULL AND w.merged_into_id IS NULL AND w.id <> ALL (v_ids)
      ORDER BY w.resolution_due_at ASC NULLS LAST, w.created_at ASC
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    ) item
    LIMIT 1;
    IF v_id IS NOT NULL THEN
      v_ids := v_ids || v_id;
      v_pos := v_pos || i;
      v_was_new := v_was_new || (v_status = 'new');
    END IF;
  END LOOP;
  IF cardinality(v_ids) = 0 THEN
    RETURN;
  END IF;

  -- The same columns as lib/workflow/record-event.ts and lib/audit/write-audit.ts write.
  RETURN QUERY
  WITH taken AS (
    SELECT t.id, t.pos, t.was_new FROM unnest(v_ids, v_pos, v_was_new) AS t(id, pos, was_new)
  ), claimed AS (
    UPDATE work_items w
    SET assignee_id = p_staff[taken.pos], lease_expires_at = p_lease[taken.pos],
      updated_at = p_now[taken.pos], status = 'in_progress'
    FROM taken WHERE w.id = taken.id
    RETURNING taken.pos, taken.was_new, w.id, w.number, w.title, w.priority, w.department_id,
      w.resolution_due_at
  ), event AS (
    INSERT INTO work_item_events (item_id, at, type, visibility, actor_user_id, data,
      from_status, to_status)
    SELECT c.id, p_now[c.pos], 'claimed', 'internal', p_staff[c.pos], p_data,
      CASE WHEN c.was_new THEN 'new'::item_status END,
      CASE WHEN c.was_new THEN 'in_progress'::item_status END
    FROM claimed c
  ), audit AS (
    INSERT INTO audit_log (at, actor_user_id, actor_role, action, entity_type, entity_id)
    SELECT p_now[c.pos], p_staff[c.pos], p_role[c.pos], 'item.take_next', 'work_item', c.id::text
    FROM claimed c
  )
  SELECT c.pos, c.id, c.number, c.title, c.priority, c.department_id, c.resolution_due_at
  FROM claimed c;
END;
$$;
