// The entry grid: desa as rows, pembilang/penyebut of each indicator as columns, used like a spreadsheet. Arrow keys,
// Home/End and PageUp/PageDown move; Enter or F2 (or simply typing) edits; Enter commits and moves down (Shift+Enter
// up), Tab right; Escape cancels the edit (on a cell: back to the stored value); Delete empties the cell; a block pasted from Excel fills the cells from the
// focused one (grid-model.ts holds these rules). One cell is in the tab order (roving tabindex).
import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { getIndicator } from '@peta/domain';
import { useT } from '../../i18n/i18n.tsx';
import { move, parsePaste, type Column, type Position } from './grid-model.ts';

export type CellState = 'stored' | 'simulated' | 'edited' | 'pending' | 'error' | 'conflict' | 'warning' | 'empty';

export interface GridTableProps {
  desa: readonly { kode: string; nama: string }[];
  columns: readonly Column[];
  /** What the cell shows, and what editing starts from. */
  textOf: (kode: string, column: Column) => string;
  stateOf: (kode: string, column: Column) => { state: CellState; note?: string };
  onCommit: (kode: string, column: Column, text: string) => void;
  /** Escape on a cell (not editing): back to the stored value. */
  onRevert: (kode: string, column: Column) => void;
  onPaste: (origin: Position, block: string[][]) => void;
}

const showNumber = (text: string) => (/^\d+$/.test(text) ? Number(text).toLocaleString('id-ID') : text);

