// Runs the built image (aman:check) against a local fake Bot API and checks what an operator would:
// the bot answers a citizen, /healthz and /readyz answer, the process runs as a non-root user with
// its database on the volume, and a stop (SIGTERM) ends it cleanly within the grace period.
import { execFileSync, spawnSync } from 'node:child_process';
import { startFakeTelegram, textUpdate } from '../test/support/fake-telegram.js';

// RUNTIME may carry global flags: "podman --runtime runc --cgroup-manager=cgroupfs".
const [runtime, ...globalFlags] = (process.env.RUNTIME ?? 'podman').split(/\s+/);
const run = (...args: string[]) => execFileSync(runtime!, [...globalFlags, ...args], { encoding: 'utf8' }).trim();
const fake = await startFakeTelegram();
const name = `aman-check-${process.pid}`;
const port = 18_000 + (process.pid % 1000);
const started = Date.now();
run(
  'run', '-d', '--name', name, '--network', 'host', '-v', `${name}-data:/data`,
  '-e', 'TELEGRAM_BOT_TOKEN=123456:container-check', '-e', `TELEGRAM_API_ROOT=${fake.apiRoot}`,
  '-e', `HTTP_PORT=${port}`, '-e', 'HTTP_HOST=127.0.0.1', '-e', 'SESSION_SECRET=container-check-secret-of-32-characters', '-e', 'LOG_LEVEL=warn',
  'aman:check',
);
const report: Record<string, unknown> = {};
try {
  fake.queueUpdates(textUpdate(4242, 'رقم الطوارئ شنو؟', { userId: 4242 }));
  await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && c.payload.chat_id === 4242 && c.status === 200), 90_000);
  report.answered_after_ms = Date.now() - started;
  report.answer_mentions_911 = String(fake.callsTo('sendMessage').find((c) => c.payload.chat_id === 4242)!.payload.text).includes('911');
  report.healthz = (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
  report.readyz = (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
  // The image's HEALTHCHECK (GET /healthz from inside the container), as the runtime runs it.
  if (runtime === 'podman') report.healthcheck = spawnSync(runtime, [...globalFlags, 'healthcheck', 'run', name]).status;
  report.user = run('exec', name, 'id', '-un');
  report.database_on_volume = run('exec', name, 'ls', '/data').split('\n').includes('aman.sqlite');
  const stopAt = Date.now();
  run('stop', '-t', '10', name);
  report.stop_ms = Date.now() - stopAt;
  report.exit_code = Number(run('inspect', name, '--format', '{{.State.ExitCode}}'));
} finally {
  spawnSync(runtime!, [...globalFlags, 'rm', '-f', name]);
  spawnSync(runtime!, [...globalFlags, 'volume', 'rm', '-f', `${name}-data`]);
  await fake.close();
}
console.log(JSON.stringify(report));
const ok = report.answer_mentions_911 === true && report.healthz === 200 && report.readyz === 200 && report.user === 'aman' && report.database_on_volume === true && report.exit_code === 0 && Number(report.stop_ms) < 10_000 && (report.healthcheck ?? 0) === 0;
process.exit(ok ? 0 : 1);
