/*
 * The repository has no @types/react; these are the only two React calls the IDE makes, typed as React documents
 * them. (GraphiQL's own props are therefore unchecked here; gateway-fetcher.ts types the part that is ours.)
 */
declare module 'react' {
  export interface ReactElement {
    readonly type: unknown;
    readonly props: unknown;
  }
  export function createElement(type: unknown, props?: Readonly<Record<string, unknown>> | null, ...children: unknown[]): ReactElement;
}

declare module 'react-dom/client' {
  import type { ReactElement } from 'react';
  export interface Root {
    render(children: ReactElement): void;
    unmount(): void;
  }
  export function createRoot(container: Element): Root;
}
