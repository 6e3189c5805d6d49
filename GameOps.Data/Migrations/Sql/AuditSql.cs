namespace GameOps.Data.Migrations.Sql;

/// <summary>
/// Hand-written SQL of the audit workstream: the append-only guards, the scrub of secrets that older versions wrote
/// into <c>staff_audit_logs</c>, and the reset of the two-factor secrets that leaked that way.
/// </summary>
public static class AuditSql
{
    /// <summary>
    /// Every (table, column) the model marks secret when this migration was written (a test keeps it equal to the model).
    /// The scrub replaces their values in audit rows with <c>"[redacted]"</c>.
    /// </summary>
    public static readonly (string Table, string Column)[] SecretColumns =
    [
        ("staff_api_tokens", "token_hash"),
        ("staff_data_protection_keys", "xml"),
        ("staff_user_tokens", "value"),
        ("staff_users", "password_hash"),
        ("staff_users", "security_stamp"),
        ("staff_users", "concurrency_stamp"),
        ("users", "password_hash"),
        ("user_sessions", "session_token"),
    ];

    public const string Redacted = "[redacted]";

    /// <summary>The id of the audit row that records the scrub (one per database: the migration runs once).</summary>
    public const string ScrubEntryId = "0193a0c5-5c2b-7a11-8d00-0000000a0d17";

    const string ScrubReason = "Secrets (two-factor keys, recovery codes, password hashes, tokens) recorded by older versions were redacted; the affected staff must enrol two-factor sign-in again.";

    static IEnumerable<string> Sides => ["before", "after"];

    // ---------------------------------------------------------------- SQLite

    static string SqliteHolds(string table, string column, string side) =>
        $"(entity_type = '{table}' AND json_valid(changes) AND json_type(changes, '$.{side}.{column}') IS NOT NULL AND json_type(changes, '$.{side}.{column}') <> 'null' AND json_extract(changes, '$.{side}.{column}') IS NOT '{Redacted}')";

    static string SqliteAnySecret => string.Join(" OR ", SecretColumns.SelectMany(c => Sides.Select(s => SqliteHolds(c.Table, c.Column, s))));

    static string SqliteLeakedTokenOwners => $"""
        SELECT DISTINCT upper(substr(entity_key, 1, instr(entity_key, ',') - 1)) FROM staff_audit_logs
        WHERE {SqliteHolds("staff_user_tokens", "value", "before")} OR {SqliteHolds("staff_user_tokens", "value", "after")}
        """;

    /// <summary>SQLite: reset leaked two-factor secrets, redact, record the scrub when there was something to scrub (runs before the guards exist).</summary>
    public static string SqliteScrub => $"""
        DELETE FROM staff_user_tokens WHERE login_provider = '[AspNetUserStore]' AND name IN ('AuthenticatorKey', 'RecoveryCodes')
            AND upper(user_id) IN ({SqliteLeakedTokenOwners});
        UPDATE staff_users SET two_factor_enabled = 0, security_stamp = upper(hex(randomblob(16))), concurrency_stamp = lower(hex(randomblob(16)))
            WHERE upper(id) IN ({SqliteLeakedTokenOwners});
        INSERT INTO staff_audit_logs (id, staff_user_id, staff_email, action, entity_type, entity_key, changes, ip_address, user_agent, created_at)
        SELECT '{ScrubEntryId.ToUpperInvariant()}', NULL, NULL, 'scrub', 'staff_audit_logs', NULL,
            json_object('reason', '{ScrubReason}', 'scrubbed_rows', (SELECT count(*) FROM staff_audit_logs WHERE {SqliteAnySecret}),
                'two_factor_reset_staff', (SELECT count(*) FROM ({SqliteLeakedTokenOwners}))),
            NULL, 'migration Audit_HashChain', strftime('%Y-%m-%d %H:%M:%f', 'now')
        WHERE EXISTS (SELECT 1 FROM staff_audit_logs WHERE {SqliteAnySecret});
        {string.Join("\n", SecretColumns.SelectMany(c => Sides.Select(s =>
            $"UPDATE staff_audit_logs SET changes = json_set(changes, '$.{s}.{c.Column}', '{Redacted}') WHERE {SqliteHolds(c.Table, c.Column, s)};")))}
        """;

    /// <summary>SQLite: the trail refuses UPDATE and DELETE, and a row that is not chained.</summary>
    public const string SqliteGuards = """
        CREATE TRIGGER staff_audit_logs_no_update BEFORE UPDATE ON staff_audit_logs
        BEGIN SELECT RAISE(ABORT, 'staff_audit_logs is append-only: UPDATE is not allowed'); END;
        CREATE TRIGGER staff_audit_logs_no_delete BEFORE DELETE ON staff_audit_logs
        BEGIN SELECT RAISE(ABORT, 'staff_audit_logs is append-only: DELETE is not allowed'); END;
        CREATE TRIGGER staff_audit_logs_chained BEFORE INSERT ON staff_audit_logs
        WHEN NEW.hash IS NULL OR NEW.chain_sequence IS NULL
        BEGIN SELECT RAISE(ABORT, 'staff_audit_logs rows must carry their place in the hash chain'); END;
        """;

    public const string SqliteDropGuards = """
        DROP TRIGGER IF EXISTS staff_audit_logs_no_update;
        DROP TRIGGER IF EXISTS staff_audit_logs_no_delete;
        DROP TRIGGER IF EXISTS staff_audit_logs_chained;
        """;

