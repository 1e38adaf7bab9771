// WebKitGTK's MiniBrowser from Debian for Web Test Runner: the launcher starts its own Xvfb and WebKitWebDriver,
// so `npm test` needs nothing running beforehand, then drives MiniBrowser over classic WebDriver.
import { spawn } from 'node:child_process';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { findExecutable } from './find-executable.js';
import { freePort } from './free-port.js';

const INSTALL = 'Install them with `apt-get install -y webkit2gtk-driver xvfb`.';
const START_TIMEOUT_MS = 20000;

/** Starts `command` and waits until `probe(stdout)` gives a value; what it printed goes into the error if it never does. */
async function startProcess(command, args, env, probe) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const printed = { stdout: '', stderr: '' };
  let ended = false;
  for (const name of ['stdout', 'stderr']) child[name].setEncoding('utf8').on('data', (chunk) => (printed[name] += chunk));
  child.once('error', (error) => ((printed.stderr += error.message), (ended = true)));
  child.once('exit', () => (ended = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const value = await probe(printed.stdout);
    if (value !== undefined) return { child, value };
    if (ended || Date.now() > deadline) {
      child.kill('SIGKILL');
      const why = ended ? 'did not start' : `did not start within ${START_TIMEOUT_MS / 1000} s`;
      throw new Error(`${command} ${why}\n${printed.stdout}${printed.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function driverAnswers(port) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/status`)).ok || undefined;
  } catch {
    return undefined;
  }
}

// The WebDriver key codes of the modifiers.
const HELD_KEYS = { Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D' };

/** `sendKeys({ down })` and `({ up })`, which Web Test Runner's own send-keys command does not do over WebDriver. */
function heldKeysCommand(launcher) {
  return {
    name: 'webkit-held-keys',
    async executeCommand({ command, payload, session }) {
      if (command !== 'send-keys' || session.browser !== launcher) return undefined;
      const [type, key] = 'down' in payload ? ['keyDown', payload.down] : 'up' in payload ? ['keyUp', payload.up] : [];
      if (!type) return undefined;
      if (!HELD_KEYS[key]) throw new Error(`Holding ${key} is not supported over WebDriver: only ${Object.keys(HELD_KEYS).join(', ')}.`);
      await launcher.driverManager.performActions(session.id, [{ type: 'key', id: 'held-keys', actions: [{ type, value: HELD_KEYS[key] }] }]);
      return true;
    },
  };
}

class WebKitLauncher extends WebdriverLauncher {
  /** @type {import('node:child_process').ChildProcess[]} */
  processes = [];

  constructor(minibrowser) {
    super({
      hostname: '127.0.0.1',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // webdriverio 9 would otherwise ask for WebDriver BiDi, which WebKitWebDriver does not speak.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: minibrowser, args: ['--automation'] },
      },
    });
    this.killAll = () => this.processes.forEach((child) => child.kill('SIGKILL'));
  }

  async initialize(config) {
    process.once('exit', this.killAll);
    const xvfb = await startProcess(
      findExecutable('Xvfb', ['/usr/bin/Xvfb'], INSTALL),
      // -displayfd 1: Xvfb picks a free display and writes its number on stdout once it is ready.
      ['-displayfd', '1', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'],
      process.env,
      (stdout) => /^(\d+)\n/.exec(stdout)?.[1],
    );
    this.processes.push(xvfb.child);
    const port = await freePort();
    const driver = await startProcess(
      findExecutable('WebKitWebDriver', ['/usr/bin/WebKitWebDriver'], INSTALL),
      [`--port=${port}`],
      { ...process.env, DISPLAY: `:${xvfb.value}` },
      () => driverAnswers(port),
    );
    this.processes.push(driver.child);
    this.options.port = port;
    // Web Test Runner puts its own commands before the config's plugins, and its send-keys throws on down and up
    // over WebDriver: this one goes first. config.plugins is the list the test server reads commands from.
    config.plugins.unshift(heldKeysCommand(this));
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    this.killAll();
    process.off('exit', this.killAll);
  }
}

export function webkitLauncher() {
  const minibrowser = findExecutable('MiniBrowser', ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'], INSTALL);
  return new WebKitLauncher(minibrowser);
}
