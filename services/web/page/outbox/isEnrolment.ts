/** A drive enrolment (POST /api/drives/{id}/enrolments): it carries a worker's name and phone. */
export const isEnrolment = (change: { path: string }): boolean => /^\/api\/drives\/[^/]+\/enrolments$/.test(change.path);
