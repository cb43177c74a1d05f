// The review's default date: books close at a month end, so the last day of the
// previous month in the operator's calendar (YYYY-MM-DD).

export function previousMonthEnd(now = new Date()): string {
  const end = new Date(now.getFullYear(), now.getMonth(), 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}`;
}
