import type { Page } from 'playwright-core';

/**
 * Collects what went wrong in a page: uncaught errors, and console errors that the running test did
 * not expect (a test that provokes a 412 or drops the socket says which messages it expects).
 */
export class PageWatch {
  readonly problems: string[] = [];
  readonly messages: string[] = [];
  private expected: RegExp[] = [];

  constructor(page: Page) {
    page.on('pageerror', (error) => this.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      this.messages.push(text);
      if (message.type() === 'error' && !this.expected.some((pattern) => pattern.test(text))) this.problems.push(`console.error: ${text}`);
    });
  }

  /** Console errors matching these are part of the test (a refused request the test caused). */
  expect(...patterns: RegExp[]): void {
    this.expected = patterns;
  }

  /** Answers the problems seen so far and forgets them and the expectations. */
  take(): string[] {
    const problems = this.problems.splice(0);
    this.expected = [];
    return problems;
  }
}
