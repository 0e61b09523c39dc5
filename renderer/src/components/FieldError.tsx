// What a form's last attempt was refused for, read out by screen readers as it appears; nothing when there is none.
export function FieldError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="field-error" role="alert">
      {message}
    </p>
  ) : null;
}
