import { useEffect, useRef, useState, type ReactNode } from 'react';
import Mermaid from '@theme-original/Mermaid';
import type MermaidType from '@theme/Mermaid';
import type { WrapperProps } from '@docusaurus/types';
import { usePrint, whenDrawn } from '../../components/print';
import styles from './styles.module.css';

type Props = WrapperProps<typeof MermaidType>;

const DRAWN = '.docusaurus-mermaid-container > svg';

/**
 * A copy of a drawn diagram at its own size (the page shrinks it to the column: its labels come
 * out at 4 to 6 px on a phone). Its ids are renamed, so that the copy's styles and arrowheads,
 * which refer to them, stay its own.
 */
function fullSize(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.viewBox.baseVal;
  if (width > 0 && height > 0) {
    copy.setAttribute('width', String(Math.ceil(width)));
    copy.setAttribute('height', String(Math.ceil(height)));
  }
  copy.style.maxWidth = 'none';
  return svg.id ? copy.outerHTML.split(svg.id).join(`${svg.id}-full`) : copy.outerHTML;
}

/**
 * Draws a diagram only when it comes near the screen, or when the page is printed. The Mermaid
 * library is large; a page whose diagrams are further down does not pay for it until the reader
 * scrolls there. A drawn diagram opens full size, in a dialog of its own, from its button or a
 * click on it.
 */
export default function MermaidWhenVisible(props: Props): ReactNode {
  const slot = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [visible, setVisible] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const [full, setFull] = useState<string | null>(null);

  useEffect(() => {
    const element = slot.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The button is offered once there is something to enlarge.
  useEffect(() => {
    const element = slot.current;
    if (!visible || !element) return;
    whenDrawn(element, () => element.querySelector(DRAWN) !== null, 60_000).then(
      () => setDrawn(true),
      () => undefined,
    );
  }, [visible]);

  usePrint({
    prepare: () => {
      setVisible(true);
      const element = slot.current;
      return element ? whenDrawn(element, () => element.querySelector(DRAWN) !== null) : Promise.resolve();
    },
  });

  const open = () => {
    const svg = slot.current?.querySelector<SVGSVGElement>(DRAWN);
    if (svg) setFull(fullSize(svg));
  };
  useEffect(() => {
    if (full !== null && !dialog.current?.open) dialog.current?.showModal();
  }, [full]);

  return (
    <div className={styles.diagram}>
      <div
        ref={slot}
        className={visible ? (drawn ? styles.drawn : undefined) : styles.pending}
        data-mermaid-slot=""
        onClick={drawn ? open : undefined}
      >
        {visible ? <Mermaid {...props} /> : null}
      </div>
      {drawn ? (
        <button type="button" className={`button button--sm button--secondary ${styles.enlarge}`} onClick={open} data-diagram-open="">
          Open the diagram full size
        </button>
      ) : null}
      {full !== null ? (
        <dialog ref={dialog} className={styles.dialog} aria-label="Diagram, full size" onClose={() => setFull(null)} data-diagram-full="">
          <div className={styles.bar}>
            <span>Scroll to see all of it.</span>
            <button type="button" className="button button--sm button--primary" onClick={() => dialog.current?.close()} autoFocus>
              Close
            </button>
          </div>
          <div className={`docusaurus-mermaid-container ${styles.full}`} tabIndex={0} dangerouslySetInnerHTML={{ __html: full }} />
        </dialog>
      ) : null}
    </div>
  );
}
