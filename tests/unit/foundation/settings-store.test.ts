import { describe, expect, it, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsStore, migrateSettings } from '../../../core/service/settings-store.js';
import { UserError } from '../../../core/util/errors.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sn2-settings-'));
  file = join(dir, 'settings.json');
});

describe('SettingsStore', () => {
  it('starts from defaults when no file exists, without writing one', () => {
    const s = new SettingsStore(file).load();
    expect(s.network).toBe('practice');
    expect(s.axon.port).toBe(8091);
    expect(s.wallet).toEqual({ name: 'default', hotkey: 'default' });
    expect(existsSync(file)).toBe(false);
  });

  it('merges a nested patch, validates it and persists it with mode 0600', () => {
    const store = new SettingsStore(file);
    store.update({ axon: { port: 9000 }, mining: { idleOnly: true } });
    const reloaded = new SettingsStore(file).load();
    expect(reloaded.axon.port).toBe(9000);
    expect(reloaded.mining.idleOnly).toBe(true);
    expect(reloaded.mining.disableBlacklist).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('null in a patch clears an optional field', () => {
    const store = new SettingsStore(file);
    store.update({ chainEndpoint: 'ws://10.0.0.1:9944', axon: { externalIp: '203.0.113.5' } });
    const cleared = store.update({ chainEndpoint: null, axon: { externalIp: null } });
    expect(cleared.chainEndpoint).toBeUndefined();
    expect(cleared.axon).toEqual({ port: 8091, openRouterPort: false });
    expect(new SettingsStore(file).load().chainEndpoint).toBeUndefined();
  });

  it('a map setting (native prover paths) is replaced whole, so an entry can be removed', () => {
    const store = new SettingsStore(file);
    store.update({ prover: { nativePaths: { ezkl: '/opt/ezkl', rapidsnark: '/opt/rapidsnark' } } });
    const after = store.update({ prover: { nativePaths: { rapidsnark: '/opt/rapidsnark' } } });
    expect(after.prover.nativePaths).toEqual({ rapidsnark: '/opt/rapidsnark' });
    expect(after.prover.preferNative).toBe(true);
    expect(new SettingsStore(file).load().prover.nativePaths).toEqual({ rapidsnark: '/opt/rapidsnark' });
  });

  it('rejects an invalid patch naming the field, and keeps the old value', () => {
    const store = new SettingsStore(file);
    store.update({ axon: { port: 9000 } });
    expect(() => store.update({ axon: { port: 80 } })).toThrow(/axon\.port/);
    expect(new SettingsStore(file).load().axon.port).toBe(9000);
  });

  it('a hand-edited invalid file gives an error naming the field and is kept, with a .bak copy', () => {
    writeFileSync(file, JSON.stringify({ version: 1, network: 'moon', axon: { port: 'eighty' } }));
    const before = readFileSync(file, 'utf8');
    let error: unknown;
    try {
      new SettingsStore(file).load();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/network/);
    expect((error as Error).message).toMatch(/axon\.port/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(before);
  });

  it('a file that is not JSON is not overwritten', () => {
    writeFileSync(file, '{"version": 1, "netw');
    expect(() => new SettingsStore(file).load()).toThrow(/not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "netw');
  });

  it('migrates the pre-release (unversioned) layout and saves it as the current version', () => {
    writeFileSync(file, JSON.stringify({ 'subtensor.network': 'test', axon: { port: 9100 } }));
    const s = new SettingsStore(file).load();
    expect(s.network).toBe('test');
    expect(s.axon.port).toBe(9100);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('refuses a file from a newer app instead of losing its fields', () => {
    expect(() => migrateSettings({ version: 99 })).toThrow(/newer than this app/);
  });
});
