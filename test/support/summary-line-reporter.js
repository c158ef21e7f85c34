/**
 * Prints one plain closing line, `Tests: N passed, N failed`, after Jest's own summary, so
 * that CI tooling that reads closing lines can count the tests of any run.
 */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`);
  }
}

module.exports = SummaryLineReporter;