export function GridTable({ desa, columns, textOf, stateOf, onCommit, onRevert, onPaste }: GridTableProps) {
  const t = useT();
  const [pos, setPos] = useState<Position>({ row: 0, col: 0 });
  const [draft, setDraft] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  // Whether an editor is open now: a blur after Enter or Escape (the input leaving) must not commit a second time.
  const open = useRef(false);
  // Set when an edit ends by a key (Enter, arrows, Tab, Escape): the focus goes back to the current cell in the same
  // commit (a layout effect), so a key pressed right after is not lost while the input leaves the page.
  const refocus = useRef(false);
  const startEdit = (text: string) => {
    open.current = true;
    setDraft(text);
  };
  const closeEdit = () => {
    open.current = false;
    setDraft(null);
  };
  const size = { rows: desa.length, cols: columns.length };
  const at = (p: Position) => ({ kode: desa[p.row]!.kode, column: columns[p.col]! });

  // Keep the focus on the current cell while the grid has it (never steal it from elsewhere on the page).
  useEffect(() => {
    const root = table.current;
    if (!root?.contains(document.activeElement) || draft !== null) return;
    root.querySelector<HTMLElement>(`[data-row="${pos.row}"][data-col="${pos.col}"]`)?.focus();
  }, [pos, draft]);
  useLayoutEffect(() => {
    if (!refocus.current || draft !== null) return;
    refocus.current = false;
    table.current?.querySelector<HTMLElement>(`[data-row="${pos.row}"][data-col="${pos.col}"]`)?.focus();
  }, [pos, draft]);

  if (!size.rows || !size.cols) return null;
  const safe = { row: Math.min(pos.row, size.rows - 1), col: Math.min(pos.col, size.cols - 1) };

  const commit = (text: string, next: Position | null) => {
    const { kode, column } = at(safe);
    closeEdit();
    if (text.trim() !== textOf(kode, column)) onCommit(kode, column, text.trim());
    if (!next) return; // a blur: the focus went elsewhere on purpose
    // Back to the grid, so the keys move again.
    refocus.current = true;
    setPos(next);
  };

  const onCellKey = (event: KeyboardEvent<HTMLTableCellElement>) => {
    if (draft !== null) return;
    const { kode, column } = at(safe);
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(textOf(kode, column));
      return;
    }
    if (event.key === 'Escape') {
      onRevert(kode, column);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onCommit(kode, column, '');
      return;
    }
    const next = move(safe, event.key, size, event.shiftKey);
    if (next) {
      event.preventDefault();
      setPos(next);
      return;
    }
    // Typing starts an edit that replaces the cell, as in a spreadsheet.
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEdit(event.key);
    }
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    if (event.key === 'Escape') {
      event.preventDefault();
      refocus.current = true;
      closeEdit();
    } else if (event.key === 'Enter' || event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      commit(text, move(safe, event.key, size, event.shiftKey));
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commit(text, move(safe, event.shiftKey ? 'ArrowLeft' : 'ArrowRight', size));
    }
  };

  const paste = (event: ClipboardEvent) => {
    const text = event.clipboardData.getData('text/plain');
    // A single value typed into an open editor pastes as text; a block (tabs, lines) fills cells.
    if (draft !== null && !/[\t\n]/.test(text.trimEnd())) return;
    event.preventDefault();
    closeEdit();
    onPaste(safe, parsePaste(text));
  };

  return (
    <div className="isi-scroll">
      <table
        ref={table}
        className="isi-grid"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a spreadsheet is the ARIA grid pattern on a table (WAI-ARIA APG data grid).
        role="grid"
        aria-label={t('isian.grid.label')}
        aria-rowcount={size.rows + 2}
        aria-colcount={size.cols + 1}
        onPaste={paste}
        data-testid="isian-grid"
      >
        <thead>
          <tr>
            <th rowSpan={2} scope="col" className="isi-corner">
              {t('isian.grid.desa')}
            </th>
            {groupsOf(columns).map((g) => (
              <th key={g.indicator} colSpan={g.span} scope="colgroup" title={getIndicator(g.indicator)?.nameId}>
                {getIndicator(g.indicator)?.short ?? g.indicator}
              </th>
            ))}
          </tr>
          <tr>
            {columns.map((c) => (
              <th key={`${c.indicator}-${c.part}`} scope="col" className="isi-part">
                {t(c.part === 'numerator' ? 'isian.grid.numerator' : 'isian.grid.denominator')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {desa.map((d, row) => (
            <tr key={d.kode}>
              <th scope="row" className="isi-desa">
                <span>{d.nama}</span> <small>{d.kode}</small>
              </th>
              {columns.map((column, col) => {
                const focused = safe.row === row && safe.col === col;
                const editing = focused && draft !== null;
                const { state, note } = stateOf(d.kode, column);
                const text = textOf(d.kode, column);
                return (
                  <td
                    key={`${column.indicator}-${column.part}`}
                    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a cell of the ARIA grid above, focused with the arrow keys.
                    role="gridcell"
                    tabIndex={focused ? 0 : -1}
                    data-row={row}
                    data-col={col}
                    className={`isi-cell isi-cell--${state}${focused ? ' isi-cell--focus' : ''}`}
                    aria-invalid={state === 'error' || state === 'conflict' || undefined}
                    title={note}
                    onKeyDown={onCellKey}
                    onClick={() => setPos({ row, col })}
                    onDoubleClick={() => {
                      setPos({ row, col });
                      startEdit(text);
                    }}
                    data-testid={`cell-${d.kode}-${column.indicator}-${column.part}`}
                    data-state={state}
                  >
                    {editing ? (
                      <input
                        className="isi-input"
                        // biome-ignore lint/a11y/noAutofocus: the input appears because the user started editing this cell.
                        autoFocus
                        defaultValue={draft ?? ''}
                        inputMode="numeric"
                        aria-label={`${d.nama}, ${column.indicator} ${t(column.part === 'numerator' ? 'isian.grid.numerator' : 'isian.grid.denominator')}`}
                        onKeyDown={onInputKey}
                        onBlur={(e) => {
                          if (open.current) commit(e.currentTarget.value, null);
                        }}
                        onFocus={(e) => {
                          const end = e.currentTarget.value.length;
                          e.currentTarget.setSelectionRange(end, end);
                        }}
                        data-testid="isian-editor"
                      />
                    ) : (
                      showNumber(text)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function groupsOf(columns: readonly Column[]) {
  const groups: { indicator: string; span: number }[] = [];
  for (const c of columns) {
    const last = groups[groups.length - 1];
    if (last?.indicator === c.indicator) last.span++;
    else groups.push({ indicator: c.indicator, span: 1 });
  }
  return groups;
}
