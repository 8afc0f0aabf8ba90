/**
 * Priorities: share N tokens among the options with + and − buttons (never drag). What is left is
 * announced after each press. The buttons stay focusable at the limits (aria-disabled), so focus never
 * jumps away from a keyboard user.
 */
import { announce } from '../../../a11y/live';
import { t } from '../../../i18n/index';
import type { Question } from '../../../shared/engagement';
import { Picture, useText } from '../../../ui/ui';

export const DEFAULT_TOKENS = 5;

export function Priorities({
  q,
  value,
  onChange,
  defaultLocale,
}: {
  q: Question;
  value: Record<string, number>;
  onChange: (next: Record<string, number>) => void;
  defaultLocale: string;
}) {
  const text = useText(defaultLocale);
  const total = q.tokens ?? DEFAULT_TOKENS;
  const used = Object.values(value).reduce((a, b) => a + b, 0);
  const left = total - used;
  const change = (id: string, by: 1 | -1) => {
    const now = value[id] ?? 0;
    if ((by === 1 && left <= 0) || (by === -1 && now <= 0)) return;
    const next = { ...value, [id]: now + by };
    if (next[id] === 0) delete next[id];
    onChange(next);
    announce(`${text(q.options?.find((o) => o.id === id)?.label).text}: ${now + by}. ${t('priorities.left', { count: left - by })}`);
  };
  return (
    <div class="priorities">
      <p class="tokens-left" id={`q-${q.id}-left`}>
        {t('priorities.left', { count: left })}
      </p>
      <ul class="priority-list">
        {(q.options ?? []).map((o) => {
          const label = text(o.label);
          const n = value[o.id] ?? 0;
          const labelId = `q-${q.id}-${o.id}-label`;
          return (
            <li class="priority-row" key={o.id}>
              <span class="priority-label" id={labelId}>
                <Picture picture={o.picture} />
                <span lang={label.lang}>{label.text}</span>
              </span>
              <span class="stepper">
                <button
                  type="button"
                  id={`q-${q.id}-${o.id}-minus`}
                  class="button secondary stepper-button"
                  aria-disabled={n <= 0 ? 'true' : undefined}
                  onClick={() => change(o.id, -1)}
                >
                  <span aria-hidden="true">−</span>
                  <span class="visually-hidden">{t('priorities.less', { option: label.text })}</span>
                </button>
                <span class="token-count">
                  {n}
                  <span class="visually-hidden"> {t('priorities.tokens', { count: n })}</span>
                </span>
                <button
                  type="button"
                  id={`q-${q.id}-${o.id}-plus`}
                  class="button secondary stepper-button"
                  aria-disabled={left <= 0 ? 'true' : undefined}
                  onClick={() => change(o.id, 1)}
                >
                  <span aria-hidden="true">+</span>
                  <span class="visually-hidden">{t('priorities.more', { option: label.text })}</span>
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
