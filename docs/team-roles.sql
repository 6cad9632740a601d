-- QunDesk team workspace, step 1 of 2: the roles and the database. Run once, as a PostgreSQL superuser
-- (Debian: sudo -u postgres psql -f team-roles.sql; Docker: docker exec -i qundesk-db psql -U postgres < team-roles.sql).
-- docs/team.md explains each line; TeamRolesTest runs this very file on a real server.

-- Owns the schema and runs the migrations (the first start of QunDesk, or `qundesk workspace copy`, as this user).
CREATE ROLE qundesk_owner LOGIN;

-- What every operator may do: read and write the workspace's rows. Owns nothing, creates no table.
CREATE ROLE qundesk_operator NOLOGIN;

-- A manager who only reads the dashboard: reads every row, writes none.
CREATE ROLE qundesk_viewer NOLOGIN;

-- One login role per person: the name is the operator QunDesk shows in history ("who changed it").
CREATE ROLE lin LOGIN IN ROLE qundesk_operator;
CREATE ROLE wang LOGIN IN ROLE qundesk_operator;
CREATE ROLE zhao LOGIN IN ROLE qundesk_operator;
CREATE ROLE chen LOGIN IN ROLE qundesk_viewer;

CREATE DATABASE qundesk OWNER qundesk_owner ENCODING 'UTF8' TEMPLATE template0;

-- Nobody else may connect; the team's roles may.
REVOKE ALL ON DATABASE qundesk FROM PUBLIC;
GRANT CONNECT ON DATABASE qundesk TO qundesk_operator, qundesk_viewer;
