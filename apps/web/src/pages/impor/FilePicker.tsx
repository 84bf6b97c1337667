// A file picker in the page's own words: a labelled drop zone (click anywhere, Tab + Space, or drag and drop) instead
// of the browser's bare file input, whose "Choose File" button speaks the browser's language, not the page's.
import { useId, useState, type DragEvent, type Ref } from 'react';
import { useLang } from '../../i18n/i18n.tsx';
import { formatBytes } from './import-model.ts';

export interface FilePickerProps {
  /** The button's words ("Pilih berkas"). */
  label: string;
  /** The line under it (which files, "or drag and drop"). */
  hint: string;
  accept: string;
  onFile: (file: File) => void;
  /** The file chosen, shown by name and size under the zone (none: nothing shown). */
  file?: File | null;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
  inputTestId?: string;
  fileTestId?: string;
}

export function FilePicker({
  label,
  hint,
  accept,
  onFile,
  file,
  inputRef,
  testId,
  inputTestId,
  fileTestId,
}: FilePickerProps) {
  const [lang] = useLang();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is the mouse's extra; the labelled file input inside is the way for everyone.
    <div
      className={`imp-drop${dragging ? ' is-dragging' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <span className="imp-drop__icon" aria-hidden="true">
        ⇪
      </span>
      <label htmlFor={`${id}-file`} className="imp-drop__label">
        <span className="imp-drop__main">{label}</span>
        <span className="imp-drop__sub">{hint}</span>
      </label>
      <input
        ref={inputRef}
        id={`${id}-file`}
        type="file"
        accept={accept}
        className="imp-drop__input"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onFile(chosen);
        }}
        data-testid={inputTestId}
      />
      {file && (
        <p className="imp-drop__file" data-testid={fileTestId}>
          <strong>{file.name}</strong> <span className="muted">({formatBytes(file.size, lang)})</span>
        </p>
      )}
    </div>
  );
}
