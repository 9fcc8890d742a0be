/**
 * The graph's context menu: a small accessible DOM menu (role=menu, menuitems, arrow keys, Home/End, Escape closes and
 * gives focus back), opened by right-click, long-press or the keyboard, mirrored in Arabic (it opens towards the
 * start of the line). Its entries come from menu-model.ts; text reaches the page only through textContent.
 */
import type { Direction } from '../ui-types.ts';
import type { MenuAction, MenuGroup } from './menu-model.ts';

export class ContextMenu {
  private readonly element: HTMLDivElement;
  private returnFocus: HTMLElement | null = null;
  private dir: Direction = 'ltr';
  private at = { x: 0, y: 0 };

  constructor(
    private readonly host: HTMLElement,
    private readonly onChoose: (action: MenuAction) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'context-menu';
    this.element.id = 'graph-menu';
    this.element.setAttribute('role', 'menu');
    this.element.hidden = true;
    this.element.addEventListener('keydown', (event) => this.key(event));
    host.append(this.element);
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (this.isOpen && !this.element.contains(event.target as Node)) this.close(false);
      },
      true,
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Opens at a point of the host (px from its top-left corner) and puts focus on the first item. */
  open(
    at: { x: number; y: number },
    groups: MenuGroup[],
    label: string,
    dir: Direction,
    returnFocus: HTMLElement,
  ): void {
    this.returnFocus = returnFocus;
    this.dir = dir;
    this.at = at;
    this.element.setAttribute('aria-label', label);
    this.element.setAttribute('dir', dir);
    this.element.hidden = false;
    this.render(groups);
    this.items()[0]?.focus();
  }

  /** Redraws the entries (e.g. once the relationship counts arrive), keeping focus on the same item where it can. */
  update(groups: MenuGroup[]): void {
    if (!this.isOpen) return;
    const focused = this.items().indexOf(document.activeElement as HTMLButtonElement);
    this.render(groups);
    const items = this.items();
    if (focused >= 0) items[Math.min(focused, items.length - 1)]?.focus();
  }

  close(restoreFocus = true): void {
    if (!this.isOpen) return;
    this.element.hidden = true;
    this.element.replaceChildren();
    if (restoreFocus) this.returnFocus?.focus();
  }

  private render(groups: MenuGroup[]): void {
    const parts: HTMLElement[] = [];
    groups.forEach((group, index) => {
      if (index > 0) {
        const separator = document.createElement('div');
        separator.setAttribute('role', 'separator');
        separator.className = 'menu-separator';
        parts.push(separator);
      }
      const box = document.createElement('div');
      box.setAttribute('role', 'group');
      if (group.heading) {
        const heading = document.createElement('div');
        heading.className = 'menu-heading';
        heading.id = `graph-menu-heading-${index}`;
        heading.setAttribute('role', 'presentation');
        heading.textContent = group.heading;
        box.setAttribute('aria-labelledby', heading.id);
        box.append(heading);
      }
      for (const item of group.items) {
        const button = this.item(item.label);
        button.addEventListener('click', () => {
          this.close();
          this.onChoose(item.action);
        });
        box.append(button);
      }
      if (group.note) {
        const note = this.item(group.note.text);
        note.setAttribute('aria-disabled', 'true');
        note.classList.add(`menu-note`, `menu-${group.note.state}`);
        box.append(note);
      }
      parts.push(box);
    });
    this.element.replaceChildren(...parts);
    this.place();
  }

  private item(label: string): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'menu-item';
    button.setAttribute('role', 'menuitem');
    button.tabIndex = -1;
    button.textContent = label;
    return button;
  }

  /** Keeps the menu inside the host; in Arabic it opens towards the left of the point. */
  private place(): void {
    const { width, height } = this.host.getBoundingClientRect();
    const menu = this.element.getBoundingClientRect();
    const left = this.dir === 'rtl' ? this.at.x - menu.width : this.at.x;
    this.element.style.left = `${Math.max(4, Math.min(left, width - menu.width - 4))}px`;
    this.element.style.top = `${Math.max(4, Math.min(this.at.y, height - menu.height - 4))}px`;
  }

  private items(): HTMLButtonElement[] {
    return [...this.element.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  private key(event: KeyboardEvent): void {
    const items = this.items();
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape') this.close();
    else if (event.key === 'Tab') this.close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }
}
