/** Where the two values are in impact.com, and what Shelfwatch does with them: said before the user pastes a token. */
export function ImpactAccountHelp() {
  return (
    <div className="account-help muted">
      <p>
        <strong>Where to find them:</strong> in impact.com, open <strong>Settings → API</strong> (on some partner
        accounts, the <strong>API</strong> page of the account menu). Copy the <strong>Account SID</strong> and the{' '}
        <strong>Auth Token</strong>. A Read-Only token is enough.
      </p>
      <p>
        <strong>What Shelfwatch does with them:</strong> it only reads your catalogs and their items, for brand names,
        search, and the catch-up check of watched items. The desktop app keeps the token in your system's keychain; the
        server (<code>npm run serve</code>) keeps it in a file in its data folder that only your user can read. It is
        never shown again and never sent anywhere but impact.com.
      </p>
    </div>
  );
}
