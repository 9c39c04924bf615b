import type { Store } from '@shinrai/store';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { FileStore } from './files/types.ts';
import type { Mailer } from './mail/mailer.ts';

/** What route handlers and services need from the outside world. */
export interface Deps {
  store: Store;
  /** Files any instance can read (uploads waiting for a job, …): in the database on PostgreSQL, the data folder on SQLite. */
  files: FileStore;
  config: Config;
  mailer: Mailer;
  now: () => Date;
  log: FastifyBaseLogger;
  /** Set when graceful shutdown begins: responses then close their keep-alive connections. */
  shuttingDown?: boolean;
}

export const iso = (d: Date) => d.toISOString();
