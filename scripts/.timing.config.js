import base from '../web-test-runner.config.js';
import { writeFileSync } from 'node:fs';
const started = new Map();
const timing = {
  onTestRunStarted() {},
  reportTestFileResults({ sessionsForTestFile, testFile }) {},
  onTestRunFinished({ sessions }) {
    const rows = [];
    const walk = (suite, out) => { for (const t of suite.tests) out.push([t.name, t.duration ?? 0]); for (const s of suite.suites) walk(s, out); };
    for (const s of sessions) { const out = []; if (s.testResults) walk(s.testResults, out); rows.push([s.testFile.replace(process.cwd(), ''), out.reduce((a, [, d]) => a + d, 0), out.length]); }
    rows.sort((a, b) => b[1] - a[1]);
    writeFileSync('/tmp/wtr-timing.txt', rows.map((r) => `${(r[1] / 1000).toFixed(1)}s\t${r[2]}\t${r[0]}`).join('\n'));
  },
};
export default { ...base, reporters: [...base.reporters, timing] };