    // ---------------------------------------------------------------- PostgreSQL

    static string PostgresHolds(string table, string column, string side) =>
        $"(entity_type = '{table}' AND jsonb_typeof(changes #> '{{{side},{column}}}') IS NOT NULL AND jsonb_typeof(changes #> '{{{side},{column}}}') <> 'null' AND (changes #>> '{{{side},{column}}}') IS DISTINCT FROM '{Redacted}')";

    static string PostgresAnySecret => string.Join(" OR ", SecretColumns.SelectMany(c => Sides.Select(s => PostgresHolds(c.Table, c.Column, s))));

    static string PostgresLeakedTokenOwners => $"""
        SELECT DISTINCT split_part(entity_key, ',', 1) FROM staff_audit_logs
        WHERE {PostgresHolds("staff_user_tokens", "value", "before")} OR {PostgresHolds("staff_user_tokens", "value", "after")}
        """;

    /// <summary>
    /// PostgreSQL, run by the owner inside the migration's transaction: reset leaked two-factor secrets, redact, record
    /// the scrub. The one sanctioned change to the trail, so the append-only trigger is off for exactly these statements.
    /// </summary>
    public static string PostgresScrub => $"""
        DELETE FROM staff_user_tokens WHERE login_provider = '[AspNetUserStore]' AND name IN ('AuthenticatorKey', 'RecoveryCodes')
            AND user_id::text IN ({PostgresLeakedTokenOwners});
        UPDATE staff_users SET two_factor_enabled = false, security_stamp = upper(md5(random()::text)), concurrency_stamp = md5(random()::text)
            WHERE id::text IN ({PostgresLeakedTokenOwners});
        INSERT INTO staff_audit_logs (id, staff_user_id, staff_email, action, entity_type, entity_key, changes, ip_address, user_agent, created_at)
        SELECT '{ScrubEntryId}'::uuid, NULL, NULL, 'scrub', 'staff_audit_logs', NULL,
            jsonb_build_object('reason', '{ScrubReason}', 'scrubbed_rows', (SELECT count(*) FROM staff_audit_logs WHERE {PostgresAnySecret}),
                'two_factor_reset_staff', (SELECT count(*) FROM ({PostgresLeakedTokenOwners}) owners)),
            NULL, 'migration Audit_HashChain', date_trunc('milliseconds', now())
        WHERE EXISTS (SELECT 1 FROM staff_audit_logs WHERE {PostgresAnySecret});
        ALTER TABLE staff_audit_logs DISABLE TRIGGER staff_audit_logs_no_update_delete;
        {string.Join("\n", SecretColumns.SelectMany(c => Sides.Select(s =>
            $"UPDATE staff_audit_logs SET changes = jsonb_set(changes, '{{{s},{c.Column}}}', '\"{Redacted}\"') WHERE {PostgresHolds(c.Table, c.Column, s)};")))}
        ALTER TABLE staff_audit_logs ENABLE TRIGGER staff_audit_logs_no_update_delete;
        """;

    /// <summary>PostgreSQL: new rows must be chained (rows older than the chain are left as they are).</summary>
    public const string PostgresGuards = """
        ALTER TABLE staff_audit_logs ADD CONSTRAINT ck_staff_audit_logs_chained CHECK (hash IS NOT NULL AND chain_sequence IS NOT NULL) NOT VALID;
        """;

    public const string PostgresDropGuards = "ALTER TABLE staff_audit_logs DROP CONSTRAINT IF EXISTS ck_staff_audit_logs_chained;";

    /// <summary>
    /// PostgreSQL: the runtime role {0} gets full DML on every table except the trail, where it may only INSERT and SELECT,
    /// and may not touch the migrations history. Idempotent: run after every migrate. Never grants ownership, so
    /// ALTER TABLE and DISABLE TRIGGER stay out of its reach.
    /// </summary>
    public static string PostgresGrantRuntimeRole(string role)
    {
        var r = QuoteIdentifier(role);
        return $"""
            GRANT USAGE ON SCHEMA public TO {r};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r};
            REVOKE ALL ON staff_audit_logs FROM {r};
            GRANT SELECT, INSERT ON staff_audit_logs TO {r};
            REVOKE ALL ON "__EFMigrationsHistory" FROM {r};
            GRANT SELECT ON "__EFMigrationsHistory" TO {r};
            """;
    }

    /// <summary>PostgreSQL: creates the runtime login role unless it exists (the password, if any, is a bound parameter).</summary>
    public static string PostgresCreateRuntimeRole(string role) => $"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {QuoteLiteral(role)}) THEN
                CREATE ROLE {QuoteIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
            END IF;
        END $$;
        """;

    /// <summary>PostgreSQL: sets the runtime role's password (DDL takes no parameters, so the literal is escaped).</summary>
    public static string PostgresSetRuntimePassword(string role, string password) =>
        $"ALTER ROLE {QuoteIdentifier(role)} PASSWORD '{password.Replace("'", "''")}';";

    public static string QuoteIdentifier(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 63 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            throw new ArgumentException("A role name is 1–63 letters, digits or underscores.", nameof(name));
        return "\"" + name + "\"";
    }

    static string QuoteLiteral(string name) => "'" + QuoteIdentifier(name).Trim('"') + "'";
}
