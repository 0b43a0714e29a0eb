/** The frame of a household-page section: a title and its 新增 button above the content. */
import { Button, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SectionFrame({ title, addLabel, onAdd, children }: { title: string; addLabel: string; onAdd: () => void; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{title}</Title>
        <Button size="compact-sm" variant="light" onClick={onAdd}>
          {addLabel}
        </Button>
      </Group>
      {children}
    </Paper>
  );
}
