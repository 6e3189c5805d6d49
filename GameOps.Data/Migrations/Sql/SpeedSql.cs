namespace GameOps.Data.Migrations.Sql;

/// <summary>
/// Hand-written SQL of the speed workstream: SQLite full-text search (FTS5). PostgreSQL's full-text indexes are in the model
/// (<see cref="Configurations.FullTextSearchConfiguration"/>).
/// </summary>
/// <remarks>
/// SQLite tables keyed by a GUID have an implicit rowid that VACUUM may renumber, so an FTS5 table cannot point at it.
/// Each searched table gets a key table <c>&lt;table&gt;_fts_keys(rowid INTEGER PRIMARY KEY, id UNIQUE)</c> that gives every row
/// a stable integer, and a contentless FTS5 table <c>&lt;table&gt;_fts</c> indexed under that integer (no second copy of the
/// text). Triggers keep both in step with inserts, deletes and updates of the text column.
/// </remarks>
public static class SpeedSql
{
    /// <summary>The searched tables and their text column.</summary>
    public static readonly IReadOnlyList<(string Table, string Column)> SearchedText =
    [
        ("chat_messages", "content"),
        ("player_reports", "description"),
        ("moderation_actions", "reason"),
        ("player_notes", "note"),
    ];

    /// <summary>The FTS5 tokenizer: Unicode words, case folded, accents kept (the counterpart of PostgreSQL's <c>simple</c>).</summary>
    public const string Tokenizer = "unicode61 remove_diacritics 0";

    public static string SqliteCreateFullTextSearch => string.Join("\n", SearchedText.Select(t => SqliteCreate(t.Table, t.Column)));

    public static string SqliteDropFullTextSearch => string.Join("\n", SearchedText.Select(t => SqliteDrop(t.Table)));

    /// <summary>The ids of the rows of <paramref name="table"/> whose text matches the FTS5 expression <c>{0}</c>, with bm25 rank (lower is better).</summary>
    /// <summary>The ids of the rows matching an FTS5 expression (parameter <c>{0}</c>), without ranking them.</summary>
    public static string SqliteMatchIds(string table) =>
        $"SELECT k.id AS id FROM \"{table}_fts\" f JOIN \"{table}_fts_keys\" k ON k.rowid = f.rowid WHERE \"{table}_fts\" MATCH {{0}}";

    public static string SqliteMatch(string table) =>
        $"SELECT k.id AS id, f.rank AS rank FROM \"{table}_fts\" f JOIN \"{table}_fts_keys\" k ON k.rowid = f.rowid WHERE \"{table}_fts\" MATCH {{0}}";

    static string SqliteCreate(string table, string column) => $"""
        CREATE TABLE "{table}_fts_keys" (rowid INTEGER PRIMARY KEY, id NOT NULL UNIQUE);
        CREATE VIRTUAL TABLE "{table}_fts" USING fts5(text, content='', tokenize='{Tokenizer}');
        INSERT INTO "{table}_fts_keys" (id) SELECT id FROM "{table}";
        INSERT INTO "{table}_fts" (rowid, text) SELECT k.rowid, coalesce(t."{column}", '') FROM "{table}_fts_keys" k JOIN "{table}" t ON t.id = k.id;
        CREATE TRIGGER "{table}_fts_insert" AFTER INSERT ON "{table}" BEGIN
            INSERT INTO "{table}_fts_keys" (id) VALUES (new.id);
            INSERT INTO "{table}_fts" (rowid, text) SELECT rowid, coalesce(new."{column}", '') FROM "{table}_fts_keys" WHERE id = new.id;
        END;
        CREATE TRIGGER "{table}_fts_delete" AFTER DELETE ON "{table}" BEGIN
            INSERT INTO "{table}_fts" ("{table}_fts", rowid, text) SELECT 'delete', rowid, coalesce(old."{column}", '') FROM "{table}_fts_keys" WHERE id = old.id;
            DELETE FROM "{table}_fts_keys" WHERE id = old.id;
        END;
        CREATE TRIGGER "{table}_fts_update" AFTER UPDATE OF "{column}" ON "{table}" BEGIN
            INSERT INTO "{table}_fts" ("{table}_fts", rowid, text) SELECT 'delete', rowid, coalesce(old."{column}", '') FROM "{table}_fts_keys" WHERE id = old.id;
            INSERT INTO "{table}_fts" (rowid, text) SELECT rowid, coalesce(new."{column}", '') FROM "{table}_fts_keys" WHERE id = new.id;
        END;

        """;

    static string SqliteDrop(string table) => $"""
        DROP TRIGGER IF EXISTS "{table}_fts_update";
        DROP TRIGGER IF EXISTS "{table}_fts_delete";
        DROP TRIGGER IF EXISTS "{table}_fts_insert";
        DROP TABLE IF EXISTS "{table}_fts";
        DROP TABLE IF EXISTS "{table}_fts_keys";

        """;
}
