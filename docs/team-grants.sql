-- QunDesk team workspace, step 2 of 2: what the operators and viewers may do in the workspace's tables. Run in the
-- database qundesk (psql -d qundesk) as a superuser or as qundesk_owner, after the first migration (docs/team.md);
-- running it again changes nothing. TeamRolesTest runs this very file on a real server.

-- The schema is the owner's: no one else creates anything in it.
ALTER SCHEMA public OWNER TO qundesk_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO qundesk_operator, qundesk_viewer;

-- Operators read and write rows; the identities number their new rows; the registry's change token is a sequence.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO qundesk_operator;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO qundesk_operator;
-- The migrations' history is the owner's to write.
REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM qundesk_operator;

-- Viewers read.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO qundesk_viewer;

-- The same for the tables and sequences of later migrations, which qundesk_owner creates.
ALTER DEFAULT PRIVILEGES FOR ROLE qundesk_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO qundesk_operator;
ALTER DEFAULT PRIVILEGES FOR ROLE qundesk_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO qundesk_operator;
ALTER DEFAULT PRIVILEGES FOR ROLE qundesk_owner IN SCHEMA public
    GRANT SELECT ON TABLES TO qundesk_viewer;
