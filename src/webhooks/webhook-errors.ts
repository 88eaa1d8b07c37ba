/** Errors of the webhook ingress; each carries the HTTP status the sender gets. */
export abstract class WebhookError extends Error {
  abstract readonly httpStatus: number;
}

/** Missing, malformed, stale or wrong signature/token: 401, nothing stored. */
export class WebhookSignatureError extends WebhookError {
  readonly httpStatus = 401;
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/** Not JSON, or not the provider's envelope: 400, nothing stored. */
export class WebhookPayloadError extends WebhookError {
  readonly httpStatus = 400;
  constructor(message: string) {
    super(message);
    this.name = 'WebhookPayloadError';
  }
}
