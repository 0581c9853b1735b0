import { Link } from "react-router";
import { MAX_ATTEMPTS } from "../../../core/mail/outbox.ts";
import type { Route } from "./+types/outbox";
import { listOutbox } from "../../../core/mail/queries.ts";
import { regionPolicy } from "../../../core/regions/policy.ts";
import { DeliveryNotice, useStatusText } from "../../components/outbox.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../components/table.tsx";
import { formatDateTime, isoDate } from "../../lib/format.ts";
import { useT } from "../../lib/i18n.ts";
import { getRequestInfo, getServices, requestT, requireRegion } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    regionPolicy.viewOutbox,
  );
  const { locale } = getRequestInfo(context);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const outbox = await listOutbox(scope, { page });
  return {
    region: { slug: region.slug, name: region.name },
    delivers: getServices(context).mailer.delivers,
    maxAttempts: MAX_ATTEMPTS,
    total: outbox.total,
    page: outbox.page,
    pages: outbox.pages,
    mails: outbox.mails.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      created: formatDateTime(m.createdAt, locale),
      createdIso: isoDate(m.createdAt),
      sent: m.sentAt ? formatDateTime(m.sentAt, locale) : null,
      status: m.status,
      attempts: m.attempts,
    })),
    title: `${requestT(context)("outbox.title")} · ${region.name}`,
  };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const statusText = useStatusText();
  const { region, delivers, maxAttempts, mails, total, page, pages } = loaderData;
  const base = `/manage/${region.slug}/outbox`;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("outbox.title")}</h1>
      <p className="utrecht-paragraph">{t("outbox.intro", { region: region.name })}</p>
      <DeliveryNotice delivers={delivers} maxAttempts={maxAttempts} />
      {total === 0 ? (
        <p className="utrecht-paragraph">{t("outbox.empty")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("outbox.count", { count: total })}</p>
          <DataTable
            caption={t("outbox.caption", { region: region.name })}
            columns={[t("outbox.subject"), t("outbox.to"), t("outbox.created"), t("outbox.status")]}
          >
            {mails.map((m) => (
              <Row key={m.id}>
                <RowHeader>
                  <Link className="utrecht-link" to={`${base}/${m.id}`}>
                    {m.subject}
                  </Link>
                </RowHeader>
                <Cell>{m.to}</Cell>
                <Cell>
                  <time dateTime={m.createdIso}>{m.created}</time>
                </Cell>
                <Cell>
                  <span className={`lr-status lr-status--${m.status}`}>
                    {statusText(m.status, m.attempts, delivers)}
                  </span>
                  {m.sent ? ` ${m.sent}` : null}
                </Cell>
              </Row>
            ))}
          </DataTable>
          {pages > 1 ? (
            <nav className="lr-pager" aria-label={t("outbox.pagination")}>
              {page > 1 ? (
                <Link className="utrecht-link" to={`${base}?page=${page - 1}`} rel="prev">
                  {t("outbox.previous")}
                </Link>
              ) : null}
              <span aria-current="page">{t("outbox.page", { page, pages })}</span>
              {page < pages ? (
                <Link className="utrecht-link" to={`${base}?page=${page + 1}`} rel="next">
                  {t("outbox.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
