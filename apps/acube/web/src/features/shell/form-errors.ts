// The API's answers to a form, worded by the UI: a field the API refused gets the same words
// the form's own check would give (the API's English never reaches the page); anything else
// becomes one message about the whole form, by kind (no connection, too many tries, ...).
import { ApiError } from '@campus/web/api/client.ts';
import type { FieldError } from '@campus/web/forms/fields.tsx';

type T = (key: string, vars?: Record<string, string | number>) => string;

/** One message about the whole request, by what went wrong. */
export function requestErrorText(err: unknown, t: T): string {
  if (!(err instanceof ApiError)) return t('errors.unexpected');
  if (err.status === 0) return t('errors.network');
  if (err.status === 429)
    return t('errors.tooMany', { minutes: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) });
  if (err.status === 404) return t('errors.notFound');
  // The bot check's solution was refused (expired while the person wrote, say): a new one is
  // being prepared, so sending again works.
  if (err.code === 'BOT_CHECK_FAILED') return t('botCheck.refused');
  if (err.status === 400) return t('errors.invalid');
  return t('errors.unexpected');
}

/** A field the form has: its input's id and what to say when it is refused. */
export interface FormField {
  id: string;
  message: string;
}

/**
 * Field errors for the API's refusal: `fields` maps the API's name ('email') to the form's
 * field; details about `body.<name>` land beside that field, in the form's words.
 */
export function apiFieldErrors(err: unknown, fields: Record<string, FormField>, t: T): FieldError[] {
  // A refusal that names a field (400 for the form's values, 409 for a rule such as an outdated
  // privacy notice) lands beside that field.
  if (err instanceof ApiError && (err.status === 400 || err.status === 409)) {
    const seen = new Set<string>();
    const mapped: FieldError[] = [];
    for (const detail of err.details) {
      const name = detail.field?.replace(/^body\./, '').split('.')[0] ?? '';
      const field = fields[name];
      if (field && !seen.has(field.id)) {
        seen.add(field.id);
        mapped.push({ fieldId: field.id, message: field.message });
      }
    }
    if (mapped.length > 0) return mapped;
  }
  return [{ fieldId: '', message: requestErrorText(err, t) }];
}

/** The message for one field, if it has one. */
export const errorFor = (errors: FieldError[], id: string) => errors.find((e) => e.fieldId === id)?.message;

/** A plausible e-mail address: something@something.something (the server decides). */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
