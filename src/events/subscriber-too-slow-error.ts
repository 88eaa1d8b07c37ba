/**
 * A live subscriber let more events pile up than its queue allows. The stream ended and dropped what it held, so
 * memory stays bounded; the subscriber resumes from the log with `after: resumeAfter`.
 */
export class SubscriberTooSlowError extends Error {
  constructor(
    readonly queueLimit: number,
    /** Cursor of the last event the subscriber received (or the `after` it started from); null when neither exists. */
    readonly resumeAfter: string | null,
  ) {
    super(
      `The subscriber fell more than ${queueLimit} events behind and was disconnected; ` +
        (resumeAfter === null ? 'subscribe again.' : `subscribe again with after: "${resumeAfter}" to continue without a gap.`),
    );
    this.name = 'SubscriberTooSlowError';
  }
}
