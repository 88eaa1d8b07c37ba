/** Attributes and listeners of an element; text always goes in as text (textContent), never as HTML. */
export interface ElementProps {
  className?: string;
  /** `data-*` attributes, for styling and for the browser tests. */
  data?: Readonly<Record<string, string>>;
  attrs?: Readonly<Record<string, string>>;
  onClick?: (event: MouseEvent) => void;
  onSubmit?: (event: SubmitEvent) => void;
}

export type Child = Node | string | null | false;

/** A tiny element factory: group subjects, usernames and message texts come from other people, so nothing is parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  for (const [name, value] of Object.entries(props.data ?? {})) element.dataset[name] = value;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  const target: HTMLElement = element; // the generic tag hides addEventListener's typed overloads
  if (props.onClick !== undefined) target.addEventListener('click', props.onClick);
  if (props.onSubmit !== undefined) target.addEventListener('submit', props.onSubmit);
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

export function clear(element: Element, ...children: readonly Child[]): void {
  element.replaceChildren(...children.filter((child): child is Node | string => child !== null && child !== false));
}
