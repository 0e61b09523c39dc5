/** An error the UI shows as it is: a clear message and the HTTP status the server face answers with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
