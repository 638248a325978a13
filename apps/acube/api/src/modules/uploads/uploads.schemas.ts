// Uploads' answers: the stored file as the admin panel links to it.
import { type Static, Type } from 'typebox';

export const UploadResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
});
export type UploadResponse = Static<typeof UploadResponse>;

export const UploadParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const UploadedFile = Type.Any({ description: 'the file' });

export const toUploadResponse = (f: { id: string; originalName: string; mime: string; size: number }) => ({
  id: f.id,
  name: f.originalName,
  mime: f.mime,
  size: f.size,
  url: `/api/admin/uploads/${f.id}`,
});
