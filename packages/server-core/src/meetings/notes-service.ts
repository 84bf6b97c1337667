// Notes per agenda item of a meeting. A note is never edited in place: an edit is a new note that supersedes the old
// one, so every version stays (the answer lists each current note with its history, newest first).
import type { CreateNote, NoteWithHistory } from '@peta/domain/contract';
import { conflict, invalid, notFound } from '../errors.ts';
import { requireMeeting } from './meeting-area.ts';
import type { MeetingsRepository, NoteRow } from './meetings-repository.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/** The current notes (superseded by none), each with the versions it replaced. */
export function notesWithHistory(rows: NoteRow[]): NoteWithHistory[] {
  const byId = new Map(rows.map((n) => [n.id, n]));
  const superseded = new Set(rows.map((n) => n.supersedes).filter((x): x is number => x !== null));
  const dto = (n: NoteRow) => ({
    id: n.id,
    itemKey: n.itemKey,
    text: n.text,
    at: iso(n.at),
    oleh: n.oleh,
    supersedes: n.supersedes,
  });
  return rows
    .filter((n) => !superseded.has(n.id))
    .map((n) => {
      const history = [];
      for (let prev = n.supersedes; prev !== null; prev = byId.get(prev)?.supersedes ?? null) {
        const p = byId.get(prev);
        if (!p) break;
        history.push(dto(p));
      }
      return { ...dto(n), history };
    });
}

export function notesService(repo: MeetingsRepository) {
  return {
    /** Adds a note to a meeting; an edit names the current version it supersedes. */
    async add(meetingId: number, body: CreateNote, oleh: string): Promise<NoteWithHistory> {
      await requireMeeting(repo, meetingId);
      if (body.supersedes !== undefined) {
        const old = await repo.findNote(body.supersedes);
        if (!old || old.meetingId !== meetingId) throw notFound(`Catatan #${body.supersedes} tidak ada di rapat ini.`);
        if (old.itemKey !== body.itemKey)
          throw invalid(
            'NOTE_ITEM_MISMATCH',
            `Catatan #${old.id} milik butir "${old.itemKey}", bukan "${body.itemKey}".`,
          );
        if (await repo.isSuperseded(old.id)) {
          throw conflict(
            'NOTE_SUPERSEDED',
            `Catatan #${old.id} sudah diubah orang lain. Muat ulang lalu ubah versi terbaru.`,
          );
        }
      }
      const created = await repo.insertNote({
        meetingId,
        itemKey: body.itemKey,
        text: body.text,
        oleh,
        supersedes: body.supersedes ?? null,
      });
      return notesWithHistory(await repo.notes(meetingId)).find((n) => n.id === created.id)!;
    },
  };
}

export type NotesService = ReturnType<typeof notesService>;
