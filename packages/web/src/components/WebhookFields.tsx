// The webhook part of a notification form (software findings, sharing publications): the address, whose
// server-side refusal (an internal address, …) shows under the field, and the signing secret, shown once.
import { Alert, Code, Stack, Text, TextInput } from '@mantine/core';
import { ApiError } from '../api/client';

/** The message the server gave for the webhook URL field, if the error is about it. */
export function webhookFieldError(error: unknown): string | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const detail = (error.details as { pointer?: string; message?: string }[]).find(
    (d) => d.pointer === '/webhookUrl',
  );
  return detail ? (detail.message ?? error.message) : null;
}

export interface WebhookFieldsProps {
  /** The texts, in the module's own words. */
  labels: Record<'webhookUrl' | 'webhookHint' | 'hasSecret' | 'secretTitle' | 'secretOnce', string>;
  url: string;
  onUrl: (url: string) => void;
  error: string | null;
  readOnly: boolean;
  /** A secret exists on the server (it is never sent back). */
  hasSecret: boolean;
  /** The secret just created, shown once. */
  secret: string | null;
  /** Prefix of the test ids `webhook-url` and `webhook-secret`. */
  testIdPrefix?: string;
}

export function WebhookFields(p: WebhookFieldsProps) {
  const k = (key: keyof WebhookFieldsProps['labels']) => p.labels[key];
  const prefix = p.testIdPrefix ?? '';
  return (
    <>
      <TextInput
        maw={640}
        label={k('webhookUrl')}
        description={k('webhookHint')}
        placeholder="https://hooks.example.com/shinrai"
        value={p.url}
        onChange={(e) => p.onUrl(e.currentTarget.value)}
        error={p.error}
        readOnly={p.readOnly}
        data-testid={`${prefix}webhook-url`}
      />
      {p.hasSecret && !p.secret ? (
        <Text size="xs" c="dimmed">
          {k('hasSecret')}
        </Text>
      ) : null}
      {p.secret ? (
        <Alert color="yellow" title={k('secretTitle')} maw={640}>
          <Stack gap={4}>
            <Text size="sm">{k('secretOnce')}</Text>
            <Code block data-testid={`${prefix}webhook-secret`}>
              {p.secret}
            </Code>
          </Stack>
        </Alert>
      ) : null}
    </>
  );
}
