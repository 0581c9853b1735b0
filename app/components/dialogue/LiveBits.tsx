import { useSyncExternalStore } from "react";
import { useT } from "../../lib/i18n.ts";
import type { LiveStatus } from "../../lib/useLive.ts";

const noSubscription = () => () => undefined;

/** Says whether the screen is live; announced politely when it changes, never on every tick. */
export function ConnectionStatus({ status }: { status: LiveStatus }) {
  const t = useT();
  // Only a page whose script runs ever connects: the server's page (all a browser without
  // JavaScript has) says nothing rather than "connecting…" for ever.
  const running = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <p className={`utrecht-paragraph lr-live-status lr-live-status--${status}`} role="status">
      {running ? t(`dialogue.connection.${status}`) : null}
    </p>
  );
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * The facilitator's timer. Not a live region: a screen reader announcing every second would drown
 * the question; the closing of answering is announced by the status notice instead.
 */
export function Countdown({ seconds, large }: { seconds: number; large?: boolean }) {
  const t = useT();
  return (
    <p className={`utrecht-paragraph lr-countdown${large ? " lr-countdown--large" : ""}`}>
      {t("dialogue.timeLeft")} <span role="timer">{clock(seconds)}</span>
    </p>
  );
}

/** The three ways in: the code, the short link and a QR code for phone cameras. */
export function JoinPanel({
  code,
  shortUrl,
  joinUrl,
  qrSvg,
  large,
}: {
  code: string;
  shortUrl: string;
  joinUrl: string;
  qrSvg: string;
  large?: boolean;
}) {
  const t = useT();
  return (
    <div className={`lr-join${large ? " lr-join--large" : ""}`}>
      <div>
        <p className="utrecht-paragraph">{t("dialogue.joinAt", { url: joinUrl })}</p>
        <p className="lr-join__code">
          <strong>{code}</strong>
        </p>
        <p className="utrecht-paragraph">
          {t("dialogue.orOpen")}{" "}
          <a className="utrecht-link" href={shortUrl}>
            {shortUrl}
          </a>
        </p>
      </div>
      <div
        className="lr-join__qr"
        role="img"
        aria-label={t("dialogue.qrLabel", { url: shortUrl })}
        // Made by the qrcode library from our own URL on the server: markup we produced, not input.
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
    </div>
  );
}
