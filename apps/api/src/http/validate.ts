import type { z } from 'zod';
import { HttpError } from './app-error';

export interface ValidationIssue {
  path: string;
  message: string;
}

/**
 * Parses a body, query or params with a shared zod schema. Unknown fields are stripped
 * (zod's default for objects); a failure is a 400 VALIDATION_FAILED listing each issue.
 */
export function parseInput<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(input ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: [where, ...issue.path].join('.'),
    message: issue.message,
  }));
  throw new HttpError('VALIDATION_FAILED', {
    messageEn: `Invalid ${where}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    details: { issues },
  });
}
