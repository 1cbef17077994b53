/** A connection string fit for logs and error messages: any `user:password@` becomes `***@`. */
export function redactUrl(url: string): string {
  return url.replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1***@');
}
