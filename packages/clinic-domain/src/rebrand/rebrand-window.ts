/** A rebrand notice is shown to patients only between its start and end instants (UTC). */

export interface NoticeWindow {
  startsAt: string;
  endsAt: string;
}

export function windowProblem(window: Partial<NoticeWindow>): string | null {
  if (!window.startsAt || !window.endsAt) return 'A rebrand notice needs both a start and an end.';
  const start = Date.parse(window.startsAt);
  const end = Date.parse(window.endsAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return 'Start and end must be ISO 8601 date-times.';
  if (end <= start) return 'A rebrand notice must end after it starts.';
  return null;
}

export function isNoticeActive(window: NoticeWindow, now: Date): boolean {
  if (windowProblem(window)) return false;
  const t = now.getTime();
  return Date.parse(window.startsAt) <= t && t < Date.parse(window.endsAt);
}
