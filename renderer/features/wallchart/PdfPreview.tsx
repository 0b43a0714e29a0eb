/**
 * Draws the real chart PDF with pdf.js into a canvas: the worker is a file of the app (bundled
 * by vite, loaded from 'self'), nothing is fetched from elsewhere, and eval is off.
 */
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
// ?worker&url: vite bundles the worker as its own .js file (served as JavaScript everywhere, unlike .mjs).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';

GlobalWorkerOptions.workerSrc = workerUrl;

function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function PdfPreview({ pdfBase64, loading }: { pdfBase64: string | null; loading: boolean }) {
  const { t } = useTranslation('wallchart');
  // The drawing takes the width the panel has (the canvas is redrawn when the window is resized).
  const { ref: box, width: boxWidth } = useElementSize();
  const width = Math.max(200, Math.floor(boxWidth) - 2);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);

  useEffect(() => {
    if (!pdfBase64) return;
    let cancelled = false;
    const task = getDocument({ data: bytesOf(pdfBase64), isEvalSupported: false, disableFontFace: false, useSystemFonts: false });
    task.promise.then(
      (d) => {
        if (cancelled) return void d.destroy();
        setDoc((old) => {
          void old?.destroy();
          return d;
        });
        setPage((p) => Math.min(p, d.numPages));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [pdfBase64]);

  useEffect(() => {
    if (!doc || !canvas.current || boxWidth === 0) return;
    let cancelled = false;
    let render: { cancel(): void; promise: Promise<void> } | null = null;
    void doc.getPage(Math.min(page, doc.numPages)).then((p) => {
      if (cancelled || !canvas.current) return;
      const base = p.getViewport({ scale: 1 });
      setSize({ w: Math.round((base.width * 25.4) / 72), h: Math.round((base.height * 25.4) / 72) });
      const ratio = window.devicePixelRatio || 1;
      const vp = p.getViewport({ scale: (width / base.width) * ratio });
      const c = canvas.current;
      c.width = Math.round(vp.width);
      c.height = Math.round(vp.height);
      c.style.width = `${Math.round(vp.width / ratio)}px`;
      c.style.height = `${Math.round(vp.height / ratio)}px`;
      render = p.render({ canvas: c, viewport: vp });
      render.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page, width, boxWidth]);

  const pages = doc?.numPages ?? 0;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" data-testid="preview-info">
          {doc && size ? t('preview.info', { page: Math.min(page, pages), pages, w: size.w, h: size.h }) : ''}
        </Text>
        <Group gap="xs">
          {loading && <Loader size="xs" aria-label={t('preview.loading')} />}
          <Button size="compact-sm" variant="default" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t('preview.prev')}
          </Button>
          <Button size="compact-sm" variant="default" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            {t('preview.next')}
          </Button>
        </Group>
      </Group>
      <div ref={box} style={{ border: '1px solid var(--mantine-color-gray-4)', background: '#fff', width: '100%', minHeight: 200, opacity: loading ? 0.6 : 1 }}>
        <canvas ref={canvas} data-testid="preview-canvas" aria-label={t('preview.title')} />
      </div>
    </Stack>
  );
}
