// Prints one closing line with the totals of the Jest and Playwright runs.
const fs = require('fs');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) continue;
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof data.numPassedTests === 'number') {
    passed += data.numPassedTests;
    failed += data.numFailedTests;
    skipped += data.numPendingTests + (data.numTodoTests ?? 0);
  } else if (data.stats) {
    passed += data.stats.expected + (data.stats.flaky ?? 0);
    failed += data.stats.unexpected;
    skipped += data.stats.skipped;
  }
}
console.log(
  `\ntests: ${passed} passed, ${failed} failed${
    skipped ? `, ${skipped} skipped` : ''
  }`,
);
process.exit(failed > 0 ? 1 : 0);
