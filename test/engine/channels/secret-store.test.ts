import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_KEY_FILES,
  CHANNEL_SECRETS_FILES,
  fileChannelSecretStore,
} from '../../../main/engine/channels/secret-store.js';
import { ChannelSecrets } from '../../../main/engine/channels/secrets.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { captureLog } from '../../reliability/helpers/capture-log.js';

const URL = 'slack://T0123ABCD/B0456EFGH/x0YzAbCdEfGhIjKlMnOpQrSt';
const SIGNING = 'whsec_c2VjcmV0LXNpZ25pbmcta2V5LTAxMjM0NTY3ODk=';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

function folder() {
  temp = makeTempDir('shelfwatch-channel-secrets-');
  return temp.dir;
}

describe('the server face’s channel secret store', () => {
  it('keeps the URLs encrypted, in two copies, files only this user can read', () => {
    const dir = folder();
    fileChannelSecretStore(dir).save({
      c1: { url: URL },
      c2: { url: 'json://127.0.0.1:9/hook', signingSecret: SIGNING },
    });
    expect(fileChannelSecretStore(dir).load()).toEqual({
      c1: { url: URL },
      c2: { url: 'json://127.0.0.1:9/hook', signingSecret: SIGNING },
    });
    for (const name of [...CHANNEL_SECRETS_FILES, ...CHANNEL_KEY_FILES]) {
      const bytes = fs.readFileSync(path.join(dir, name));
      expect(bytes.includes('x0YzAbCdEfGhIjKl'), name).toBe(false);
      expect(bytes.includes('whsec_'), name).toBe(false);
      if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, name)).mode & 0o777, name).toBe(0o600);
    }
  });

  it('restores a damaged or lost file from its copy', () => {
    const dir = folder();
    fileChannelSecretStore(dir).save({ c1: { url: URL } });
    fs.writeFileSync(path.join(dir, CHANNEL_SECRETS_FILES[0]), '{"v":1,"iv":"broken');
    fs.rmSync(path.join(dir, CHANNEL_KEY_FILES[0]));
    expect(fileChannelSecretStore(dir).load()).toEqual({ c1: { url: URL } });
    // both written again: now the copies may go
    fs.rmSync(path.join(dir, CHANNEL_SECRETS_FILES[1]));
    fs.rmSync(path.join(dir, CHANNEL_KEY_FILES[1]));
    expect(fileChannelSecretStore(dir).load()).toEqual({ c1: { url: URL } });
  });

  it('without either key the addresses are unreadable: the engine opens, says so, and the channels wait', () => {
    const dir = folder();
    fileChannelSecretStore(dir).save({ c1: { url: URL } });
    for (const name of CHANNEL_KEY_FILES) fs.rmSync(path.join(dir, name));
    expect(() => fileChannelSecretStore(dir).load()).toThrow(/could not be decrypted/);
    const log = captureLog();
    const secrets = new ChannelSecrets(fileChannelSecretStore(dir), log);
    expect(secrets.get('c1')).toBeUndefined();
    expect(log.lines).toEqual([
      expect.stringMatching(/^error The channels’ addresses could not be read .*could not be decrypted/),
    ]);
    expect(log.lines.join('\n')).not.toContain('x0YzAbCdEfGhIjKl');
  });
});
