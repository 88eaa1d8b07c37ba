/** Limits of the Groups API the gateway checks before any upstream call (docs/groups-api.md#limits). */
export const GROUP_LIMITS = {
  subjectMaxChars: 128,
  descriptionMaxChars: 2048,
  participantsPerRemoval: 8,
  pictureMinPixels: 192,
  pinMinDays: 1,
  pinMaxDays: 30,
  /** WhatsApp's limit for a text message body. */
  textBodyMaxChars: 4096,
  /** WhatsApp's limit for a media caption. */
  captionMaxChars: 1024,
  /** WhatsApp's limit for `biz_opaque_callback_data`, echoed in the message's statuses. */
  bizOpaqueCallbackDataMaxChars: 512,
  /** Meta's profile picture limit (the multipart reader may take larger files for uploadMedia). */
  pictureMaxBytes: 5 * 1024 * 1024,
} as const;
