/*
 * DEMO ONLY: `demo:git:commit` commits files of a template's workspace to the local git
 * repository the demo script creates (`demo.gitopsRepository`), so the GitOps template works
 * with no network. A real portal puts its own publish step there instead
 * (`publish:github:pull-request`, `publish:gitlab:merge-request`, …).
 */
import {
  coreServices,
  createBackendModule,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { execFile } from 'child_process';
import fs from 'fs/promises';
import path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

/**
 * The repository must be a git repository of its own: in a folder that is not one, git would
 * find the enclosing repository (the portal's own checkout, say) and commit there.
 */
async function requireOwnRepository(repository: string) {
  const top = await run('git', [
    '-C',
    repository,
    'rev-parse',
    '--show-toplevel',
  ])
    .then(r => r.stdout.trim())
    .catch(() => undefined);
  const [own, real] = await Promise.all([
    top ? fs.realpath(top) : undefined,
    fs.realpath(repository).catch(() => undefined),
  ]);
  if (!own || own !== real) {
    throw new InputError(
      `demo.gitopsRepository ${repository} is not a git repository of its own${
        own ? ` (it is inside ${own})` : ''
      }: refusing to commit there (scripts/demo.sh creates it)`,
    );
  }
}

export function createDemoGitCommitAction(options: { repository?: string }) {
  return createTemplateAction({
    id: 'demo:git:commit',
    description:
      "DEMO ONLY: commits workspace files to the demo's local git repository",
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe('Workspace folder to commit; default all'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe('Folder in the repository; default its root'),
        message: z => z.string().describe('The commit message'),
      },
      output: {
        commit: z => z.string().describe('The commit id'),
        files: z => z.array(z.string()).describe('Files the commit changed'),
      },
    },
    async handler(ctx) {
      const repository = options.repository;
      if (!repository || !path.isAbsolute(repository)) {
        throw new InputError(
          `demo.gitopsRepository must be an absolute path (scripts/demo.sh sets it); it is ${
            repository ?? 'not set'
          }`,
        );
      }
      await requireOwnRepository(repository);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      const target = resolveSafeChildPath(
        repository,
        ctx.input.targetPath ?? '.',
      );
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would commit ${source} to ${target}`);
        ctx.output('commit', 'dry-run');
        ctx.output('files', []);
        return;
      }
      await fs.mkdir(target, { recursive: true });
      await fs.cp(source, target, { recursive: true });
      const git = (...args: string[]) =>
        run('git', ['-C', repository, ...args]).then(r => r.stdout.trim());
      // Only what this step wrote.
      await git('add', '-A', '--', path.relative(repository, target) || '.');
      await git(
        '-c',
        'user.name=Slice Portal',
        '-c',
        `user.email=${(ctx.user?.ref ?? 'scaffolder').replace(
          /[^a-z0-9.-]/gi,
          '-',
        )}@slice-portal.invalid`,
        'commit',
        '-q',
        '-m',
        ctx.input.message,
      );
      const commit = await git('rev-parse', 'HEAD');
      const files = (await git('show', '--name-only', '--format=', 'HEAD'))
        .split('\n')
        .filter(Boolean);
      ctx.logger.info(`Committed ${files.join(', ')} as ${commit.slice(0, 8)}`);
      ctx.output('commit', commit);
      ctx.output('files', files);
    },
  });
}

export default createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'demo-git-commit',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createDemoGitCommitAction({
            repository: config.getOptionalString('demo.gitopsRepository'),
          }),
        );
      },
    });
  },
});
