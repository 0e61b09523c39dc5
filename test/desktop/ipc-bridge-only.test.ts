// The trusted-sender check is only as good as its coverage: a handler registered or a message sent anywhere but
// main/desktop/ipc-bridge.ts would skip it (or the channel map). This reads the Electron side's sources (the
// desktop face and the composition root; the engine and server faces cannot import electron) to hold that.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = path.resolve(import.meta.dirname, '../../main');
const BRIDGE = path.join(MAIN, 'desktop', 'ipc-bridge.ts');

const sources = [
  path.join(MAIN, 'index.ts'),
  ...fs
    .readdirSync(path.join(MAIN, 'desktop'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(MAIN, 'desktop', name)),
];

const REGISTERS = /\bipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\s*\(|\.handle\(\s*channel/;
const SENDS = /\.\s*send\s*\(|\bsendToFrame\s*\(|\bpostMessage\s*\(/;

describe('IPC goes through ipc-bridge.ts only', () => {
  it('finds the sources it checks', () => {
    expect(sources).toContain(BRIDGE);
    expect(sources.length).toBeGreaterThan(20);
  });

  it('no other main-process file registers an IPC handler or sends to a window', () => {
    const offenders = sources
      .filter((file) => file !== BRIDGE)
      .filter((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return REGISTERS.test(text) || SENDS.test(text);
      })
      .map((file) => path.relative(MAIN, file));
    expect(offenders).toEqual([]);
  });

  it('the bridge itself does both (so the check above would see a copy of it)', () => {
    const text = fs.readFileSync(BRIDGE, 'utf8');
    expect(SENDS.test(text)).toBe(true);
    expect(/ipcMain\.handle\(/.test(text)).toBe(true);
  });
});
