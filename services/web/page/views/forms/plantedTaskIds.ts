/**
 * The ids of the tasks applying a template plants, as the server makes them
 * (shared/templates/checklistDecider.ts `plantedTaskId`: `tpl-` and the first 24 hex digits of the
 * SHA-256 of `programme|stop|template|index`): the same however often it is applied, so the page can
 * tell which of them an application added. test/web/templates.rules.test.ts checks the two agree.
 */
export async function plantedTaskIds(programmeId: string, stopId: string | undefined, templateId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, async (_, index) => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${programmeId}|${stopId ?? ''}|${templateId}|${index}`));
    const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `tpl-${hex.slice(0, 24)}`;
  });
  return Promise.all(ids);
}
