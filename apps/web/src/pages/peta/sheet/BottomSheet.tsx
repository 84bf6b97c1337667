// The side pane beside the map, which on an upright phone becomes a bottom sheet over the map (sheet-model.ts): a
// handle to drag (or tap, or ArrowUp/ArrowDown, Home/End on it) and two buttons to make it larger or smaller. Its
// body scrolls on its own. Elsewhere (desktop, a phone held sideways) it is a plain side pane: no handle.
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { useMapInset } from '../../../shared/map-view/use-map-inset.ts';
import { dragHeight, snapAfterDrag, stepSnap, tapSnap, type Snap } from './sheet-model.ts';

export interface BottomSheetProps {
  /** true on an upright phone: the pane is a sheet over the map. */
  sheet: boolean;
  snap: Snap;
  onSnap: (snap: Snap) => void;
  /** What the sheet holds now ("9 kecamatan di Kabupaten Labuhanbatu", a desa's name): shown on the handle. */
  title: string;
  bodyRef?: React.Ref<HTMLDivElement>;
  children: ReactNode;
}

interface Drag {
  pointer: number;
  startY: number;
  startTime: number;
  frame: number;
  moved: boolean;
}

const KEY_SNAP: Record<string, (snap: Snap) => Snap> = {
  ArrowUp: (s) => stepSnap(s, 1),
  ArrowDown: (s) => stepSnap(s, -1),
  Home: () => 'peek',
  End: () => 'full',
};

export function BottomSheet({ sheet, snap, onSnap, title, bodyRef, children }: BottomSheetProps) {
  const t = useT();
  const pane = useRef<HTMLElement>(null);
  const drag = useRef<Drag | null>(null);
  /** Height in px while a finger drags the handle; null at rest (the snap's height from the stylesheet). */
  const [dragging, setDragging] = useState<number | null>(null);
  const frameHeight = () => pane.current?.parentElement?.clientHeight ?? window.innerHeight;
  useMapInset(pane, sheet);

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    drag.current = {
      pointer: event.pointerId,
      startY: event.clientY,
      startTime: event.timeStamp,
      frame: frameHeight(),
      moved: false,
    };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== event.pointerId) return;
    const dy = event.clientY - d.startY;
    if (!d.moved && Math.abs(dy) < 6) return;
    d.moved = true;
    setDragging(dragHeight(snap, dy, d.frame));
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== event.pointerId) return;
    if (d.moved) onSnap(snapAfterDrag(snap, event.clientY - d.startY, event.timeStamp - d.startTime, d.frame));
    setDragging(null);
    // A drag is not a tap: the click that follows is ignored (see onClick).
    window.setTimeout(() => {
      drag.current = null;
    }, 0);
  };
  const onClick = () => {
    if (drag.current?.moved) return;
    onSnap(tapSnap(snap));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = KEY_SNAP[event.key];
    if (!next) return;
    event.preventDefault();
    onSnap(next(snap));
  };

  return (
    <aside
      ref={pane}
      className="side-pane"
      aria-label={t('sheet.label')}
      data-testid="side-pane"
      data-snap={sheet ? snap : undefined}
      data-dragging={dragging !== null || undefined}
      // The sheet covers the bottom of the map: the map fits its wilayah above it (src/map/insets.ts).
      data-map-inset={sheet ? 'bottom' : undefined}
      style={dragging !== null ? { height: `${dragging}px` } : undefined}
      // Keyboard focus inside a folded sheet would be hidden below the screen: open it half way.
      onFocus={
        sheet && snap === 'peek'
          ? (e) => {
              if (!e.currentTarget.querySelector('.sheet__bar')?.contains(e.target)) onSnap('half');
            }
          : undefined
      }
    >
      {sheet && (
        <div className="sheet__bar">
          <button
            type="button"
            className="sheet__handle"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onClick={onClick}
            onKeyDown={onKeyDown}
            aria-label={t('sheet.handle', { title, state: t(`sheet.state.${snap}`) })}
            aria-keyshortcuts="ArrowUp ArrowDown Home End"
            data-testid="sheet-handle"
          >
            <span className="sheet__grip" aria-hidden="true" />
            <span className="sheet__title" aria-hidden="true">
              {title}
            </span>
          </button>
          <button
            type="button"
            className="sheet__step"
            onClick={() => onSnap(stepSnap(snap, 1))}
            disabled={snap === 'full'}
            aria-label={t('sheet.expand')}
            title={t('sheet.expand')}
            data-testid="sheet-expand"
          >
            <span aria-hidden="true">▲</span>
          </button>
          <button
            type="button"
            className="sheet__step"
            onClick={() => onSnap(stepSnap(snap, -1))}
            disabled={snap === 'peek'}
            aria-label={t('sheet.collapse')}
            title={t('sheet.collapse')}
            data-testid="sheet-collapse"
          >
            <span aria-hidden="true">▼</span>
          </button>
        </div>
      )}
      <div className="side-pane__body" ref={bodyRef} data-testid="side-pane-body">
        {children}
      </div>
    </aside>
  );
}
