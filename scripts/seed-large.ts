/**
 * `npm run seed:large`: a database the size of a few years of a large utility's contact centre —
 * 1,000,000 work items and about 5,000,000 events, ratings and escalations — for `npm run
 * bench:kpis` and for looking at the dashboard on real volumes.
 *
 * It lives in its own embedded cluster (WASLA_PG_DIR, default .data/large), never in the
 * development or test databases; or in the database at LARGE_DATABASE_URL. Everything is
 * generated inside PostgreSQL with generate_series (no rows cross the wire), deterministic
 * (setseed). Re-running it on a seeded cluster does nothing unless LARGE_RESET=1.
 *
 * Measured here (2 shared cores, load average 6–7 from other builds): 11 minutes, a 2.5 GB
 * database, 3.5 GB on disk with the WAL.
 *
 * Knobs: LARGE_ITEMS (1000000). To browse it: `WASLA_PG_DIR=.data/large npm run dev`.
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedIfEmpty } from "@/db/seed";
import { openLargeDatabase } from "./lib/large-database";

const ITEMS = Number(process.env.LARGE_ITEMS ?? 1_000_000);

/**
 * One bulk statement without triggers (report_items is rebuilt in one pass at the end, and the
 * foreign keys hold by construction): several times faster than row by row.
 */
function bulk(db: Db, query: ReturnType<typeof sql>) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    // Same connection as the insert: random() draws the same rows on every run.
    await tx.execute(sql`select setseed(0.2026)`);
    await tx.execute(query);
  });
}

