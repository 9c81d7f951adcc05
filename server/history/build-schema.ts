import type { SqlClient } from '../cluster/sql-client';

// Capstan's own tables beside Argo's archive (never inside Argo's, so Argo keeps reading its schema). Builds are
// keyed by cluster (as Argo's archive, so several clusters can share one database), job and number; the uid is
// unique so numbering a workflow twice finds the first number. `stages` is filled once a build completed.
const statements = [
  `create table if not exists capstan_build_counters (
    cluster_name text not null, job_kind text not null, job_namespace text not null, job_name text not null,
    last_number integer not null, build_count integer not null default 0,
    primary key (cluster_name, job_kind, job_namespace, job_name))`,
  `create table if not exists capstan_builds (
    cluster_name text not null, job_kind text not null, job_namespace text not null, job_name text not null,
    number integer not null, uid text not null, namespace text not null, workflow_name text not null,
    phase text not null default '', message text, started_at timestamptz, finished_at timestamptz, created_at timestamptz,
    trigger jsonb not null, parameters jsonb not null, stages jsonb, live boolean not null default true,
    primary key (cluster_name, job_kind, job_namespace, job_name, number))`,
  // The job list's answer per job, kept current with every change of its builds (so listing 1,000 jobs is one read).
  `alter table capstan_build_counters add column if not exists summary jsonb`,
  `create unique index if not exists capstan_builds_uid on capstan_builds (cluster_name, uid)`,
  `create index if not exists capstan_builds_phase on capstan_builds (cluster_name, job_kind, job_namespace, job_name, phase, number desc)`,
  `create index if not exists capstan_builds_name on capstan_builds (cluster_name, namespace, workflow_name)`,
];

/** Creates the build tables and indexes when missing (idempotent, safe at every start). */
export async function ensureBuildSchema(sql: SqlClient): Promise<void> {
  for (const statement of statements) await sql.query(statement);
}
