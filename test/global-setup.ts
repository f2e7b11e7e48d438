// When no PostgreSQL URL is given but this machine has PostgreSQL installed, start a throw-away
// cluster so that `npm test` alone covers both dialects. CI starts it in .ci/run instead.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export default function setup(): void {
  // The AWS SDK warns on every client start that its 2027 releases need Node 22: noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (process.env.NUMBERYARD_TEST_DATABASE_URL || process.env.DIALECTS === 'sqlite') return;
  const hasPostgres = fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').length > 0;
  if (!hasPostgres) {
    console.warn('PostgreSQL is not installed: storage tests run on SQLite only (apt-get install postgresql to cover both).');
    return;
  }
  const url = execFileSync('bash', ['scripts/start-test-postgres.sh'], { encoding: 'utf8' }).trim();
  process.env.NUMBERYARD_TEST_DATABASE_URL = url;
}
