/** Google's error bodies, as the Sheets API sends them. */
export interface ApiError {
  readonly status: number;
  readonly body: unknown;
}

export function googleError(code: number, status: string, message: string, reason?: string): ApiError {
  const details =
    reason === undefined
      ? []
      : [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            reason,
            domain: "googleapis.com",
            metadata: { service: "sheets.googleapis.com", quota_limit: "WriteRequestsPerMinutePerUser" },
          },
        ];
  return { status: code, body: { error: { code, message, status, details } } };
}

export const ERRORS = {
  unauthenticated: () =>
    googleError(
      401,
      "UNAUTHENTICATED",
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
      "ACCESS_TOKEN_TYPE_UNSUPPORTED",
    ),
  denied: () => googleError(403, "PERMISSION_DENIED", "The caller does not have permission"),
  notFound: () => googleError(404, "NOT_FOUND", "Requested entity was not found."),
  notSupported: () =>
    googleError(400, "FAILED_PRECONDITION", "This operation is not supported for this document"),
  badRange: (range: string) => googleError(400, "INVALID_ARGUMENT", `Unable to parse range: ${range}`),
  invalid: (message: string) => googleError(400, "INVALID_ARGUMENT", message),
  quota: (kind: "Read" | "Write") =>
    googleError(
      429,
      "RESOURCE_EXHAUSTED",
      `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
      "RATE_LIMIT_EXCEEDED",
    ),
};
