// Prints the suite's totals as one plain line ("N passed, N failed") from Vitest's JSON report,
// so that CI logs end with a summary any reader (or tool) can find.
import fs from 'node:fs';

const file = process.argv[2] ?? 'test-artifacts/vitest-results.json';
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
