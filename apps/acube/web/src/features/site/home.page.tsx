// The front page: what the organisation offers, each a link to its page, and how to get help
// at once when waiting is not possible.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { Link } from 'wouter';
import { APP_NAME } from '../shell/acube-shell.tsx';

const OFFERS = [
  { key: 'book', href: '/book' },
  { key: 'events', href: '/events' },
  { key: 'volunteer', href: '/volunteer' },
  { key: 'contact', href: '/contact' },
] as const;

export default function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('home.title')} appName={APP_NAME} />
      <p className="lead">{t('home.intro')}</p>
      <p className="notice">{t('home.urgentPointer')}</p>
      <ul className="cards offers">
        {OFFERS.map((offer) => (
          <li key={offer.key} className="card">
            <h2>
              <Link href={offer.href}>{t(`home.offers.${offer.key}.title`)}</Link>
            </h2>
            <p>{t(`home.offers.${offer.key}.body`)}</p>
          </li>
        ))}
      </ul>
      <p className="muted">{t('home.exitExplained')}</p>
    </>
  );
}
