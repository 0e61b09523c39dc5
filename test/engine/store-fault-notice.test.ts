// When only the store file cannot be saved, postbacks are still acknowledged (the journal has them) and the user is
// told, once, until saving works again.
import { afterEach, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import { faultyFileSystem } from '../fakes/faulty-fs.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
afterEach(() => temp.remove());

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

it('shows a notice while the store cannot be saved and clears it once saving works', async () => {
  const faulty = faultyFileSystem();
  const engine = await openEngine({
    dataDir: temp.dir,
    fileSystem: faulty.fsys,
    receiverPort: 0,
    secret: 'fault-notice-secret',
    checkpoint: { quietMs: 10, maxDelayMs: 20 },
  });
  try {
    const { postbackUrl } = await engine.startReceiver();
    faulty.fail('rename', 'EACCES');
    const response = await fetch(postbackUrl, { method: 'POST', body: '{"CatalogId":"1","CatalogItemId":"A"}' });
    expect(response.status).toBe(200);
    const notices = async () => (await engine.api.status(undefined)).notices.map((notice) => notice.message).join(' ');
    await eventually(async () => /Cannot save the product store \(EACCES/.test(await notices()));
    expect(await notices()).toMatch(/Cannot save the product store \(EACCES.*still recorded safely in the journal/);
    const codes = (await engine.api.status(undefined)).notices.map((notice) => notice.code);
    expect(codes).toEqual(['storage-fault']); // told apart from a database or backup fault without its words

    faulty.heal();
    await eventually(async () => !(await notices()).includes('Cannot save'));
    expect(await notices()).not.toContain('Cannot save');
  } finally {
    faulty.heal();
    await engine.close();
  }
});
