/** The one query method both PGlite and node-postgres' Pool offer, so one SQL serves both. */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}
