import type { Language } from '../i18n/messages.ts';

/** What a new draft starts with, in the reader's language: nodes, a group, edges and a flow. */
export const STARTERS: Readonly<Record<Language, string>> = {
  en: `title: New diagram
direction: right
nodes:
  user: { label: User, shape: person }
  app:
    label: App
    nodes:
      api: API
      db: { label: Database, shape: cylinder }
edges:
  - user -> api: request
  - api -> db: query
flows:
  - id: request
    title: A request
    steps:
      - caption: The user sends a request
        nodes: [user, api]
        edges: [user -> api]
      - caption: The API reads the database
        nodes: [db]
        edges: [api -> db]
`,
  ko: `title: 새 다이어그램
direction: right
nodes:
  user: { label: 사용자, shape: person }
  app:
    label: 애플리케이션
    nodes:
      api: API
      db: { label: 데이터베이스, shape: cylinder }
edges:
  - user -> api: 요청
  - api -> db: 조회
flows:
  - id: request
    title: 요청 하나
    steps:
      - caption: 사용자가 요청을 보낸다
        nodes: [user, api]
        edges: [user -> api]
      - caption: API가 데이터베이스를 읽는다
        nodes: [db]
        edges: [api -> db]
`,
};
