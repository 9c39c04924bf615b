import { lazy, Suspense, type ComponentType } from 'react';
import { FullPageLoader } from '../components/FullPageLoader';
import type { Namespace } from '../i18n';

/**
 * Pages of a module as lazy components: the first one opened fetches the module's page chunk and the
 * namespaces its pages use (its own first, then those of modules whose components it shows).
 */
export function lazyPages<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  namespaces: readonly Namespace[],
): (name: keyof M & string) => ComponentType {
  const loadAll = () => Promise.all([load(), ...namespaces.map((ns) => ns.load())]).then(([pages]) => pages);
  return (name) => {
    const Page = lazy(() => loadAll().then((pages) => ({ default: pages[name] as ComponentType })));
    function LazyPage() {
      return (
        <Suspense fallback={<FullPageLoader />}>
          <Page />
        </Suspense>
      );
    }
    LazyPage.displayName = `Lazy(${name})`;
    return LazyPage;
  };
}
