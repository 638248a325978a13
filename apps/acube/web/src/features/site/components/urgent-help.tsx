// How to get urgent help: the organisation's own words (a setting), on every public page.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useSite } from '../site.api.ts';

/** What to do in an emergency: the organisation's words, or the fallback until they load. */
export function useUrgentHelpText(): string {
  const { t } = useI18n();
  return useSite().data?.urgent_help || t('urgent.fallback');
}

export function UrgentHelp(props: { headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const text = useUrgentHelpText();
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="urgent-help" aria-labelledby="urgent-help-title">
      <Heading id="urgent-help-title" className="urgent-help__title">
        {t('urgent.title')}
      </Heading>
      <p className="urgent-help__text">{text}</p>
    </section>
  );
}
