import type { Page } from 'playwright-core';

export interface NetworkWatch {
  /** Requests and WebSockets the page tried outside the allowed origins (each aborted). */
  readonly outside: readonly string[];
}

/** Lets the page reach only `origins`: any other request is aborted and recorded, WebSockets included (recorded). */
export async function restrictNetwork(page: Page, origins: readonly string[]): Promise<NetworkWatch> {
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (origins.includes(new URL(url).origin)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('websocket', (socket) => {
    const origin = new URL(socket.url()).origin.replace(/^ws/, 'http');
    if (!origins.includes(origin)) outside.push(socket.url());
  });
  return { outside };
}

/** Uncaught exceptions and console errors (a CSP violation is one) of a page, as text. */
export function watchPageErrors(page: Page): { readonly exceptions: readonly string[]; readonly consoleErrors: readonly string[] } {
  const exceptions: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => exceptions.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { exceptions, consoleErrors };
}
