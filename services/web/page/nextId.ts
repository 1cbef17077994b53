let serial = 0;

/** A page-wide unique element id (`f-3`), for tying labels, errors and lists to their controls. */
export function nextId(prefix: string): string {
  serial += 1;
  return `${prefix}-${serial}`;
}
