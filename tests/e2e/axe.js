// axe-core in the page under test: the WCAG 2 A and AA rules and axe's best practices.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One line per rule broken, then the elements that break it. */
function describe(violations) {
  return violations.map((v) => [
    `${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.map((n) => `    ${n.target.join(' ')}${n.why ? ` — ${n.why}` : ''}`),
  ].join('\n')).join('\n');
}

/**
 * Fails, naming every rule broken and where, unless axe finds nothing wrong with the page as it
 * is now. `exempt` lists rule ids that do not apply to this state of the page; say why at the call.
 */
export async function assertAccessible(page, label, { exempt = [] } = {}) {
  // Evaluated over the DevTools protocol rather than added as a <script>: the served
  // Content-Security-Policy allows no inline script, and the page stays as it is shipped.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async ([tags, exempt]) => {
    const rules = Object.fromEntries(exempt.map((id) => [id, { enabled: false }]));
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id, impact, help, nodes: nodes.map(({ target, any, all, none }) => ({ target, why: [...any, ...all, ...none][0]?.message })),
    }));
  }, [RULE_TAGS, exempt]);
  assert.equal(violations.length, 0, `${label}: ${violations.length} accessibility rule(s) broken\n${describe(violations)}`);
}
