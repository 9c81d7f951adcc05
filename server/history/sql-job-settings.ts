import type { JobRef } from '@/lib/history/job-ref';
import type { View } from '@/lib/history/views';
import type { SqlClient } from '../cluster/sql-client';
import type { JobSettingsStore } from './job-settings-store';

const schema = [
  `create table if not exists capstan_views (cluster_name text not null, id text not null, view jsonb not null, primary key (cluster_name, id))`,
  `create table if not exists capstan_favourites (cluster_name text not null, username text not null, job_kind text not null,
     job_namespace text not null, job_name text not null, primary key (cluster_name, username, job_kind, job_namespace, job_name))`,
];

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** Views and favourites in the history's database (embedded PGlite, or the archive's PostgreSQL). */
export class SqlJobSettings implements JobSettingsStore {
  private constructor(private readonly sql: SqlClient, private readonly clusterName: string) {}

  static async open(sql: SqlClient, clusterName: string): Promise<SqlJobSettings> {
    for (const statement of schema) await sql.query(statement);
    return new SqlJobSettings(sql, clusterName);
  }

  async listViews(): Promise<View[]> {
    const { rows } = await this.sql.query<{ view: unknown }>(`select view from capstan_views where cluster_name = $1`, [this.clusterName]);
    return rows.map((r) => json<View>(r.view)).sort((a, b) => a.name.localeCompare(b.name));
  }

  async getView(id: string): Promise<View | undefined> {
    const { rows } = await this.sql.query<{ view: unknown }>(`select view from capstan_views where cluster_name = $1 and id = $2`, [this.clusterName, id]);
    return rows[0] ? json<View>(rows[0].view) : undefined;
  }

  async putView(view: View, create: boolean): Promise<boolean> {
    const { rows } = await this.sql.query(
      `insert into capstan_views (cluster_name, id, view) values ($1, $2, $3::jsonb) on conflict (cluster_name, id) ${create ? 'do nothing' : 'do update set view = excluded.view'} returning id`,
      [this.clusterName, view.id, JSON.stringify(view)],
    );
    return rows.length > 0;
  }

  async deleteView(id: string): Promise<boolean> {
    const { rows } = await this.sql.query(`delete from capstan_views where cluster_name = $1 and id = $2 returning id`, [this.clusterName, id]);
    return rows.length > 0;
  }

  async favourites(user: string): Promise<JobRef[]> {
    const { rows } = await this.sql.query<{ job_kind: JobRef['kind']; job_namespace: string; job_name: string }>(
      `select job_kind, job_namespace, job_name from capstan_favourites where cluster_name = $1 and username = $2 order by job_name, job_namespace, job_kind`,
      [this.clusterName, user],
    );
    return rows.map((r) => ({ kind: r.job_kind, namespace: r.job_namespace, name: r.job_name }));
  }

  async setFavourite(user: string, job: JobRef, on: boolean): Promise<void> {
    const params = [this.clusterName, user, job.kind, job.namespace, job.name];
    await this.sql.query(
      on
        ? `insert into capstan_favourites (cluster_name, username, job_kind, job_namespace, job_name) values ($1, $2, $3, $4, $5) on conflict do nothing`
        : `delete from capstan_favourites where cluster_name = $1 and username = $2 and job_kind = $3 and job_namespace = $4 and job_name = $5`,
      params,
    );
  }
}
