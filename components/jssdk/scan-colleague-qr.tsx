'use client';

import { useState, useSyncExternalStore } from 'react';
import type { Messages } from '@/lib/i18n/messages';
import { isWeComClient } from '@/lib/wecom/oauth-urls';
import { forgetSignatures, registeredWeComSdk, weComBridgeAnswers } from './wecom-sdk';

type ScanState =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'scanned'; text: string }
  | { step: 'cancelled' }
  | { step: 'failed'; detail: string };

const noSubscription = () => () => {};

/** The server cannot know the user agent a page will hydrate in, so this is decided in the browser only. */
function useInsideWeCom(): boolean {
  return useSyncExternalStore(noSubscription, () => isWeComClient(navigator.userAgent), () => false);
}

/** Links only for http(s): a scanned `javascript:` stays text. */
const isHttpUrl = (text: string) => /^https?:\/\//i.test(text) && URL.canParse(text);

/** The JS-SDK's errors are plain objects with errMsg ("scanQRCode:cancel"), or Errors. */
function describeFailure(error: unknown): { cancelled: boolean; detail: string } {
  const errMsg = typeof error === 'object' && error !== null && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
  if (errMsg) return { cancelled: /:cancel$/.test(errMsg), detail: errMsg };
  return { cancelled: false, detail: error instanceof Error ? error.message : String(error) };
}

/**
 * "Scan a colleague's QR code" with WeCom's scanner, shown only inside the WeCom client:
 * anywhere else the JS-SDK has nothing to talk to.
 */
export function ScanColleagueQrCode({ t }: { t: Messages['jssdk'] }) {
  const insideWeCom = useInsideWeCom();
  const [state, setState] = useState<ScanState>({ step: 'idle' });
  if (!insideWeCom) return null;

  async function scan() {
    setState({ step: 'working' });
    try {
      if (!(await weComBridgeAnswers())) throw new Error(t.noBridge);
      const ww = await registeredWeComSdk();
      const result = await ww.scanQRCode({ needResult: true, scanType: [ww.ScanQRCodeType.qrCode] });
      setState({ step: 'scanned', text: result.resultStr ?? '' });
    } catch (error) {
      const failure = describeFailure(error);
      if (!failure.cancelled) forgetSignatures();
      setState(failure.cancelled ? { step: 'cancelled' } : { step: 'failed', detail: failure.detail });
    }
  }

  return (
    <section className="card" data-testid="jssdk-scan">
      <h2>{t.title}</h2>
      <button type="button" className="button" data-testid="jssdk-scan-button" disabled={state.step === 'working'} onClick={scan}>
        {state.step === 'working' ? t.scanning : t.scanColleague}
      </button>
      {state.step === 'scanned' && (
        <p data-testid="jssdk-scan-result">
          {t.scanned}:{' '}
          {isHttpUrl(state.text) ? (
            <a href={state.text} rel="noopener noreferrer">
              {state.text}
            </a>
          ) : (
            <span>{state.text}</span>
          )}
        </p>
      )}
      {state.step === 'cancelled' && <p className="hint" data-testid="jssdk-scan-cancelled">{t.cancelled}</p>}
      {state.step === 'failed' && (
        <p className="load-failed" role="alert" data-testid="jssdk-scan-error">
          {t.failed} ({state.detail}). {t.failedHint}
        </p>
      )}
    </section>
  );
}
