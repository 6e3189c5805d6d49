-- PostgreSQL roles for GameOps (run once as a superuser; replace the passwords).
--
-- gameops_owner  owns the schema: migrations run as this role, once per release, from one place:
--                  Database__Provider=Postgres ConnectionStrings__GameOps='…Username=gameops_owner…' dotnet GameOps.Web.dll migrate
--                The migrate command's --grant-runtime-role option (see README) then grants the runtime role
--                its rights on every table, including the Quartz qrtz_* tables and the new ones of that release.
-- gameops_app    the instances' runtime role: reads and writes rows, never changes the schema
--                (Database:MigrateOnStartup=false on the instances).
-- gameops_reader ConnectionStrings:GameOpsReadOnly on a replica (or on the primary): SELECT only, and every
--                transaction read-only.
CREATE ROLE gameops_owner LOGIN PASSWORD 'change-me';
CREATE ROLE gameops_app LOGIN PASSWORD 'change-me';
CREATE ROLE gameops_reader LOGIN PASSWORD 'change-me';
ALTER ROLE gameops_reader SET default_transaction_read_only = on;

CREATE DATABASE gameops OWNER gameops_owner;
\connect gameops
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO gameops_app, gameops_reader;

-- What --grant-runtime-role does after each migration (shown here for the first install):
ALTER DEFAULT PRIVILEGES FOR ROLE gameops_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO gameops_app;
ALTER DEFAULT PRIVILEGES FOR ROLE gameops_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO gameops_app;
ALTER DEFAULT PRIVILEGES FOR ROLE gameops_owner IN SCHEMA public GRANT SELECT ON TABLES TO gameops_reader;
