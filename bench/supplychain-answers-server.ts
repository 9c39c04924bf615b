/**
 * The server side of bench/supplychain-answers.ts, in its own process: the Shinrai server on the seeded
 * SQLite data folder (WAL), trusting its proxy so each respondent's X-Forwarded-For is its client address
 * (the public routes are rate-limited per address). Between `start` and `stop` it measures its own CPU time
 * and, when asked, takes a CPU profile of the load window.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig, startServer } from '@shinrai/server';

type Msg = { cmd: 'start'; profile: boolean } | { cmd: 'stop'; profileFile?: string } | { cmd: 'exit' };

const [dataDir] = process.argv.slice(2);
const send = (m: unknown): void => void process.send?.(m);
const server = await startServer(
  loadConfig({ SHINRAI_DATA_DIR: dataDir ?? '', PORT: '0', SHINRAI_TRUST_PROXY: 'true' }),
  { logger: false },
);
let cpuStart = process.cpuUsage();
let session: Session | null = null;

process.on('message', (m: Msg) => {
  void (async () => {
    if (m.cmd === 'start') {
      if (m.profile) {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
      }
      cpuStart = process.cpuUsage();
      send({ ok: true });
    } else if (m.cmd === 'stop') {
      const cpu = process.cpuUsage(cpuStart);
      if (session !== null) {
        const { profile } = await session.post('Profiler.stop');
        if (m.profileFile) writeFileSync(m.profileFile, JSON.stringify(profile));
        session.disconnect();
        session = null;
      }
      send({ cpuMicros: cpu.user + cpu.system });
    } else {
      await server.stop();
      process.exit(0);
    }
  })();
});
send({ url: server.url });
