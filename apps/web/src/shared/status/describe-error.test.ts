import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.ts';
import { translate } from '../../i18n/i18n.tsx';
import { describeError } from './describe-error.ts';

const tEn = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params);
const tId = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('id', key, params);
const outOfScope = new ApiRequestError(
  403,
  'OUT_OF_SCOPE',
  'Anda tidak berwenang mencatat rapat dan tindak lanjut untuk wilayah 12.10.08: di luar wilayah Anda (kode 12.10.09).',
);

describe('describeError', () => {
  it("shows the server's Indonesian message as is in Bahasa Indonesia", () => {
    expect(describeError(outOfScope, tId, 'id')).toBe(outOfScope.apiMessage);
    expect(
      describeError(new ApiRequestError(401, 'SIGN_IN_FAILED', 'Nama pengguna atau kata sandi salah.'), tId, 'id'),
    ).toBe('Nama pengguna atau kata sandi salah.');
  });
  it("in English keeps the server's reason of a refusal, quoted, and words a failed sign-in itself", () => {
    expect(describeError(outOfScope, tEn, 'en')).toContain(outOfScope.apiMessage);
    expect(
      describeError(new ApiRequestError(401, 'SIGN_IN_FAILED', 'Nama pengguna atau kata sandi salah.'), tEn, 'en'),
    ).toBe('Wrong user name or password.');
    expect(describeError(new ApiRequestError(404, 'NOT_FOUND', 'Wilayah 99 tidak ditemukan.'), tEn, 'en')).toBe(
      translate('en', 'error.notFound'),
    );
  });
  it('keeps the limit of a refused upload and the wait of a busy server', () => {
    const tooLarge = new ApiRequestError(
      413,
      'BODY_TOO_LARGE',
      'Berkas melebihi batas unggah 50 MB (IMPORT_MAX_UPLOAD_MB).',
    );
    const busy = new ApiRequestError(
      503,
      'IMPORT_BUSY',
      'Server sedang memeriksa berkas lain (…). Coba lagi dalam 5 detik.',
    );
    expect(describeError(tooLarge, tId, 'id')).toBe(tooLarge.apiMessage);
    expect(describeError(tooLarge, tEn, 'en')).toContain('IMPORT_MAX_UPLOAD_MB');
    expect(describeError(busy, tEn, 'en')).toContain('Coba lagi dalam 5 detik');
    expect(describeError(new ApiRequestError(500, 'ERROR'), tEn, 'en')).toBe(translate('en', 'error.server'));
  });
});
