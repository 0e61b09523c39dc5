// What a device following a hub sees where the hub's own UI has a form only the hub may use (its receiver, secret,
// impact.com account, retention, field mapping): where that is managed, instead of a form it would be refused.
export function ManagedOnHub({ children }: { children: React.ReactNode }) {
  return (
    <p className="muted managed-on-hub" data-testid="managed-on-hub">
      {children}
    </p>
  );
}
