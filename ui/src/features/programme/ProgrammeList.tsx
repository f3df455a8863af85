import { SessionRow } from "../../components/SessionRow";
import { VirtualList } from "../../components/VirtualList";
import { t } from "../../i18n";
import type { SessionView } from "../../ipc/bindings";

export const ROW_HEIGHT = 64;

export function ProgrammeList({ sessions, resetKey }: { sessions: readonly SessionView[]; resetKey: unknown }) {
  return (
    <VirtualList
      items={sessions}
      rowHeight={ROW_HEIGHT}
      getKey={(s) => s.key}
      label={t("programme.listLabel", { count: sessions.length })}
      testId="programme-list"
      resetKey={resetKey}
      renderRow={(s, _i, tabIndex) => <SessionRow s={s} tabIndex={tabIndex} />}
    />
  );
}
