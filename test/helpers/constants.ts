/**
 * Values every tier shares. The sandbox ones restate the config defaults (src/config/defaults.ts) on purpose: a test
 * pins what the gateway must serve, so a changed default shows up as failing tests, not as silently moved ones.
 */

/** The sandbox's first business phone number id: six of its eight demo groups. */
export const SANDBOX_PHONE_A = '106540352242922';
/** The sandbox's second business phone number id: the other two demo groups. */
export const SANDBOX_PHONE_B = '106540352242923';

/** The secret the sandbox signs its webhooks with (and the gateway verifies Meta deliveries with by default). */
export const SANDBOX_APP_SECRET = 'sandbox-app-secret';

/** The WhatsApp Business Account id and display number in Meta deliveries built by tests. */
export const META_WABA_ID = '102290129340398';
export const META_DISPLAY_PHONE_NUMBER = '15550783881';
