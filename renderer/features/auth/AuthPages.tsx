/**
 * Signing in, creating the first administrator (a database set up before accounts existed), and
 * the lock screen. The main process decides (app.status); these pages only ask for the password.
 */
import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@shared/domain/app';
import { PASSWORD_MIN, type Role } from '@shared/domain/account';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../i18n';

function Frame({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <Center mih="100vh" p="lg" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} component="main">
        <Stack>
          <Title order={2} c="red.9">
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            {intro}
          </Text>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** Runs a sign-in call; its refusal (wrong password, wait N seconds) is shown under the password. */
function useSubmit(onDone: (s: AppStatus) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<AppStatus>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await fn());
    } catch (e) {
      setError(e instanceof ApiError ? errorText(e.info) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

export function LoginPage({ status, onDone }: { status: AppStatus; onDone: (s: AppStatus) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const sub = useSubmit(onDone);
  return (
    <Frame title={t('auth.loginTitle')} intro={t('auth.loginIntro', { county: status.county?.name ?? '' })}>
      <form onSubmit={(e) => (e.preventDefault(), void sub.run(() => call('auth.login', { login, password })))}>
        <Stack>
          <TextInput label={t('auth.login')} value={login} onChange={(e) => setLogin(e.currentTarget.value)} required autoFocus autoComplete="username" />
          <PasswordInput label={t('auth.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required error={sub.error} autoComplete="current-password" />
          <Button type="submit" loading={sub.busy} disabled={!login.trim() || !password}>
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}

/** Client-side checks of a new password pair (the main process checks again). */
export function passwordProblem(t: (k: string, p?: Record<string, unknown>) => string, password: string, confirm: string): string | null {
  if (password && [...password].length < PASSWORD_MIN) return t('auth.short', { min: PASSWORD_MIN });
  if (confirm && password !== confirm) return t('auth.mismatch');
  return null;
}

export function CreateAdminPage({ status, onDone }: { status: AppStatus; onDone: (s: AppStatus) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('admin');
  const [name, setName] = useState(status.operator ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const sub = useSubmit(onDone);
  const problem = passwordProblem(t, password, confirm);
  return (
    <Frame title={t('auth.createTitle')} intro={t('auth.createIntro', { name: status.operator ?? '' })}>
      <form onSubmit={(e) => (e.preventDefault(), void sub.run(() => call('auth.createAdmin', { login, name, password })))}>
        <Stack>
          <TextInput label={t('auth.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <TextInput label={t('auth.login')} value={login} onChange={(e) => setLogin(e.currentTarget.value)} required autoFocus autoComplete="username" />
          <PasswordInput label={t('auth.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="new-password" />
          <PasswordInput label={t('auth.confirm')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} required error={problem ?? sub.error} autoComplete="new-password" />
          <Button type="submit" loading={sub.busy} disabled={!login.trim() || !name.trim() || !password || password !== confirm || !!problem}>
            {t('auth.create')}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}

export function LockPage({ status, onDone }: { status: AppStatus; onDone: (s: AppStatus) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const sub = useSubmit(onDone);
  const s = status.session!;
  return (
    <Frame title={t('auth.lockedTitle')} intro={t('auth.lockedIntro', { name: s.name, role: t(`auth.roles.${s.role}`) })}>
      <form onSubmit={(e) => (e.preventDefault(), void sub.run(() => call('auth.unlock', { password })))}>
        <Stack>
          <PasswordInput label={t('auth.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoFocus error={sub.error} autoComplete="current-password" />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => void sub.run(() => call('auth.logout', {}))}>
              {t('auth.switchUser')}
            </Button>
            <Button type="submit" loading={sub.busy} disabled={!password}>
              {t('auth.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Frame>
  );
}

/** Locks the screen after `minutes` without keyboard or mouse (the main process locks it too). */
export function useIdleLock(active: boolean, minutes: number, onLocked: (s: AppStatus) => void): void {
  const last = useRef(Date.now());
  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    const touch = () => (last.current = Date.now());
    const events = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
    for (const ev of events) window.addEventListener(ev, touch, { passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) void call('auth.lock', {}).then(onLocked, () => undefined);
    }, 15_000);
    return () => {
      for (const ev of events) window.removeEventListener(ev, touch);
      clearInterval(timer);
    };
  }, [active, minutes, onLocked]);
}

export const roleKey = (r: Role) => `auth.roles.${r}`;