async function step(label: string, run: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await run();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function seedLarge(db: Db): Promise<void> {
  const { rows } = await db.execute(sql`select count(*)::int as n from work_items`);
  if ((rows[0] as { n: number }).n >= ITEMS && process.env.LARGE_RESET !== "1") {
    // New migrations may have rebuilt the report tables: fresh statistics for the planner.
    await step("vacuum analyze", () => db.execute(sql`vacuum analyze`));
    console.log("Already seeded (LARGE_RESET=1 to start again).");
    return;
  }
  await step("reset", () =>
    db.execute(
      sql`truncate report_items, item_ratings, item_escalations, work_item_events, work_items, incidents cascade`,
    ),
  );
  // The period covered: three years up to now, so "this month" is busy.
  await step("200 incidents", () =>
    db.execute(sql`
      insert into incidents (id, title, department_id, status, opened_by, opened_at, resolved_at)
      select md5('incident' || g)::uuid, 'Incident ' || g,
        (select id from departments where code = 'technical_interventions'), 'resolved',
        (select id from users where email = 'supervisor@wasla.example'),
        now() - interval '3 years' + (g * interval '5 days'), now() - interval '3 years' + (g * interval '5 days') + interval '1 day'
      from generate_series(1, 200) g`),
  );
  await step(`${ITEMS.toLocaleString("en")} work items`, () =>
    bulk(
      db,
      sql`
      with ref as (
        select (select array_agg(id order by code) from departments) as deps,
          (select array_agg(id order by position) from routing_rules) as rules,
          array['complaint_commercial', 'complaint_technical', 'reading_review', 'letter',
            'connection', 'subscription', 'termination', 'follow_up'] as kinds,
          array['web', 'web', 'web', 'phone', 'phone', 'counter', 'email', 'api']::channel[] as channels,
          array['EJ-CENTRE', 'EJ-NORD', 'EJ-SUD', 'AZEMMOUR', 'SIDI-BOUZID'] as zones,
          array['Fuite d''eau devant le compteur', 'Coupure de courant dans le quartier',
            'Facture trop élevée ce mois-ci', 'تسرب الماء في الشارع', 'انقطاع الكهرباء منذ الصباح',
            'Demande de branchement au réseau', 'Le contrat est au nom de l''ancien propriétaire',
            'Paiement non pris en compte'] as texts
      ),
      x as (
        select g, now() - random() * interval '3 years' as created_at,
          random() as r1, random() as r2, random() as r3, random() as r4,
          (interval '30 minutes' + power(random(), 3) * interval '20 days') as took
        from generate_series(1, ${ITEMS}) g
      ),
      y as (
        select x.*, (x.g % 200 = 7) as merged, (x.g % 100 = 3) as in_incident,
          x.r1 < case when now() - x.created_at > interval '30 days' then 0.97 else 0.6 end
            and x.created_at + x.took < now() as done
        from x
      )
      insert into work_items (id, number, tracking_code, kind_code, channel, status, priority,
        department_id, routing_rule_id, locale, subject_type, title, description, zone,
        incident_id, merged_into_id, first_response_due_at, resolution_due_at, first_response_at,
        resolved_at, closed_at, outcome, business_minutes_taken, business_minutes_left,
        reopen_count, transfer_count, created_at, updated_at, last_customer_visible_at)
      select md5('item' || g)::uuid, 'LRG-' || lpad(g::text, 7, '0'), upper(substr(md5(g::text), 1, 8)),
        ref.kinds[1 + (r2 * 8)::int % 8], ref.channels[1 + (r3 * 8)::int % 8],
        (case when merged then 'closed' when done and r4 < 0.8 then 'closed' when done then 'resolved'
          when r4 < 0.5 then 'new' when r4 < 0.8 then 'in_progress' else 'waiting_customer' end)::item_status,
        (case when r3 < 0.1 then 'high' when r3 < 0.15 then 'urgent' else 'normal' end)::item_priority,
        ref.deps[1 + (r2 * 1000)::int % cardinality(ref.deps)],
        ref.rules[1 + (r4 * 1000)::int % cardinality(ref.rules)],
        case when r4 < 0.6 then 'ar' else 'fr' end, 'complaint', 'Réclamation ' || g,
        ref.texts[1 + (r1 * 1000)::int % 8], ref.zones[1 + g % 5],
        case when in_incident then md5('incident' || (1 + g % 200))::uuid end,
        case when merged then md5('item' || (g - 1))::uuid end,
        created_at + interval '1 day', created_at + interval '5 days',
        case when done or r4 < 0.5 then created_at + took * 0.2 end,
        case when done and not merged then created_at + took end,
        case when merged then created_at + interval '1 hour'
          when done and r4 < 0.8 then created_at + took + interval '1 day' end,
        (case when merged then 'duplicate' when done then 'resolved' end)::item_outcome,
        (extract(epoch from took) / 180)::int, 2400 - (extract(epoch from took) / 180)::int,
        case when g % 50 = 9 then 1 else 0 end, case when g % 20 = 3 then 1 else 0 end,
        created_at, created_at + took, created_at + took
      from y, ref`,
    ),
  );
  const clerk = sql`(select array_agg(id order by email) from users where role in ('clerk', 'supervisor'))`;
  const event = (label: string, query: ReturnType<typeof sql>) =>
    step(label, () => bulk(db, query));
  await event(
    "events: created",
    sql`
    insert into work_item_events (item_id, at, type, visibility, to_status, business_minutes_taken)
    select id, created_at, 'created', 'customer', 'new', 0 from work_items`,
  );
  await event(
    "events: claimed",
    sql`
    insert into work_item_events (item_id, at, type, visibility, actor_user_id, from_status, to_status)
    select w.id, w.created_at + interval '5 minutes', 'claimed', 'internal',
      c.ids[1 + abs(hashtext(w.id::text)) % cardinality(c.ids)], 'new', 'in_progress'
    from work_items w, (select ${clerk} as ids) c where w.merged_into_id is null`,
  );
  await event(
    "events: first answers",
    sql`
    insert into work_item_events (item_id, at, type, visibility, actor_user_id, body, business_minutes_taken)
    select w.id, w.first_response_at, 'reply', 'customer',
      c.ids[1 + abs(hashtext(w.id::text)) % cardinality(c.ids)], 'Nous traitons votre demande.',
      (w.business_minutes_taken * 0.2)::int
    from work_items w, (select ${clerk} as ids) c where w.first_response_at is not null`,
  );
  await event(
    "events: transfers, questions, reopenings",
    sql`
    insert into work_item_events (item_id, at, type, visibility, actor_user_id, business_minutes_taken)
    select w.id, w.created_at + (w.updated_at - w.created_at) * f.share, f.type::item_event_type, 'internal',
      c.ids[1 + abs(hashtext(w.id::text)) % cardinality(c.ids)],
      (w.business_minutes_taken * f.share)::int
    from work_items w
    cross join (select ${clerk} as ids) c
    join lateral (values ('transferred', 0.3, 3), ('info_requested', 0.4, 5), ('resolved', 0.33, 9),
      ('reopened', 0.5, 9), ('note', 0.6, 0), ('note', 0.7, 0)) as f(type, share, mod)
      on (f.mod = 0 and hashtext(w.id::text) % 5 = 0) or (f.mod > 0 and abs(hashtext(w.number)) % 50 = f.mod)
    where w.merged_into_id is null`,
  );
  await event(
    "events: resolutions",
    sql`
    insert into work_item_events (item_id, at, type, visibility, actor_user_id, to_status, data, business_minutes_taken)
    select w.id, w.resolved_at, 'resolved', 'customer',
      c.ids[1 + abs(hashtext(w.id::text)) % cardinality(c.ids)], 'resolved',
      '{"outcome":"resolved"}'::jsonb, w.business_minutes_taken
    from work_items w, (select ${clerk} as ids) c where w.resolved_at is not null`,
  );
  await event(
    "events: closings and merges",
    sql`
    insert into work_item_events (item_id, at, type, visibility, from_status, to_status)
    select id, closed_at, case when merged_into_id is null then 'closed' else 'merged' end::item_event_type,
      'customer', 'resolved', 'closed'
    from work_items where closed_at is not null`,
  );
  await event(
    "events: follow-ups",
    sql`
    insert into work_item_events (item_id, at, type, visibility)
    select id, created_at + interval '4 days', 'follow_up', 'customer'
    from work_items where abs(hashtext(number)) % 100 = 11 and merged_into_id is null`,
  );
  await event(
    "escalations",
    sql`
    insert into item_escalations (item_id, level, fired_at)
    select id, lvl, created_at + interval '5 days' + lvl * interval '1 hour'
    from work_items, generate_series(1, 2) lvl
    where abs(hashtext(number)) % 33 = 1 and merged_into_id is null`,
  );
  await event(
    "ratings",
    sql`
    insert into item_ratings (item_id, quality, speed, via, rated_at)
    select id, least(5, 2 + abs(hashtext(number)) % 5), least(5, 1 + abs(hashtext(tracking_code)) % 5),
      'email', resolved_at + interval '2 hours'
    from work_items where resolved_at is not null and abs(hashtext(id::text)) % 5 < 2`,
  );
  await step("report rows", () => db.execute(sql`select report_items_rebuild()`));
  await step("vacuum analyze", () => db.execute(sql`vacuum analyze`));
}

async function main() {
  const t0 = performance.now();
  const { db, cluster } = await openLargeDatabase();
  try {
    await runMigrations(db);
    await seedIfEmpty(db, { demo: true, partnerKey: false });
    await seedLarge(db);
    // A reporting database holds its working set in memory: 1 GB of shared buffers instead of
    // the default 128 MB (read at the next start of the cluster, e.g. by bench:kpis).
    await db.execute(sql`alter system set shared_buffers = '1GB'`);
    const { rows } = await db.execute(sql`
      select (select count(*) from work_items)::int as items,
        (select count(*) from work_item_events)::int as events,
        (select count(*) from item_ratings)::int as ratings,
        pg_size_pretty(pg_database_size(current_database())) as size`);
    console.log(rows[0]);
    console.log(`Done in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
  } finally {
    await db.$client.end();
    await cluster?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
