// The server of bench/ingest-health.ts, started from the tree under test (copied there by the bench):
// SQLite in the given data folder, a random port on 127.0.0.1; prints its URL on stdout.
import { loadConfig, startServer } from '@shinrai/server';

const server = await startServer(
  loadConfig({
    SHINRAI_DATA_DIR: process.argv[2]!,
    PORT: '0',
    HOST: '127.0.0.1',
    SHINRAI_SETUP_CODE: 'BENC-HSET-UPCD',
    SHINRAI_LOGIN_RATE_LIMIT: '1000',
    SHINRAI_LOG_LEVEL: 'warn',
  }),
  { logger: false },
);
process.stdout.write(`${server.url}\n`);
