/**
 * Long calls (import, export, checks) run as tasks: the renderer names the task, polls its
 * progress while it waits for the call, and may cancel it.
 */
import type { TaskProgress } from '../../../shared/domain/roster';
import { AppError } from '../errors';

interface Running {
  progress: TaskProgress;
  controller: AbortController;
}

export class Tasks {
  private readonly running = new Map<string, Running>();

  async run<T>(taskId: string, phase: string, fn: (signal: AbortSignal, report: (done: number, total: number, phase?: string) => void) => Promise<T>): Promise<T> {
    const r: Running = { progress: { phase, done: 0, total: 0 }, controller: new AbortController() };
    this.running.set(taskId, r);
    try {
      return await fn(r.controller.signal, (done, total, p) => {
        r.progress = { phase: p ?? r.progress.phase, done, total };
      });
    } catch (e) {
      if (r.controller.signal.aborted) throw new AppError('CONFLICT', 'task.cancelled');
      throw e;
    } finally {
      this.running.delete(taskId);
    }
  }

  progress(taskId: string): TaskProgress | null {
    return this.running.get(taskId)?.progress ?? null;
  }

  cancel(taskId: string): void {
    this.running.get(taskId)?.controller.abort();
  }
}
