/** What a new draft starts with: a small spec showing nodes, a group, edges and a flow. */
export const STARTER = `title: New diagram
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
`;
