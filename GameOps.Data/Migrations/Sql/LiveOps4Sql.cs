namespace GameOps.Data.Migrations.Sql;

/// <summary>Hand-written SQL of the LiveOps4 workstream (issue 16: managed event types and categories).</summary>
public static class LiveOps4Sql
{
    /// <summary>
    /// A database that already has events gets every type and category they use as an active entry (label = key), so the
    /// editor's lists start from what is in use and nothing shows as unknown. A fresh database has no events here: the seeder fills the lists.
    /// </summary>
    public const string AdoptExistingKindsSqlite = """
        INSERT INTO event_kinds (id, kind, key, label, description, sort_order, is_active, version, created_at, updated_at)
        SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
               kind, v, v, 'Adopted from the events that used it before the list existed.', 100, 1, 1,
               strftime('%Y-%m-%d %H:%M:%S', 'now'), strftime('%Y-%m-%d %H:%M:%S', 'now')
        FROM (SELECT kind, v, lower(hex(randomblob(16))) AS h FROM (
                SELECT DISTINCT 'type' AS kind, event_type AS v FROM events WHERE trim(event_type) <> ''
                UNION SELECT DISTINCT 'category', category FROM events WHERE category IS NOT NULL AND trim(category) <> ''));
        """;

    /// <inheritdoc cref="AdoptExistingKindsSqlite"/>
    public const string AdoptExistingKindsPostgres = """
        INSERT INTO event_kinds (id, kind, key, label, description, sort_order, is_active, version, created_at, updated_at)
        SELECT gen_random_uuid(), kind, v, v, 'Adopted from the events that used it before the list existed.', 100, true, 1, now(), now()
        FROM (SELECT DISTINCT 'type' AS kind, event_type AS v FROM events WHERE trim(event_type) <> ''
              UNION SELECT DISTINCT 'category', category FROM events WHERE category IS NOT NULL AND trim(category) <> '') AS used;
        """;
}
