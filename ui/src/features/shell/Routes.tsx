import { Empty } from "../../components/States";
import { t } from "../../i18n";
import { conferenceList } from "../../state/app";
import { href, route } from "../../state/router";
import { AgendaView } from "../agenda/Agenda";
import { WhatChangedView } from "../changes/WhatChanged";
import { Conferences } from "../conferences/Conferences";
import { ExhibitorDetail } from "../exhibitors/ExhibitorDetail";
import { Exhibitors } from "../exhibitors/Exhibitors";
import { Keynotes } from "../keynotes/Keynotes";
import { NowNext } from "../now/NowNext";
import { PlanDay } from "../plan/PlanDay";
import { Programme } from "../programme/Programme";
import { BoothRouteView } from "../route/BoothRoute";
import { SessionDetail } from "../session/SessionDetail";
import { Settings } from "../settings/Settings";
import { SpeakerDetail, Speakers } from "../speakers/Speakers";

export function Routes() {
  const { view, key } = route.value;
  if (view === "settings") return <Settings />;
  if (view === "conferences") return <Conferences />;
  if (!conferenceList.value?.length) {
    return (
      <Empty>
        <p data-testid="no-conference">{t("conferences.none")}</p>
        <p><a href={href("conferences")} class="button" data-testid="import-first">{t("conferences.importFirst")}</a></p>
      </Empty>
    );
  }
  switch (view) {
    case "programme": return <Programme />;
    case "keynotes": return <Keynotes />;
    case "speakers": return <Speakers />;
    case "exhibitors": return <Exhibitors />;
    case "agenda": return <AgendaView />;
    // Not keyed by the day: switching days keeps the tabs mounted, so focus stays on them.
    case "plan": return <PlanDay date={key} />;
    case "route": return <BoothRouteView />;
    case "changes": return <WhatChangedView />;
    case "session": return key ? <SessionDetail key={key} sessionKey={key} /> : <Programme />;
    case "speaker": return key ? <SpeakerDetail key={key} personKey={key} /> : <Speakers />;
    case "exhibitor": return key ? <ExhibitorDetail key={key} exhibitorKey={key} /> : <Exhibitors />;
    default: return <NowNext />;
  }
}
