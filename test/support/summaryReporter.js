// Writes the run's pass/fail counts to test-artifacts/jest-summary.json so .ci/run can print them.
const fs = require('fs');
const path = require('path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const dir = path.join(this.rootDir, 'test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites,
      success: results.success,
    };
    fs.writeFileSync(path.join(dir, 'jest-summary.json'), JSON.stringify(summary, null, 2));
  }
}
module.exports = SummaryReporter;
