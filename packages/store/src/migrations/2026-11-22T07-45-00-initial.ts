import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import { isPostgres } from './migration-dialect';

// Frozen once merged: later changes go in a new, later-named migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) => (pg ? col.primaryKey() : col.primaryKey().autoIncrement());
  const blob = pg ? 'bytea' : 'blob';

  await db.schema
    .createTable('documents')
    .addColumn('id', idType, id)
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('raw_text', blob, (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('parser_version', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reviewers')
    .addColumn('id', idType, id)
    .addColumn('profile_key', 'text', (c) => c.notNull().unique())
    .addColumn('specialties', 'text', (c) => c.notNull())
    .addColumn('subspecialties', 'text', (c) => c.notNull())
    .addColumn('licensed_in', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reviewer_specialties')
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id').onDelete('cascade'))
    .addColumn('specialty', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reviewer_specialties_pk', ['reviewer_id', 'kind', 'specialty'])
    .execute();
  await db.schema
    .createIndex('reviewer_specialties_specialty')
    .on('reviewer_specialties')
    .columns(['specialty', 'kind', 'reviewer_id'])
    .execute();

  await db.schema
    .createTable('reviewer_states')
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reviewer_states_pk', ['reviewer_id', 'state'])
    .execute();
  await db.schema
    .createIndex('reviewer_states_state')
    .on('reviewer_states')
    .columns(['state', 'reviewer_id'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', idType, id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('letter_key', 'text', (c) => c.notNull().unique())
    .addColumn('case_number', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('date_assigned', 'text')
    .addColumn('date_injury', 'text')
    .addColumn('date_decision', 'text')
    .addColumn('date_ur_denial', 'text')
    .addColumn('date_application_received', 'text')
    .addColumn('days_to_decision', 'integer')
    .addColumn('priority', 'text')
    .addColumn('reviewer_id', 'integer', (c) => c.references('reviewers.id'))
    .addColumn('patient_age', 'integer')
    .addColumn('patient_age_band', 'text')
    .addColumn('patient_sex', 'text')
    .addColumn('summary', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('parser_version', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_document').on('cases').column('document_id').execute();
  await db.schema.createIndex('cases_case_number').on('cases').column('case_number').execute();
  await db.schema.createIndex('cases_decision_date').on('cases').columns(['date_decision', 'id']).execute();
  await db.schema.createIndex('cases_reviewer').on('cases').column('reviewer_id').execute();

  await db.schema
    .createTable('diagnoses')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('diagnoses_pk', ['case_id', 'ordinal'])
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', idType, id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('treatment', 'text', (c) => c.notNull())
    .addColumn('drug_name', 'text')
    .addColumn('drug_generic', 'text')
    .addColumn('drug_class', 'text')
    .addColumn('drug_strength', 'text')
    .addColumn('drug_dispensed', 'integer')
    .addColumn('quantity_count', 'integer')
    .addColumn('quantity_unit', 'text')
    .addColumn('frequency_min', 'integer')
    .addColumn('frequency_max', 'integer')
    .addColumn('frequency_per', 'text')
    .addColumn('duration_min', 'integer')
    .addColumn('duration_max', 'integer')
    .addColumn('duration_unit', 'text')
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('date_decision', 'text')
    .addColumn('decision_year', 'integer')
    .addColumn('decision_month', 'text')
    .addColumn('date_injury', 'text')
    .addColumn('priority', 'text')
    .addColumn('reviewer_id', 'integer', (c) => c.references('reviewers.id'))
    .addColumn('patient_sex', 'text')
    .addColumn('patient_age_band', 'text')
    .execute();
  await db.schema.createIndex('items_case').on('items').columns(['case_id', 'ordinal']).execute();
  // Covering indexes for the common group-bys: the decision is in each so counts need no table lookup.
  for (const column of [
    'category',
    'treatment',
    'drug_class',
    'decision_year',
    'decision_month',
    'priority',
    'reviewer_id',
    'patient_sex',
    'patient_age_band',
    'date_decision',
    'date_injury',
  ]) {
    await db.schema.createIndex(`items_${column}`).on('items').columns([column, 'decision']).execute();
  }
  await db.schema.createIndex('items_decision').on('items').column('decision').execute();

  await db.schema
    .createTable('item_body_regions')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('body_region', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_body_regions_pk', ['item_id', 'body_region'])
    .execute();
  await db.schema
    .createIndex('item_body_regions_region')
    .on('item_body_regions')
    .columns(['body_region', 'item_id'])
    .execute();

  await db.schema
    .createTable('guidelines')
    .addColumn('id', idType, id)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addUniqueConstraint('guidelines_identity', ['source', 'name', 'topic'])
    .execute();
  await db.schema.createIndex('guidelines_topic').on('guidelines').columns(['topic', 'source']).execute();

  await db.schema
    .createTable('citations')
    .addColumn('id', idType, id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('guideline_id', 'integer', (c) => c.notNull().references('guidelines.id'))
    .addColumn('cited_by', 'text', (c) => c.notNull())
    .addColumn('pages', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('citations_item').on('citations').columns(['item_id', 'ordinal']).execute();
  await db.schema
    .createIndex('citations_guideline')
    .on('citations')
    .columns(['guideline_id', 'cited_by', 'item_id'])
    .execute();

  await db.schema
    .createTable('citation_pages')
    .addColumn('citation_id', 'integer', (c) => c.notNull().references('citations.id').onDelete('cascade'))
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('guideline_id', 'integer', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('citation_pages_pk', ['citation_id', 'page'])
    .execute();
  await db.schema
    .createIndex('citation_pages_guideline')
    .on('citation_pages')
    .columns(['guideline_id', 'page', 'item_id'])
    .execute();

  await db.schema
    .createTable('ingest_runs')
    .addColumn('id', idType, id)
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('parser_version', 'text', (c) => c.notNull())
    .addColumn('files_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('already_present', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('ingest_errors')
    .addColumn('id', idType, id)
    .addColumn('run_id', 'integer', (c) => c.references('ingest_runs.id'))
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ingest_errors_file').on('ingest_errors').column('file').execute();

  if (pg) {
    // Full-text search: tsvector tables beside items and cases (named like the FTS5 tables on SQLite), kept by
    // statement-level triggers so a multi-row insert costs one extra statement. Apart from the rows, `select *`
    // on items and cases returns the same columns on both dialects and never drags a tsvector along.
    await sql`create table item_search (
      item_id integer primary key references items (id) on delete cascade,
      search tsvector not null)`.execute(db);
    await sql`create index item_search_gin on item_search using gin (search)`.execute(db);
    await sql`create function item_search_sync() returns trigger language plpgsql as $$
      begin
        insert into item_search (item_id, search)
          select id, to_tsvector('english', title || ' ' || rationale) from changed_items
          on conflict (item_id) do update set search = excluded.search;
        return null;
      end $$`.execute(db);
    for (const event of ['insert', 'update']) {
      await sql`create trigger ${sql.raw(`items_search_${event}`)} after ${sql.raw(event)} on items
        referencing new table as changed_items for each statement execute function item_search_sync()`.execute(
        db,
      );
    }
    await sql`create table case_search (
      case_id integer primary key references cases (id) on delete cascade,
      search tsvector not null)`.execute(db);
    await sql`create index case_search_gin on case_search using gin (search)`.execute(db);
    await sql`create function case_search_sync() returns trigger language plpgsql as $$
      begin
        insert into case_search (case_id, search)
          select id, to_tsvector('english', coalesce(summary, '')) from changed_cases
          on conflict (case_id) do update set search = excluded.search;
        return null;
      end $$`.execute(db);
    for (const event of ['insert', 'update']) {
      await sql`create trigger ${sql.raw(`cases_search_${event}`)} after ${sql.raw(event)} on cases
        referencing new table as changed_cases for each statement execute function case_search_sync()`.execute(
        db,
      );
    }
  } else {
    // FTS5 external-content tables kept in step by triggers, so no writer can forget them.
    await sql`create virtual table item_search using fts5(title, rationale, content='items', content_rowid='id', tokenize='porter unicode61')`.execute(
      db,
    );
    await sql`create trigger items_ai after insert on items begin
      insert into item_search(rowid, title, rationale) values (new.id, new.title, new.rationale); end`.execute(
      db,
    );
    await sql`create trigger items_ad after delete on items begin
      insert into item_search(item_search, rowid, title, rationale) values ('delete', old.id, old.title, old.rationale); end`.execute(
      db,
    );
    await sql`create trigger items_au after update of title, rationale on items begin
      insert into item_search(item_search, rowid, title, rationale) values ('delete', old.id, old.title, old.rationale);
      insert into item_search(rowid, title, rationale) values (new.id, new.title, new.rationale); end`.execute(
      db,
    );
    await sql`create virtual table case_search using fts5(summary, content='cases', content_rowid='id', tokenize='porter unicode61')`.execute(
      db,
    );
    await sql`create trigger cases_ai after insert on cases begin
      insert into case_search(rowid, summary) values (new.id, coalesce(new.summary, '')); end`.execute(db);
    await sql`create trigger cases_ad after delete on cases begin
      insert into case_search(case_search, rowid, summary) values ('delete', old.id, coalesce(old.summary, '')); end`.execute(
      db,
    );
    await sql`create trigger cases_au after update of summary on cases begin
      insert into case_search(case_search, rowid, summary) values ('delete', old.id, coalesce(old.summary, ''));
      insert into case_search(rowid, summary) values (new.id, coalesce(new.summary, '')); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  for (const table of [
    'item_search',
    'case_search',
    'citation_pages',
    'citations',
    'guidelines',
    'item_body_regions',
    'items',
    'diagnoses',
    'cases',
    'reviewer_states',
    'reviewer_specialties',
    'reviewers',
    'documents',
    'ingest_errors',
    'ingest_runs',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  if (pg) {
    await sql`drop function if exists item_search_sync()`.execute(db);
    await sql`drop function if exists case_search_sync()`.execute(db);
  }
}
