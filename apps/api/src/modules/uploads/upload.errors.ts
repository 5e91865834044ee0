import type { UploadErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const UPLOAD_ERRORS = {
  UPLOAD_NOT_IMAGE: {
    status: 415,
    message: '只能上传 JPG、PNG 或 WebP 图片',
    messageEn: 'The file is not a JPEG, PNG or WebP image (checked by its bytes)',
  },
} as const satisfies ErrorTable<UploadErrorCode>;

export class UploadError extends AppError {
  constructor(code: UploadErrorCode, overrides?: ErrorOverrides) {
    super(code, UPLOAD_ERRORS[code], overrides);
  }
}
