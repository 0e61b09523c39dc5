// B: what a quick implementation of the design card does: lowdb's stock JSONFile adapter and `await db.write()`
// on every request before answering. Built with `new Low(new JSONFile())` because JSONFilePreset silently keeps
// everything in memory when NODE_ENV=test.
import express from 'express';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { BODY_LIMIT } from '../../main/engine/receiver/app.js';
import { listen } from '../../main/engine/receiver/listen.js';
import { emptyNaiveData, type NaiveData, recordNaively } from './naive-data.js';
import { announceReady } from './protocol.js';

const [file = ''] = process.argv.slice(2);
if (!file) throw new Error('usage: naive.ts <db.json>');
const db = new Low<NaiveData>(new JSONFile(file), emptyNaiveData());
await db.read();

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.post('/postback/:secret', express.json({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
  recordNaively(db.data, req.body as Record<string, string>, new Date().toISOString());
  await db.write();
  res.status(200).type('text/plain').send('OK');
});

app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  process.stderr.write(`naive: ${error.stack ?? error.message}\n`);
  res.status(500).type('text/plain').send('Error');
});

const listening = await listen(app, '127.0.0.1', 0);
announceReady({ receiverPort: listening.port, products: Object.keys(db.data.products).length }, () =>
  listening.close(),
);
