export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="state error-state" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="state muted" role="status">
      Loading {what}…
    </p>
  );
}
