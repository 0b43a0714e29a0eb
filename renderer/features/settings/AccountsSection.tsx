/** 设置 → 账号管理 (administrators), my password (everyone signed in), the screen lock time (administrators). */
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@shared/domain/app';
import { ROLES, type AccountOut, type Role } from '@shared/domain/account';
import { ApiError, call, useCall } from '../../api/client';
import { errorText } from '../../i18n';
import { notifyError } from '../../ui/notify';
import { tableProps } from '../../ui/table';
import { passwordProblem } from '../auth/AuthPages';

type Editing = { kind: 'add' } | { kind: 'edit'; account: AccountOut } | { kind: 'reset'; account: AccountOut } | null;

export function AccountsSection({ status, onChange }: { status: AppStatus; onChange: () => void }) {
  const admin = status.session?.role === 'admin';
  return (
    <>
      {admin && <AccountList />}
      {status.session && <OwnPassword />}
      {admin && <IdleMinutes status={status} onChange={onChange} />}
    </>
  );
}

function AccountList() {
  const { t } = useTranslation();
  const list = useCall('auth.accounts.list', {});
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>{t('auth.accounts')}</Title>
            <Text size="sm" c="dimmed">
              {t('auth.accountsHint')}
            </Text>
          </div>
          <Button onClick={() => setEditing({ kind: 'add' })}>{t('auth.add')}</Button>
        </Group>
        <DataTable<AccountOut>
          {...tableProps}
          records={list.data ?? []}
          fetching={!list.data}
          columns={[
            { accessor: 'login', title: t('auth.login') },
            { accessor: 'name', title: t('auth.name') },
            { accessor: 'role', title: t('auth.role'), render: (a) => t(`auth.roles.${a.role}`) },
            { accessor: 'townshipName', title: t('auth.township'), render: (a) => a.townshipName ?? '—' },
            { accessor: 'active', title: t('auth.status'), render: (a) => <Badge color={a.active ? 'green' : 'gray'} variant="light">{a.active ? t('auth.active') : t('auth.inactive')}</Badge> },
            {
              accessor: 'actions',
              title: t('common.actions'),
              textAlign: 'right',
              render: (a) => (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ kind: 'edit', account: a })} aria-label={`${t('auth.edit')} ${a.login}`}>
                    {t('auth.edit')}
                  </Button>
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ kind: 'reset', account: a })} aria-label={`${t('auth.reset')} ${a.login}`}>
                    {t('auth.reset')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      </Stack>
      {editing && <AccountModal editing={editing} onClose={() => setEditing(null)} onSaved={() => void list.reload()} />}
    </Paper>
  );
}

function AccountModal({ editing, onClose, onSaved }: { editing: Exclude<Editing, null>; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const townships = useCall('org.townships.list', {});
  const a = editing.kind === 'add' ? null : editing.account;
  const [login, setLogin] = useState(a?.login ?? '');
  const [name, setName] = useState(a?.name ?? '');
  const [role, setRole] = useState<Role>(a?.role ?? 'township');
  const [townshipId, setTownshipId] = useState<string | null>(a?.townshipId ?? null);
  const [active, setActive] = useState(a?.active ?? true);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = passwordProblem(t, password, confirm);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (editing.kind === 'add') await call('auth.accounts.add', { login, name, role, townshipId: role === 'township' ? townshipId : null, password });
      else if (editing.kind === 'edit') await call('auth.accounts.update', { id: a!.id, name, role, townshipId: role === 'township' ? townshipId : null, active });
      else await call('auth.accounts.resetPassword', { id: a!.id, password });
      notifications.show({ color: 'green', message: editing.kind === 'reset' ? t('auth.resetDone', { login: a!.login }) : t('auth.saved', { login: login || a!.login }) });
      onSaved();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? errorText(e.info) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const title = editing.kind === 'add' ? t('auth.add') : editing.kind === 'edit' ? t('auth.editTitle', { login: a!.login }) : t('auth.resetTitle', { login: a!.login });
  const needsPassword = editing.kind !== 'edit';
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{title}</Text>} centered>
      <Stack>
        {editing.kind !== 'reset' && (
          <>
            <TextInput label={t('auth.login')} value={login} onChange={(e) => setLogin(e.currentTarget.value)} disabled={editing.kind === 'edit'} required data-autofocus />
            <TextInput label={t('auth.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <Select label={t('auth.role')} data={ROLES.map((r) => ({ value: r, label: t(`auth.roles.${r}`) }))} value={role} onChange={(v) => v && setRole(v as Role)} required />
            {role === 'township' && (
              <Select label={t('auth.township')} data={(townships.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={townshipId} onChange={setTownshipId} searchable required />
            )}
            {editing.kind === 'edit' && <Checkbox label={t('auth.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
          </>
        )}
        {needsPassword && (
          <>
            <PasswordInput label={t('auth.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="new-password" data-autofocus={editing.kind === 'reset' || undefined} />
            <PasswordInput label={t('auth.confirm')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} required error={problem} autoComplete="new-password" />
          </>
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('auth.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={needsPassword && (!password || password !== confirm || !!problem)}>
            {t('auth.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function OwnPassword() {
  const { t } = useTranslation();
  const [oldPassword, setOld] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const problem = passwordProblem(t, password, confirm);
  const save = async () => {
    setError(null);
    try {
      await call('auth.password.change', { oldPassword, password });
      notifications.show({ color: 'green', message: t('auth.changed') });
      setOld('');
      setPassword('');
      setConfirm('');
    } catch (e) {
      setError(e instanceof ApiError ? errorText(e.info) : String(e));
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('auth.own')}</Title>
        <Group align="flex-start" grow>
          <PasswordInput label={t('auth.oldPassword')} value={oldPassword} onChange={(e) => setOld(e.currentTarget.value)} error={error} autoComplete="current-password" />
          <PasswordInput label={t('auth.newPassword')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" />
          <PasswordInput label={t('auth.confirm')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={problem} autoComplete="new-password" />
        </Group>
        <Group>
          <Button variant="light" onClick={() => void save()} disabled={!oldPassword || !password || password !== confirm || !!problem}>
            {t('auth.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function IdleMinutes({ status, onChange }: { status: AppStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<number | string>(status.idleMinutes);
  const save = async () => {
    try {
      await call('auth.idle.set', { minutes: Number(minutes) });
      notifications.show({ color: 'green', message: t('auth.idleSaved', { minutes: Number(minutes) }) });
      onChange();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Paper withBorder p="md">
      <Group align="flex-end">
        <NumberInput label={t('auth.idle')} value={minutes} onChange={setMinutes} min={1} max={240} allowDecimal={false} w={260} />
        <Button variant="light" onClick={() => void save()} disabled={Number(minutes) === status.idleMinutes}>
          {t('auth.save')}
        </Button>
      </Group>
    </Paper>
  );
}
