// How Debian's Chromium is launched for the e2e test and the bench: one place for the path and the flags.
// Without the background-networking flags Chromium keeps dialling Google's hosts, which this closed network refuses.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
