// Whether the server still takes this page's token. A browser paired with a hub whose access was revoked, or this
// computer's UI opened without its link (the token comes in the link and is kept per tab), is answered 401: the app
// then says which of the two it is and how to get back in, instead of "not answering" or "retrying" forever.

export type AccessKind = 'device' | 'local';

export interface AccessSource {
  /** 'device': a browser paired with a hub; 'local': this computer's own UI */
  kind: AccessKind;
  refused(): boolean;
  subscribe(listener: () => void): () => void;
}

export function createAccessWatch(kind: AccessKind): AccessSource & { refuse(): void } {
  let refused = false;
  const listeners = new Set<() => void>();
  return {
    kind,
    refused: () => refused,
    refuse() {
      if (refused) return;
      refused = true;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
