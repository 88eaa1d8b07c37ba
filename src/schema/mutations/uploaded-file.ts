/**
 * A file received through the GraphQL multipart request spec, buffered whole (uploads are small: a profile
 * picture is at most 5 MB). `truncated` marks a file that went over the size limit: only its first bytes were
 * kept, so a resolver can refuse it with a message that names the argument instead of a bare HTTP 413.
 */
export class UploadedFile {
  constructor(
    readonly filename: string,
    /** As the client declared it; resolvers check the bytes themselves. */
    readonly mimeType: string,
    readonly bytes: Buffer,
    readonly truncated: boolean,
    /** The limit the file was read with, for messages. */
    readonly limitBytes: number,
  ) {}
}
