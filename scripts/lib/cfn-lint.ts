/**
 * Runs cfn-lint, AWS's CloudFormation linter, over generated templates and sorts what it finds:
 * errors always fail; a warning fails unless the allowlist below excuses it, with its reason.
 * cfn-lint is a Python program: `pip install cfn-lint` (GitHub's workflow pins the version).
 */
import { execFile } from 'node:child_process';

export interface CfnLintFinding {
  file: string;
  level: 'Error' | 'Warning' | 'Informational';
  rule: string;
  path: string; // e.g. "Resources/CreateDriverLambdaFunction/DependsOn/0"
  message: string;
}

export interface AllowedWarning {
  rule: string;
  path: RegExp;
  message: RegExp;
  reason: string;
}

/**
 * Warnings the chapters' templates keep on purpose. Each is a pattern over what cfn-lint reports,
 * as narrow as the finding allows, so that the same rule elsewhere in a template still fails.
 * A warning that a small edit to a chapter's serverless.yml can fix does not belong here.
 */
export const allowedWarnings: AllowedWarning[] = [
  {
    rule: 'W3005',
    path: /^Resources\/\w+LambdaFunction\/DependsOn\/\d+$/,
    message: /^'(\w+)IamRoleLambdaExecution' dependency already enforced by a 'GetAtt' at 'Resources\/\1LambdaFunction\/Properties\/Role'$/,
    reason:
      "serverless-iam-roles-per-function puts each function's own role in the function's DependsOn as well as in " +
      'its Role; the extra edge is redundant, not wrong, and serverless.yml cannot remove it (resources.extensions ' +
      'only appends to DependsOn)',
  },
  {
    rule: 'W3005',
    path: /^Resources\/ApiGatewayMethod\w+\/DependsOn\/\d+$/,
    message: /^'(\w+ApiGatewayAuthorizer)' dependency already enforced by a 'Ref' at 'Resources\/ApiGatewayMethod\w+\/Properties\/AuthorizerId'$/,
    reason:
      "osls puts a route's Lambda authorizer in the method's DependsOn as well as in its AuthorizerId (chapter 12 on; " +
      'lib/plugins/aws/package/compile/events/api-gateway/lib/method/authorization.js); the extra edge is redundant, ' +
      'not wrong, and serverless.yml cannot remove it',
  },
];

export const installHint =
  "cfn-lint, AWS's CloudFormation linter, is not installed or not on PATH. " +
  'Install it with `pip install cfn-lint` (or `pipx install cfn-lint`), check with `cfn-lint --version`, and run the tests again.';

interface RawFinding {
  Filename: string;
  Level: CfnLintFinding['level'];
  Rule: { Id: string };
  Location: { Path?: (string | number)[] };
  Message: string;
}

/** Lints the given templates, for the given regions, and returns every finding. */
export function cfnLint(templates: string[], regions: string[], options: { cwd?: string } = {}): Promise<CfnLintFinding[]> {
  const args = ['--format', 'json', '--regions', ...regions, '--', ...templates];
  return new Promise((resolve, reject) => {
    execFile('cfn-lint', args, { cwd: options.cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return reject(new Error(installHint));
      // cfn-lint's exit status is a bit field: 2 errors, 4 warnings, 8 informational; 1 means it failed.
      const status = typeof error?.code === 'number' ? error.code : 0;
      if (error && (status === 0 || status & 1)) return reject(new Error(`cfn-lint failed (${error.message}): ${stderr}`));
      try {
        const raw = JSON.parse(stdout || '[]') as RawFinding[];
        resolve(
          raw.map((finding) => ({
            file: finding.Filename,
            level: finding.Level,
            rule: finding.Rule.Id,
            path: (finding.Location.Path ?? []).join('/'),
            message: finding.Message,
          })),
        );
      } catch (parseError) {
        reject(new Error(`cfn-lint printed no JSON: ${String(parseError)}\n${stdout}\n${stderr}`));
      }
    });
  });
}

/** The allowlist entry that excuses a finding, if any: only warnings can be excused. */
export function excuseFor(finding: CfnLintFinding, allowlist: AllowedWarning[] = allowedWarnings) {
  if (finding.level !== 'Warning') return undefined;
  return allowlist.find(
    (entry) => entry.rule === finding.rule && entry.path.test(finding.path) && entry.message.test(finding.message),
  );
}

/** Findings that fail: every error, and every warning the allowlist does not excuse. */
export function unexcusedFindings(findings: CfnLintFinding[], allowlist: AllowedWarning[] = allowedWarnings) {
  return findings.filter((finding) => finding.level === 'Error' || (finding.level === 'Warning' && !excuseFor(finding, allowlist)));
}

export const describeFinding = (finding: CfnLintFinding) =>
  `${finding.level} ${finding.rule} at ${finding.path || '(template)'}: ${finding.message}`;
