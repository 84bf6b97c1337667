// Meetings: meetings about a kecamatan or a puskesmas' wilayah kerja, their agenda snapshot, notes with history,
// actions with a change log, and the printed pack (HTML, and PDF through a bounded Chromium printer).
import type { DbOrTx } from '@peta/db';
import { wilayahKerjaRepository } from '../rollout/wilayah-kerja-repository.ts';
import type { ValuesCapability } from '../values/index.ts';
import type { WilayahCapability } from '../wilayah/index.ts';
import { actionsService } from './actions-service.ts';
import { meetingAreas } from './meeting-area.ts';
import { meetingsRepository } from './meetings-repository.ts';
import { meetingsService } from './meetings-service.ts';
import { notesService } from './notes-service.ts';
import { packService } from './pack-service.ts';
import type { PdfPrinter } from './pdf.ts';

export * from './meetings-repository.ts';
export * from './meeting-area.ts';
export * from './agenda-service.ts';
export * from './meetings-service.ts';
export * from './notes-service.ts';
export * from './actions-service.ts';
export * from './pack-html.ts';
export * from './pack-service.ts';
export * from './pdf.ts';

/** The meetings capability on one database; packs print through `printer` (bounded). */
export function meetingsCapability(
  db: DbOrTx,
  deps: { wilayah: WilayahCapability; values: ValuesCapability; now: () => Date; printer: PdfPrinter },
) {
  const repository = meetingsRepository(db);
  const areas = meetingAreas({ wilayah: deps.wilayah.repository, wilayahKerja: wilayahKerjaRepository(db) });
  const meetings = meetingsService(db, {
    wilayah: deps.wilayah.repository,
    areas,
    values: deps.values.service,
    valuesRepo: deps.values.repository,
    now: deps.now,
  });
  return {
    meetings,
    notes: notesService(repository),
    actions: actionsService(db, { wilayah: deps.wilayah.repository, areas, values: deps.values.service }),
    packs: packService({
      meetings,
      wilayah: deps.wilayah.repository,
      values: deps.values.service,
      printer: deps.printer,
    }),
    /** Open actions pinned to these wilayah or desa under them (the profiles list them). */
    openActionsUnder: (kodes: string[]) => repository.openActionsUnder(kodes),
  };
}

export type MeetingsCapability = ReturnType<typeof meetingsCapability>;
