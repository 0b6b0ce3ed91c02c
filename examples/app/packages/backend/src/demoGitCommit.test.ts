import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createDemoGitCommitAction } from './demoGitCommit';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

/** A workspace with one rendered manifest, as the GitOps template leaves it. */
function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-git-ws-'));
  fs.mkdirSync(path.join(dir, 'manifests'));
  fs.writeFileSync(
    path.join(dir, 'manifests', 'shop.yaml'),
    'kind: SliceConfig\n',
  );
  return dir;
}

function repository() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-git-repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}

const run = (repo: string, workspacePath: string) =>
  createDemoGitCommitAction({ repository: repo }).handler(
    createMockActionContext({
      workspacePath,
      input: {
        sourcePath: 'manifests',
        targetPath: 'acme/slices',
        message: 'Add slice shop',
      },
    }) as any,
  );

describe('demo:git:commit', () => {
  it('commits the workspace files into the repository, and only them', async () => {
    const repo = repository();
    fs.writeFileSync(path.join(repo, 'untracked.txt'), 'not ours\n');
    await run(repo, workspace());
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('Add slice shop');
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD')).toBe(
      'acme/slices/shop.yaml',
    );
    expect(git(repo, 'status', '--porcelain')).toBe('?? untracked.txt');
  });

  it('refuses a folder that is not a repository of its own (git would commit to the enclosing one)', async () => {
    const outer = repository();
    const inner = path.join(outer, 'not-a-repo');
    fs.mkdirSync(inner);
    await expect(run(inner, workspace())).rejects.toThrow(
      /is not a git repository of its own \(it is inside .*\): refusing to commit there/,
    );
    expect(() => git(outer, 'rev-parse', 'HEAD')).toThrow();
  });

  it('refuses a relative path', async () => {
    await expect(run('.fleet-sim/x', workspace())).rejects.toThrow(
      /must be an absolute path/,
    );
  });
});
