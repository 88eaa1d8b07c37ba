import type { Logger } from '../lib/logger';
import { createSandbox } from './sandbox';
import type { Sandbox, SandboxOptions } from './sandbox-types';

export interface EmbeddedSandboxOptions extends Omit<SandboxOptions, 'port' | 'logger'> {
  port: number;
  /** The port was configured (SANDBOX_PORT): take it or fail. Otherwise a taken port moves the sandbox to a free one. */
  portExplicit: boolean;
  logger: Logger;
}

/**
 * Starts the sandbox of sandbox mode on its usual port (4010), so that the control API's address in the README
 * works as written; when that port is taken (say by `npm run sandbox`) and nobody asked for it, on a free port
 * instead: the start-up log prints the address either way.
 */
export async function startEmbeddedSandbox(options: EmbeddedSandboxOptions): Promise<Sandbox> {
  const { portExplicit, port, ...sandboxOptions } = options;
  const first = createSandbox({ ...sandboxOptions, port });
  try {
    await first.start();
    return first;
  } catch (error) {
    await first.dispose();
    if (portExplicit || port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  }
  const fallback = createSandbox({ ...sandboxOptions, port: 0 });
  try {
    const { url } = await fallback.start();
    options.logger.warn({ sandboxUrl: url, takenPort: port }, `sandbox port ${port} is taken; the embedded sandbox listens on ${url} instead (set SANDBOX_PORT to choose)`);
    return fallback;
  } catch (error) {
    await fallback.dispose();
    throw error;
  }
}

/** What a new user needs from the start-up log to try the API: the control API and the ids of the demo groups. */
export function describeSandboxForStartup(sandbox: Sandbox): {
  sandboxUrl: string;
  controlUrl: string;
  groups: { id: string; subject: string; phoneNumberId: string }[];
} {
  return {
    sandboxUrl: sandbox.url,
    controlUrl: `${sandbox.url}/sandbox`,
    groups: sandbox.control.state().groups.map((group) => ({ id: group.id, subject: group.subject, phoneNumberId: group.phoneNumberId })),
  };
}
