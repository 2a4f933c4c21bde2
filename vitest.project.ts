import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/**
 * The vitest project every package uses: sources through the `@mallkit/source` condition, tests in
 * test/, and the root's 20 s timeouts, which projects do not inherit (a sync runs at the sandbox's
 * scaled rate, and a busy CI machine must not turn a slow run into a failure).
 */
export function mallkitProject(name: string, test: UserWorkspaceConfig['test'] = {}): UserWorkspaceConfig {
  return defineProject({
    resolve: { conditions: ['@mallkit/source'] },
    ssr: { resolve: { conditions: ['@mallkit/source'] } },
    test: { name, include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 20_000, ...test },
  });
}
