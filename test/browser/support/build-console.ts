// Browser tests test the console's current source: rebuild web/dist when any file under web/ (other
// than the build itself) is newer than the build. CI builds it on `npm ci` already (the prepare script).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const WEB_DIR = path.resolve('web');
const BUILT_PAGE = path.join(WEB_DIR, 'dist', 'index.html');
const CONTRACT_DIR = path.resolve('src', 'contract');

function newestSourceChange(): number {
  let newest = 0;
  for (const dir of [WEB_DIR, CONTRACT_DIR]) {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || file.startsWith(path.join(WEB_DIR, 'dist'))) continue;
      newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  }
  return newest;
}

export default async function setup(): Promise<void> {
  const builtAt = fs.existsSync(BUILT_PAGE) ? fs.statSync(BUILT_PAGE).mtimeMs : 0;
  if (builtAt >= newestSourceChange()) return;
  console.log('Building the web console for the browser tests (web/ changed since the last build)…');
  await build({ root: WEB_DIR, logLevel: 'warn' });
}
