import type { DocumentNode } from 'graphql';
import { graphiqlHref } from './graphiql-link';

/**
 * One panel's chrome: a heading, the "query" link to the operation behind it, and a body that shows loading,
 * empty and error states. A newer load supersedes an older one still in flight, so fast filter changes never
 * leave a stale answer drawn.
 */
export class PanelFrame {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly queryLink: HTMLAnchorElement;
  private generation = 0;

  constructor(id: string, title: string, options: { wide?: boolean } = {}) {
    this.element = document.createElement('section');
    this.element.className = options.wide ? 'panel wide' : 'panel';
    this.element.id = id;
    this.element.setAttribute('aria-labelledby', `${id}-title`);
    const head = document.createElement('div');
    head.className = 'panel-head';
    const heading = document.createElement('h2');
    heading.id = `${id}-title`;
    heading.textContent = title;
    this.queryLink = document.createElement('a');
    this.queryLink.className = 'query-link';
    this.queryLink.textContent = 'query';
    this.queryLink.title = `Open the operation behind "${title}" in GraphiQL`;
    this.queryLink.target = '_blank';
    this.queryLink.rel = 'noopener';
    head.append(heading, this.queryLink);
    this.body = document.createElement('div');
    this.body.className = 'panel-body';
    this.body.setAttribute('aria-live', 'polite');
    this.element.append(head, this.body);
  }

  /**
   * Runs the panel's request and draws its answer; `draw` returns null when the answer is empty. The query link
   * is set before the request, so it works even when the request fails.
   */
  async load<T>(
    request: { document: DocumentNode; variables: Record<string, unknown>; run: () => Promise<T> },
    draw: (data: T) => Node | null,
    emptyText = 'No items match these filters.',
  ): Promise<void> {
    const generation = ++this.generation;
    this.queryLink.href = graphiqlHref(request.document, request.variables);
    this.element.setAttribute('aria-busy', 'true');
    this.show(status('Loading…', 'status loading'));
    try {
      const data = await request.run();
      if (generation !== this.generation) return;
      const drawn = draw(data);
      this.show(drawn ?? status(emptyText, 'status empty'));
    } catch (error) {
      if (generation !== this.generation) return;
      const message = error instanceof Error ? error.message : String(error);
      this.show(status(`Could not load this panel: ${message}`, 'status error', 'alert'));
    } finally {
      if (generation === this.generation) this.element.setAttribute('aria-busy', 'false');
    }
  }

  private show(node: Node): void {
    this.body.replaceChildren(node);
  }
}

function status(text: string, className: string, role?: string): HTMLElement {
  const p = document.createElement('p');
  p.className = className;
  if (role) p.setAttribute('role', role);
  p.textContent = text;
  return p;
}
