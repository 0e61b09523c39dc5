import { useState } from 'react';
import { isWebUrl } from '../../../shared/domain/web-url.js';

/** A catalog image: only http(s), lazily loaded, without telling the image host where it is shown. */
export function ProductImage({ url, name, size = 48 }: { url: string | undefined; name: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  if (!isWebUrl(url) || failed) return <span className="product-image placeholder" aria-hidden="true" />;
  return (
    <img
      className="product-image"
      src={url}
      alt={name}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
