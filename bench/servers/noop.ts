// A: the ceiling. Express with the receiver's body limit and HTTP timeouts, answering 200 without storing anything.
import express from 'express';
import { BODY_LIMIT } from '../../main/engine/receiver/app.js';
import { listen } from '../../main/engine/receiver/listen.js';
import { announceReady } from './protocol.js';

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
const readBody = express.raw({ type: () => true, limit: BODY_LIMIT, inflate: true });
app.post('/postback/:secret', readBody, (_req, res) => {
  res.status(200).type('text/plain').send('OK');
});

const listening = await listen(app, '127.0.0.1', 0);
announceReady({ receiverPort: listening.port }, () => listening.close());
