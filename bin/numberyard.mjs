#!/usr/bin/env node
// `npx numberyard …` from the checkout: runs the TypeScript CLI through tsx, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
await main();
