// Kode puskesmas: the Komdat id of the seeded list (7 digits, the Komdat list of data/puskesmas/komdat-puskesmas-2022.SOURCE.md, e.g. 1010453)
// or the Kemenkes registration code (P and 10 digits, e.g. P1210090201). A puskesmas a user adds (wilayah kerja CSV)
// must have one of these: the kode lands in files, URLs and other people's spreadsheets, so free text is refused.
export const PUSKESMAS_KODE_PATTERN = /^(\d{7}|P\d{10})$/;

export const PUSKESMAS_KODE_HELP =
  'kode Komdat 7 angka (misalnya 1010453) atau kode Kemenkes huruf P dan 10 angka (misalnya P1210090201)';

export const isPuskesmasKode = (kode: string): boolean => PUSKESMAS_KODE_PATTERN.test(kode);

/** The kode as a message quotes it: long text shortened, so a hostile cell cannot fill the answer. */
export const quoteKode = (kode: string): string => (kode.length > 40 ? `${kode.slice(0, 40)}…` : kode);
